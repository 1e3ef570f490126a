package org.gongshi.projections.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.gongshi.projections.writes.Batches;

/**
 * The event ledger's Merkle tree: one leaf per event of the store, every event, in global order. It
 * runs as one segment so leaves are appended in order; a redelivered event finds its leaf already
 * stored and adds nothing. Leaves are stored once and never regenerated: a replay after a reset
 * reproduces them only if the stored events are unchanged, which is what the signed heads check.
 */
@ProcessingGroup(LedgerTreeProjection.PROCESSING_GROUP)
public class LedgerTreeProjection {

    public static final String PROCESSING_GROUP = "ledger-tree";

    private final LedgerLeaves leaves;
    private final StoredForm storedForm;

    public LedgerTreeProjection(LedgerLeaves leaves, StoredForm storedForm) {
        this.leaves = leaves;
        this.storedForm = storedForm;
    }

    /**
     * Every event, by its stored form only: no payload parameter, so the payload is never deserialised here (nor its
     * personal fields unsealed); the leaf takes the stored bytes as they are.
     */
    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException("event without a global position: " + token));
        LedgerLeaves.Appending appending = appending();
        if (appending.appended(message.getIdentifier())) return;
        appending.append(message.getIdentifier(), globalIndex, StoredEvents.leafOf(message, globalIndex, storedForm));
    }

    /**
     * The leaves appended in this batch of events (the processor's unit of work): which of its events have their leaf
     * already and the tree's size, asked once per batch, and its leaves written together at its end
     * ({@link org.gongshi.projections.writes.BatchedWrites}). Outside a unit of work, one event on its own.
     */
    private LedgerLeaves.Appending appending() {
        return Batches.state(LedgerLeaves.Appending.class, leaves::appending);
    }

    @ResetHandler
    void reset() {
        leaves.clear();
    }
}
