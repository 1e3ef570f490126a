package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.vocabulary.Penalty;

import java.time.LocalDate;
import java.util.List;

/** 事先告知: notify the party of the proposed penalty and its rights; rightsWaived when the party expressly waived statement and hearing. */
public record ServePenaltyNotice(@TargetAggregateIdentifier String caseId, LocalDate servedOn, List<Penalty> proposedPenalties, boolean hearingRightGranted, boolean rightsWaived) {}
