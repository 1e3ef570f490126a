package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 听证: record the hearing held and its outcome. */
public record ConcludeHearing(@TargetAggregateIdentifier String caseId, LocalDate heldOn, String outcome) {}
