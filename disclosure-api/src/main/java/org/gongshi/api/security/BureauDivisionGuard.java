package org.gongshi.api.security;

import org.gongshi.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A bureau's token is the bureau's only in the bureau's division (API.md: {@code division} is "the division code of the
 * bureau"): a token of an officer or reviewer of a registered bureau whose {@code division} lies outside the one the
 * bureau's code was issued in is refused with a 403 naming both ({@link BureauRegistry#divisionProblem}), for its commands and
 * its reads alike, on every private path ({@code /api/} but the public API). Its commands were refused before; its reads
 * of its own bureau's cases were answered (a re-test from outside, stop 84), as if the token were sound.
 */
public class BureauDivisionGuard implements WebFilter, Ordered {

    private final BureauRegistry bureaus;

    public BureauDivisionGuard(BureauRegistry bureaus) {
        this.bureaus = bureaus;
    }

    /** After Spring Security's filter chain (-100), which authenticates the token; before the header and query guards. */
    @Override
    public int getOrder() {
        return -82;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || path.startsWith("/api/v1/public")) return chain.filter(exchange);
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Caller.of(((JwtAuthenticationToken) principal).getToken()))
                .filter(Access::readsBureau)
                .flatMap(caller -> Mono.justOrEmpty(bureaus.divisionProblem(caller)))
                .flatMap(detail -> Problems.write(exchange, HttpStatus.FORBIDDEN, "Not allowed", detail).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(false))
                .then();
    }
}
