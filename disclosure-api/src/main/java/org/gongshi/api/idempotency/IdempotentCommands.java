package org.gongshi.api.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.api.problem.CommandPending;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.KeyReuse;
import org.gongshi.api.problem.Problems;
import org.gongshi.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * {@code Idempotency-Key} semantics (API.md): a repeat with the same key and body gets the first
 * answer and changes nothing, the same key with another body is 422. Keys are scoped to the caller's
 * bureau and kept durably in MongoDB for {@code ttl} (README).
 *
 * <p>Retry-safe: a request that creates something names it by {@link #newId} from bureau, key and
 * request, so a retry after a timeout or a crash meets the stream the first attempt created; a key
 * being processed holds a lease, so a request that died with its node never jams the key; the
 * bookkeeping and the command run detached from the HTTP exchange, so a client that disconnects
 * cannot interrupt them, and the outcome is kept for the retry. A repeat while the first attempt runs waits for its answer.
 * A command not answered within
 * {@code timeout} is 503 with {@code Retry-After}; its key stays pending, never deleted, because the
 * command may still commit.
 */
public class IdempotentCommands implements KeyReuse {

    public static final String COLLECTION = "idempotency_keys";
    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;
    /** The longest a client is asked to wait before retrying a pending key. */
    static final Duration RETRY_HINT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(IdempotentCommands.class);

    private final MongoCollection<Document> keys;
    private final JsonMapper json;
    private final Clock clock;
    private final Settings settings;

    /**
     * How long a client waits for a command ({@code timeout}), how long one attempt owns a key
     * ({@code lease}, longer than any command runs, and longer than the wait), and how long a key is kept ({@code ttl}).
     */
    public record Settings(Duration timeout, Duration lease, Duration ttl) {
        public Settings {
            // each a positive duration (a sweep from outside, stop 72: a wait of 0 s started, and answered every command 503)
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("gongshi.commands.timeout (" + timeout + ") must be a positive duration, e.g. PT30S");
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("gongshi.idempotency.ttl (" + ttl + ") must be a positive duration, e.g. PT24H");
            }
            // a lease no longer than the wait ran out as its 503 was sent: every retry after a 503 took the key over and ran
            // the command again beside the slow first run (CrashDurabilityTest with both 5 s, on a loaded CI machine)
            if (lease.compareTo(timeout) <= 0) {
                throw new IllegalArgumentException("gongshi.idempotency.lease (" + lease + ") must be longer than gongshi.commands.timeout ("
                        + timeout + "): a retry after a 503 must find its key still held by the attempt that may yet answer");
            }
        }
    }

    public IdempotentCommands(MongoDatabase database, JsonMapper json, Clock clock, Settings settings) {
        this.keys = database.getCollection(COLLECTION);
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        try {
            // real MongoDB purges expired keys; where TTL indexes are not kept, claim() ignores expired ones
            keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            log.info("Idempotency keys: no TTL index ({}); expired keys are ignored and replaced on use", e.toString());
        }
    }

    public Duration timeout() {
        return settings.timeout();
    }

    /**
     * The id a request creates: named by the caller's bureau, {@code key} and the request
     * ({@code route}, {@code body}), so a retry names the same aggregate; random without a key.
     */
    public String newId(Caller caller, String key, String route, Object body) {
        if (key == null || key.isBlank()) return UUID.randomUUID().toString();
        return requestId(caller, key, requestHash(route, body));
    }

    /** The request's name: from bureau, key and the request's hash, the same for every retry of it. */
    private static String requestId(Caller caller, String key, String hash) {
        return UUID.nameUUIDFromBytes((caller.bureau() + "|" + key + "|" + hash).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Whether the caller of {@code exchange} took the key it sends before, with a request the ledger answered or is answering
     * (a key is taken only by a valid request: one refused as invalid under that key is another request). A key that expired is
     * free again; a caller known by no token (the request was refused before it was known) took none.
     */
    @Override
    public Mono<Boolean> usedBefore(ServerWebExchange exchange) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) return Mono.just(false);
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Caller.of(((JwtAuthenticationToken) principal).getToken()))
                .flatMap(caller -> Mono.fromCallable(() -> {
                    Document existing = keys.find(eq("_id", caller.bureau() + "|" + key)).first();
                    return existing != null && (existing.getDate("expiresAt") == null || existing.getDate("expiresAt").toInstant().isAfter(clock.instant()));
                }).subscribeOn(Schedulers.boundedElastic()))
                .defaultIfEmpty(false);
    }

    /**
     * Runs {@code command} once per key: the first request runs it and keeps its answer; a repeat
     * gets that answer, waiting for it while the first runs, or 503 with {@code Retry-After} when it does not come within
     * the wait; after its lease ran out (the
     * node that ran it died, or it never answered) the next request runs it again, and
     * {@code command} answers as the first attempt did if that one committed.
     */
    public Mono<ResponseEntity<?>> execute(Caller caller, String key, String route, Object body,
                                           Mono<ResponseEntity<?>> command) {
        Mono<ResponseEntity<?>> run = naming(Mono.defer(() -> command).onErrorResume(e -> Mono.just(Problems.toResponse(e))));
        if (key == null || key.isBlank()) return answerWithin(run);
        if (key.length() > MAX_KEY_LENGTH) {
            return Mono.just(Problems.toResponse(InvalidRequest.of(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters")));
        }
        String id = caller.bureau() + "|" + key;
        String hash = requestHash(route, body);
        String request = requestId(caller, key, hash);
        Mono<ResponseEntity<?>> once = Mono.fromCallable(() -> claim(id, hash))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(claim -> claim.answered() != null ? awaitAnswer(id, claim.answered())
                        : run.contextWrite(context -> context.put(REQUEST, request).put(TAKEN_OVER, claim.takenOver()))
                                .flatMap(response -> keep(id, response)))
                .onErrorResume(e -> Mono.just(Problems.toResponse(e)));
        return answerWithin(once);
    }

    /**
     * Runs {@code work} detached from the subscriber: a client that disconnects cancels only its
     * wait, never the key's writes or the command (cancelling a Mongo call on a bounded-elastic
     * thread interrupts it: {@code MongoInterruptedException}, and the key stays pending). The
     * detached run keeps the request's Reactor context (e.g. {@code HistoricalImport}).
     */
    private Mono<ResponseEntity<?>> answerWithin(Mono<ResponseEntity<?>> work) {
        return Mono.deferContextual(context -> Mono.fromFuture(work.contextWrite(context).toFuture(), true))
                .timeout(settings.timeout(), Mono.fromSupplier(() -> Problems.toResponse(new CommandPending(
                        "The ledger has not answered within " + settings.timeout().toSeconds() + " s; the command may still be recorded. "
                                + "Retry with the same Idempotency-Key to get its outcome", RETRY_HINT))));
    }

    /**
     * A problem answer names the request it answers ({@code instance}, RFC 9457) before it is kept, so its replay names it
     * too: WebFlux fills it in only as it writes a problem object, and a replay is the kept text (outside audit: a replayed
     * 409 had no {@code instance}).
     */
    private static Mono<ResponseEntity<?>> naming(Mono<ResponseEntity<?>> work) {
        return Mono.deferContextual(context -> work.map(response -> {
            if (response.getBody() instanceof ProblemDetail problem && problem.getInstance() == null) {
                ServerWebExchangeContextFilter.getExchange(context)
                        .ifPresent(exchange -> problem.setInstance(URI.create(exchange.getRequest().getPath().value())));
            }
            return response;
        }));
    }

    /**
     * The request under whose key a command is sent ({@link org.gongshi.ledger.vocabulary.MetadataKeys#REQUEST}, in the
     * Reactor context of the command), if it was sent under one.
     */
    public static Optional<String> request(reactor.util.context.ContextView context) {
        return context.getOrEmpty(REQUEST);
    }

    /**
     * Whether this attempt took its key over from one whose lease ran out: that one may have recorded the command and
     * died before its answer was kept, so what it recorded is looked for before acting again.
     */
    public static boolean takenOver(reactor.util.context.ContextView context) {
        return context.getOrDefault(TAKEN_OVER, false);
    }

    private static final String REQUEST = IdempotentCommands.class.getName() + ".request";
    private static final String TAKEN_OVER = IdempotentCommands.class.getName() + ".takenOver";

    /** A claim of a key: the key's record if another attempt answered or holds it, else this attempt owns it (taken over or new). */
    private record Claim(Document answered, boolean takenOver) {
        static final Claim NEW = new Claim(null, false);
        static final Claim TAKEN_OVER = new Claim(null, true);
    }

    /** This attempt's claim of the key: it owns the key (new, or taken over after a lease ran out), or the key's record. */
    private Claim claim(String id, String hash) {
        Instant now = clock.instant();
        try {
            keys.insertOne(new Document("_id", id).append("requestHash", hash).append("state", "PENDING")
                    .append("createdAt", Date.from(now)).append("leaseUntil", Date.from(now.plus(settings.lease())))
                    .append("expiresAt", Date.from(now.plus(settings.ttl()))));
            return Claim.NEW;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
        }
        Document existing = keys.find(eq("_id", id)).first();
        if (existing == null) return claim(id, hash);
        if (existing.getDate("expiresAt") != null && !existing.getDate("expiresAt").toInstant().isAfter(now)) {
            keys.deleteOne(and(eq("_id", id), eq("expiresAt", existing.getDate("expiresAt"))));
            return claim(id, hash);
        }
        if (!hash.equals(existing.getString("requestHash"))) {
            throw new Problems.IdempotencyConflict("Idempotency-Key was first used with a different request; use a new key for a new request");
        }
        if ("PENDING".equals(existing.getString("state")) && !existing.getDate("leaseUntil").toInstant().isAfter(now)) {
            // the attempt that held the lease is gone or never answered: take the key over, once
            Bson expired = and(eq("_id", id), eq("state", "PENDING"), eq("leaseUntil", existing.getDate("leaseUntil")));
            if (keys.updateOne(expired, new Document("$set", new Document("leaseUntil", Date.from(now.plus(settings.lease())))))
                    .getModifiedCount() == 1) {
                return Claim.TAKEN_OVER;
            }
            Document current = keys.find(eq("_id", id)).first(); // another attempt took it over first
            return current == null ? claim(id, hash) : new Claim(current, false);
        }
        return new Claim(existing, false);
    }

    /**
     * The first attempt's answer for a repeat: at once when it was kept; while the first attempt still runs, as soon as it
     * is kept, for most of the client's wait (API.md: a repeat "returns the first response"; a sweep from outside: of ten
     * concurrent repeats three were told 503 to retry, where the first answered within milliseconds). Only when the first
     * attempt does not answer within that wait, or its claim lapses, is the repeat told to retry.
     */
    private Mono<ResponseEntity<?>> awaitAnswer(String id, Document stored) {
        if ("DONE".equals(stored.getString("state"))) return replay(stored);
        Duration wait = settings.timeout().multipliedBy(9).dividedBy(10); // answered before the wait's own 503
        Duration leaseLeft = Duration.between(clock.instant(), stored.getDate("leaseUntil").toInstant());
        Duration polling = leaseLeft.compareTo(wait) < 0 ? leaseLeft : wait;
        if (polling.isNegative() || polling.isZero()) return replay(stored);
        return Flux.interval(ANSWER_POLL, ANSWER_POLL).onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> Optional.ofNullable(keys.find(eq("_id", id)).first()))
                        .subscribeOn(Schedulers.boundedElastic()), 1)
                .takeUntil(current -> current.map(d -> "DONE".equals(d.getString("state"))).orElse(true))
                .take(polling)
                .last(Optional.of(stored))
                .flatMap(current -> current.isPresent() ? replay(current.get()) : released());
    }

    /**
     * The answer to a repeat whose first attempt's key went while it waited (refused with 400, which keeps no answer: {@link
     * #keep}; or expired): sent again at once, the repeat runs itself (it was answered "still being processed" with a claim
     * that had gone).
     */
    private static Mono<ResponseEntity<?>> released() {
        return Mono.just(Problems.toResponse(new CommandPending("The first request sent with this Idempotency-Key left no answer to"
                + " replay (it was refused as sent, 400, or its key expired); send this request again", Duration.ofSeconds(1))));
    }

    /** How often a repeat looks for the first attempt's answer while it waits for it. */
    private static final Duration ANSWER_POLL = Duration.ofMillis(20);

    private Mono<ResponseEntity<?>> replay(Document stored) {
        if (!"DONE".equals(stored.getString("state"))) {
            Duration left = Duration.between(clock.instant(), stored.getDate("leaseUntil").toInstant());
            Duration wait = left.compareTo(RETRY_HINT) < 0 ? (left.isNegative() ? Duration.ofSeconds(1) : left) : RETRY_HINT;
            // the attempt that holds the key may have died with its node: say when its claim lapses, after which a retry runs the
            // command (once; one already recorded answers as recorded). A retry every Retry-After seconds gets the answer as soon
            // as there is one (sweep against Axon Server: a killed command node's key held retries for a minute, told 5 s each)
            long lapses = Math.max(0, (left.toMillis() + 999) / 1000);
            return Mono.just(Problems.toResponse(new CommandPending(
                    "A request with this Idempotency-Key is still being processed, or the node that took it stopped answering; its claim"
                            + " lapses in " + lapses + " s, after which a retry runs the command (once: one already recorded answers as"
                            + " recorded). Retry with the same key after Retry-After seconds", wait)));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.getInteger("status"))
                .contentType(MediaType.parseMediaType(stored.getString("contentType")))
                .header("Idempotent-Replayed", "true");
        if (stored.getString("location") != null) answer.location(URI.create(stored.getString("location")));
        return Mono.just(answer.body(stored.getString("body")));
    }

    /**
     * Keeps a final answer (2xx, 4xx) for the retries. A 5xx is not final: the command may still
     * commit, so the key stays pending and its lease decides when a retry may run it again. A 400 keeps nothing: the request
     * as sent was wrong and nothing was recorded, so the key is free for the corrected request (a sweep from outside, stop 79:
     * a notice refused for a missing amount, sent again corrected with its key, met 422 "reused"), as Stripe's keys are.
     */
    private Mono<ResponseEntity<?>> keep(String id, ResponseEntity<?> response) {
        if (response.getStatusCode().is5xxServerError()) return Mono.just(response);
        if (response.getStatusCode().value() == 400) {
            return Mono.<ResponseEntity<?>>fromCallable(() -> {
                keys.deleteOne(and(eq("_id", id), eq("state", "PENDING")));
                return response;
            }).subscribeOn(Schedulers.boundedElastic());
        }
        return Mono.<ResponseEntity<?>>fromCallable(() -> {
            MediaType type = response.getHeaders().getContentType() == null ? MediaType.APPLICATION_JSON : response.getHeaders().getContentType();
            Document answer = new Document("state", "DONE")
                    .append("status", response.getStatusCode().value())
                    .append("contentType", type.toString())
                    .append("body", response.getBody() == null ? "" : json.writeValueAsString(response.getBody()));
            String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
            if (location != null) answer.append("location", location);
            keys.updateOne(eq("_id", id), new Document("$set", answer));
            return response;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The request as its key remembers it: the route and the decoded body, each amount without trailing zeros (60000 and
     * 60000.00 are the same fine: outside audit, a retry that wrote the amount with its cents was refused as another request).
     */
    private String requestHash(String route, Object body) {
        return hash(route + "\n" + json.writeValueAsString(plainNumbers(json.valueToTree(body))));
    }

    private static JsonNode plainNumbers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) object.set(name, plainNumbers(object.get(name)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, plainNumbers(array.get(i)));
        } else if (node.isBigDecimal()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(node.decimalValue().stripTrailingZeros().toPlainString()));
        }
        return node;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
