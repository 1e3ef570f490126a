package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 结案. */
public record CloseCase(@TargetAggregateIdentifier String caseId, LocalDate closedOn, String outcome) {}
