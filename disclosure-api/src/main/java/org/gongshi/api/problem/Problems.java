package org.gongshi.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;
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
import org.gongshi.api.limits.Bounds;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** What a body over {@link Bounds#BODY_BYTES} is told, when the codec meets it or its declared length says so up front. */
    public static final String BODY_TOO_LARGE = "Send a body of at most " + Bounds.BODY_BYTES / 1024
            + " KB; every text field and list has a bound (README, Input bounds)";

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** When a caller may retry after the ledger was briefly unavailable (a lost command node, no connection). */
    static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);

    private Problems() {
    }

    /** What a request Spring Security's firewall refuses is told (its own message quotes the refused text, garbled). */
    public static final String FIREWALL_REFUSAL = "The request's method, path or a header's value is not accepted: a path holds no encoded"
            + " '/', '\\' or '.' segments, ';' parameters, '//' or control characters; header values are printable ASCII (numbers in"
            + " ASCII digits); methods are GET, HEAD, POST, DELETE and OPTIONS. See API.md";

    /** The one answer for an id that names no case or listing of the kind asked for. */
    static final String NO_SUCH_RECORD = "No case or listing with this id; check the id in the path";

    public static ResponseEntity<ProblemDetail> toResponse(Throwable error) {
        Throwable cause = unwrap(error);
        ProblemDetail problem = toProblem(cause);
        var response = ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON);
        Duration retryAfter = cause instanceof ViewBehind behind ? behind.retryAfter()
                : cause instanceof CommandPending pending ? pending.retryAfter()
                : cause instanceof LedgerNotServing ? null // no retry helps until the operator has restored the node
                : problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value() ? UNAVAILABLE_RETRY_AFTER : null;
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        if (cause instanceof MethodNotAllowedException notAllowed) {
            response.allow(notAllowed.getSupportedMethods().toArray(org.springframework.http.HttpMethod[]::new)); // RFC 9110: every 405
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
            bind.getGlobalErrors().forEach(g -> errors.add(new InvalidRequest.FieldProblem("body", g.getDefaultMessage())));
            return invalid(errors);
        }
        // the codec's limit reaches here as a ServerWebInputException or, from a controller's body, as Spring's own 413
        if (causedBy(error, DataBufferLimitException.class)
                || error instanceof ResponseStatusException tooLarge && tooLarge.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", BODY_TOO_LARGE);
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
                        str(map.get("source")), str(map.get("detail")), str(map.get("field"))));
            }
            if (DistributedFailures.of(remote) != null) return distributed(DistributedFailures.of(remote));
            if (remote.getCause() != null && remote.getCause() != remote) return toProblem(unwrap(remote.getCause()));
        }
        if (error instanceof ConcurrencyException || error instanceof org.axonframework.modelling.command.AggregateStreamCreationException) {
            return problem(HttpStatus.CONFLICT, "Conflict", "The case or listing changed at the same moment or already exists; read it and retry");
        }
        if (error instanceof CommandPending pending) return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not yet answered", pending.getMessage());
        if (error instanceof LedgerNotServing refused) return problem(HttpStatus.SERVICE_UNAVAILABLE, "Ledger not taking commands", refused.getMessage());
        // the firewall checks a header's value when a handler reads it (outside audit: Ledger-Position: １ was a 500)
        if (error instanceof org.springframework.security.web.server.firewall.ServerExchangeRejectedException) {
            return problem(HttpStatus.BAD_REQUEST, "Request refused", FIREWALL_REFUSAL);
        }
        if (DistributedFailures.of(error) != null) return distributed(DistributedFailures.of(error));
        if (error instanceof NotFound nf) return problem(HttpStatus.NOT_FOUND, "Not found", nf.getMessage());
        if (error instanceof Forbidden f) return problem(HttpStatus.FORBIDDEN, "Not allowed", f.getMessage());
        if (error instanceof Conflict c) return problem(HttpStatus.CONFLICT, "Conflict", c.getMessage());
        if (error instanceof ViewBehind behind) {
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Not yet visible", behind.getMessage());
            problem.setProperty("position", behind.position());
            return problem;
        }
        if (error instanceof IdempotencyConflict c) return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", c.getMessage());
        // a body of another type where the path takes only one that is not JSON (a cosignature: text/plain; outside audit: it
        // was told to send JSON)
        if (error instanceof UnsupportedMediaTypeStatusException unsupported && !unsupported.getSupportedMediaTypes().isEmpty()
                && unsupported.getSupportedMediaTypes().stream().noneMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            MediaType takes = unsupported.getSupportedMediaTypes().get(0);
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the body with the header 'Content-Type: " + takes.getType() + "/" + takes.getSubtype() + "'");
        }
        // a form's body (curl -d without -H 'Content-Type: application/json') fails as a plain 415: it needs the same advice
        if (error instanceof UnsupportedMediaTypeStatusException
                || error instanceof ResponseStatusException status && status.getStatusCode().value() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the body as JSON with the header 'Content-Type: application/json'");
        }
        if (error instanceof NotAcceptableStatusException notAcceptable) {
            String answers = notAcceptable.getSupportedMediaTypes().stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct()
                    .collect(Collectors.joining(" or "));
            return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "This resource answers "
                    + (answers.isEmpty() ? "application/json (or its documented type)" : answers) + "; send an Accept header that allows it");
        }
        if (error instanceof MethodNotAllowedException m) {
            return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", "Use " + m.getSupportedMethods() + " on this path");
        }
        if (error instanceof NoResourceFoundException) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "Nothing is served at this path; see API.md for the paths");
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatus known = HttpStatus.resolve(rse.getStatusCode().value());
            return problem(rse.getStatusCode(), known != null ? known.getReasonPhrase() : "Error " + rse.getStatusCode().value(),
                    withoutTypeNames(rse.getReason(), "The request could not be served as sent; check the path, method and parameters against API.md"));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The ledger could not complete the request; nothing was recorded unless a later read shows it. Reference " + reference);
    }

    /** Expected, so answered without a log line: 409 to read and retry, 503 to retry later, 404 for no such case or listing. */
    private static ProblemDetail distributed(DistributedFailures.Meaning meaning) {
        if (meaning == DistributedFailures.Meaning.NOT_FOUND) return problem(HttpStatus.NOT_FOUND, "Not found", NO_SUCH_RECORD);
        return meaning == DistributedFailures.Meaning.CONFLICT
                ? problem(HttpStatus.CONFLICT, "Conflict", "The case or listing changed at the same moment on another node; read it and retry")
                : problem(HttpStatus.SERVICE_UNAVAILABLE, "Ledger unavailable",
                // reads of the event store (the feed from a position) meet it too: not a command's words alone (a deployer's sweep, stop 80)
                "The ledger's event store or command nodes could not be reached just now; retry after Retry-After seconds (a command"
                        + " with the same Idempotency-Key)");
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
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = problem(status, details.title(), "Rule '" + details.rule() + "' (" + details.source() + "): " + details.detail());
        problem.setProperty("rule", details.rule());
        if (details.field() != null) problem.setProperty("errors", List.of(new InvalidRequest.FieldProblem(details.field(), details.detail())));
        return problem;
    }

    /**
     * A body that could not be read, as the field to fix and what to send, in words: never the
     * parser's message, which names Java types.
     */
    private static InvalidRequest.FieldProblem fromDecoding(ServerWebInputException input) {
        Throwable t = input;
        while (t != null && !(t instanceof JacksonException)) t = t.getCause();
        if (!(t instanceof JacksonException jackson)) {
            if (input instanceof MissingRequestValueException missing) {
                return new InvalidRequest.FieldProblem(missing.getName(), "is required");
            }
            if (causedBy(input, TypeMismatchException.class) && input.getMethodParameter() != null) {
                String name = input.getMethodParameter().getParameterName();
                Class<?> type = input.getMethodParameter().getParameterType();
                return new InvalidRequest.FieldProblem(name == null ? "parameter" : name,
                        type == int.class || type == long.class || type == Integer.class || type == Long.class ? wholeNumber(type)
                                : type == boolean.class || type == Boolean.class ? "must be true or false"
                                : "has a value of the wrong kind; see API.md");
            }
            if (input.getMethodParameter() != null && input.getMethodParameter().getParameterType() == String.class) {
                // a text body (a witness's cosigned checkpoint): no JSON is asked (a sweep from outside: "not JSON" sent the
                // witness looking for an object the endpoint never takes)
                return new InvalidRequest.FieldProblem("body", "is missing; send the text this endpoint takes as text/plain (a"
                        + " checkpoint note with the witness's cosignature line)");
            }
            return new InvalidRequest.FieldProblem("body", "is missing or not JSON; send a JSON object as documented in API.md");
        }
        return fromJackson(jackson);
    }

    /**
     * The field and what to send for a body's reading that stopped at {@code error} (a parser's or a mapper's fault in its
     * causes), or null when none is: for a decoding that noted faults before it stopped, which names this one beside them
     * ({@code StrictJson}).
     */
    public static InvalidRequest.FieldProblem readingFault(Throwable error) {
        Throwable t = error;
        while (t != null && !(t instanceof JacksonException)) t = t.getCause();
        return t instanceof JacksonException jackson ? fromJackson(jackson) : null;
    }

    private static InvalidRequest.FieldProblem fromJackson(JacksonException jackson) {
        // a number past the parser's bound (1,000 digits), refused while it is read: the path names the object that holds it, the
        // parser no longer its field (outside audit: "proposedPenalties[0] has a value of the wrong kind")
        if (jackson instanceof tools.jackson.core.exc.StreamConstraintsException) {
            // the parser's other bounds: nesting (500 levels: outside audit, 3,000 nested arrays were called a long number), and
            // the lengths of a name or a document, which the body's 128 KB keeps far off
            String bound = jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage().toLowerCase(java.util.Locale.ROOT);
            if (bound.contains("depth")) {
                return new InvalidRequest.FieldProblem(path(jackson, null), "nests objects or arrays too deeply; no field of API.md nests"
                        + " more than a few levels");
            }
            // a field's name past the parser's bound (a sweep from outside, stop 71: a 100 KB name was called a long number)
            if (bound.contains("name")) {
                return new InvalidRequest.FieldProblem(path(jackson, null), "holds a field name longer than any field of API.md; send the"
                        + " fields API.md names");
            }
            return new InvalidRequest.FieldProblem(path(jackson, null), "holds a number of more than 1,000 digits; no field takes one"
                    + " (an amount is in yuan with at most 2 decimals)");
        }
        if (jackson instanceof InputCoercionException outOfRange) {
            return new InvalidRequest.FieldProblem(path(jackson, null), "is out of range: " + wholeNumber(outOfRange.getTargetType(), jackson));
        }
        if (jackson instanceof StreamReadException read && !(jackson instanceof DatabindException)) {
            String message = read.getOriginalMessage() == null ? "" : read.getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(message);
            if (duplicate.find()) {
                return new InvalidRequest.FieldProblem(path(jackson, duplicate.group(1)), "appears more than once; send each field once");
            }
            var at = read.getLocation();
            return new InvalidRequest.FieldProblem("body", "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")") + "; send one JSON object");
        }
        return new InvalidRequest.FieldProblem(path(jackson, null), expectation(jackson));
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"([^\"]*)\"");

    private static String path(JacksonException jackson, String last) {
        String field = jackson.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (last != null) field = field.isEmpty() ? last : field + "." + last;
        return field.isEmpty() ? "body" : field;
    }

    /**
     * What a field of a request's body read as a whole number must hold: the bound its record declares ({@code @Positive},
     * {@code @PositiveOrZero}, {@code @Min}, {@code @Max}), said as a query parameter's is, else the range of its type (sweep
     * from outside: an extension's {@code "days": "thirty"} was told "from -2147483648 to 2147483647", and {@code 0} then
     * "must be greater than 0").
     */
    private static String wholeNumber(Class<?> target, JacksonException jackson) {
        var path = jackson.getPath();
        var last = path.isEmpty() ? null : path.get(path.size() - 1);
        Object from = last == null ? null : last.from();
        Class<?> holder = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        Field field = holder == null || last.getPropertyName() == null ? null : Arrays.stream(holder.getDeclaredFields())
                .filter(f -> f.getName().equals(last.getPropertyName())).findFirst().orElse(null);
        if (field == null) return wholeNumber(target);
        Long min = field.isAnnotationPresent(Positive.class) ? Long.valueOf(1) : field.isAnnotationPresent(PositiveOrZero.class) ? Long.valueOf(0)
                : field.isAnnotationPresent(Min.class) ? Long.valueOf(field.getAnnotation(Min.class).value()) : null;
        Long max = field.isAnnotationPresent(Max.class) ? Long.valueOf(field.getAnnotation(Max.class).value()) : null;
        if (min != null && max != null) return "must be a whole number from " + min + " to " + max;
        if (min != null) return "must be a whole number of at least " + min;
        if (max != null) return "must be a whole number of at most " + max;
        return wholeNumber(target);
    }

    /** What a field read as a whole number must hold: one that fits its type, and within the field's own bound. */
    private static String wholeNumber(Class<?> target) {
        if (target == long.class || target == Long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", within this field's bound (API.md)";
        }
        if (target == int.class || target == Integer.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", within this field's bound (API.md)";
        }
        return "must be a whole number";
    }

    /** What the field should hold, from the type it was read as. */
    private static String expectation(JacksonException jackson) {
        if (jackson instanceof RefusedInput refused) return refused.getOriginalMessage();
        if (jackson instanceof InvalidNullException) return "must not be null (lists take no null elements)";
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request; its fields are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        }
        Class<?> target = jackson instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) return "has a value of the wrong kind; see API.md for this field";
        if (target.isEnum()) return "must be one of " + Arrays.toString(target.getEnumConstants());
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return target == java.math.BigDecimal.class ? "must be a number (yuan, at most 2 decimals)" : wholeNumber(target, jackson);
        }
        if (target == Boolean.class || target == boolean.class) return "must be true or false";
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) return "must be a list";
        if (target == String.class) return "must be text (a JSON string)";
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) return "must be an ISO 8601 string like \"2026-02-10\"";
        return "must be a JSON object with the fields API.md documents";
    }

    private static final Pattern TYPE_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]|\\$[A-Z]|bodyType=");

    /** A framework's reason, unless it names Java types; then the fallback. */
    static String withoutTypeNames(String reason, String fallback) {
        if (reason == null || reason.isBlank() || TYPE_NAME.matcher(reason).find()) return fallback;
        return reason;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
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
        return write(exchange, status, title, detail, List.of());
    }

    /** A 400 naming the fields of {@code invalid}, as JSON, for an answer the connection writes itself. */
    public static String json(InvalidRequest invalid) {
        ProblemDetail p = invalid(invalid.errors());
        return json(HttpStatus.BAD_REQUEST, p.getTitle(), p.getDetail(), null, invalid.errors());
    }

    /** A 400 from a filter, with its {@code errors}. */
    public static Mono<Void> write(ServerWebExchange exchange, InvalidRequest invalid) {
        ProblemDetail p = invalid(invalid.errors());
        return write(exchange, HttpStatus.BAD_REQUEST, p.getTitle(), p.getDetail(), invalid.errors());
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail,
                                    List<InvalidRequest.FieldProblem> errors) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        String json = json(status, title, detail, exchange.getRequest().getPath().value(), errors);
        DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * A problem as JSON, for what answers outside the web layer's codecs (filters, and the connection's own refusals of a
     * request it cannot read: {@code OversizedRequests}); {@code instance} is left out where null.
     */
    public static String json(HttpStatus status, String title, String detail, String instance, List<InvalidRequest.FieldProblem> errors) {
        // no "type": absent means about:blank (RFC 9457), as every other problem of the API is written (outside audit: two shapes)
        return "{\"title\":" + quote(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + quote(detail) + (instance == null ? "" : ",\"instance\":" + quote(instance))
                + (errors.isEmpty() ? "" : ",\"errors\":[" + errors.stream()
                .map(e -> "{\"field\":" + quote(e.field()) + ",\"message\":" + quote(e.message()) + "}")
                .collect(Collectors.joining(",")) + "]") + "}";
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
