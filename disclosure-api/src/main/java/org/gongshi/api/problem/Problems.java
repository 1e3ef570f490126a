package org.gongshi.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.gongshi.ledger.policy.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place that turns a failure into an RFC 9457 problem: 400 with field errors for malformed
 * input, 403/404 for access, 409 naming the broken rule, and a 500 without internals for the rest.
 */
public final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** When a caller may retry after the ledger was briefly unavailable (a lost command node, no connection). */
    static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> toResponse(Throwable error) {
        Throwable cause = unwrap(error);
        ProblemDetail problem = toProblem(cause);
        var response = ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON);
        Duration retryAfter = cause instanceof ViewBehind behind ? behind.retryAfter()
                : cause instanceof CommandPending pending ? pending.retryAfter()
                : problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value() ? UNAVAILABLE_RETRY_AFTER : null;
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return response.body(problem);
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t.getClass().getName().equals("reactor.core.Exceptions$ReactiveException"))
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static ProblemDetail toProblem(Throwable error) {
        if (error instanceof InvalidRequest invalid) {
            return invalid(invalid.errors());
        }
        if (error instanceof WebExchangeBindException bind) {
            List<InvalidRequest.FieldProblem> errors = bind.getFieldErrors().stream()
                    .map(f -> new InvalidRequest.FieldProblem(f.getField(), message(f))).collect(Collectors.toList());
            bind.getGlobalErrors().forEach(g -> errors.add(new InvalidRequest.FieldProblem(g.getObjectName(), g.getDefaultMessage())));
            return invalid(errors);
        }
        if (error instanceof ServerWebInputException input) {
            return invalid(List.of(fromDecoding(input)));
        }
        if (error instanceof RuleViolation violation) {
            return rule(violation.details());
        }
        if (error instanceof CommandExecutionException remote) {
            Object details = remote.getDetails().orElse(null);
            if (details instanceof RuleViolation.Details d) return rule(d);
            if (details instanceof Map<?, ?> map && map.get("rule") != null) {
                return rule(new RuleViolation.Details(str(map.get("rule")), str(map.get("kind")), str(map.get("title")),
                        str(map.get("source")), str(map.get("detail"))));
            }
            if (DistributedFailures.of(remote) != null) return distributed(DistributedFailures.of(remote));
            if (remote.getCause() != null && remote.getCause() != remote) return toProblem(unwrap(remote.getCause()));
            if (remote.getMessage() != null && remote.getMessage().contains("AggregateNotFoundException")) {
                return problem(HttpStatus.NOT_FOUND, "Not found", "No such case or listing");
            }
        }
        if (error instanceof AggregateNotFoundException notFound) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "No case or listing with id " + notFound.getAggregateIdentifier());
        }
        if (error instanceof ConcurrencyException || error instanceof org.axonframework.modelling.command.AggregateStreamCreationException) {
            return problem(HttpStatus.CONFLICT, "Conflict", "The case or listing changed at the same moment or already exists; read it and retry");
        }
        if (error instanceof CommandPending pending) return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not yet answered", pending.getMessage());
        if (DistributedFailures.of(error) != null) return distributed(DistributedFailures.of(error));
        if (error instanceof NotFound nf) return problem(HttpStatus.NOT_FOUND, "Not found", nf.getMessage());
        if (error instanceof Forbidden f) return problem(HttpStatus.FORBIDDEN, "Not allowed", f.getMessage());
        if (error instanceof ViewBehind behind) {
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Not yet visible", behind.getMessage());
            problem.setProperty("position", behind.position());
            return problem;
        }
        if (error instanceof IdempotencyConflict c) return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", c.getMessage());
        if (error instanceof ResponseStatusException rse) {
            return problem(rse.getStatusCode(), rse.getStatusCode().toString(), rse.getReason());
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The ledger could not complete the request; nothing was recorded unless a later read shows it. Reference " + reference);
    }

    /** Expected in a cluster, so answered without a log line: 409 to read and retry, 503 to retry later. */
    private static ProblemDetail distributed(DistributedFailures.Meaning meaning) {
        return meaning == DistributedFailures.Meaning.CONFLICT
                ? problem(HttpStatus.CONFLICT, "Conflict", "The case or listing changed at the same moment on another node; read it and retry")
                : problem(HttpStatus.SERVICE_UNAVAILABLE, "Ledger unavailable",
                "No command node could complete the request just now; retry with the same Idempotency-Key after Retry-After seconds");
    }

    private static ProblemDetail invalid(List<InvalidRequest.FieldProblem> errors) {
        String detail = errors.isEmpty() ? "The request is malformed" :
                "Fix these fields: " + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail rule(RuleViolation.Details details) {
        HttpStatus status = switch (details.kind() == null ? "CONFLICT" : details.kind()) {
            case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
            case "INVALID" -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = problem(status, details.title(), "Rule '" + details.rule() + "' (" + details.source() + "): " + details.detail());
        problem.setProperty("rule", details.rule());
        return problem;
    }

    private static InvalidRequest.FieldProblem fromDecoding(ServerWebInputException input) {
        Throwable t = input;
        while (t != null && !(t instanceof JacksonException)) t = t.getCause();
        if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new InvalidRequest.FieldProblem(field, simplify(jackson.getOriginalMessage()));
        }
        if (t instanceof JacksonException jackson) {
            return new InvalidRequest.FieldProblem("body", "is not valid JSON: " + simplify(jackson.getOriginalMessage()));
        }
        return new InvalidRequest.FieldProblem("body", input.getReason() == null ? "is missing or unreadable" : input.getReason());
    }

    private static String simplify(String message) {
        if (message == null) return "has a wrong value";
        int newline = message.indexOf('\n');
        String first = newline > 0 ? message.substring(0, newline) : message;
        int accepted = first.indexOf("not one of the values accepted for Enum class: ");
        if (accepted >= 0) {
            return "must be one of " + first.substring(accepted + "not one of the values accepted for Enum class: ".length());
        }
        return first.replaceAll("`(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$]+)`", "`$1`");
    }

    private static String message(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** For filters outside the controllers (security): write the problem straight to the response. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        String json = "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(exchange.getRequest().getPath().value()) + "}";
        DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private static String quote(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** Reuse of an Idempotency-Key with a different request. */
    public static class IdempotencyConflict extends RuntimeException {
        public IdempotencyConflict(String detail) {
            super(detail);
        }
    }

}
