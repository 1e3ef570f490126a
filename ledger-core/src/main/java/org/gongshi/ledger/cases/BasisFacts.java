package org.gongshi.ledger.cases;

import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;
import java.util.List;

/**
 * What a credit listing may rely on about a case, as its aggregate stands: who filed it (its code, and its name as the
 * filing recorded it from the bureau's registration), against
 * whom (its USCC, and its name as filed: null once a natural person's data was shredded), whether it ended in a penalty decision, when, and whether that decision still stands (not
 * revoked or confirmed invalid; a changed decision stands), and what the repeated-infringer rule
 * counts by ({@code listings.RepeatedInfringementPolicy.infringementPenalty}): the case's IP type,
 * procedure and violation type, and the penalties in force. For a repair of the listing, whether the
 * penalties in force put a sum on the party ({@code monetaryPenalty}: a fine or a confiscation, as the
 * repair of a public record reads it) and whether the ledger recorded the penalty's execution
 * ({@code executed}, {@code PenaltyExecuted}).
 */
public record BasisFacts(String caseId, String bureau, String authorityName, String uscc, String partyName, boolean penaltyDecided, LocalDate decidedOn, boolean standing,
                         IpType ipType, Procedure procedure, List<Penalty> penalties, String violationType,
                         boolean monetaryPenalty, boolean executed) {

    /**
     * Whether the party still owes what the decision imposed: a standing penalty decision with a fine or confiscation
     * whose execution the ledger has not recorded (DOMAIN.md, early end: "obligations fulfilled (payment recorded in the
     * ledger)"). A revoked or invalid decision imposes nothing.
     */
    public boolean obligationsOutstanding() {
        return penaltyDecided && standing && monetaryPenalty && !executed;
    }
}
