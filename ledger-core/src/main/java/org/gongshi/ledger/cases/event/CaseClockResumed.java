package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** The clock restarted; records the days not counted and the deadline that now applies. */
public record CaseClockResumed(String caseId, LocalDate resumedOn, long pausedDays, Deadline decisionDeadline, String policyVersion) implements CaseEvent {}
