package org.gongshi.api.web;

import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.problem.DistributedFailures;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How every bureau command endpoint runs (API.md, "Bureau commands"): the caller must be a bureau's
 * officer, the request is deduplicated by {@code Idempotency-Key}, the command is sent with the caller
 * as metadata, and the answer names what was created plus {@code position}, the ledger position a
 * read sends to see the command's effect. A registered bureau's token acts only in the bureau's division
 * ({@link org.gongshi.api.security.BureauDivisionGuard}, before the command is read).
 */
public class BureauCommands {

    private final LedgerGateway ledger;
    private final IdempotentCommands idempotency;

    public BureauCommands(LedgerGateway ledger, IdempotentCommands idempotency) {
        this.ledger = ledger;
        this.idempotency = idempotency;
    }

    /**
     * Runs the command {@code command} builds for the caller (it may throw a 400 for the body) under
     * {@code Idempotency-Key} {@code key}; {@code route} and {@code body} identify the request.
     */
    public Mono<ResponseEntity<?>> send(Jwt jwt, String key, String route, Object body, Function<Caller, Command> command) {
        return sendAfter(jwt, key, route, body, caller -> Mono.fromSupplier(() -> command.apply(caller)));
    }

    /** As {@link #send}, for a command whose checks read the views first (off the event loop). */
    public Mono<ResponseEntity<?>> sendAfter(Jwt jwt, String key, String route, Object body, Function<Caller, Mono<Command>> command) {
        Caller caller = issuer(jwt);
        return Mono.deferContextual(sent -> idempotency.execute(caller, key, asSent(route, sent), body, Mono.defer(() -> command.apply(caller))
                .flatMap(c -> Mono.deferContextual(context -> IdempotentCommands.takenOver(context)
                                ? ledger.recorded(c.aggregates(), IdempotentCommands.request(context).orElseThrow()) : Mono.just(false))
                        .flatMap(recorded -> recorded ? ledger.head().map(c::answer) : ledger.sendForResult(caller, c.message()).map(c::answer)
                                .onErrorResume(e -> c.created() != null && key != null && DistributedFailures.of(e) == DistributedFailures.Meaning.CONFLICT,
                                        e -> ledger.head().map(c::answer))))));
    }

    /**
     * The route as an {@code Idempotency-Key} remembers the request: the same body sent as a historical import is another
     * request than sent live, whose acts count otherwise (a sweep from outside, stop 76: the key answered the first mode's
     * response to a retry in the other, silently), so the key's second use is a 422.
     */
    private static String asSent(String route, reactor.util.context.ContextView sent) {
        return HistoricalImport.requested(sent) ? route + " (" + HistoricalImport.HEADER + ")" : route;
    }

    /**
     * The id of what a request creates, named by bureau, {@code Idempotency-Key} and request when
     * the caller sent a key: a retry after a timeout or a crash names the same aggregate, its
     * creation meets the stream the first attempt made, and that conflict answers as the first
     * attempt did (the stream exists only if the same request created it). A key taken over after its lease (the attempt
     * that held it died) first looks for an event of the request in the ledger: one recorded means the command was, and
     * its answer is given again, never the act done twice (outside crash audit: a notice served twice).
     */
    public String newId(Jwt jwt, String key, String route, Object body) {
        return idempotency.newId(issuer(jwt), key, route, body);
    }

    /** The caller as the issuer of a command: a bureau's officer, with bureau, division and subject. */
    public static Caller issuer(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        if (caller.bureau() == null || caller.division() == null || caller.sub() == null) {
            throw new Forbidden("The token has no bureau, division or sub claim; commands are issued by a bureau's officer");
        }
        return caller;
    }

    /**
     * A command message and what its success answers: 200, or 201 with {@code Location} when it
     * created a resource, with the ids in {@code ids} and the ledger {@code position}.
     */
    public record Command(Object message, URI created, Map<String, Object> ids, String resultName) {

        public Command(Object message, URI created, Map<String, Object> ids) {
            this(message, created, ids, null);
        }

        public static Command ok(Object message, String idName, String id) {
            return new Command(message, null, Map.of(idName, id));
        }

        /** This command, answering what its handler returns as {@code name} too (a challenge's number). */
        public Command answering(String name) {
            return new Command(message, created, ids, name);
        }

        public static Command ok(Object message, String idName, String id, String newIdName, String newId) {
            Map<String, Object> ids = new LinkedHashMap<>();
            ids.put(idName, id);
            ids.put(newIdName, newId);
            return new Command(message, null, ids);
        }

        public static Command created(Object message, String location, String idName, String id) {
            return new Command(message, URI.create(location), Map.of(idName, id));
        }

        /**
         * The ids this command names that may be an aggregate's (a case, a listing): where a retry whose first answer was
         * lost looks for what the first attempt recorded. A resource's own id (a decision's) names none and finds nothing.
         */
        java.util.List<String> aggregates() {
            return ids.values().stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }

        ResponseEntity<?> answer(long position) {
            return answer(new LedgerGateway.Sent(null, position));
        }

        ResponseEntity<?> answer(LedgerGateway.Sent sent) {
            Map<String, Object> body = new LinkedHashMap<>(ids);
            if (resultName != null && sent.result() != null) body.put(resultName, sent.result());
            body.put("position", sent.position());
            return created == null ? ResponseEntity.ok(body) : ResponseEntity.created(created).body(body);
        }
    }
}
