package org.gongshi.ledger.cases;

import java.time.LocalDate;

/**
 * What a credit listing may rely on about a case, as its aggregate stands: who filed it, against
 * whom, whether it ended in a penalty decision, when, and whether that decision still stands (not
 * revoked or confirmed invalid; a changed decision stands).
 */
public record BasisFacts(String caseId, String bureau, String uscc, boolean penaltyDecided, LocalDate decidedOn, boolean standing) {
}
