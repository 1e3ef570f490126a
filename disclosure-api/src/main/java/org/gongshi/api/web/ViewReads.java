package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.ViewBehind;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Reads of the views, as the controllers make them: off the event loop (the MongoDB driver blocks),
 * and read-your-writes (API.md): a read that sends the position a command returned, as
 * {@code ?position=<p>} or header {@code Ledger-Position: <p>}, waits until every view it reads has
 * passed p, polling on a timer (never sleeping on the event loop), for at most {@code wait}; then it
 * is answered 503 with {@code Retry-After}. A read without a position is served at once.
 */
public class ViewReads {

    public static final String PARAMETER = "position";
    public static final String HEADER = "Ledger-Position";
    /** What a 503 asks the client to wait before it tries again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final LedgerPositions positions;
    private final Duration wait;
    private final Duration poll;

    public ViewReads(LedgerPositions positions, Duration wait, Duration poll) {
        this.positions = positions;
        this.wait = wait;
        this.poll = poll;
    }

    /** {@code read}, off the event loop, once the views of {@code processors} have passed the position the request asks for. */
    public <T> Mono<T> read(ServerHttpRequest request, Callable<T> read, String... processors) {
        return await(request, processors).then(blocking(read));
    }

    /** Completes once the views of {@code processors} have passed the position the request asks for (at once if it asks none). */
    public Mono<Void> await(ServerHttpRequest request, String... processors) {
        return await(position(request), processors);
    }

    /** Completes once the views of {@code processors} have passed {@code position} (at once if it is null). */
    public Mono<Void> await(Long position, String... processors) {
        if (position == null) return Mono.empty();
        long deadline = System.nanoTime() + wait.toNanos();
        return attempt(position, processors, deadline, true);
    }

    /**
     * One poll; on the first that finds a view behind, a position beyond the ledger's head is refused at once (a sweep from
     * outside, stop 71: it was refused only after the whole wait, 3 s of polling for a position no command had returned).
     */
    private Mono<Void> attempt(long position, String[] processors, long deadline, boolean first) {
        return blocking(() -> Arrays.stream(processors).allMatch(p -> positions.passed(p, position))).flatMap(passed -> {
            if (passed) return Mono.empty();
            if (first) {
                return blocking(positions::head).flatMap(head -> position > head
                        ? Mono.<Void>error(beyondHead(head)) : later(position, processors, deadline));
            }
            if (System.nanoTime() - deadline >= 0) return blocking(() -> behind(position, processors)).flatMap(Mono::error);
            return later(position, processors, deadline);
        });
    }

    private Mono<Void> later(long position, String[] processors, long deadline) {
        return Mono.delay(poll).then(Mono.defer(() -> attempt(position, processors, deadline, false)));
    }

    private static RuntimeException beyondHead(long head) {
        return InvalidRequest.of(PARAMETER, "is beyond the ledger's newest position " + head + "; send the position a command of yours returned");
    }

    /**
     * Whether the view of {@code processor} has passed the ledger's head as it is now, waiting for it as a read with a
     * position does (at most {@code wait}): false when it is still behind after that (catching up, a rebuild, a crash's recovery).
     */
    public Mono<Boolean> passedHead(String processor) {
        long deadline = System.nanoTime() + wait.toNanos();
        return blocking(positions::head).flatMap(head -> head < 0 ? Mono.just(true) : passed(processor, head, deadline));
    }

    private Mono<Boolean> passed(String processor, long position, long deadline) {
        return blocking(() -> positions.passed(processor, position)).flatMap(passed -> passed || System.nanoTime() - deadline >= 0
                ? Mono.just(passed) : Mono.delay(poll).then(Mono.defer(() -> passed(processor, position, deadline))));
    }

    /** Why the wait ended: a position beyond the ledger's head is the caller's mistake (400), otherwise a view is late (503). */
    private RuntimeException behind(long position, String[] processors) {
        long head = positions.head();
        if (position > head) return beyondHead(head);
        String late = Arrays.stream(processors).map(p -> p + " at " + positions.at(p)).collect(Collectors.joining(", "));
        return new ViewBehind("The view has not yet passed ledger position " + position + " (" + late + ") after waiting "
                + wait.toMillis() + " ms; retry shortly with the same position", position, RETRY_AFTER);
    }

    /** The position a read asks for: {@code ?position=} or the {@code Ledger-Position} header (the later if both), or null. */
    static Long position(ServerHttpRequest request) {
        Long query = parse(PARAMETER, request.getQueryParams().getFirst(PARAMETER));
        Long header = parse(HEADER, request.getHeaders().getFirst(HEADER));
        if (query == null) return header;
        return header == null ? query : Math.max(query, header);
    }

    private static Long parse(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            // ASCII digits only, as every number of the API (Java reads full-width digits as numbers)
            long position = value.strip().matches("[0-9]{1,19}") ? Long.parseLong(value.strip()) : -1;
            if (position >= 0) return position;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequest.of(field, "must be a ledger position (a whole number from 0), as a command's answer gives it in 'position'");
    }

    /** A blocking call (a view read), off the Netty event loop. */
    public static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
