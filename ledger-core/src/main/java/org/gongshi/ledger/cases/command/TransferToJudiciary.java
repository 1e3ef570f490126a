package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 移送司法机关: sent on {@code transferredOn}, after the crime was suspected ({@code suspectedOn}) and the head approved ({@code approvedOn}). */
public record TransferToJudiciary(@TargetAggregateIdentifier String caseId, LocalDate transferredOn, String judicialOrgan, String reason,
                                  LocalDate suspectedOn, LocalDate approvedOn) {}
