package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.identity.Division;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {

    /** GB/T 2260: a province's or a city's own code stands for every division under it, in every read that takes one. */
    @Test
    void a_province_or_city_code_reads_as_the_prefix_of_every_division_under_it() {
        assertThat(Params.division("110000")).isEqualTo(new Division("11"));
        assertThat(Params.division(" 110100 ")).isEqualTo(new Division("1101"));
        assertThat(Params.division("110105")).isEqualTo(new Division("110105"));
        assertThat(Params.division("1101")).isEqualTo(new Division("1101"));
        assertThat(Params.division("11")).isEqualTo(new Division("11"));
        assertThat(Params.division("")).isNull();
        assertThat(Params.division(null)).isNull();
        assertThatThrownBy(() -> Params.division("11a")).isInstanceOf(InvalidRequest.class);
    }

    /** A public page's field of only blanks or invisible characters asks for nothing, as an empty one does. */
    @Test
    void a_parameter_of_only_blanks_or_invisible_characters_is_absent() {
        assertThat(Params.division(" ")).isNull();
        assertThat(Params.division("\u200B")).isNull();
        assertThat(Params.date("from", "\u3000", null)).isNull();
        assertThat(Params.absent("11")).isFalse();
    }

    /**
     * A date parameter is yyyy-MM-dd with a four-digit year, as a body's dates: ISO's expanded years are refused (a sweep from
     * outside, stop 84: {@code to=+99999-01-01} answered every record, the page keeping the value without a word).
     */
    @Test
    void a_date_parameter_has_a_four_digit_year_and_is_a_day_of_the_calendar() {
        assertThat(Params.date("from", " 2026-03-14 ", null)).isEqualTo(java.time.LocalDate.of(2026, 3, 14));
        for (String bad : new String[]{"+99999-01-01", "+2026-03-14", "-2026-03-14", "20260314", "2026-02-30", "2026-3-14", "２０２６-03-14"}) {
            assertThatThrownBy(() -> Params.date("to", bad, null)).as(bad).isInstanceOf(InvalidRequest.class)
                    .satisfies(e -> assertThat(((InvalidRequest) e).errors().get(0).field()).isEqualTo("to"));
        }
    }
}
