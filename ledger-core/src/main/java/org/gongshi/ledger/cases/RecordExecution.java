package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 执行: record payment or enforcement of the penalty. */
public record RecordExecution(@TargetAggregateIdentifier String caseId, LocalDate executedOn, BigDecimal paidAmount, String method) {}
