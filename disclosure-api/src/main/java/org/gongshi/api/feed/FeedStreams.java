package org.gongshi.api.feed;

import org.gongshi.projections.feed.FeedEntry;
import org.gongshi.projections.feed.FeedLog;
import org.gongshi.ledger.identity.Division;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the feed log as reactive streams for any number of subscribers.
 *
 * <p>One tail per node: a single poller reads entries after the last one it saw from the feed
 * collection (every {@code pollInterval}, and at once when the feed projection appends an entry in
 * this JVM) and broadcasts them to the live subscribers, so idle subscribers cost no queries and a
 * new entry costs one query however many are connected. Every API node tails the same collection,
 * so any node can take over a subscriber; a node without the projection finds entries by polling.
 *
 * <p>Each subscriber keeps its own position (the last sequence it has passed, matching its filters
 * or not). It listens to the broadcast (into its own bounded queue) before it reads history in
 * pages; then it takes queued entries that continue its position exactly, skips ones it has passed,
 * and when it finds a gap (it was too slow and its full queue dropped entries) it reads the missing
 * entries from the collection again. So there is never a gap or a duplicate, at the switch-over or
 * after, and a slow subscriber holds at most two pages plus its queue in memory and never slows
 * the others (the broadcast never waits for anyone). A periodic tick finds a subscriber that missed
 * the last entries when nothing later arrives to show the gap; it queries only for entries broadcast
 * a tick ago or earlier, so entries still on their way through a busy node cost no query.
 *
 * <p>When the node shuts down, every live stream completes first (this bean stops in the earliest
 * lifecycle phase), so subscribers reconnect with {@code Last-Event-ID} to any node at once instead
 * of holding the graceful shutdown open.
 */
public class FeedStreams implements SmartLifecycle {

