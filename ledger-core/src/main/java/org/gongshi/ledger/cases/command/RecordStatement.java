package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 陈述、申辩: record the party's statement or defence. */
public record RecordStatement(@TargetAggregateIdentifier String caseId, LocalDate receivedOn, String summary) {}
