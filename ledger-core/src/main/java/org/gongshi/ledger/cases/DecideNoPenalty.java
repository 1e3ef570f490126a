package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 不予行政处罚. */
public record DecideNoPenalty(@TargetAggregateIdentifier String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, String legalBasis, String facts) {}
