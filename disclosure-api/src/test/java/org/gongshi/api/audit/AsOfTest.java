package org.gongshi.api.audit;

import org.gongshi.api.problem.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ?asOf=}: an instant, or a date-time with its offset, also when the offset's '+' came unencoded (a space). */
class AsOfTest {

    @Test
    void an_offset_whose_plus_arrived_as_a_space_is_read_as_the_offset() {
        Instant utc = Instant.parse("2026-03-10T08:00:00Z");
        assertThat(AuditController.instant("2026-03-10T08:00:00Z")).isEqualTo(utc);
        assertThat(AuditController.instant("2026-03-10T16:00:00+08:00")).isEqualTo(utc);
        assertThat(AuditController.instant("2026-03-10T16:00:00 08:00")).as("+ sent unencoded").isEqualTo(utc);
        assertThat(AuditController.instant("2026-03-10T16:00:00.5 08:00")).isEqualTo(utc.plusMillis(500));
        assertThatThrownBy(() -> AuditController.instant("2026-03-10 16:00")).isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).errors().get(0).message()).contains("%2B"));
    }
}
