package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 中止 etc.: stop the clock for a period that does not count. */
public record PauseCaseClock(@TargetAggregateIdentifier String caseId, LocalDate pausedOn, PauseReason reason, String note) {}
