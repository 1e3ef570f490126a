package org.gongshi.ledger.policy;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** Test helpers: a refusal names its rule; the events a command produced, for plain assertions. */
public final class Refusals {

    private Refusals() {
    }

    /** No events, and a CommandExecutionException whose details name the rule, with the detail text. */
    public static <T> void refused(ResultValidator<T> result, String ruleCode, String detail) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ofRule(ruleCode))
                .expectExceptionMessage(containsString(detail));
    }

    /** Matches the {@link RuleViolation.Details} a refusal carries across the command bus: the rule code, with a title and a source. */
    public static Matcher<RuleViolation.Details> ofRule(String ruleCode) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation.Details details, Description mismatch) {
                if (!ruleCode.equals(details.rule())) {
                    mismatch.appendText("rule was ").appendValue(details.rule()).appendText(" (").appendText(details.detail()).appendText(")");
                    return false;
                }
                if (details.title() == null || details.title().isBlank() || details.source() == null || details.source().isBlank()) {
                    mismatch.appendText("details name no title or source: ").appendValue(details);
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal under rule ").appendValue(ruleCode);
            }
        };
    }

    /** Collects the payloads of the events a command produced into {@code into}. */
    public static Matcher<List<EventMessage<?>>> captured(List<Object> into) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                into.clear();
                events.forEach(e -> into.add(e.getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events (captured)");
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static <E> E only(List<Object> events, Class<E> type) {
        List<E> matching = new ArrayList<>();
        for (Object e : events) if (type.isInstance(e)) matching.add((E) e);
        if (matching.size() != 1) throw new AssertionError("expected one " + type.getSimpleName() + " in " + events);
        return matching.get(0);
    }
}
