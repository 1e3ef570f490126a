package org.gongshi.ledger.listings;

import org.gongshi.ledger.cases.BasisFacts;
import org.gongshi.ledger.disclosure.RecordRedactions;

import java.util.Optional;

/**
 * The port through which a listing learns about the cases it rests on: each case as its aggregate
 * stands in the event store (never a read model, which may lag or be rebuilt). Implemented where the
 * Case repository lives (ledger-server); called inside the proposal's unit of work.
 */
public interface BasisCases {

    /** The facts of case {@code caseId}; empty if no such case was ever filed. */
    Optional<BasisFacts> find(String caseId);

    /**
     * What the public record of case {@code caseId} hid (the terms its bureau listed, the texts the patterns read), for the
     * listing's public texts to hide too; none if no such case was filed (or where no case is at hand: tests' facts).
     */
    default RecordRedactions recordRedactions(String caseId) {
        return RecordRedactions.NONE;
    }
}
