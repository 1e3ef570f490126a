package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 作出行政处罚决定. */
public record DecidePenalty(@TargetAggregateIdentifier String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, List<Penalty> penalties, String legalBasis, String facts) {}
