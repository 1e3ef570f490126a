package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * 批准移送 / 不予批准: the head's decision on {@code decidedOn} on the transfer of a suspected crime recorded on the case;
 * {@code approved} false needs its {@code reason}, recorded in the file (Decree 310 Art 5). An approved transfer is sent within
 * 24 hours.
 */
public record DecideOnTransfer(@TargetAggregateIdentifier String caseId, Boolean approved, LocalDate decidedOn, String reason) {}
