package org.gongshi.ledger.privacy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongshi.ledger.privacy.command.ShredSubject;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A data subject is shredded once: the event names only the subject, and shredding again records nothing. */
class DataSubjectTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    AggregateTestFixture<DataSubject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataSubject.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shredding_a_subject_records_it_without_personal_data() {
        fixture.givenNoPriorActivity().when(new ShredSubject("case-1")).expectEvents(new SubjectShredded("case-1", NOW));
    }

    @Test
    void shredding_a_subject_again_changes_nothing() {
        fixture.given(new SubjectShredded("case-1", NOW)).when(new ShredSubject("case-1")).expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void a_data_subject_has_its_own_aggregate_apart_from_its_case() {
        org.assertj.core.api.Assertions.assertThat(new ShredSubject("case-1").dataSubject()).isEqualTo("data-subject:case-1");
    }
}
