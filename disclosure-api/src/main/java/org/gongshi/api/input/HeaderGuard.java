package org.gongshi.api.input;

import org.gongshi.api.limits.Bounds;

import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.Problems;
import org.gongshi.api.web.HistoricalImport;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * What a request's headers must say before anything runs (outside audit), on the API, the feed and the operators' paths:
 * <ul>
 * <li>A header that holds one value is sent once: {@code Authorization}, {@code Content-Type}, {@code Idempotency-Key},
 * {@code Gongshi-Historical-Import}, {@code Ledger-Position}, {@code Last-Event-ID} twice is a 400 naming it (the first one
 * won silently: two tokens acted as one bureau or the other by their order, {@code true} then {@code false} filed a
 * historical import).</li>
 * <li>An {@code Idempotency-Key} is not empty: an empty one was read as none, so its retry ran the command again.</li>
 * <li>A command (any method but GET, HEAD and OPTIONS) answers JSON, its refusals problem+json: an {@code Accept} that
 * does not allow JSON is a 406 before the command runs. It ran before: the case was filed, or the record published to the
 * feed, and the client was told 406, so a retry without a key filed a second case.</li>
 * <li>An {@code Accept} that is no list of media types is a 406 with a problem naming it.</li>
 * <li>A body whose declared length is over {@link Bounds#BODY_BYTES} is a 413 before it is read.</li>
 * <li>A body in a content coding ({@code Content-Encoding: gzip}) is a 415 naming it: bodies are read as sent.</li>
 * </ul>
 */
public class HeaderGuard implements WebFilter, Ordered {

    static final List<String> SINGLE_VALUED = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, IdempotentCommands.HEADER,
            HistoricalImport.HEADER, "Ledger-Position", "Last-Event-ID");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** After Spring Security's filter chain (-100), so that refusals carry the security headers; before the query guard. */
    @Override
    public int getOrder() {
        return -81;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (QueryGuard.page(exchange.getRequest().getPath().pathWithinApplication().value())) return chain.filter(exchange);
        HttpHeaders headers = exchange.getRequest().getHeaders();
        for (String name : SINGLE_VALUED) {
            List<String> values = headers.get(name);
            if (values != null && values.size() > 1) {
                return Problems.write(exchange, InvalidRequest.of(name, "must be sent once (it was sent " + values.size() + " times)"));
            }
        }
        String key = headers.getFirst(IdempotentCommands.HEADER);
        if (key != null && key.isBlank()) {
            // an empty key was read as none: a retry of a command sent with it ran the command again (sweep from outside)
            return Problems.write(exchange, InvalidRequest.of(IdempotentCommands.HEADER, "must not be empty: send a key of your own"
                    + " (the same one with each retry of a command), or no header. Nothing was recorded"));
        }
        if (!readableAccept(headers)) {
            // a sweep from outside, stop 71: Accept: /// met Spring's own 406 body, not a problem naming the header
            return Problems.write(exchange, HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "The Accept header is no list of media types;"
                    + " send one that allows application/json (application/problem+json for refusals), or none. Nothing was recorded");
        }
        if (headers.getContentLength() > Bounds.BODY_BYTES) {
            // refused on its declared length, before a byte of it is read: with Expect: 100-continue the server had sent 100
            // and then reset the connection under the 10 MB that came (a sweep from outside: 3 of 10 without an answer)
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Body too large", Problems.BODY_TOO_LARGE + ". Nothing was recorded");
        }
        String coding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.isBlank() && !coding.strip().equalsIgnoreCase("identity") && !SAFE.contains(exchange.getRequest().getMethod())) {
            // a body is read as sent: a gzipped one was refused as text that is no UTF-8, sending the client after a charset (a
            // security sweep from outside, stop 79); RFC 7694: 415 for a content coding the server does not take
            return Problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content coding", "The Content-Encoding "
                    + (coding.length() <= 40 ? "'" + coding.strip() + "' " : "") + "is not accepted: send the body uncompressed, without the header. Nothing was recorded");
        }
        if (!SAFE.contains(exchange.getRequest().getMethod()) && !answersJson(headers)) {
            return Problems.write(exchange, HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                    "A command answers application/json (a refusal application/problem+json); send an Accept header that allows it, "
                            + "or none. Nothing was recorded");
        }
        return chain.filter(exchange);
    }

    /** Whether the request's {@code Accept}, if any, is a list of media types. */
    static boolean readableAccept(HttpHeaders headers) {
        try {
            headers.getAccept();
            return true;
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** Whether the request's {@code Accept} allows JSON, a command's answer (no {@code Accept} allows anything). */
    static boolean answersJson(HttpHeaders headers) {
        List<MediaType> accepted;
        try {
            accepted = headers.getAccept();
        } catch (InvalidMediaTypeException unreadable) {
            return true; // refused before, as no list of media types (readableAccept)
        }
        // a command's success is application/json: an Accept that allows only problems cannot take it (outside audit: a success
        // was labelled application/problem+json)
        return accepted.isEmpty() || accepted.stream().anyMatch(type -> type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON));
    }
}
