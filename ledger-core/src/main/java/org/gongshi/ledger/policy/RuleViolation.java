package org.gongshi.ledger.policy;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command refused because it would break a legal rule; the message says what to fix, and {@code field}, when the
 * refusal is about one field of the command, names it.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;

    public RuleViolation(Rule rule, String detail) {
        this(rule, null, detail);
    }

    public RuleViolation(Rule rule, String field, String detail) {
        super(detail);
        this.rule = rule;
        this.field = field;
    }

    public Rule rule() { return rule; }

    /** What crosses the command bus (local or Axon Server) so callers see the same problem. */
    public Details details() {
        return new Details(rule.code(), rule.kind().name(), rule.title(), rule.source(), getMessage(), field);
    }

    /** This refusal as it crosses the command bus, local or remote: with its rule as details. */
    public CommandExecutionException acrossTheBus() {
        return new CommandExecutionException(getMessage(), this, details());
    }

    public static void check(boolean condition, Rule rule, String detail) {
        if (!condition) throw new RuleViolation(rule, detail);
    }

    /** {@code field}: the command's field the refusal is about, or null when it is about the command as a whole. */
    public record Details(String rule, String kind, String title, String source, String detail, String field) {

        public Details(String rule, String kind, String title, String source, String detail) {
            this(rule, kind, title, source, detail, null);
        }
    }
}
