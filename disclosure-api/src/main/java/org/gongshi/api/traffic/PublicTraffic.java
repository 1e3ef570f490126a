package org.gongshi.api.traffic;

import org.gongshi.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Keeps one client from crowding out the others on the public side (issue 11 item 4): a token bucket
 * per client address for the public pages, the public JSON API and the feed ({@code capacity}
 * requests at once, refilled at {@code perSecond}), answering 429 with {@code Retry-After}; and a cap
 * on live SSE streams ({@code /feed/v1/events}) per client address and in total, answering 429 when
 * over. The bureau API is not limited here: its callers are authenticated bureaus. The client address
 * is the connection's remote address (behind a proxy, let Boot's {@code server.forward-headers-strategy}
 * resolve it). Buckets of idle clients are dropped when the table grows past {@code maxClients}.
 */
public class PublicTraffic implements WebFilter, Ordered {

    public record Limits(boolean enabled, int capacity, double perSecond, int streamsPerClient, int streamsTotal, int maxClients) {
        public Limits {
            positive("gongshi.traffic.capacity", capacity);
            positive("gongshi.traffic.per-second", perSecond);
            positive("gongshi.traffic.streams-per-client", streamsPerClient);
            positive("gongshi.traffic.streams-total", streamsTotal);
            positive("gongshi.traffic.max-clients", maxClients);
        }

        private static void positive(String setting, double value) {
            if (!(value > 0)) throw new IllegalArgumentException(setting + " must be more than 0, was " + value);
        }
    }

    static final String STREAM_PATH = "/feed/v1/events";

    private final Limits limits;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> streams = new ConcurrentHashMap<>();
    private final AtomicInteger totalStreams = new AtomicInteger();

    public PublicTraffic(Limits limits) {
        this(limits, System::nanoTime);
    }

    PublicTraffic(Limits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** Right after Spring Security's filter chain (-100), so that refusals carry the security headers too. */
    @Override
    public int getOrder() {
        return -90;
    }

    /** Public paths: everything but the bureau API, the dev endpoints and the actuator (the public API among them). */
    static boolean isPublicPath(String path) {
        if (path.startsWith("/api/v1/public/") || path.equals("/api/v1/public")) return true;
        return !path.startsWith("/api/") && !path.startsWith("/dev/") && !path.startsWith("/actuator") && !path.startsWith("/css/");
    }

    /**
     * Public traffic: the public paths, and any request to the rest of the API that no token authenticated (this filter runs
     * after Spring Security's). The ledger tree's heads, checkpoints, proofs and cosignatures need none: a security sweep, stop
     * 73, found 300 of them in a burst all answered while the bucket refused the same client's searches, and a re-test found any
     * {@code Authorization} header at all, {@code Bearer garbage} or {@code Basic abc}, took them out of it.
     */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!limits.enabled()) return chain.filter(exchange);
        if (isPublicPath(path)) return limit(exchange, chain, path);
        if (!path.startsWith("/api/")) return chain.filter(exchange);
        return exchange.getPrincipal().map(authenticated -> true).defaultIfEmpty(false)
                .flatMap(authenticated -> authenticated ? chain.filter(exchange) : limit(exchange, chain, path));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String path) {
        String client = client(exchange);
        long waitNanos = bucket(client).take(nanoTime.getAsLong());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
            if (org.gongshi.api.problem.BrowserPages.browsing(exchange)) return org.gongshi.api.problem.BrowserPages.writeTooMany(exchange, seconds);
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This client sent more than " + limits.capacity() + " requests at once (refilled at " + limits.perSecond()
                            + " a second); retry after " + seconds + " s");
        }
        if (!path.equals(STREAM_PATH)) return chain.filter(exchange);
        return stream(exchange, chain, client);
    }

    private Mono<Void> stream(ServerWebExchange exchange, WebFilterChain chain, String client) {
        AtomicInteger mine = streams.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.incrementAndGet() > limits.streamsPerClient()) {
            release(client, mine, false);
            return refuseStream(exchange, "This client already holds " + limits.streamsPerClient()
                    + " feed streams, the most one client may; close one, or catch up with /feed/v1/entries");
        }
        if (totalStreams.incrementAndGet() > limits.streamsTotal()) {
            release(client, mine, true);
            return refuseStream(exchange, "The server holds its maximum of " + limits.streamsTotal()
                    + " feed streams; retry later, or catch up with /feed/v1/entries");
        }
        return chain.filter(exchange).doFinally(signal -> release(client, mine, true));
    }

    private void release(String client, AtomicInteger mine, boolean counted) {
        if (counted) totalStreams.decrementAndGet();
        if (mine.decrementAndGet() <= 0) streams.remove(client, mine);
    }

    private static Mono<Void> refuseStream(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many feed streams", detail);
    }

    /** Live feed streams now (for tests and health). */
    public int liveStreams() {
        return totalStreams.get();
    }

    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) return "unknown";
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private Bucket bucket(String client) {
        if (buckets.size() >= limits.maxClients()) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(limits.capacity(), nanoTime.getAsLong()));
    }

    /** A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}. */
    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        private void refill(long now) {
            double added = (now - updated) / 1e9 * limits.perSecond();
            if (added > 0) {
                tokens = Math.min(limits.capacity(), tokens + added);
                updated = now;
            }
        }

        /** Takes a token and answers 0, or answers how long until one is there. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / limits.perSecond() * 1e9);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limits.capacity();
        }
    }
}
