package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** The decision deadline passed with no disposition: recorded by the deadline mechanism on {@code recordedOn}, once per deadline. */
public record DecisionDeadlineMissed(String caseId, Deadline decisionDeadline, LocalDate recordedOn, String policyVersion) implements CaseEvent {}