    public static final int PAGE = 500;
    /** Broadcast signals a subscriber holds while it sends what it has (a power of two). */
    static final int QUEUE = 256;

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);

    private final FeedLog feedLog;
    private final Duration pollInterval;
    /** New entries, then a {@link Tick#TICK} after each periodic poll, to every live subscriber. */
    private final Sinks.Many<Object> live = Sinks.many().multicast().directBestEffort();
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private volatile long head = -1;
    private volatile boolean tailing;
    private volatile boolean running;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private Scheduler tailThread;
    private Disposable tail;

    public FeedStreams(FeedLog feedLog, Duration pollInterval) {
        this.feedLog = feedLog;
        this.pollInterval = pollInterval;
    }

    /** Every entry after {@code after}, then every entry as it lands, forever (until cancelled or shutdown). */
    public Flux<FeedEntry> follow(long after, List<String> types, Division division) {
        return Flux.defer(() -> {
            Subscriber subscriber = new Subscriber(after, types, division);
            // its own bounded queue, subscribed to the broadcast before the history is read: an entry
            // broadcast meanwhile waits behind the catch-up (and is skipped if the history had it). The
            // broadcast never waits for this subscriber: a full queue drops what comes, and the next
            // entry shows the gap (or, when nothing comes, a tick)
            Sinks.Many<Object> signals = Sinks.many().unicast().onBackpressureBuffer(Queues.<Object>get(QUEUE).get());
            signals.tryEmitNext(Tick.CATCH_UP);
            Disposable listening = live.asFlux().subscribe(signals::tryEmitNext, signals::tryEmitError, signals::tryEmitComplete);
            return signals.asFlux().concatMap(subscriber::on).doFinally(signal -> listening.dispose());
        });
    }

    /** At most {@code limit} entries after {@code after}, then complete. */
    public Flux<FeedEntry> upTo(long after, long limit) {
        return Flux.defer(() -> {
            long[] position = {after, limit}; // last sequence read, entries still wanted
            return paged(() -> {
                if (position[1] <= 0) return List.of();
                List<FeedEntry> page = feedLog.after(position[0], (int) Math.min(PAGE, position[1]), null, null);
                if (!page.isEmpty()) {
                    position[0] = page.get(page.size() - 1).seq();
                    position[1] -= page.size();
                }
                return page;
            });
        });
    }

    /**
     * The items of pages read one after another on a worker thread, until a page comes back empty.
     * Streamed: at most the page being sent and the next one are in memory, however long it runs.
     */
    public static <T> Flux<T> paged(Callable<List<T>> nextPage) {
        return Mono.fromCallable(nextPage).subscribeOn(Schedulers.boundedElastic())
                .repeat()
                .takeWhile(page -> !page.isEmpty())
                .concatMapIterable(page -> page, 1);
    }

    /** How many live streams this node is serving now. */
    public int subscribers() {
        return live.currentSubscriberCount();
    }

    /** Completes when this node shuts down: live streams end with it. */
    public Mono<Void> closing() {
        return closing.asMono();
    }

    /** The tail: reads what landed since the last poll and broadcasts it, in order, on one thread. */
    private void poll() {
        try {
            if (!tailing) {
                // start at the end: subscribers read history themselves. One that read it before this found the end may have
                // missed what landed between (never broadcast): every subscriber looks again at once, not a tick later
                head = feedLog.size() - 1;
                tailing = true;
                live.tryEmitNext(Tick.CATCH_UP);
                return;
            }
            if (live.currentSubscriberCount() == 0) {
                // nobody to broadcast to: the end is enough (a few key lookups), where reading every entry appended took
                // 2.9 % of a rebuild's CPU (issue 13); a subscriber arriving later reads what landed as its history
                head = feedLog.size() - 1;
                return;
            }
            List<FeedEntry> entries;
            do {
                entries = feedLog.after(head, PAGE, null, null);
                for (FeedEntry entry : entries) {
                    head = entry.seq();
                    live.tryEmitNext(entry); // never waits: a subscriber whose queue is full misses it and reads it back
                }
            } while (entries.size() == PAGE && running);
        } catch (RuntimeException e) {
            log.warn("Feed tail poll failed; retrying in {}: {}", pollInterval, e.toString());
        }
    }

    /**
     * The periodic poll, then one tick for every subscriber: the tick finds a subscriber behind the
     * tail when no further entry arrives to show the gap. One timer for the node, not one each.
     */
    private void pollAndTick() {
        poll();
        try {
            live.tryEmitNext(Tick.TICK);
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: the tail must outlive any subscriber's failure
            log.warn("Feed tail tick failed: {}", e.toString());
        }
    }

    /** An entry was appended in this JVM: poll now (once for any number of appends meanwhile). */
    private void wake() {
        Scheduler thread = tailThread;
        if (!running || thread == null || !wakePending.compareAndSet(false, true)) return;
        try {
            thread.schedule(() -> {
                wakePending.set(false);
                poll();
            });
        } catch (RejectedExecutionException e) {
            wakePending.set(false); // shutting down
        }
    }

    private enum Tick { CATCH_UP, TICK }

    /** One subscriber's position and filters. Its methods run one at a time (concatMap), in order. */
    private final class Subscriber {
        private volatile long last;
        /** The tail's head at the previous tick: entries up to it have had a tick's time to arrive by broadcast. */
        private long headAtLastTick = -1;
        private final List<String> types;
        private final Division division;

        Subscriber(long after, List<String> types, Division division) {
            this.last = after;
            this.types = types;
            this.division = division;
        }

        Flux<FeedEntry> on(Object signal) {
            if (signal == Tick.CATCH_UP) return catchUp();
            if (signal == Tick.TICK) {
                // behind an entry the tail broadcast a tick ago or earlier: the broadcast missed this
                // subscriber (it was reading history, or too slow) and no later entry showed the gap.
                // An entry broadcast since the last tick is usually still on its way: no query for it.
                boolean missed = headAtLastTick > last;
                headAtLastTick = head;
                return missed ? catchUp() : Flux.empty();
            }
            FeedEntry entry = (FeedEntry) signal;
            if (entry.seq() <= last) return Flux.empty();
            if (entry.seq() == last + 1) {
                last = entry.seq();
                return matches(entry) ? Flux.just(entry) : Flux.empty();
            }
            return catchUp();
        }

        /**
         * Reads from the collection, a page at a time, everything after the position that matches,
         * until a page comes back empty.
         */
        Flux<FeedEntry> catchUp() {
            return paged(this::nextPage);
        }

        /** The next page after the position; the position moves past it. */
        private List<FeedEntry> nextPage() {
            // without filters the entries are contiguous; with them, an empty page means nothing
            // matching up to the size read before the query
            long known = filtered() ? feedLog.size() - 1 : -1;
            List<FeedEntry> entries = feedLog.after(last, PAGE, types, division);
            last = entries.isEmpty() ? Math.max(last, known) : entries.get(entries.size() - 1).seq();
            return entries;
        }

        private boolean filtered() {
            return (types != null && !types.isEmpty()) || division != null;
        }

        private boolean matches(FeedEntry entry) {
            if (types != null && !types.isEmpty() && !types.contains(entry.type())) return false;
            return division == null || division.contains(entry.division());
        }
    }

    @Override
    public void start() {
        running = true;
        // the tail starts at the feed's end now, before any append can wake it: left to its first poll, on a busy machine an
        // entry appended before that poll ran was taken as history and never broadcast, and a subscriber that had read the
        // history without it waited a whole poll interval for it (a test with a 10-minute interval failed on a loaded CI)
        try {
            head = feedLog.size() - 1;
            tailing = true;
        } catch (RuntimeException e) {
            log.warn("Feed tail: the feed's end is not readable yet; the first poll finds it: {}", e.toString());
        }
        tailThread = Schedulers.newSingle("feed-tail", true);
        tail = tailThread.schedulePeriodically(this::pollAndTick, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        feedLog.onAppend(this::wake);
    }

    @Override
    public void stop() {
        running = false;
        if (tail != null) tail.dispose();
        if (tailThread != null) tailThread.dispose();
        closing.tryEmitEmpty();
        live.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
