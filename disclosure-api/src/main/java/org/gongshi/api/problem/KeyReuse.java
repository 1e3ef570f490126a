package org.gongshi.api.problem;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whether a request refused as invalid came under an {@code Idempotency-Key} its caller first used with another request (one
 * that was valid, since only a valid request takes a key): API.md answers "the same key with another body" 422, whatever this
 * body's own faults (a sweep from outside: a reused key with an invalid body was answered 400, as if the key were free).
 */
public interface KeyReuse {

    Mono<Boolean> usedBefore(ServerWebExchange exchange);
}
