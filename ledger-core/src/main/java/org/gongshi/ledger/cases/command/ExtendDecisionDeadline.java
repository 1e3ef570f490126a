package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.cases.event.ExtensionApproval;

import java.time.LocalDate;

/** 延期: extend the decision deadline, by the head (days) or by a collective decision (newDeadline). */
public record ExtendDecisionDeadline(@TargetAggregateIdentifier String caseId, ExtensionApproval approval, LocalDate approvedOn, Integer days, LocalDate newDeadline, String reason) {}
