package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.cases.event.PauseReason;

import java.time.LocalDate;

/** 中止 etc.: stop the clock for a period that does not count. */
public record PauseCaseClock(@TargetAggregateIdentifier String caseId, LocalDate pausedOn, PauseReason reason, String note) {}
