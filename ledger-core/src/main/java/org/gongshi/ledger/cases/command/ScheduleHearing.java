package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 听证通知: the party is notified on {@code notifiedOn} of the hearing to be held on {@code hearingOn} (Art 64). */
public record ScheduleHearing(@TargetAggregateIdentifier String caseId, LocalDate notifiedOn, LocalDate hearingOn) {}
