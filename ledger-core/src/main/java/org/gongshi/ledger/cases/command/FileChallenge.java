package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.cases.event.ChallengeKind;

import java.time.LocalDate;

/** 复议/诉讼: a reconsideration or lawsuit against the decision is pending from {@code filedOn}. */
public record FileChallenge(@TargetAggregateIdentifier String caseId, ChallengeKind kind, LocalDate filedOn) {}
