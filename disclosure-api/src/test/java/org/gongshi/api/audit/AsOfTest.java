package org.gongshi.api.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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
        // a year of four digits, as every date a request sends (a sweep from outside, stop 84)
        assertThatThrownBy(() -> AuditController.instant("+10000-03-10T08:00:00Z")).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> AuditController.instant("+2026-03-10T08:00:00Z")).isInstanceOf(InvalidRequest.class);
        // a leap second is no instant of the ledger: java.time read it as the second before (an auditor's sweep, stop 85)
        for (String leap : List.of("2026-03-10T23:59:60Z", "2026-03-11T07:59:60+08:00", "2026-03-10T23:59:60.5Z")) {
            assertThatThrownBy(() -> AuditController.instant(leap)).isInstanceOf(InvalidRequest.class)
                    .satisfies(e -> assertThat(((InvalidRequest) e).errors().get(0).message()).contains("leap second"));
        }
        assertThat(AuditController.instant("2026-03-10T23:59:59Z")).isEqualTo(Instant.parse("2026-03-10T23:59:59Z"));
        assertThatThrownBy(() -> AuditController.instant("2026-03-10T24:00:00Z")).isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).errors().get(0).message()).contains("hour 24"));
    }

    /**
     * A case as it stood is a prefix of its stream: two commands sent at once may be stored in the other order than their
     * times (the time is taken as each is sent), and the state at an instant between them holds neither, never the second
     * without the first (a sweep from outside: it held sequence 6 and not 5).
     */
    @Test
    void a_state_as_of_an_instant_is_a_prefix_of_the_case_s_stream() {
        List<DomainEventMessage<?>> stream = List.of(event(0, "2026-03-10T02:03:32.700Z"), event(1, "2026-03-10T02:03:32.830Z"),
                event(2, "2026-03-10T02:03:32.813Z"), event(3, "2026-03-10T02:03:32.900Z"));
        assertThat(CaseHistories.knownAt(stream, Instant.parse("2026-03-10T02:03:32.820Z"))).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L);
        assertThat(CaseHistories.knownAt(stream, Instant.parse("2026-03-10T02:03:32.830Z"))).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L, 2L);
        assertThat(CaseHistories.knownAt(stream, Instant.parse("2026-03-10T02:03:32.699Z"))).isEmpty();
        assertThat(CaseHistories.knownAt(stream, Instant.parse("2026-03-10T02:03:33Z"))).hasSize(4);
    }

    private static DomainEventMessage<?> event(long sequence, String recordedAt) {
        return new GenericDomainEventMessage<>("Case", "case-1", sequence, "payload",
                MetaData.with(MetadataKeys.RECORDED_AT, recordedAt));
    }
}
