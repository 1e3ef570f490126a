package org.gongshi.api.problem;

import java.util.List;

/** A request whose fields are wrong: answered 400 with {@code errors} naming each field. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidRequest(List<FieldProblem> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public record FieldProblem(String field, String message) {}
}
