package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 送达: the party received the decision on {@code receivedOn}, by {@code method} (直接送达, 邮寄送达, ...); Art 61. */
public record ServeDecision(@TargetAggregateIdentifier String caseId, LocalDate receivedOn, String method) {}
