package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 复议/诉讼终结: challenge {@code number} ended on {@code endedOn} with {@code outcome}. */
public record EndChallenge(@TargetAggregateIdentifier String caseId, int number, LocalDate endedOn, String outcome) {}
