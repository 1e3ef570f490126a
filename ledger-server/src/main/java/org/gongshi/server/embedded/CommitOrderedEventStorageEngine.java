package org.gongshi.server.embedded;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import org.h2.engine.SessionLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

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
 * <p>The lock is taken at append and held until the unit of work's transaction has committed (in memory) or
 * rolled back; an append outside a unit of work commits at once. It is reentrant, so a process that dispatches
 * several commands in one unit of work keeps going. Axon Server (the distributed profile) gives tokens at commit
 * and needs none of this.
 *
 * <p>Group commit: the database writes commits to its file only when told (its own writer runs rarely,
 * {@link EmbeddedStorage}); after its transaction has committed, a command lets the next one in and then waits
 * until the file holds its events, and whichever command writes first writes all committed so far in one store
 * commit. One file write (and one chunk of H2's per-commit metadata) serves every command waiting, instead of one
 * each inside the lock. A command is acknowledged only once its events are in the file, and the processors read
 * only events in the file ({@link #fetchTrackedEvents}), so a crash takes back only what nobody was told or shown.
 *
 * <p>Holding that lock, the engine numbers the events itself: the next global index is the highest
 * committed one plus one, read from the table when unknown (at start and after any rollback), so the
 * index stays gap-free, also after a crash. H2's identity column did the same, but without a cache it
 * wrote and committed its sequence on every insert: a second store commit per event, two thirds of an
 * append's time and half its bytes on disk (JFR of 8 clients, issue 13).
 */
final class CommitOrderedEventStorageEngine extends JdbcEventStorageEngine {

    static final Duration APPEND_WAIT = Duration.ofSeconds(30);

    /** The payload and metadata column type the schema uses ({@link H2EventTableFactory}: VARBINARY, or BLOB in older stores). */
    private static final Class<?> PAYLOAD_TYPE = byte[].class;

    private static final long UNKNOWN = -1;

    private static final Logger log = LoggerFactory.getLogger(CommitOrderedEventStorageEngine.class);

    private final ReentrantLock appendLock = new ReentrantLock(true);

    /** The events read most recently, shared by the processors reading them ({@link #readEvents}). */
    private final RecentlyRead recentlyRead = new RecentlyRead();

    /** The global index the next appended event gets; {@link #UNKNOWN} until read; guarded by {@link #appendLock}. */
    private long nextGlobalIndex = UNKNOWN;

    /** The highest global index in the file (not only committed in memory); {@link #UNKNOWN} until first read. */
    private final AtomicLong durableGlobalIndex = new AtomicLong(UNKNOWN);

    /** The thread holding {@link #appendLock} and since when, or null. */
    private volatile Holding holder;

    /** H2's store under the event table, found at the first append; its commit writes to the file. */
    private volatile MVStore store;

    /** Axon's insert of an event, with the global index given first. */
    private final String insert;

    CommitOrderedEventStorageEngine(Builder builder) {
        super(builder.dataType(PAYLOAD_TYPE));
        insert = "INSERT INTO " + schema().domainEventTable() + " (" + schema().globalIndexColumn() + ", "
                + domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?,?)";
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) return;
        serializeAhead(events, serializer);
        acquire();
        if (CurrentUnitOfWork.isStarted()) {
            if (appendLock.getHoldCount() == 1) {
                try {
                    var root = CurrentUnitOfWork.get().root();
                    // after every commit handler: the transaction's commit is registered after this append (by the
                    // connection Axon attaches to the unit of work), so an on-commit handler would run before it; and
                    // before the event store wakes its readers (after-commit handlers run last registered first)
                    root.afterCommit(u -> releaseAndMakeDurable());
                    root.onRollback(u -> {
                        if (appendLock.isHeldByCurrentThread()) nextGlobalIndex = UNKNOWN; // the numbers handed out were not committed
                    });
                    root.onCleanup(u -> releaseFully()); // a rollback, or a failed commit, still holds the lock
                } catch (RuntimeException e) {
                    appendLock.unlock();
                    throw e;
                }
            }
            super.appendEvents(events, serializer);
        } else {
            try {
                super.appendEvents(events, serializer);
            } catch (RuntimeException e) {
                nextGlobalIndex = UNKNOWN;
                releaseFully();
                throw e;
            }
            releaseAndMakeDurable();
        }
    }

    /**
     * Serializes the events before the append lock is taken: each message keeps what it was serialized to, so the insert
     * under the lock ({@link #appendEvents(Connection, List, Serializer)}) only reads it. Serialized under the lock, every
     * command's Jackson writing and sealing of personal data (a natural person's first event makes its key, a write the
     * read-model store commits before it answers) ran one command at a time.
     */
    private static void serializeAhead(List<? extends EventMessage<?>> events, Serializer serializer) {
        for (EventMessage<?> event : events) { // one wrapped at the insert delegates to it, and finds it serialized
            event.serializePayload(serializer, PAYLOAD_TYPE);
            event.serializeMetaData(serializer, PAYLOAD_TYPE);
        }
    }

    /**
     * Lets the next append in, then waits until this one's events are in the file. Whoever writes first writes every
     * commit made so far in one store commit (MVStore's own lock), so concurrent commands share one write: group commit.
     * A failure here stops the process (nothing is acknowledged that is not in the file).
     */
    private void releaseAndMakeDurable() {
        long committed = nextGlobalIndex - 1;
        releaseFully();
        makeDurable(committed);
    }

    private void releaseFully() {
        if (appendLock.isHeldByCurrentThread()) holder = null;
        while (appendLock.isHeldByCurrentThread()) appendLock.unlock();
    }

    /** The append holding the ledger now and for how long ({@link AppendInProgress}, said by health). */
    Optional<AppendInProgress.Holder> current() {
        Holding now = holder;
        return now == null ? Optional.empty()
                : Optional.of(new AppendInProgress.Holder(now.thread(), Duration.ofNanos(System.nanoTime() - now.since())));
    }

    /** The thread that took the append lock and when (System.nanoTime). */
    private record Holding(String thread, long since) {}

    private void makeDurable(long upTo) {
        if (durableGlobalIndex.get() >= upTo) return;
        MVStore store = this.store;
        try {
            if (store != null && store.isPersistent()) {
                store.commit();
                // commit() returns at once when another store began since it looked, and a store begun by H2's own writer
                // is written on H2's threads after it returns: wait until nothing begun is still on its way to the file, then
                // point the file's header at it, so recovery finds it wherever space reuse put it, and force it to the disk
                StoreHeader.pointAtNewestChunkAndForce(store);
            }
        } catch (RuntimeException e) {
            // after commit a failure cannot fail the command any more (Axon only logs it), and the command would be
            // acknowledged with events that are not in the file; H2 has closed the store (it does on a failed write), so
            // stop at once, as a database stops when it cannot write its log: the caller sees no answer, not a false one
            log.error("cannot write the event store's file: stopping without acknowledging what is not in it", e);
            Runtime.getRuntime().halt(STORE_WRITE_FAILED);
        }
        durableGlobalIndex.accumulateAndGet(upTo, Math::max);
    }

    /** The exit status when the event store's file cannot be written. */
    static final int STORE_WRITE_FAILED = 74; // EX_IOERR

    /**
     * Tracking readers (every processor, through the event store's stream) see only events already in the file: a
     * projection never shows, publishes or signs an event that a crash could still take back.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> fetched = super.fetchTrackedEvents(lastToken, batchSize);
        long durable = durableHead();
        int keep = fetched.size();
        while (keep > 0 && ((GapAwareTrackingToken) fetched.get(keep - 1).trackingToken()).getIndex() > durable) keep--;
        return keep == fetched.size() ? fetched : fetched.subList(0, keep);
    }

    /**
     * The events as {@link #fetchTrackedEvents} reads them, each processor catching up on a stream of its own sharing one
     * message per event with the others ({@link RecentlyRead}).
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return super.readEvents(trackingToken, mayBlock).map(recentlyRead::share);
    }

    /** Forgets the events read most recently ({@link RecentlyRead#clear}): a data subject's key was deleted. */
    void forgetRecentlyRead() {
        recentlyRead.clear();
    }

    /**
     * Axon's tracked event, its token made without reading the event's timestamp where the event follows its predecessor
     * without a gap. Axon parses the timestamp (text in the table) to decide whether a gap before the event may still
     * fill; where there is none the token is the same either way, and this store never leaves one ({@link #appendEvents}
     * numbers the events it commits in order). Axon's timestamp parses were 4.2 % of a rebuild's JFR samples, 1.4 % with
     * this and the shared reads ({@link RecentlyRead}; issue 13, stop 58).
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        long globalIndex = resultSet.getLong(schema().globalIndexColumn());
        if (previousToken == null || !previousToken.getGaps().isEmpty() || globalIndex != previousToken.getIndex() + 1) {
            return super.getTrackedEventData(resultSet, previousToken);
        }
        String aggregateIdentifier = resultSet.getString(schema().aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema().eventIdentifierColumn());
        GenericDomainEventEntry<?> event = new GenericDomainEventEntry<>(resultSet.getString(schema().typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, // as Axon reads an event without aggregate
                resultSet.getLong(schema().sequenceNumberColumn()), eventIdentifier,
                readTimeStamp(resultSet, schema().timestampColumn()), resultSet.getString(schema().payloadTypeColumn()),
                resultSet.getString(schema().payloadRevisionColumn()), readPayload(resultSet, schema().payloadColumn()),
                readPayload(resultSet, schema().metaDataColumn()));
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySortedSet()), event);
    }

    /**
     * The head as far as the file holds it: a command's answer names it as the command's {@code position}, and a read with
     * {@code ?position=} is refused beyond it. The table's highest index may be another command's event committed in
     * memory and not yet written: answered as a position, a SIGKILL before that write made a position acknowledged to a
     * client lie beyond the restarted ledger's head (crash audit, stop 44: {@code ?position=} answered 400 until new
     * events passed it). Once a command's events are in the file, this head is at or after them.
     */
    @Override
    public TrackingToken createHeadToken() {
        TrackingToken head = super.createHeadToken();
        long durable = durableHead();
        if (head instanceof GapAwareTrackingToken token && token.getIndex() > durable) {
            return durable < 0 ? null : GapAwareTrackingToken.newInstance(durable, Collections.emptySortedSet());
        }
        return head;
    }

    /** The highest global index known to be in the file; read once at first use (all that a start found is). */
    private long durableHead() {
        long durable = durableGlobalIndex.get();
        if (durable != UNKNOWN) return durable;
        acquire();
        try (Connection connection = getConnection()) {
            if (durableGlobalIndex.get() == UNKNOWN) {
                long highest = highestGlobalIndex(connection);
                makeDurable(highest); // appends committed in memory (none hold the lock now) reach the file first
            }
            return durableGlobalIndex.get();
        } catch (SQLException e) {
            throw new EventStoreException("cannot read the ledger's highest global index", e);
        } finally {
            // only this hold: a caller appending in a unit of work keeps its own. The holder is forgotten with the last hold: kept,
            // health read a node that had only read its head after a restart as one whose append had held the ledger for minutes,
            // and said DOWN (a README sweep from outside, stop 85: 503 about 120 s after an idle restart)
            if (appendLock.getHoldCount() == 1) holder = null;
            appendLock.unlock();
        }
    }

    /** Axon's insert with the global index given, in the order of {@code events}. Runs holding the append lock. */
    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        if (nextGlobalIndex == UNKNOWN) nextGlobalIndex = highestGlobalIndex(connection) + 1;
        if (store == null) store = storeOf(connection);
        PreparedStatement statement = connection.prepareStatement(insert);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<?> payload = event.serializePayload(serializer, PAYLOAD_TYPE);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, PAYLOAD_TYPE);
            statement.setLong(1, nextGlobalIndex++);
            statement.setString(2, event.getIdentifier());
            statement.setString(3, event.getAggregateIdentifier());
            statement.setLong(4, event.getSequenceNumber());
            statement.setString(5, event.getType());
            writeTimestamp(statement, 6, event.getTimestamp());
            statement.setString(7, payload.getType().getName());
            statement.setString(8, payload.getType().getRevision());
            statement.setObject(9, payload.getData());
            statement.setObject(10, metaData.getData());
            statement.addBatch();
        }
        return statement;
    }

    private long highestGlobalIndex(Connection connection) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement(
                "SELECT MAX(" + schema().globalIndexColumn() + ") FROM " + schema().domainEventTable());
             ResultSet result = max.executeQuery()) {
            result.next();
            long highest = result.getLong(1);
            return result.wasNull() ? 0 : highest; // H2's identity started at 1
        }
    }

    static MVStore storeOf(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    /** An event without an aggregate is stored as Axon stores it: its own id as aggregate, sequence 0. */
    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private void acquire() {
        try {
            if (!appendLock.tryLock(APPEND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EventStoreException("another transaction has been appending to the ledger for over " + APPEND_WAIT.toSeconds()
                        + " s; nothing was written, try again");
            }
            if (appendLock.getHoldCount() == 1) holder = new Holding(Thread.currentThread().getName(), System.nanoTime());
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
