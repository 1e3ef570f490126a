package org.gongshi.server.ops;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.gongshi.projections.RebuildableView;
import org.gongshi.projections.writes.BatchedWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Rebuilds one read model from the event store while the live one keeps serving: the view's
 * projection replays every event into a collection of its own ({@code <collection>_rebuild}); once it
 * has caught up with the head, the view's live processor pauses, the rebuild reads on until it has
 * passed the live processor's position, and the rebuilt documents are switched in: each live document
 * that differs is replaced, each one the rebuild does not have is removed, so readers never see an
 * empty or half-empty view. Then the live processor resumes from its own token (the events it
 * re-applies change nothing: every write is conditional on the event's position), unless that token had passed the event
 * store's head (an older event store restored under newer read models: new events would get positions it believes it has
 * passed): then the rebuild reads to the head only and the live processor resumes from the rebuild's last event. Progress (events
 * done, events per second, time left; documents compared, replaced and removed while switching in) is answered by
 * {@link #progress} as of the last batch or chunk, and logged every few seconds.
 *
 * <p>Runs on the node whose processor holds the view's segments (the embedded default holds them all; a rebuild asked of
 * another node is refused, naming the node that holds them). While the rebuild switches its documents in, it holds every
 * segment of the view's processor in this node's name ({@link HeldSegments}), so that no other node's processor writes
 * the live view meanwhile. The public feed is never rebuilt this way: it is a log of record, only verified.
 */
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final MongoDatabase database;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Processors processors;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    /** Events a rebuild handles as one batch: as many as the view's processor takes in one ({@code gongshi.processors.batch-size}). */
    private final int batchSize;

    public Rebuilds(MongoDatabase database, EventStore eventStore, EventProcessingConfiguration processing, Processors processors,
                    int batchSize) {
        this.batchSize = batchSize;
        this.database = database;
        this.eventStore = eventStore;
        this.processing = processing;
        this.processors = processors;
    }

    /**
     * Where a rebuild stands. {@code state}: REPLAYING, SWITCHING, DONE or FAILED; {@code position}
     * and {@code head} are ledger positions; {@code secondsLeft} is estimated from the rate so far (while switching in,
     * from the rate of documents compared); {@code documentsRebuilt} is how many documents the replay made (known once it
     * switches them in), {@code documentsCompared} how many of them were compared with the live ones so far.
     */
    public record Progress(String view, String state, long eventsDone, double eventsPerSecond, Long position, Long head,
                           Long secondsLeft, Long documentsRebuilt, long documentsCompared, long documentsReplaced, long documentsRemoved,
                           Instant startedAt, Instant finishedAt, String error) {
        boolean running() {
            return state.equals("REPLAYING") || state.equals("SWITCHING");
        }
    }

    /**
     * Starts rebuilding {@code view}; refused while one of it runs, if its processor does not run on this node, or if
     * another node holds one of its segments.
     */
    public synchronized Progress start(RebuildableView view) {
        Progress current = progress.get(view.processor());
        if (current != null && current.running()) throw new IllegalStateException("a rebuild of " + view.processor() + " is running");
        StreamingEventProcessor processor = processing.eventProcessor(view.processor(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(processors.notRunHere(view.processor())));
        processors.state(view.processor()).stream().flatMap(s -> s.segments().stream())
                .filter(s -> s.owner() != null && !s.ownedHere()).findFirst().ifPresent(elsewhere -> {
                    throw new IllegalStateException(HeldSegments.heldElsewhere(view.processor(), elsewhere.segment(), elsewhere.owner()));
                });
        Progress started = new Progress(view.processor(), "REPLAYING", 0, 0, null, head().orElse(-1), null, null, 0, 0, 0, Instant.now(),
                null, null);
        progress.put(view.processor(), started);
        Thread worker = new Thread(() -> run(view, processor, started), "rebuild-" + view.processor());
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    /** Set as the node stops: a rebuild then ending is stopped, not failed ({@link #run}). */
    private volatile boolean stopping;

    /** Called as the node stops, before the stores a running rebuild reads and writes are closed. */
    public void stopping() {
        stopping = true;
    }

    /**
     * The collections a rebuild stopped by a crash or a stop left behind ({@code <collection>_rebuild}), each named in a WARN
     * with its size as the node starts (a sweep from outside, stop 76: nothing said a rebuild had been cut short, and its
     * collection, as large as the view, stayed until the next rebuild). Not dropped here: on the distributed profile another
     * node may be rebuilding into it; the next rebuild of the view drops it.
     */
    public void reportLeftOver() {
        java.util.Set<String> existing = database.listCollectionNames().into(new java.util.HashSet<>());
        for (RebuildableView view : RebuildableView.values()) {
            String scratch = view.collection() + "_rebuild";
            if (existing.contains(scratch)) {
                log.warn("A rebuild of {} was cut short (a crash or a stop) or runs on another node: its collection {} holds {} documents."
                                + " The live view is as that rebuild left it, each document as the ledger has it; the next rebuild of {}"
                                + " (POST /api/v1/admin/rebuilds/{}) drops the collection", view.processor(), scratch,
                        database.getCollection(scratch).estimatedDocumentCount(), view.processor(), view.processor());
            }
        }
    }

    public Optional<Progress> progress(String view) {
        return Optional.ofNullable(progress.get(view));
    }

    public Map<String, Progress> all() {
        return Map.copyOf(progress);
    }

    private void run(RebuildableView view, StreamingEventProcessor processor, Progress started) {
        String target = view.collection() + "_rebuild";
        Replay replay = new Replay(view.processor(), started.startedAt());
        try {
            MongoCollection<Document> rebuilt = database.getCollection(target);
            dropIfPresent(target); // what an earlier rebuild left, if anything
            copyIndexes(database.getCollection(view.collection()), rebuilt);
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(view.projectionInto(database, target));
            log.info("Rebuild of {}: replaying the ledger into {} (head at {})", view.processor(), target, started.head());
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                replay.until(events, handler, head().orElse(-1));
                replay.state = "SWITCHING";
                progress.put(view.processor(), replay.progress(replay.state, head()));
                processor.shutDown();
                try (HeldSegments held = HeldSegments.claim(processing.tokenStore(view.processor()), view.processor(),
                        segment -> ownerOf(view.processor(), segment))) {
                    replay.keep = held::keep;
                    long live = processors.state(view.processor()).stream().flatMap(s -> s.segments().stream())
                            .map(Processors.SegmentState::position).filter(java.util.Objects::nonNull)
                            .mapToLong(Long::longValue).max().orElse(-1);
                    long head = head().orElse(-1);
                    boolean ahead = live > head;
                    replay.until(events, handler, head); // the live processor has stopped at or before it, unless it is ahead
                    switchIn(rebuilt, database.getCollection(view.collection()), replay);
                    if (ahead) {
                        log.warn("Rebuild of {}: its processor had passed position {} where the event store ends at {}; it resumes"
                                + " from the rebuild's last event", view.processor(), live, head);
                        held.resumeFrom(replay.lastToken);
                    }
                } finally {
                    processor.start();
                }
            }
            rebuilt.drop();
            Progress done = replay.progress("DONE", head());
            progress.put(view.processor(), done);
            log.info("Rebuild of {} done: {} events in {} s, {} documents replaced, {} removed", view.processor(), done.eventsDone(),
                    Duration.between(done.startedAt(), done.finishedAt()).toSeconds(), done.documentsReplaced(), done.documentsRemoved());
        } catch (Exception | Error e) {
            // what the live view holds, by the phase the rebuild was in (a sweep from outside, stop 76: a rebuild stopped while
            // replaying was said to have perhaps switched documents in)
            String live = replay.state.equals("REPLAYING") ? "the live view is untouched"
                    : "the live view has " + replay.replaced + " of its documents replaced and " + replay.removed + " removed by it, each"
                    + " as the ledger has it";
            if (stopping) {
                // the node stops: its stores close under the rebuild, which is no failure of it (the same sweep: a SIGTERM ended in
                // an ERROR, stack traces and an uncaught exception); its collection is dropped by the next rebuild of the view
                log.warn("Rebuild of {} stopped by the node's shutdown after {} events ({}); {}; start it again once the node is up",
                        view.processor(), replay.done, replay.state, live);
                progress.put(view.processor(), ended(replay.progress("FAILED", headOrNone()), "stopped by the node's shutdown"));
                return;
            }
            log.error("Rebuild of {} failed while {}; {}", view.processor(), replay.state, live, e);
            // cleaned up before it is said to have failed: a rebuild started on "FAILED" would otherwise have its own collection
            // dropped by this one's cleanup (CI, loaded: the test saw FAILED while the collection was still there)
            try {
                dropIfPresent(target); // what the replay had made: as large as the view, of no use now
            } catch (RuntimeException notDropped) {
                log.warn("Rebuild of {}: {} not dropped ({}); the next rebuild drops it", view.processor(), target, notDropped.toString());
            }
            progress.put(view.processor(), ended(replay.progress("FAILED", headOrNone()), String.valueOf(e)));
        }
    }

    /** {@code failed} with its {@code error}, and no time left. */
    private static Progress ended(Progress failed, String error) {
        return new Progress(failed.view(), failed.state(), failed.eventsDone(), failed.eventsPerSecond(), failed.position(), failed.head(),
                null, failed.documentsRebuilt(), failed.documentsCompared(), failed.documentsReplaced(), failed.documentsRemoved(),
                failed.startedAt(), failed.finishedAt(), error);
    }

    /** Documents compared, replaced or removed as one round trip each way while switching in. */
    public static final int SWITCH_CHUNK = 500;

    /**
     * Every rebuilt document replaces its live one where they differ; live documents the rebuild lacks go. A chunk of
     * rebuilt documents is compared with its live ones read in one query, and what differs written in one bulk write;
     * the counts go into the progress as they grow.
     */
    private void switchIn(MongoCollection<Document> rebuilt, MongoCollection<Document> live, Replay replay) {
        replay.switchingSince = System.nanoTime();
        replay.replayEnded = Instant.now();
        replay.rebuilt = rebuilt.estimatedDocumentCount();
        Set<Object> ids = new HashSet<>();
        List<Document> chunk = new ArrayList<>(SWITCH_CHUNK);
        for (Document document : rebuilt.find().batchSize(SWITCH_CHUNK)) {
            ids.add(document.get("_id"));
            chunk.add(document);
            if (chunk.size() == SWITCH_CHUNK) replaceWhereDifferent(chunk, live, replay);
        }
        replaceWhereDifferent(chunk, live, replay);
        List<Object> gone = new ArrayList<>(SWITCH_CHUNK);
        for (Document document : live.find().projection(new Document("_id", 1)).batchSize(SWITCH_CHUNK)) {
            if (!ids.contains(document.get("_id"))) gone.add(document.get("_id"));
            if (gone.size() == SWITCH_CHUNK) remove(gone, live, replay);
        }
        remove(gone, live, replay);
    }

    private void replaceWhereDifferent(List<Document> chunk, MongoCollection<Document> live, Replay replay) {
        if (chunk.isEmpty()) return;
        replay.keep.run();
        Map<Object, Document> current = new HashMap<>();
        for (Document document : live.find(in("_id", chunk.stream().map(d -> d.get("_id")).toList()))) {
            current.put(document.get("_id"), document);
        }
        List<ReplaceOneModel<Document>> writes = chunk.stream().filter(d -> !d.equals(current.get(d.get("_id"))))
                .map(d -> new ReplaceOneModel<>(eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true))).toList();
        if (!writes.isEmpty()) live.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        replay.compared += chunk.size();
        replay.replaced += writes.size();
        chunk.clear();
        replay.switching();
    }

    private void remove(List<Object> gone, MongoCollection<Document> live, Replay replay) {
        if (gone.isEmpty()) return;
        replay.keep.run();
        replay.removed += live.deleteMany(in("_id", gone)).getDeletedCount();
        gone.clear();
        replay.switching();
    }

    /**
     * Drops collection {@code name} if it exists: the embedded store logs an ERROR with its stack for a drop of none ("ns not
     * found"), which a sweep from outside met at every rebuild's start.
     */
    private void dropIfPresent(String name) {
        for (String existing : database.listCollectionNames()) {
            if (existing.equals(name)) {
                database.getCollection(name).drop();
                return;
            }
        }
    }

    private static void copyIndexes(MongoCollection<Document> from, MongoCollection<Document> to) {
        for (Document index : from.listIndexes()) {
            if ("_id_".equals(index.getString("name"))) continue;
            to.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name"))
                    .unique(Boolean.TRUE.equals(index.getBoolean("unique"))));
        }
    }

    private OptionalLong head() {
        return processors.head();
    }

    /** The head, or none when it cannot be read (the event store failed or closed under the rebuild). */
    private OptionalLong headOrNone() {
        try {
            return head();
        } catch (RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** The node that holds {@code segment} of {@code processor}, as the token store says; null if none or unknown. */
    private String ownerOf(String processor, int segment) {
        return processors.state(processor).stream().flatMap(s -> s.segments().stream()).filter(s -> s.segment() == segment)
                .findFirst().map(Processors.SegmentState::owner).orElse(null);
    }

    /** A replay's counters and its progress reports. */
    private final class Replay {
        final String view;
        final Instant startedAt;
        long done;
        Long position;
        /** The last replayed event's token, null before the first. */
        TrackingToken lastToken;
        /** The documents the replay made, once it switches them in. */
        Long rebuilt;
        /** When switching in began ({@link System#nanoTime}), and the replay's end, for its rate ({@link Instant}). */
        long switchingSince;
        Instant replayEnded;
        /** Rebuilt documents compared with the live ones while switching in. */
        long compared;
        long replaced;
        long removed;
        long lastLog = System.nanoTime();
        /** REPLAYING, then SWITCHING from the moment the live processor is stopped. */
        String state = "REPLAYING";
        /** Run between batches and switched documents: keeps the segments held while switching ({@link HeldSegments#keep}). */
        Runnable keep = () -> {};

        Replay(String view, Instant startedAt) {
            this.view = view;
            this.startedAt = startedAt;
        }

        /** Applies events until the replay has reached ledger position {@code upTo}. */
        void until(BlockingStream<TrackedEventMessage<?>> events, AnnotationEventHandlerAdapter handler, long upTo) throws Exception {
            while (position == null || position < upTo) {
                keep.run();
                if (!events.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    if (position == null && upTo < 0) return; // an empty ledger
                    continue;
                }
                // a batch of what is there, as the view's processor takes them (its writes sent together at the batch's end)
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                do {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    batch.add(event);
                    position = event.trackingToken().position().isPresent() ? event.trackingToken().position().getAsLong() : position;
                    lastToken = event.trackingToken();
                } while (batch.size() < batchSize && (position == null || position < upTo) && events.hasNextAvailable());
                BatchedWrites.handleAsOneBatch(batch, handler);
                done += batch.size();
                Progress now = progress(state, head());
                progress.put(view, now);
                if (System.nanoTime() - lastLog > LOG_EVERY.toNanos()) {
                    lastLog = System.nanoTime();
                    log.info("Rebuild of {}: {} events, {} events/s, at {} of {}, about {} s left", view, now.eventsDone(),
                            Math.round(now.eventsPerSecond()), now.position(), now.head(), now.secondsLeft());
                }
            }
        }

        /** After each chunk switched in: the counts put in the progress, and logged every {@link #LOG_EVERY}. */
        void switching() {
            Progress now = progress(state, head());
            progress.put(view, now);
            if (System.nanoTime() - lastLog <= LOG_EVERY.toNanos()) return;
            lastLog = System.nanoTime();
            log.info("Rebuild of {}: switching in, {} of {} documents compared, {} replaced, {} removed, about {} s left", view, compared,
                    rebuilt, replaced, removed, now.secondsLeft());
        }

        Progress progress(String state, OptionalLong head) {
            Instant replaying = replayEnded != null ? replayEnded : Instant.now();
            double seconds = Math.max(0.001, Duration.between(startedAt, replaying).toMillis() / 1000.0);
            double rate = done / seconds;
            Long headPosition = head.isPresent() ? head.getAsLong() : null;
            Long left = headPosition == null || position == null || rate <= 0 ? null
                    : Math.max(0, Math.round((headPosition - position) / rate));
            if (state.equals("SWITCHING")) {
                double comparing = (System.nanoTime() - switchingSince) / 1e9;
                left = rebuilt == null || compared == 0 ? null : Math.max(0, Math.round((rebuilt - compared) * comparing / compared));
            }
            boolean finished = state.equals("DONE") || state.equals("FAILED");
            return new Progress(view, state, done, rate, position, headPosition, finished ? Long.valueOf(0) : left, rebuilt, compared,
                    replaced, removed, startedAt, finished ? Instant.now() : null, null);
        }
    }
}
