package org.gongshi.ledger.disclosure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditionTest {

    @Test
    void a_record_id_names_its_edition_and_leads_to_the_one_before_and_after() {
        Edition first = Edition.of("d-1");
        assertThat(first).isEqualTo(new Edition("d-1", 1));
        assertThat(first.recordId()).isEqualTo("d-1");
        assertThat(first.previous()).isNull();
        assertThat(first.next().recordId()).isEqualTo("d-1/2");

        Edition third = Edition.of("d-1/3");
        assertThat(third).isEqualTo(new Edition("d-1", 3));
        assertThat(third.previous().recordId()).isEqualTo("d-1/2");
        assertThat(third.previous().previous().recordId()).isEqualTo("d-1");
        // what no edition is named by: the id as a first edition
        assertThat(Edition.of("d-1/1")).isEqualTo(new Edition("d-1/1", 1));
        assertThat(Edition.of("d-1/x")).isEqualTo(new Edition("d-1/x", 1));
        assertThat(Edition.of("d-1/")).isEqualTo(new Edition("d-1/", 1));
    }
}
