package org.gongshi.projections.writes;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Blind read-model writes (upserts and inserts that read nothing back) of one batch of events, sent together at
 * the batch's end: one ordered bulk write per run of writes to one collection, where one round trip per write
 * was the largest part of a replay's work (issue 13: the ledger tree's three round trips per event, a quarter of
 * all a rebuild made).
 *
 * <p>Outside a unit of work (a handler called directly: tests, a view's rebuild) a write is made at once. Inside
 * one (a tracking processor's batch) it waits in the root unit of work and is sent:
 * <ul>
 * <li>before the processor's token is stored: the token store calls {@link #flush()} first
 * ({@code FlushBeforeToken} in the server), so no token is ever stored ahead of the writes of the events it
 * covers, live or after a crash;</li>
 * <li>at the latest when the unit of work prepares its commit (a unit of work that stores no token).</li>
 * </ul>
 * A batch that fails is rolled back with its waiting writes and processed again; every write is idempotent.
 * Only for handlers that do not read what they write within a batch. A write failing at the batch's end fails the
 * batch, not one event: a processor that dead-letters single events (case views, penalty history) uses it only where a
 * handler fails before it makes a write or not at all, so an event it parks left nothing waiting.
 */
public final class BatchedWrites {

    private static final String RESOURCE = BatchedWrites.class.getName();

    private final List<Pending<?>> waiting = new ArrayList<>();
    /** What runs when the batch ends, before its waiting writes are sent ({@link #atBatchEnd}). */
    private final List<Runnable> atEnd = new ArrayList<>();

    private record Pending<T>(MongoCollection<T> collection, WriteModel<T> write) {}

    private BatchedWrites() {
    }

    /** Makes {@code write} on {@code collection}: at the end of the current batch, or now if there is none. */
    public static <T> void write(MongoCollection<T> collection, WriteModel<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(write));
            return;
        }
        current(CurrentUnitOfWork.get().root()).waiting.add(new Pending<>(collection, write));
    }

    /**
     * Runs {@code action} when the current batch ends, before its waiting writes are sent and so before the processor's
     * token is stored (a follower that sums the batch's changes and writes them once: the target figures' counters),
     * or now if there is no batch. A failing action fails the batch, which is then processed again.
     */
    public static void atBatchEnd(Runnable action) {
        if (!CurrentUnitOfWork.isStarted()) {
            action.run();
            return;
        }
        current(CurrentUnitOfWork.get().root()).atEnd.add(action);
    }

    /**
     * At most this many writes go in one bulk write. The embedded MongoDB serves a connection's commands on one of a few
     * event-loop threads, and one long command holds up every other connection's commands on its thread: a batch's
     * counters were several hundred writes, and the feed's entries, written meanwhile, waited behind them.
     */
    static final int MOST_IN_ONE_COMMAND = 64;

    /**
     * {@code writes} on {@code collection} in order, as ordered bulk writes of at most {@value #MOST_IN_ONE_COMMAND}, one
     * after the other: a failure stops them, so what was made is a prefix of {@code writes}, as with one ordered bulk write.
     */
    public static <T> void inOrder(MongoCollection<T> collection, List<? extends WriteModel<? extends T>> writes) {
        for (int from = 0; from < writes.size(); from += MOST_IN_ONE_COMMAND) {
            collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + MOST_IN_ONE_COMMAND)));
        }
    }

    /**
     * Handles {@code events} (those {@code handler} can) as one batch, as a tracking processor would: their writes are sent
     * together when the last is handled (a replay outside a processor: a view rebuilt into a collection of its own, a case
     * as it stood). A failing handler fails the batch and none of its writes are sent.
     */
    public static void handleAsOneBatch(List<? extends EventMessage<?>> events, EventMessageHandler handler) throws Exception {
        if (events.isEmpty()) return;
        BatchingUnitOfWork<? extends EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        ResultMessage<?> result = batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            if (handler.canHandle(event)) handler.handle(event);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof Exception e) throw e;
            throw (Error) failure;
        }
    }

    /** Sends the writes waiting in the current unit of work, if any, in the order they were made. */
    public static void flush() {
        if (!CurrentUnitOfWork.isStarted()) return;
        BatchedWrites batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        if (batch != null) batch.send();
    }

    private static BatchedWrites current(UnitOfWork<?> root) {
        BatchedWrites existing = root.getResource(RESOURCE);
        if (existing != null) return existing;
        BatchedWrites made = new BatchedWrites();
        root.resources().put(RESOURCE, made);
        root.onPrepareCommit(u -> made.send());
        return made;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send() {
        while (!atEnd.isEmpty()) atEnd.remove(0).run();
        while (!waiting.isEmpty()) {
            MongoCollection collection = waiting.get(0).collection();
            int run = 1;
            while (run < waiting.size() && waiting.get(run).collection() == collection) run++;
            List<Pending<?>> sent = waiting.subList(0, run);
            List<WriteModel> writes = new ArrayList<>(run);
            for (Pending<?> pending : sent) writes.add(pending.write());
            inOrder((MongoCollection<Object>) collection, (List<WriteModel<Object>>) (List) writes);
            sent.clear();
        }
    }
}
