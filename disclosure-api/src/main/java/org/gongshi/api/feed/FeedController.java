package org.gongshi.api.feed;

import org.gongshi.api.input.RefusedParameter;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.TransparencyLog;
import org.gongshi.api.web.WitnessKeys;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.gongshi.projections.ledger.LedgerTree;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.web.ViewReads;
import org.gongshi.projections.feed.FeedLogProjection;
import org.gongshi.projections.feed.FeedLog;
import org.gongshi.projections.feed.FeedTypes;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.ledger.identity.Division;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The feed for credit platforms (API.md, "Feed for credit platforms"): an SSE stream of CloudEvents
 * that resumes exactly after the last id seen, JSON Lines for bulk catch-up and a snapshot, signed
 * tree heads and RFC 6962 proofs over the entries.
 */
@RestController
public class FeedController {

    public static final MediaType JSON_LINES = new MediaType("application", "jsonl", StandardCharsets.UTF_8);
    private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    private final FeedLog log;
    private final FeedStreams streams;
    private final TreeHeads treeHeads;
    private final LedgerTree ledgerTree;
    private final TransparencyLog tree;
    private final WitnessKeys witnesses;
    private final Duration heartbeat;
    private final ViewReads views;

    public FeedController(FeedLog log, FeedStreams streams, TreeHeads treeHeads, MerkleProofs feedProofs, LedgerTree ledgerTree,
                          WitnessKeys witnessKeys, Duration feedHeartbeat, ViewReads views) {
        this.views = views;
        this.witnesses = witnessKeys;
        this.log = log;
        this.streams = streams;
        this.treeHeads = treeHeads;
        this.ledgerTree = ledgerTree;
        this.tree = new TransparencyLog(log, feedProofs, treeHeads, "entries");
        this.heartbeat = feedHeartbeat;
    }

    @GetMapping(path = "/feed/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> events(ServerHttpRequest request,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                         @RequestParam(required = false) String after,
                                         @RequestParam(required = false) String types,
                                         @RequestParam(required = false) String division) {
        boolean byHeader = lastEventId != null && !lastEventId.isBlank();
        // every bad parameter named at once (a re-test from outside, stop 87: one at a time)
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        Long position = InvalidRequest.checked(problems, () -> byHeader ? sequence("Last-Event-ID", lastEventId) : after != null ? sequence("after", after) : -1);
        List<String> typeFilter = InvalidRequest.checked(problems, () -> types(types));
        Division divisionFilter = InvalidRequest.checked(problems, () -> Params.division(division));
        InvalidRequest.refuseIfAny(problems);
        long from = position;
        Flux<ServerSentEvent<String>> entries = streams.follow(from, typeFilter, divisionFilter)
                .map(e -> ServerSentEvent.builder(e.line()).id(Long.toString(e.seq())).event(e.type()).build());
        // the first at once: a stream at the head would otherwise send its status and headers only with the first heartbeat
        // (the first audit from outside: ~10 s of nothing, and clients with a short read timeout gave up)
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(Duration.ZERO, heartbeat).onBackpressureDrop()
                .map(i -> ServerSentEvent.<String>builder().comment("heartbeat").build());
        // read-your-writes as every read (API.md: ?position= or Ledger-Position; a sweep from outside, stop 72: the stream and the
        // tree heads ignored it, and took any value)
        return views.await(request, FeedLogProjection.PROCESSING_GROUP).then(written(byHeader ? "Last-Event-ID" : "after", from))
                .thenMany(Flux.merge(entries, heartbeats).takeUntilOther(streams.closing()));
    }

    /** How a position past the log's last entry is refused once the feed has passed the whole ledger (a mirror reads it). */
    public static final String BEYOND_THE_LOG = "beyond the feed's last entry";

