package org.gongshi.api.feed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.gongshi.projections.feed.FeedEntry;
import org.gongshi.projections.feed.FeedLog;
import org.gongshi.ledger.identity.Division;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's streams over a log that grows while subscribers read: every subscriber, fast or slow,
 * filtered or not, gets exactly the entries after its position, in order, once; idle subscribers
 * cost no queries (one tail per node).
 */
class FeedStreamsTest {

    static final String PUBLISHED = "org.gongshi.disclosure.published.v1";
    static final String WITHDRAWN = "org.gongshi.disclosure.withdrawn.v1";

    /** The feed log in memory: the streams only read {@code after} and {@code size}. */
    static final class GrowingLog extends FeedLog {
        final List<FeedEntry> entries = new CopyOnWriteArrayList<>();
        final AtomicInteger queries = new AtomicInteger();
        final AtomicInteger sizes = new AtomicInteger();
        /** The reads not made by the tail (its thread is {@code feed-tail}): the subscribers' own, their history. */
        final AtomicInteger subscriberQueries = new AtomicInteger();
        /** How long a read that finds nothing takes to come back, as on a loaded machine (0: at once). */
        volatile long emptyReadMillis;

        GrowingLog(MongoClient unused) {
            super(unused.getDatabase("unused")); // never contacted: both reads are overridden
        }

        void append(int count) {
            for (int i = 0; i < count; i++) {
                long seq = entries.size();
                entries.add(new FeedEntry(seq, "event-" + seq, seq, seq % 3 == 0 ? WITHDRAWN : PUBLISHED, "s" + seq, seq % 2 == 0 ? "110105" : "310115",
                        Instant.EPOCH, "{\"sequence\":" + seq + "}", new byte[0]));
            }
            appended(); // as FeedLog.append does after each insert
        }

