package org.gongshi.ledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    @Test
    void example_from_the_standard_is_valid() {
        assertThat(ResidentIdNumber.problem("11010519491231002X")).isEmpty();
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "11010119900307425",  // the masking example of DOMAIN.md
        "44030420000229123",  // 2000 is a leap year
        "31010519000101001",  // earliest accepted year
        "65010220241231999",
    })
    void number_with_iso7064_check_appended_is_valid(String first17) {
        assertThat(ResidentIdNumber.problem(withCheck(first17))).isEmpty();
    }

    @Test
    void check_character_follows_iso7064_mod_11_2() {
        String first17 = "11010119900307425";
        assertThat(withCheck(first17)).isEqualTo("110101199003074258");

        for (char wrong : "012345679X".toCharArray()) {
            assertThat(ResidentIdNumber.problem(first17 + wrong))
                    .as("check character %s", wrong)
                    .contains("check character must be '8' (GB 11643, ISO 7064 MOD 11-2)");
        }
    }

    @Test
    void check_X_must_be_uppercase() {
        assertThat(ResidentIdNumber.problem("11010519491231002x"))
                .contains("character 'x' at position 18 must be a digit or uppercase 'X' (GB 11643)");
    }

    @ParameterizedTest
    @CsvSource({
        "19900230, February 30",
        "19000229, 1900 is not a leap year",
        "20230229, 2023 is not a leap year",
        "19901301, month 13",
        "19900100, day 0",
        "18991231, before 1900",
    })
    void digits_7_to_14_must_be_a_real_date_of_birth(String birthDate, String why) {
        String id = withCheck("110101" + birthDate + "425");

        assertThat(ResidentIdNumber.problem(id))
                .as(why)
                .contains("positions 7-14 must be a real date of birth yyyyMMdd from 1900 on (GB 11643)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010119900307425", "1101011990030742588", "110101900307425"})
    void must_be_18_characters(String id) {
        assertThat(ResidentIdNumber.problem(id)).contains("must be 18 characters");
    }

    @Test
    void first_17_characters_must_be_digits() {
        assertThat(ResidentIdNumber.problem("11A101199003074258"))
                .contains("character 'A' at position 3 must be a digit (GB 11643)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void is_required(String id) {
        assertThat(ResidentIdNumber.problem(id)).contains("is required");
    }

    @ParameterizedTest
    @CsvSource({
        "110101199003074258, 110101********4258",
        "11010519491231002X, 110105********002X",
    })
    void mask_shows_digits_1_to_6_and_15_to_18_only(String id, String masked) {
        assertThat(ResidentIdNumber.mask(id)).isEqualTo(masked);
    }

    @Test
    void mask_refuses_an_invalid_number_without_repeating_it() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResidentIdNumber.mask("110101199003074259"))
                .withMessageContaining("check character")
                .withMessageNotContaining("110101199003074259");
    }

    /** Appends the ISO 7064 MOD 11-2 check character to 17 digits. */
    private static String withCheck(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    @Test
    void the_birth_date_is_digits_7_to_14_and_a_holder_is_a_minor_up_to_and_including_the_18th_birthday() {
        String bornMarch2010 = "110101201003075218";
        assertThat(ResidentIdNumber.birthDate(bornMarch2010)).isEqualTo(java.time.LocalDate.of(2010, 3, 7));
        assertThat(ResidentIdNumber.isMinorOn(bornMarch2010, java.time.LocalDate.of(2028, 3, 6))).isTrue();
        assertThat(ResidentIdNumber.isMinorOn(bornMarch2010, java.time.LocalDate.of(2028, 3, 7))).as("18th birthday").isTrue();
        assertThat(ResidentIdNumber.isMinorOn(bornMarch2010, java.time.LocalDate.of(2028, 3, 8))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.birthDate("110101201003075219"))
                .withMessageNotContaining("110101201003075219");
    }

    @Test
    void complete_appends_the_check_character_and_refuses_what_no_check_character_makes_valid() {
        assertThat(ResidentIdNumber.complete("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.complete("11010119900307425")).isEqualTo(withCheck("11010119900307425"));
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.complete("11010519490231002"))
                .withMessageContaining("real date of birth");
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.complete("1101051949123100"));
    }
}
