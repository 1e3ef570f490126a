package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Restart the clock after a pause. */
public record ResumeCaseClock(@TargetAggregateIdentifier String caseId, LocalDate resumedOn) {}
