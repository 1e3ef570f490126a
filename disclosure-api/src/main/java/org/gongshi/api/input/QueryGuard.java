package org.gongshi.api.input;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every query parameter and path segment of every request (pages, public and bureau API, feed) is
 * bounded and free of control characters ({@link Text#queryProblem}): {@code q=%00} is a 400 naming
 * {@code q}, before any controller or database sees it.
 */
public class QueryGuard implements WebFilter, Ordered {

    /** After Spring Security's filter chain (-100) and the traffic limits, so that refusals carry the security headers. */
    @Override
    public int getOrder() {
        return -80;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                Text.queryProblem(segment.valueToMatch()).ifPresent(p -> problems.add(new InvalidRequest.FieldProblem("path", p)));
            }
        }
        for (Map.Entry<String, List<String>> param : exchange.getRequest().getQueryParams().entrySet()) {
            String name = param.getKey();
            Text.queryProblem(name).ifPresent(p -> problems.add(new InvalidRequest.FieldProblem("query parameter name", p)));
            for (String value : param.getValue()) {
                if (value != null) Text.queryProblem(value).ifPresent(p -> problems.add(new InvalidRequest.FieldProblem(printable(name), p)));
            }
        }
        if (problems.isEmpty()) return chain.filter(exchange);
        return Problems.write(exchange, new InvalidRequest(problems));
    }

    private static String printable(String name) {
        return name.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7F) && name.length() <= 50 ? name : "query parameter";
    }
}
