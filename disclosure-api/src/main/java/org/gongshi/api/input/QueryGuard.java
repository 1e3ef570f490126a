package org.gongshi.api.input;

import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every query parameter and path segment of every request (pages, public and bureau API, feed) is
 * bounded and free of control characters ({@link Text#queryProblem}): {@code q=%00} is a 400 naming
 * {@code q}, before any controller or database sees it; on the API and the feed a parameter is given once.
 * <p>
 * The API and the feed answer it as a problem (application/problem+json). The public pages answer a member of the public
 * in zh-CN HTML: a search form's page ({@code /penalties}, {@code /stats}, {@code /lists/{listType}}) gets the refusal as a
 * request attribute ({@link #refusal}) and shows its form again with the 查询条件有误 notice, as it does for the values it
 * checks itself; any other page answers a zh-CN page with the notice. On a page a field of only blank or invisible characters
 * is not refused ({@link Text#formProblem}): the page reads it as absent, as a form left blank.
 */
public class QueryGuard implements WebFilter, Ordered {

    /** How a refusal of a parameter given more than once ends. */
    public static final String SEND_ONCE = " times; send it once";

    /** The exchange attribute under which a form page finds its query's refusal. */
    public static final String REFUSAL = QueryGuard.class.getName() + ".refusal";

    /** After Spring Security's filter chain (-100) and the traffic limits, so that refusals carry the security headers. */
    @Override
    public int getOrder() {
        return -80;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean page = page(path);
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                Text.queryProblem(segment.valueToMatch()).ifPresent(p -> problems.add(new InvalidRequest.FieldProblem("path", p)));
            }
        }
        boolean inPath = !problems.isEmpty();
        for (Map.Entry<String, List<String>> param : exchange.getRequest().getQueryParams().entrySet()) {
            String name = param.getKey();
            Text.queryProblem(name).ifPresent(p -> problems.add(new InvalidRequest.FieldProblem("query parameter name", p)));
            // no parameter of the API or of a page's form takes more than one value; two were joined with a comma and read
            // as one (sweeps from outside: ?q=a&q=b searched "a,b", ?page=1&page=2 was "not a whole number"; on the pages too,
            // stop 75)
            if (param.getValue().size() > 1) {
                problems.add(new InvalidRequest.FieldProblem(printable(name), "is given " + param.getValue().size() + SEND_ONCE));
            }
            for (String value : param.getValue()) {
                if (value == null) continue;
                (page ? Text.formProblem(value) : Text.queryProblem(value))
                        .map(p -> value.length() > Bounds.QUERY_VALUE ? "must be at most " + Bounds.queryValue(name) + " characters" : p)
                        .ifPresent(p -> problems.add(new InvalidRequest.FieldProblem(printable(name), p)));
            }
        }
        if (problems.isEmpty()) return chain.filter(exchange);
        InvalidRequest refusal = new InvalidRequest(problems);
        if (!page) return Problems.write(exchange, refusal);
        if (!inPath && form(exchange.getRequest().getMethod(), path)) {
            exchange.getAttributes().put(REFUSAL, refusal);
            return chain.filter(exchange);
        }
        boolean onlyRepeated = refusal.errors().stream().allMatch(p -> p.message().endsWith(SEND_ONCE));
        return onlyRepeated ? org.gongshi.api.problem.BrowserPages.writeRepeatedQuery(exchange)
                : org.gongshi.api.problem.BrowserPages.writeBadQuery(exchange);
    }

    /** The refusal of a form page's query, if the guard refused it: the page shows its form with the notice. */
    public static Optional<InvalidRequest> refusal(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(REFUSAL));
    }

    /** A public page (or the auditors' pages): anything outside the API's, the feed's, the operators' and the static paths. */
    static boolean page(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/feed/") || path.startsWith("/actuator") || path.startsWith("/.well-known/")
                || path.startsWith("/dev/") || path.startsWith("/css/"));
    }

    /** A page with a search form that shows its own 查询条件有误 notice: the search, the figures, one credit list. */
    static boolean form(HttpMethod method, String path) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) return false;
        return path.equals("/penalties") || path.equals("/stats") || path.matches("/lists/[^/]+");
    }

    private static String printable(String name) {
        return name.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7F) && name.length() <= 50 ? name : "query parameter";
    }
}
