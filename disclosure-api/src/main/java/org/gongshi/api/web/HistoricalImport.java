package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.Problems;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The historical-import path: a bureau officer's command sent with {@code Gongshi-Historical-Import:
 * true} may carry legal dates older than the policy's tolerance; its acts are marked
 * {@code historicalImport} in the events' metadata and never count as on time. The header travels to
 * {@link LedgerGateway} in the request's Reactor context; only the role officer may use it.
 */
public class HistoricalImport implements WebFilter {

    public static final String HEADER = "Gongshi-Historical-Import";
    private static final String CONTEXT_KEY = HistoricalImport.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String value = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (value == null || value.equalsIgnoreCase("false")) return chain.filter(exchange);
        if (!value.equalsIgnoreCase("true")) {
            return Problems.write(exchange, InvalidRequest.of(HEADER,
                    "is 'true' (a historical import) or 'false', not '" + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'"));
        }
        return chain.filter(exchange).contextWrite(context -> context.put(CONTEXT_KEY, Boolean.TRUE));
    }

    /** Whether the request this runs for asked for the historical import. */
    public static boolean requested(ContextView context) {
        return context.getOrDefault(CONTEXT_KEY, Boolean.FALSE);
    }
}
