package org.gongshi.api.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An id in upper case names what it names in lower case; nothing else in a path changes. */
class IdentifierCaseTest {

    @Test
    void a_uuid_segment_in_upper_case_reads_in_lower_case() {
        assertThat(IdentifierCase.lowerCaseIds("/api/v1/cases/0192F3A0-7C1B-7D2E-9F00-ABCDEF012345/decisions"))
                .isEqualTo("/api/v1/cases/0192f3a0-7c1b-7d2e-9f00-abcdef012345/decisions");
        assertThat(IdentifierCase.lowerCaseIds("/penalties/0192F3A0-7C1B-7D2E-9F00-ABCDEF012345"))
                .isEqualTo("/penalties/0192f3a0-7c1b-7d2e-9f00-abcdef012345");
    }

    @Test
    void lower_case_ids_and_other_segments_stay_as_sent() {
        assertThat(IdentifierCase.lowerCaseIds("/api/v1/cases/0192f3a0-7c1b-7d2e-9f00-abcdef012345")).isNull();
        assertThat(IdentifierCase.lowerCaseIds("/api/v1/public/lists/SEVERE_DISHONESTY")).isNull();
        assertThat(IdentifierCase.lowerCaseIds("/subjects/91110000600037341L")).isNull();
        assertThat(IdentifierCase.lowerCaseIds("/x/0192F3A0-7C1B-7D2E-9F00-ABCDEF012345X")).isNull();
    }
}