    /**
     * Nothing, when the log holds entry {@code from} (or {@code from} is -1, before the first); else a 400 naming {@code field}
     * once the feed has passed every event of the ledger: a position beyond its head then names entries this log never wrote
     * (one from another ledger, or from before this ledger was restored from an older backup), and waiting for them would skip
     * every entry up to it without a word (outside audit). While the feed is still behind the ledger (catching up, a rebuild, the
     * recovery after a crash, which writes again the entries its subscribers saw, with the same numbers and bytes), the
     * stream waits for entry {@code from + 1} as before.
     */
    private Mono<Void> written(String field, long from) {
        if (from < 0) return Mono.empty();
        return ViewReads.blocking(log::size).flatMap(size -> from < size ? Mono.<Void>empty()
                : views.passedHead(FeedLogProjection.PROCESSING_GROUP).flatMap(caughtUp -> !caughtUp ? Mono.<Void>empty()
                : ViewReads.blocking(log::size).flatMap(now -> from < now ? Mono.<Void>empty()
                : Mono.error(InvalidRequest.of(field, "is " + from + ", " + BEYOND_THE_LOG + " " + (now - 1) + ": this log never wrote"
                + " it. Resume from your mirror's last sequence at or below " + (now - 1) + " (a position from another ledger, or from"
                + " before this one was restored, is not a position in this log)")))));
    }

    @GetMapping(path = "/feed/v1/entries")
    ResponseEntity<Flux<DataBuffer>> entries(ServerHttpRequest request, @RequestParam(defaultValue = "-1") String after,
                                             @RequestParam(defaultValue = "1000") String limit,
                                             @RefusedParameter @RequestParam(required = false) String types,
                                             @RefusedParameter @RequestParam(required = false) String division) {
        // the log itself, every entry, as a mirror and a proof need it (audit: the filters were ignored, answering what was not asked)
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>(refusedFilters(types, division,
                "/feed/v1/entries serves every entry, as a mirror and the tree's proofs need them"));
        Long position = InvalidRequest.checked(problems, () -> sequence("after", after));
        Long most = InvalidRequest.checked(problems, () -> TransparencyLog.number("limit", limit, 1, 100_000));
        InvalidRequest.refuseIfAny(problems);
        long from = position, max = most;
        // read-your-writes as every read (API.md: ?position= or Ledger-Position; a sweep from outside, stop 71, found it ignored here)
        return ResponseEntity.ok().contentType(JSON_LINES).body(views.await(request, FeedLogProjection.PROCESSING_GROUP)
                .then(written("after", from)).thenMany(streams.upTo(from, max).map(e -> line(e.line()))));
    }

    /** The stream's filters asked of a read that serves everything: a 400 naming each, never the whole answered as if filtered. */
    private static List<InvalidRequest.FieldProblem> refusedFilters(String types, String division, String serves) {
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        if (types != null) problems.add(new InvalidRequest.FieldProblem("types", "filters only /feed/v1/events; " + serves));
        if (division != null) problems.add(new InvalidRequest.FieldProblem("division", "filters only /feed/v1/events; " + serves));
        return problems;
    }

    @GetMapping(path = "/feed/v1/snapshot")
    ResponseEntity<Flux<DataBuffer>> snapshot(ServerHttpRequest request, @RefusedParameter @RequestParam(required = false) String types,
                                              @RefusedParameter @RequestParam(required = false) String division) {
        // a sweep from outside, stop 84: ?division=31 answered the whole country's snapshot with 200, as if filtered
        InvalidRequest.refuseIfAny(refusedFilters(types, division, "/feed/v1/snapshot holds every public record and list entry, consistent"
                + " with one sequence; keep the divisions and types you need from it, then follow /feed/v1/events?division=…&after=<its sequence>"));
        Flux<DataBuffer> body = views.await(request, FeedLogProjection.PROCESSING_GROUP).then(Mono.fromCallable(() -> {
                    try {
                        return log.reflectedPosition();
                    } catch (IllegalStateException e) {
                        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The feed is catching up (" + e.getMessage()
                                + "); retry in a few seconds");
                    }
                }).subscribeOn(Schedulers.boundedElastic()))
                .flatMapMany(consistentWith -> Flux.concat(
                        Mono.just(line("{\"sequence\":" + consistentWith + ",\"note\":\"apply entries after this sequence to stay current\"}")),
                        publicAt(consistentWith).map(this::line)));
        return ResponseEntity.ok().contentType(JSON_LINES).body(body);
    }

