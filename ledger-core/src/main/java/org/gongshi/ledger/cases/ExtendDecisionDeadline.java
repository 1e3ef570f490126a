package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 延期: extend the decision deadline, by the head (days) or by a collective decision (newDeadline). */
public record ExtendDecisionDeadline(@TargetAggregateIdentifier String caseId, ExtensionApproval approval, LocalDate approvedOn, Integer days, LocalDate newDeadline, String reason) {}
