package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.cases.event.DismissalReason;

import java.time.LocalDate;

/** 撤销立案: dismiss a case filed in error, for its reason. */
public record DismissCase(@TargetAggregateIdentifier String caseId, LocalDate dismissedOn, DismissalReason reason, String note) {}