    /** What was public just after entry {@code at}, a page of keys at a time in key order. */
    private Flux<String> publicAt(long at) {
        return Flux.defer(() -> {
            String[] afterKey = {null};
            boolean[] done = {false};
            return FeedStreams.paged(() -> {
                if (done[0]) return List.<List<String>>of();
                FeedLog.PublicPage page = log.publicAt(at, afterKey[0], FeedStreams.PAGE);
                afterKey[0] = page.lastKey();
                done[0] = page.lastKey() == null;
                return List.of(page.lines());
            }).concatMapIterable(lines -> lines);
        });
    }

    @GetMapping(path = "/feed/v1/tree-head")
    Mono<Map<String, Object>> treeHead(ServerHttpRequest request) {
        return views.await(request, FeedLogProjection.PROCESSING_GROUP).then(Mono.defer(tree::treeHead));
    }

    /**
     * Every head signed for more than {@code after} entries, smallest first, each with its signed
     * checkpoint: all heads are kept, so an auditor can ask for a consistency proof between any two.
     */
    @GetMapping(path = "/feed/v1/tree-heads")
    Mono<Map<String, Object>> treeHeads(ServerHttpRequest request, @RequestParam(defaultValue = "-1") String after,
                                        @RequestParam(defaultValue = "100") String limit) {
        return views.await(request, FeedLogProjection.PROCESSING_GROUP).then(Mono.defer(() -> tree.treeHeads(after, limit)));
    }

    @GetMapping(path = "/feed/v1/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<String> checkpoint(ServerHttpRequest request) {
        return views.await(request, FeedLogProjection.PROCESSING_GROUP).then(Mono.defer(tree::checkpoint));
    }

    /** The largest checkpoint witnesses have cosigned, with their cosignatures. */
    @GetMapping(path = "/feed/v1/checkpoint/cosigned", produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<String> cosigned(@RequestParam(required = false) String witness) {
        return tree.cosigned(witness);
    }

    /** A witness hands in its cosignature: the checkpoint note with its signature line (C2SP tlog-cosignature). */
    @PostMapping(path = "/feed/v1/checkpoint/cosignatures", consumes = MediaType.TEXT_PLAIN_VALUE)
    Mono<Map<String, Object>> cosign(@RequestBody String note) {
        return tree.cosign(note, witnesses.witnesses());
    }

    /** The verifier keys of both logs, the feed's and the event ledger's, current and retired. */
    @GetMapping(path = "/.well-known/gongshi-keys")
    Mono<Map<String, Object>> keys() {
        return Mono.fromCallable(() -> {
            List<TreeHeads.VerifierKey> keys = new ArrayList<>(treeHeads.keys());
            keys.addAll(ledgerTree.heads().keys());
            return Map.<String, Object>of("keys", keys);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(path = "/feed/v1/proofs/inclusion")
    Mono<Map<String, Object>> inclusion(@RequestParam(required = false) String index, @RequestParam(required = false) String treeSize) {
        return tree.inclusion(index, treeSize);
    }

    @GetMapping(path = "/feed/v1/proofs/consistency")
    Mono<Map<String, Object>> consistency(@RequestParam(required = false) String first, @RequestParam(required = false) String second) {
        return tree.consistency(first, second);
    }

    private DataBuffer line(String json) {
        return BUFFERS.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A sequence to continue after: at most one below the largest, so the next one exists (audit: Long.MAX_VALUE + 1 wrapped to the start). */
    private static long sequence(String field, String value) {
        return TransparencyLog.number(field, value, -1, Long.MAX_VALUE - 1);
    }

    private static List<String> types(String types) {
        if (types == null || types.isBlank()) return null;
        List<String> resolved = new ArrayList<>();
        for (String t : types.split(",")) {
            String type = FeedTypes.resolve(t);
            if (type == null) throw InvalidRequest.of("types", "unknown type '" + t.strip() + "'; types are " + FeedTypes.ALL);
            resolved.add(type);
        }
        return resolved;
    }
}
