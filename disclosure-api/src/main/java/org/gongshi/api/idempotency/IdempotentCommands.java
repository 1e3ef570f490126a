package org.gongshi.api.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.gongshi.api.problem.Problems;
import org.gongshi.api.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.eq;

/**
 * {@code Idempotency-Key} semantics (API.md): the first response to a key is kept durably in
 * MongoDB; a repeat with the same key and body gets that response and changes nothing, the same key
 * with another body is 422. Keys are scoped to the caller's bureau. Server failures (5xx) are not
 * kept, so the client may retry them with the same key.
 */
public class IdempotentCommands {

    public static final String COLLECTION = "idempotency_keys";
    public static final String HEADER = "Idempotency-Key";

    private final MongoCollection<Document> keys;
    private final JsonMapper json;

    public IdempotentCommands(MongoDatabase database, JsonMapper json) {
        this.keys = database.getCollection(COLLECTION);
        this.json = json;
    }

    public Mono<ResponseEntity<?>> execute(Caller caller, String key, String route, Object body,
                                           Supplier<Mono<ResponseEntity<?>>> command) {
        Mono<ResponseEntity<?>> run = Mono.defer(command).onErrorResume(e -> Mono.just(Problems.toResponse(e)));
        if (key == null || key.isBlank()) return run;
        if (key.length() > 200) {
            return Mono.just(Problems.toResponse(org.gongshi.api.problem.InvalidRequest.of("Idempotency-Key", "must be at most 200 characters")));
        }
        String id = caller.bureau() + "|" + key;
        String hash = hash(route + "\n" + json.writeValueAsString(body));
        return Mono.fromCallable(() -> claim(id, hash))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(existing -> existing.map(this::replay).orElseGet(() -> run.flatMap(response -> store(id, response))))
                .onErrorResume(e -> Mono.just(Problems.toResponse(e)));
    }

    private java.util.Optional<Document> claim(String id, String hash) {
        try {
            keys.insertOne(new Document("_id", id).append("requestHash", hash).append("state", "PENDING")
                    .append("createdAt", Date.from(Instant.now())));
            return java.util.Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
        }
        Document existing = keys.find(eq("_id", id)).first();
        if (existing == null) return claim(id, hash);
        if (!hash.equals(existing.getString("requestHash"))) {
            throw new Problems.IdempotencyConflict("Idempotency-Key was first used with a different request; use a new key for a new request");
        }
        return java.util.Optional.of(existing);
    }

    private Mono<ResponseEntity<?>> replay(Document stored) {
        if (!"DONE".equals(stored.getString("state"))) {
            return Mono.just(Problems.toResponse(new org.springframework.web.server.ResponseStatusException(HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key is still being processed; retry shortly")));
        }
        return Mono.just(ResponseEntity.status(stored.getInteger("status"))
                .contentType(MediaType.parseMediaType(stored.getString("contentType")))
                .header("Idempotent-Replayed", "true")
                .body(stored.getString("body")));
    }

    private Mono<ResponseEntity<?>> store(String id, ResponseEntity<?> response) {
        return Mono.<ResponseEntity<?>>fromCallable(() -> {
            if (response.getStatusCode().is5xxServerError()) {
                keys.deleteOne(eq("_id", id));
            } else {
                MediaType type = response.getHeaders().getContentType() == null ? MediaType.APPLICATION_JSON : response.getHeaders().getContentType();
                keys.updateOne(eq("_id", id), new Document("$set", new Document("state", "DONE")
                        .append("status", response.getStatusCode().value())
                        .append("contentType", type.toString())
                        .append("body", response.getBody() == null ? "" : json.writeValueAsString(response.getBody()))));
            }
            return response;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
