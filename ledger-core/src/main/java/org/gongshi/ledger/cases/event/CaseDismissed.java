package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** 撤销立案: the case is dismissed, a disposition with its reason; records the decision deadline it answered. */
public record CaseDismissed(@DataSubjectId String caseId, LocalDate dismissedOn, DismissalReason reason, @PersonalData(ifSubjectIsNaturalPerson = true) String note, Deadline decisionDeadline,
                            boolean dismissedInTime, String policyVersion) implements CaseEvent {}
