package org.gongshi.api.feed;

import org.gongshi.projections.feed.FeedEntry;
import org.gongshi.projections.feed.FeedLog;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import org.springframework.context.SmartLifecycle;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

/**
 * Reads the feed log as reactive streams. History and live entries come from the same query
 * ({@code seq > last}, in order), so there is no gap or duplicate at the switch-over; a page is
 * fetched only when the subscriber has taken the previous one, so a slow subscriber holds at most
 * one page in memory and never slows the others.
 *
 * <p>When the node shuts down, every live stream completes first (this bean stops in the
 * earliest lifecycle phase), so subscribers reconnect with {@code Last-Event-ID} to any node at
 * once instead of holding the graceful shutdown open.
 */
public class FeedStreams implements SmartLifecycle {

    public static final int PAGE = 500;

    private final FeedLog log;
    private final Duration pollInterval;
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private volatile boolean running;

    public FeedStreams(FeedLog log, Duration pollInterval) {
        this.log = log;
        this.pollInterval = pollInterval;
    }

    /** Every entry after {@code after}, then every entry as it lands, forever (until cancelled). */
    public Flux<FeedEntry> follow(long after, List<String> types, String division) {
        return page(after, PAGE, types, division).flatMapMany(entries -> entries.isEmpty()
                ? Mono.delay(pollInterval).thenMany(Flux.defer(() -> follow(after, types, division)))
                : Flux.fromIterable(entries).concatWith(Flux.defer(() -> follow(entries.get(entries.size() - 1).seq(), types, division))));
    }

    /** Completes when this node shuts down: live streams end with it. */
    public Mono<Void> closing() {
        return closing.asMono();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        closing.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** At most {@code limit} entries after {@code after}, then complete. */
    public Flux<FeedEntry> upTo(long after, long limit) {
        if (limit <= 0) return Flux.empty();
        return page(after, (int) Math.min(PAGE, limit), null, null).flatMapMany(entries -> entries.isEmpty()
                ? Flux.empty()
                : Flux.fromIterable(entries).concatWith(Flux.defer(() ->
                upTo(entries.get(entries.size() - 1).seq(), limit - entries.size()))));
    }

    private Mono<List<FeedEntry>> page(long after, int limit, List<String> types, String division) {
        return Mono.fromCallable(() -> log.after(after, limit, types, division)).subscribeOn(Schedulers.boundedElastic());
    }
}
