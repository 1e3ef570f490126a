package org.gongshi.ledger.disclosure.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * 信用修复: end publication early (Order 45 Art 14). The bureau attests only that the harm was removed;
 * payment, a later penalty and a credit listing are checked in the ledger.
 */
public record RepairCredit(@TargetAggregateIdentifier String caseId, LocalDate decidedOn, boolean harmRemoved) {}
