package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 执行: record payment or enforcement of the penalty. */
public record RecordExecution(@TargetAggregateIdentifier String caseId, LocalDate executedOn, BigDecimal paidAmount, String method) {}
