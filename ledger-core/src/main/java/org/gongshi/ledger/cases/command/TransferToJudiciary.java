package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 移送司法机关. */
public record TransferToJudiciary(@TargetAggregateIdentifier String caseId, LocalDate transferredOn, String judicialOrgan, String reason) {}
