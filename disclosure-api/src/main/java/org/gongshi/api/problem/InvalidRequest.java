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

    /**
     * A parameter read with {@code parameter}, or null with its problems added to {@code problems} when it is wrong: a request's
     * parameters are all read before it is refused, so that the 400 names every bad one, not only the first.
     */
    public static <T> T checked(List<FieldProblem> problems, java.util.function.Supplier<T> parameter) {
        try {
            return parameter.get();
        } catch (InvalidRequest invalid) {
            problems.addAll(invalid.errors());
            return null;
        }
    }

    /** Refuses the request when {@code problems} holds any, naming each. */
    public static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) throw new InvalidRequest(problems);
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public record FieldProblem(String field, String message) {}
}
