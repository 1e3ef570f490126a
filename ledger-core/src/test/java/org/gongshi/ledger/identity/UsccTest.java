package org.gongshi.ledger.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String EXAMPLE = "91110000600037341L";

    @Test
    void example_from_the_standard_is_valid() {
        assertThat(Uscc.problem(EXAMPLE)).isEmpty();
        assertThat(Uscc.isValid(EXAMPLE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9133010014320010", "91310115MA1K4ABC", "5211000050000123", "1211000040000000"})
    void code_with_gb11714_and_gb32100_checks_appended_is_valid(String first16) {
        String code = withChecks(first16);

        assertThat(code).hasSize(18);
        assertThat(Uscc.problem(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1211000040000000, X",  // 11 - Σ mod 11 = 10
        "9231011200000019, 0",  // 11 - Σ mod 11 = 11
        "9231011200000001, 9",
    })
    void organisation_code_check_10_is_written_X_and_11_is_written_0(String first16, char expectedCheck) {
        String code = withChecks(first16);

        assertThat(code.charAt(16)).isEqualTo(expectedCheck);
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @Test
    void check_character_follows_gb32100_weights_mod_31() {
        String first17 = EXAMPLE.substring(0, 17);
        assertThat(usccCheck(first17)).isEqualTo('L');

        for (char wrong : ALPHABET.replace("L", "").toCharArray()) {
            assertThat(Uscc.problem(first17 + wrong))
                    .as("check character %s", wrong)
                    .contains("check character must be 'L' (GB 32100)");
        }
    }

    @Test
    void check_value_31_is_written_0() {
        String code = withChecks("9231011200000009");  // Σ mod 31 = 0

        assertThat(code).endsWith("0");
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @Test
    void positions_9_to_17_must_carry_a_valid_gb11714_check() {
        String badOrganisationCheck = EXAMPLE.substring(0, 16) + "2";
        String code = badOrganisationCheck + usccCheck(badOrganisationCheck);

        assertThat(Uscc.problem(code))
                .contains("positions 9-17 are not a valid organisation code: check must be '1' (GB 11714)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341", "91110000600037341LL", "9111000060003734", " 91110000600037341L"})
    void must_be_18_characters(String code) {
        assertThat(Uscc.problem(code)).contains("must be 18 characters");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void is_required(String code) {
        assertThat(Uscc.problem(code)).contains("is required");
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void letters_I_O_S_V_Z_are_not_in_the_alphabet(char forbidden) {
        String code = EXAMPLE.substring(0, 4) + forbidden + EXAMPLE.substring(5);

        assertThat(Uscc.problem(code)).contains("character '" + forbidden
                + "' at position 5 is not allowed (GB 32100: 0-9 and A-Z except I, O, S, V, Z)");
    }

    @Test
    void lowercase_is_an_error_and_not_silently_upper_cased() {
        String code = withChecks("91310115MA1K4ABC");
        assertThat(Uscc.isValid(code)).isTrue();

        assertThat(Uscc.problem(code.toLowerCase())).contains("lowercase character 'm' at position 9"
                + " is not allowed (GB 32100: 0-9 and A-Z except I, O, S, V, Z)");
    }

    /** Appends the GB 11714 organisation-code check and then the GB 32100 check to 16 characters. */
    @Test
    void complete_appends_both_checks_and_refuses_what_no_check_makes_valid() {
        assertThat(Uscc.complete("9111000060003734")).isEqualTo(EXAMPLE);
        assertThat(Uscc.complete("91310115MA1K4ABC")).isEqualTo(withChecks("91310115MA1K4ABC"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Uscc.complete("91I1000060003734"))
                .withMessageContaining("not allowed");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Uscc.complete("911100006000373"));
    }

    private static String withChecks(String first16) {
        String first17 = first16 + organisationCodeCheck(first16.substring(8));
        return first17 + usccCheck(first17);
    }

    private static char usccCheck(String first17) {
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * weights[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static char organisationCodeCheck(String first8) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