        @Override
        public List<FeedEntry> after(long after, int limit, List<String> types, Division divisionPrefix) {
            queries.incrementAndGet();
            if (!Thread.currentThread().getName().startsWith("feed-tail")) subscriberQueries.incrementAndGet();
            List<FeedEntry> page = new ArrayList<>();
            for (FeedEntry e : entries) {
                if (e.seq() <= after) continue;
                if (types != null && !types.isEmpty() && !types.contains(e.type())) continue;
                if (divisionPrefix != null && !divisionPrefix.contains(e.division())) continue;
                page.add(e);
                if (page.size() == limit) break;
            }
            if (page.isEmpty() && emptyReadMillis > 0) {
                try {
                    Thread.sleep(emptyReadMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return page;
        }

        @Override
        public long size() {
            sizes.incrementAndGet();
            return entries.size();
        }
    }

    MongoClient client;
    GrowingLog log;
    FeedStreams streams;

    @BeforeEach
    void start() {
        client = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100");
        log = new GrowingLog(client);
        streams = new FeedStreams(log, Duration.ofMillis(20));
        streams.start();
    }

    @AfterEach
    void stop() {
        streams.stop();
        client.close();
    }

    @Test
    void fast_and_slow_subscribers_get_history_then_live_entries_without_gap_or_duplicate() throws Exception {
        log.append(1200); // more than two pages of history
        List<Long> fast = new CopyOnWriteArrayList<>();
        List<Long> slow = new CopyOnWriteArrayList<>();
        List<Long> resumed = new CopyOnWriteArrayList<>();
        Disposable a = streams.follow(-1, null, null).subscribe(e -> fast.add(e.seq()));
        // a slow reader: takes one entry at a time with a pause, so the broadcast drops entries for it
        Disposable b = streams.follow(-1, null, null).limitRate(1).delayElements(Duration.ofMillis(1)).subscribe(e -> slow.add(e.seq()));
        Disposable c = streams.follow(999, null, null).subscribe(e -> resumed.add(e.seq()));
        for (int i = 0; i < 20; i++) {
            log.append(40); // live entries while everyone is still catching up
            Thread.sleep(10);
        }
        long total = log.entries.size();
        awaitSize(fast, total);
        awaitSize(slow, total);
        awaitSize(resumed, total - 1000);
        Thread.sleep(200); // nothing more arrives
        assertThat(fast).containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
        assertThat(slow).containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
        assertThat(resumed).as("resume continues at exactly after + 1").containsExactlyElementsOf(LongStream.range(1000, total).boxed().toList());
        a.dispose();
        b.dispose();
        c.dispose();
    }

    @Test
    void with_nobody_following_the_tail_reads_only_the_feed_s_end_and_a_later_subscriber_misses_nothing() throws Exception {
        int sizesAtStart = log.sizes.get();
        for (int i = 0; i < 10; i++) log.append(50); // a rebuild's feed growing, nobody following
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (log.sizes.get() < sizesAtStart + 2 && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(log.sizes.get()).as("the tail looked at the end").isGreaterThanOrEqualTo(sizesAtStart + 2);
        assertThat(log.queries.get()).as("no entry read for nobody").isZero();

        List<Long> got = new CopyOnWriteArrayList<>();
        Disposable d = streams.follow(-1, null, null).subscribe(e -> got.add(e.seq()));
        for (int i = 0; i < 5; i++) log.append(20);
        awaitSize(got, 600);
        assertThat(got).containsExactlyElementsOf(LongStream.range(0, 600).boxed().toList());
        d.dispose();
    }

    @Test
    void filters_narrow_the_stream_and_never_renumber() throws Exception {
        log.append(100);
        List<FeedEntry> got = new CopyOnWriteArrayList<>();
        Disposable d = streams.follow(-1, List.of(WITHDRAWN), new Division("1101")).subscribe(got::add);
        log.append(100);
        List<Long> expected = log.entries.stream().filter(e -> e.type().equals(WITHDRAWN) && e.division().startsWith("1101"))
                .map(FeedEntry::seq).toList();
        awaitSize(got, expected.size());
        Thread.sleep(100);
        assertThat(got).extracting(FeedEntry::seq).containsExactlyElementsOf(expected);
        d.dispose();
    }

    @Test
    void idle_subscribers_cost_no_queries_one_tail_serves_them_all() throws Exception {
        log.append(10);
        List<Disposable> subscribers = new ArrayList<>();
        AtomicInteger received = new AtomicInteger();
        for (int i = 0; i < 300; i++) subscribers.add(streams.follow(9, null, null).subscribe(e -> received.incrementAndGet()));
        // every subscriber has read its (empty) history, one read each: waited for, where a fixed 300 ms let a busy machine's
        // late history reads fall in the idle second below
        long historyDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (log.subscriberQueries.get() < 300 && System.nanoTime() < historyDeadline) Thread.sleep(10);
        assertThat(log.subscriberQueries.get()).as("a history read per subscriber").isGreaterThanOrEqualTo(300);
        int before = log.queries.get();
        Thread.sleep(1000); // idle: about 50 tail polls at 20 ms, and nothing per subscriber
        int idleQueries = log.queries.get() - before;
        assertThat(idleQueries).as("queries in an idle second with 300 subscribers").isLessThan(300);

        log.append(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.get() < 300 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(received.get()).as("the new entry reaches every subscriber").isEqualTo(300);
        subscribers.forEach(Disposable::dispose);
    }

    @Test
    void live_streams_complete_when_the_node_shuts_down() throws Exception {
        log.append(3);
        List<FeedEntry> all = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch completed = new java.util.concurrent.CountDownLatch(1);
        streams.follow(-1, null, null).takeUntilOther(streams.closing()).subscribe(all::add, error -> { }, completed::countDown);
        awaitSize(all, 3);
        assertThat(completed.getCount()).as("a live stream does not end by itself").isEqualTo(1);
        streams.stop();
        assertThat(completed.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("completed on shutdown").isTrue();
    }

    @Test
    void an_entry_appended_on_this_node_wakes_the_tail_without_waiting_for_the_next_poll() throws Exception {
        // without the wake-up each append would wait ten minutes for the tail's next poll
        List<Long> got = followedWhilePollingEveryTenMinutes(() -> log.append(1), 5);
        assertThat(got).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    /**
     * The race a loaded CI machine found: a subscriber's last history read finds nothing, and before
     * it has finished the tail broadcasts a new entry. Nothing later comes to show the gap and the
     * next poll is ten minutes away: the entry must still arrive.
     */
    @Test
    void an_entry_broadcast_while_a_subscriber_finishes_its_history_still_arrives() throws Exception {
        log.emptyReadMillis = 300; // the history's last (empty) read comes back slowly
        List<Long> got = followedWhilePollingEveryTenMinutes(() -> {
            log.append(1); // the first: broadcast while the subscriber's empty read is still on its way back
            log.emptyReadMillis = 0;
        }, 2);
        assertThat(got).containsExactly(0L, 1L, 2L, 3L);
    }

    /**
     * What a subscriber from the start receives from streams whose tail polls every ten minutes: two entries of history,
     * then {@code rounds} times an append by {@code append}, each awaited before the next; only a wake-up brings them.
     */
    private List<Long> followedWhilePollingEveryTenMinutes(Runnable append, int rounds) throws InterruptedException {
        FeedStreams slowPolling = new FeedStreams(log, Duration.ofMinutes(10));
        slowPolling.start();
        try {
            log.append(2);
            List<Long> got = new CopyOnWriteArrayList<>();
            Disposable d = slowPolling.follow(-1, null, null).subscribe(e -> got.add(e.seq()));
            awaitSize(got, 2); // history, read at subscription
            for (int i = 0; i < rounds; i++) {
                append.run();
                awaitSize(got, 3 + i);
            }
            d.dispose();
            return got;
        } finally {
            slowPolling.stop();
        }
    }

    @Test
    void bulk_reads_stream_page_after_page_and_stop_at_the_limit() {
        log.append(1200);
        assertThat(streams.upTo(-1, 1100).map(FeedEntry::seq).collectList().block())
                .containsExactlyElementsOf(LongStream.range(0, 1100).boxed().toList());
        assertThat(streams.upTo(1000, 5000).map(FeedEntry::seq).collectList().block())
                .containsExactlyElementsOf(LongStream.range(1001, 1200).boxed().toList());
        assertThat(streams.upTo(5, 0).collectList().block()).isEmpty();
        assertThat(streams.upTo(-1, 100_000).count().block()).isEqualTo(1200);
    }

    static void awaitSize(List<?> list, long size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (list.size() < size && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(list).hasSizeGreaterThanOrEqualTo((int) size);
    }
}
