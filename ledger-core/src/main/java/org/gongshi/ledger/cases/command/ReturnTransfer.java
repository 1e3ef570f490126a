package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 不予立案退回: the judiciary declined to file the transferred case, which returns to the bureau on {@code returnedOn}. */
public record ReturnTransfer(@TargetAggregateIdentifier String caseId, LocalDate returnedOn, String reason) {}
