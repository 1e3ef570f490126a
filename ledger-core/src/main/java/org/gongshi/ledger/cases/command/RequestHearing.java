package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 听证申请: the party requests a hearing. */
public record RequestHearing(@TargetAggregateIdentifier String caseId, LocalDate requestedOn) {}
