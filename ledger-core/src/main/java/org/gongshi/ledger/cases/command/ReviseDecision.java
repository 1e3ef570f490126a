package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.RevisionKind;

import java.time.LocalDate;
import java.util.List;

/** 变更/撤销/确认违法/确认无效: the decision is revised by reconsideration, litigation or self-correction. */
public record ReviseDecision(@TargetAggregateIdentifier String caseId, RevisionKind kind, RevisionBy by, String documentNumber, LocalDate effectiveOn, String reason, List<Penalty> penalties) {}
