package org.gongshi.api.input;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.Problems;
import org.gongshi.api.web.ViewReads;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the API's or the feed's endpoint does not take is a 400 naming it and the ones it takes, never ignored
 * (a sweep from outside, stop 84: {@code /api/v1/public/stats?from=…&to=…} answered the whole year as if asked for a quarter,
 * {@code /api/v1/stats?form=} the default period, {@code /api/v1/cases?overdueOnly=true} every case). What an endpoint takes is
 * read from its handler's {@code @RequestParam}s, plus {@code position} ({@link ViewReads#PARAMETER}) every read (and no command) takes. The
 * pages are left to their forms (a browser's form sends what it sends), the operators' paths to Spring's.
 */
public class UnknownParameters implements WebFilter, Ordered {

    private final RequestMappingHandlerMapping mapping;
    private final Map<Method, Taken> taken = new ConcurrentHashMap<>();
    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    public UnknownParameters(RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    /** After the query guard (-80), which refuses what no parameter may hold. */
    @Override
    public int getOrder() {
        return -79;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean read = exchange.getRequest().getMethod() == org.springframework.http.HttpMethod.GET
                || exchange.getRequest().getMethod() == org.springframework.http.HttpMethod.HEAD;
        // a position is a read's; a command sent one in the header was recorded as if none were sent (a re-test from outside, stop 88)
        if (!read && (path.startsWith("/api/") || path.startsWith("/feed/")) && exchange.getRequest().getHeaders().containsHeader(ViewReads.HEADER)) {
            return Problems.write(exchange, InvalidRequest.of(ViewReads.HEADER, "is a read's (read-your-writes); a command takes none:"
                    + " leave it out. Nothing was recorded"));
        }
        if (exchange.getRequest().getQueryParams().isEmpty() || !(path.startsWith("/api/") || path.startsWith("/feed/"))) {
            return chain.filter(exchange);
        }
        // the handler the request goes to, if any: no handler (404, 405) is answered as before
        return mapping.getHandler(exchange).map(Optional::of).onErrorResume(e -> Mono.just(Optional.empty())).defaultIfEmpty(Optional.empty())
                .flatMap(handler -> {
                    if (handler.orElse(null) instanceof HandlerMethod method) {
                        Taken parameters = taken.computeIfAbsent(method.getMethod(), m -> parameters(method));
                        Set<String> takes = parameters.takes();
                        // position is a read's: a command given one (?position=abc) was recorded as if it were not there (a
                        // sweep from outside, stop 88)
                        List<InvalidRequest.FieldProblem> unknown = exchange.getRequest().getQueryParams().keySet().stream()
                                .filter(name -> !takes.contains(name) && !parameters.refused().contains(name)
                                        && !(read && ViewReads.PARAMETER.equals(name)))
                                .map(name -> new InvalidRequest.FieldProblem(name.length() <= 50 ? name : "query parameter",
                                        "is no parameter of " + exchange.getRequest().getMethod() + " " + path + "; it takes "
                                                + (takes.isEmpty() ? "none" : String.join(", ", takes))
                                                + (read ? " (and " + ViewReads.PARAMETER + ")" : "") + ". Nothing was read or changed"))
                                .toList();
                        if (!unknown.isEmpty()) return Problems.write(exchange, new InvalidRequest(unknown));
                    }
                    return chain.filter(exchange);
                });
    }

    /** The query parameters an endpoint takes, and those it reads only to refuse them ({@link RefusedParameter}). */
    private record Taken(Set<String> takes, Set<String> refused) {}

    /** The names of the query parameters {@code method} takes, and of those it refuses itself. */
    private Taken parameters(HandlerMethod method) {
        Set<String> takes = new TreeSet<>(), refused = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) continue;
            parameter.initParameterNameDiscovery(names);
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
            if (name != null) (parameter.hasParameterAnnotation(RefusedParameter.class) ? refused : takes).add(name);
        }
        return new Taken(takes, refused);
    }
}
