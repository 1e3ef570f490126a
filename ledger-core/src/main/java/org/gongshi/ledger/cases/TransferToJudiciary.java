package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 移送司法机关. */
public record TransferToJudiciary(@TargetAggregateIdentifier String caseId, LocalDate transferredOn, String judicialOrgan, String reason) {}
