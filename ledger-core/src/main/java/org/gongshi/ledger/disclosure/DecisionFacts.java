package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.RevisionKind;

import java.time.LocalDate;
import java.util.List;

/**
 * The state of a case's decision as its disclosure needs it, supplied by the case: the decision
 * ({@code decisionId} null before there is one), its penalties as they stand after any change, its
 * last revision, and whether the penalty was executed.
 */
public record DecisionFacts(String decisionId, LocalDate decidedOn, List<Penalty> penalties, RevisionKind lastRevision,
                            LocalDate lastRevisionEffectiveOn, boolean executed) {
}
