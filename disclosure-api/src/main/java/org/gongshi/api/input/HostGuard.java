package org.gongshi.api.input;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * RFC 9112 §3.2: a request sends {@code Host} once, and an HTTP/1.1 request sends it: none or two is a 400 naming it, on every
 * path, pages too, before anything else reads the request (a token's 401 came first: a re-test from outside, stop 85). Two
 * were read as the first (a sweep from outside, stop 84: {@code /dev/tokens} minted a token for one order and refused the
 * other); none was answered. Runs before Spring Security, so the refusal carries the security headers itself.
 */
public class HostGuard implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100). */
    @Override
    public int getOrder() {
        return -101;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> hosts = exchange.getRequest().getHeaders().get(HttpHeaders.HOST);
        String problem = hosts != null && hosts.size() > 1 ? "must be sent once (it was sent " + hosts.size() + " times)"
                : (hosts == null || hosts.isEmpty()) && http11(exchange)
                ? "is required in an HTTP/1.1 request (RFC 9112 §3.2): send the server's name and port as you reached it" : null;
        if (problem == null) return chain.filter(exchange);
        org.gongshi.api.problem.SecurityHeaders.ALL.forEach(exchange.getResponse().getHeaders()::set);
        return Problems.write(exchange, InvalidRequest.of(HttpHeaders.HOST, problem));
    }

    /** Whether the request came over HTTP/1.1 (as the server read it; false when the server does not say). */
    static boolean http11(ServerWebExchange exchange) {
        Object request = org.springframework.http.server.reactive.ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof reactor.netty.http.server.HttpServerRequest netty
                && netty.version().equals(io.netty.handler.codec.http.HttpVersion.HTTP_1_1);
    }
}
