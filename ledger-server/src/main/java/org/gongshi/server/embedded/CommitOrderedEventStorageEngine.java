package org.gongshi.server.embedded;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Axon's {@link JdbcEventStorageEngine} with one transaction appending at a time, so the ledger's
 * global index grows in commit order.
 *
 * <p>H2 gives an event its global index at insert, and the transaction commits later; two commands
 * committing in the other order leave a gap that closes a moment after a processor has read past
 * it. Axon's gap-aware token does deliver the late event, but its position is the highest index seen,
 * not the event's own, so every projection that orders or deduplicates by position (the feed's
 * numbering, "apply only if newer" in the views) would see a second event at the same position and
 * drop it, and a rebuild would number the feed differently from live. Measured before this class:
 * 1 or 2 of 200 records published at 20/s under a 1,000-subscriber load never reached the feed.
 *
 * <p>The lock is taken at append and held until the unit of work (and with it the transaction) has
 * committed or rolled back, in its clean-up phase; an append outside a unit of work commits at once.
 * It is reentrant, so a process that dispatches several commands in one unit of work keeps going.
 * Appends are a few milliseconds each; the ledger's commands are a few per second. Axon Server (the
 * distributed profile) gives tokens at commit and needs none of this.
 */
final class CommitOrderedEventStorageEngine extends JdbcEventStorageEngine {

    static final Duration APPEND_WAIT = Duration.ofSeconds(30);

    private final ReentrantLock appendLock = new ReentrantLock(true);

    CommitOrderedEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) return;
        acquire();
        if (CurrentUnitOfWork.isStarted()) {
            try {
                CurrentUnitOfWork.get().root().onCleanup(u -> appendLock.unlock()); // after commit or rollback
            } catch (RuntimeException e) {
                appendLock.unlock();
                throw e;
            }
            super.appendEvents(events, serializer);
        } else {
            try {
                super.appendEvents(events, serializer);
            } finally {
                appendLock.unlock();
            }
        }
    }

    private void acquire() {
        try {
            if (!appendLock.tryLock(APPEND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EventStoreException("another transaction has been appending to the ledger for over " + APPEND_WAIT.toSeconds()
                        + " s; nothing was written, try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting to append to the ledger; nothing was written", e);
        }
    }

    /** Whether some transaction is appending now (for tests). */
    boolean appending() {
        return appendLock.isLocked();
    }
}
