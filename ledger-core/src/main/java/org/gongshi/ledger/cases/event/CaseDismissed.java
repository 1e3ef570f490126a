package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** 撤销立案: the case is dismissed, a disposition with its reason; records the decision deadline it answered. */
public record CaseDismissed(String caseId, LocalDate dismissedOn, DismissalReason reason, String note, Deadline decisionDeadline,
                            boolean dismissedInTime, String policyVersion) implements CaseEvent {}
