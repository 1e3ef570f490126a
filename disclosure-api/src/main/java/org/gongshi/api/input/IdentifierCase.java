package org.gongshi.api.input;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case, record, decision or listing id written in upper case ({@code /api/v1/cases/0192F3A0-…}) names the same case as
 * in lower case, the way the ledger writes every id: a UUID is case-insensitive on input (RFC 9562 §4), and a bureau's
 * system that prints its ids in upper case found none of them (404). Only a path segment that is a whole UUID is read
 * in lower case; every other segment, and the query, reach the handlers as sent.
 */
public class IdentifierCase implements WebFilter, Ordered {

    private static final Pattern UPPER_CASE_UUID = Pattern.compile(
            "(?<=/)(?=[0-9a-fA-F-]*[A-F])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");

    /** Right after the input guard ({@link QueryGuard}), before any handler reads the path. */
    @Override
    public int getOrder() {
        return -79;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        String lower = lowerCaseIds(path);
        if (lower == null) return chain.filter(exchange);
        return chain.filter(exchange.mutate().request(r -> r.path(lower)).build());
    }

    private static final Pattern WHOLE_UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** An id from a body ({@code basisCaseIds}) as the ledger writes it: a UUID in lower case, anything else as sent (outside audit). */
    public static String id(String id) {
        return id != null && WHOLE_UUID.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : id;
    }

    /** The path with each UUID segment in lower case, or null when it has none in upper case. */
    static String lowerCaseIds(String path) {
        Matcher m = UPPER_CASE_UUID.matcher(path);
        if (!m.find()) return null;
        StringBuilder out = new StringBuilder(path.length());
        do {
            m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
        } while (m.find());
        return m.appendTail(out).toString();
    }
}
