package org.gongshi.ledger.policy;

import org.axonframework.commandhandling.CommandExecutionException;

/** A command refused because it would break a legal rule; the message says what to fix. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() { return rule; }

    /** What crosses the command bus (local or Axon Server) so callers see the same problem. */
    public Details details() {
        return new Details(rule.code(), rule.kind().name(), rule.title(), rule.source(), getMessage());
    }

    /** This refusal as it crosses the command bus, local or remote: with its rule as details. */
    public CommandExecutionException acrossTheBus() {
        return new CommandExecutionException(getMessage(), this, details());
    }

    public static void check(boolean condition, Rule rule, String detail) {
        if (!condition) throw new RuleViolation(rule, detail);
    }

    public record Details(String rule, String kind, String title, String source, String detail) {}
}
