package org.gongshi.api.dev;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /dev/clock} answers the ledger's clock {@code {"now", "local", "ledgerDay"}}; {@code POST /dev/clock
 * {"now": "2026-02-10T09:00:00+08:00"}} moves it forward (never back: 409 naming
 * {@link Rule#CLOCK_MOVES_FORWARD}), and the deadlines that fall due fire on it. Exists only in the
 * embedded default (like {@code /dev/tokens}, which listens on 127.0.0.1) and answers loopback
 * callers only, by a loopback name ({@link DevCallers}).
 */
@RestController
public class DevClockController {

    private final LedgerClock clock;

    public DevClockController(LedgerClock ledgerClock) {
        this.clock = ledgerClock;
    }

    public record ClockRequest(String now) {}

    /**
     * {@code now} the instant in UTC, as API.md writes every instant (a sweep from outside, stop 78: it was the only one in
     * +08:00); {@code local} the same instant in the legal zone and {@code ledgerDay} its date there, the day acts are
     * recorded on.
     */
    @GetMapping("/dev/clock")
    Map<String, String> now(ServerHttpRequest request) {
        requireLoopback(request);
        Instant now = clock.instant();
        OffsetDateTime local = OffsetDateTime.ofInstant(now, LedgerClock.LEGAL_ZONE);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("now", now.toString());
        answer.put("local", local.toString());
        answer.put("ledgerDay", local.toLocalDate().toString());
        return answer;
    }

    /**
     * Answers once the deadlines that fell due up to the new instant have been recorded (at most {@link #SETTLE}): a caller
     * moving the clock on day after day sees each day's misses recorded on their day, not on a later one.
     */
    @PostMapping("/dev/clock")
    Mono<Map<String, String>> move(ServerHttpRequest request, @RequestBody ClockRequest body) {
        requireLoopback(request);
        if (body == null || body.now() == null || body.now().isBlank()) {
            throw InvalidRequest.of("now", "is required: an ISO instant with offset, e.g. 2026-02-10T09:00:00+08:00");
        }
        Instant target = parse(body.now());
        CompletableFuture<Void> settled;
        try {
            settled = clock.moveForwardAndSettle(target);
        } catch (IllegalArgumentException backwards) {
            throw new RuleViolation(Rule.CLOCK_MOVES_FORWARD, backwards.getMessage());
        }
        return Mono.fromFuture(settled).timeout(SETTLE, Mono.empty()).onErrorResume(e -> Mono.empty())
                .then(Mono.fromSupplier(() -> now(request)));
    }

    /** The longest a move waits for what fell due to be recorded (it is recorded all the same, later). */
    static final Duration SETTLE = Duration.ofSeconds(60);

    private static Instant parse(String text) {
        if (text.length() > 64) throw InvalidRequest.of("now", "is too long for an ISO instant");
        try {
            return LedgerClock.parseInstant(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("now", e.getMessage());
        }
    }

    private static void requireLoopback(ServerHttpRequest request) {
        DevCallers.require(request, "/dev/clock");
    }
}
