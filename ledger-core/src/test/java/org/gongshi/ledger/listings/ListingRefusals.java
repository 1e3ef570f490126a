package org.gongshi.ledger.listings;

import static org.hamcrest.Matchers.containsString;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.ResultValidator;
import org.gongshi.ledger.policy.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Refusals as they cross the command bus: a {@link CommandExecutionException} whose details name the rule. */
final class ListingRefusals {

    private ListingRefusals() {
    }

    static <T> void refused(ResultValidator<T> result, String ruleCode, String detail) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(detailsOfRule(ruleCode))
                .expectExceptionMessage(containsString(detail));
    }

    /** Matches the {@link RuleViolation.Details} of a refusal by rule code; title and source must be present. */
    static Matcher<RuleViolation.Details> detailsOfRule(String ruleCode) {
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
                description.appendText("details of a refusal under rule ").appendValue(ruleCode);
            }
        };
    }
}
