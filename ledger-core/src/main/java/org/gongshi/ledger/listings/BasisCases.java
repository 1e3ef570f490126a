package org.gongshi.ledger.listings;

import org.gongshi.ledger.cases.BasisFacts;

import java.util.Optional;

/**
 * The port through which a listing learns about the cases it rests on: each case as its aggregate
 * stands in the event store (never a read model, which may lag or be rebuilt). Implemented where the
 * Case repository lives (ledger-server); called inside the proposal's unit of work.
 */
public interface BasisCases {

    /** The facts of case {@code caseId}; empty if no such case was ever filed. */
    Optional<BasisFacts> find(String caseId);
}
