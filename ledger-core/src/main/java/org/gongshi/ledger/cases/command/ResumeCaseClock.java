package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Restart the clock after a pause. */
public record ResumeCaseClock(@TargetAggregateIdentifier String caseId, LocalDate resumedOn) {}
