package org.gongshi.api.problem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.channel.AbortedException;

import java.util.List;

/** Every controller failure goes through {@link Problems}. */
@RestControllerAdvice
public class ProblemAdvice {

    /**
     * The problem for {@code error}; a client that went away (closed the connection while its answer was being written,
     * e.g. a feed reader that had read enough) is not answered: its error goes on to WebFlux, which notes a lost client,
     * where a problem could only fail on the answer already begun and be logged as an unexpected failure.
     */
    @ExceptionHandler(Throwable.class)
    Mono<ResponseEntity<?>> handle(Throwable error, ServerWebExchange exchange) throws Throwable {
        ResponseEntity<?> answer = answer(error, exchange.getRequest(), exchange.getResponse().isCommitted());
        KeyReuse reuse = keyReuse.getIfAvailable();
        if (reuse == null || answer.getStatusCode().value() != 400 || exchange.getRequest().getMethod() != HttpMethod.POST) {
            return Mono.just(answer);
        }
        return reuse.usedBefore(exchange).map(used -> used ? Problems.toResponse(new Problems.IdempotencyConflict(
                        "Idempotency-Key was first used with a different request; use a new key for a new request (this one is also"
                                + " invalid: " + detail(answer) + ")")) : answer)
                .onErrorReturn(answer).defaultIfEmpty(answer);
    }

    private static String detail(ResponseEntity<?> answer) {
        return answer.getBody() instanceof org.springframework.http.ProblemDetail problem ? problem.getDetail() : "see its errors";
    }

    private final ObjectProvider<KeyReuse> keyReuse;

    public ProblemAdvice(ObjectProvider<KeyReuse> keyReuse) {
        this.keyReuse = keyReuse;
    }

    /**
     * The answer to {@code error} for {@code request}, its answer {@code begun} or not. Once the answer is begun and the
     * client has hung up (a cancelled read, a feed reader that had enough), the failure is most likely the hang-up's own
     * (Reactor interrupts a cancelled read; Netty refuses a write with "channel not registered to an event loop") and no
     * problem can be sent: one line, and WebFlux notes a lost client.
     */
    ResponseEntity<?> answer(Throwable error, ServerHttpRequest request, boolean begun) throws Throwable {
        if (begun && clientGone(request)) {
            log.warn("{} {} failed after its client hung up: {}", request.getMethod(), request.getPath(), error.toString());
            throw DisconnectedClientHelper.isClientDisconnectedException(error) ? error : new AbortedException(error);
        }
        return answer(error, request.getPath().value(), request.getHeaders().getAccept());
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemAdvice.class);

    /** The request's connection is closed (a request without a Netty connection, as in a mock, counts as open). */
    static boolean clientGone(ServerHttpRequest request) {
        Object connection;
        try {
            connection = ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalStateException noServer) {
            return false;
        }
        return connection instanceof Connection netty && netty.isDisposed();
    }

    /** The answer to {@code error} for a request of {@code path} that accepts {@code accepted}. */
    ResponseEntity<?> answer(Throwable error, String path, List<MediaType> accepted) throws Throwable {
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) throw error;
        if (error instanceof NoResourceFoundException && BrowserPages.browsing(path, accepted)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(BrowserPages.HTML)
                    .headers(h -> h.setContentLanguage(java.util.Locale.SIMPLIFIED_CHINESE)).body(BrowserPages.NOT_FOUND);
        }
        if (error instanceof MethodNotAllowedException notAllowed && BrowserPages.browsing(path, accepted)) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(BrowserPages.HTML)
                    .allow(notAllowed.getSupportedMethods().toArray(HttpMethod[]::new))
                    .headers(h -> h.setContentLanguage(java.util.Locale.SIMPLIFIED_CHINESE)).body(BrowserPages.NOT_ALLOWED);
        }
        return Problems.toResponse(error);
    }

}
