package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 不予行政处罚. */
public record DecideNoPenalty(@TargetAggregateIdentifier String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, String legalBasis, String facts) {}
