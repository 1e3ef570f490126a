package org.gongshi.ledger.disclosure.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 信用修复: end publication early; the bureau attests the conditions of Order 45 Art 14. */
public record RepairCredit(@TargetAggregateIdentifier String caseId, LocalDate decidedOn, boolean obligationsFulfilled, boolean harmRemoved, boolean repeatViolation, boolean listedAsDishonest) {}
