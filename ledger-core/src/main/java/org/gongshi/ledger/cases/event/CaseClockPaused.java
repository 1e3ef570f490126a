package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/** The clock stopped for a period that does not count towards the decision deadline. */
public record CaseClockPaused(String caseId, LocalDate pausedOn, PauseReason reason, String note) implements CaseEvent {}
