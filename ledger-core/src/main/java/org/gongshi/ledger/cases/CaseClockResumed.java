package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The clock restarted; records the days not counted and the deadline that now applies. */
public record CaseClockResumed(String caseId, LocalDate resumedOn, long pausedDays, Deadline decisionDeadline, String policyVersion) implements CaseEvent {}
