package org.gongshi.ledger.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** GB/T 2260 division codes and prefixes: 1 to 6 digits, matched by prefix. */
class DivisionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "11", "1101", "110105"})
    void a_division_is_a_code_or_prefix_of_1_to_6_digits(String code) {
        assertThat(new Division(code).code()).isEqualTo(code);
        assertThat(new Division(code)).hasToString(code);
        assertThat(Division.problem(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051", "11a1", "１１", "11.*", "^11", " 11"})
    void anything_else_is_refused_with_a_message_that_says_what_to_fix(String text) {
        assertThat(Division.problem(text)).hasValue("must be an administrative division code or prefix of 1 to 6 digits (GB/T 2260)");
        assertThatIllegalArgumentException().isThrownBy(() -> new Division(text))
                .withMessage("division must be an administrative division code or prefix of 1 to 6 digits (GB/T 2260)");
    }

    @Test
    void a_request_names_a_division_or_none() {
        assertThat(Division.optional(null)).isEmpty();
        assertThat(Division.optional("  ")).isEmpty();
        assertThat(Division.optional(" 1101 ")).contains(new Division("1101"));
        assertThatIllegalArgumentException().isThrownBy(() -> Division.optional("11x"));
    }

    @Test
    void a_division_contains_itself_and_every_division_under_it() {
        Division beijing = new Division("11");
        assertThat(beijing.contains(new Division("110105"))).isTrue();
        assertThat(beijing.contains(beijing)).isTrue();
        assertThat(beijing.contains(new Division("1"))).as("a wider prefix is not under it").isFalse();
        assertThat(beijing.contains(new Division("310101"))).isFalse();
        assertThat(beijing.contains("110105")).isTrue();
        assertThat(beijing.contains((String) null)).isFalse();
        assertThat(beijing.contains((Division) null)).isFalse();
    }

    @Test
    void the_region_of_a_code_drops_trailing_00_pairs() {
        assertThat(new Division("110000").region()).isEqualTo(new Division("11"));
        assertThat(new Division("110100").region()).isEqualTo(new Division("1101"));
        assertThat(new Division("110105").region()).isEqualTo(new Division("110105"));
        assertThat(new Division("00").region()).isEqualTo(new Division("00"));
    }
}
