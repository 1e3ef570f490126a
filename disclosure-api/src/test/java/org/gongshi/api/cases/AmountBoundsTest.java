package org.gongshi.api.cases;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.gongshi.api.limits.Bounds;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An amount of money is bounded by its value, whatever its exponent (a sweep from outside, stop 71: 1e2147483647 passed
 * {@code @Digits}, whose count of integer digits overflows, was recorded as a revision's fine, and the case views failed on
 * it for good).
 */
class AmountBoundsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static Set<String> refusals(Object request) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void a_fine_or_a_payment_of_any_exponent_is_refused_above_the_largest_amount() {
        for (String amount : new String[]{"1e2147483647", "1E+2147483647", "1e20", "10000000000000", "9999999999999.991"}) {
            assertThat(refusals(new CaseRequests.PenaltyRequest(PenaltyType.FINE, new BigDecimal(amount), null, null)))
                    .as(amount).isNotEmpty();
            assertThat(refusals(new CaseRequests.ExecutionRequest(LocalDate.of(2026, 3, 2), new BigDecimal(amount), "银行转账")))
                    .as(amount).isNotEmpty();
        }
        assertThat(refusals(new CaseRequests.PenaltyRequest(PenaltyType.FINE, new BigDecimal("1e2147483647"), null, null)))
                .contains("amount: " + Bounds.YUAN_MAX_MESSAGE);
        assertThat(refusals(new CaseRequests.PenaltyRequest(PenaltyType.FINE, new BigDecimal(Bounds.YUAN_MAX), null, null))).isEmpty();
        assertThat(refusals(new CaseRequests.ExecutionRequest(LocalDate.of(2026, 3, 2), new BigDecimal("50000.00"), "银行转账"))).isEmpty();
    }
}
