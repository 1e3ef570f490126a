package org.gongshi.ledger.cases;

import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;
import java.util.List;

/**
 * What a credit listing may rely on about a case, as its aggregate stands: who filed it, against
 * whom, whether it ended in a penalty decision, when, and whether that decision still stands (not
 * revoked or confirmed invalid; a changed decision stands), and what the repeated-infringer rule
 * counts by ({@code listings.RepeatedInfringementPolicy.infringementPenalty}): the case's IP type,
 * procedure and violation type, and the penalties in force.
 */
public record BasisFacts(String caseId, String bureau, String uscc, boolean penaltyDecided, LocalDate decidedOn, boolean standing,
                         IpType ipType, Procedure procedure, List<Penalty> penalties, String violationType) {
}
