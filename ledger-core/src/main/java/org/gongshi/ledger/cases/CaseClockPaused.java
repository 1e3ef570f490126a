package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The clock stopped for a period that does not count towards the decision deadline. */
public record CaseClockPaused(String caseId, LocalDate pausedOn, PauseReason reason, String note) implements CaseEvent {}
