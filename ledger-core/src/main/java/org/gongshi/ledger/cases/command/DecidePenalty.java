package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.vocabulary.Penalty;

import java.time.LocalDate;
import java.util.List;

/** 作出行政处罚决定. */
public record DecidePenalty(@TargetAggregateIdentifier String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, List<Penalty> penalties, String legalBasis, String facts) {}
