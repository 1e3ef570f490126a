package org.gongshi.ledger.disclosure;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongshi.ledger.cases.command.CheckDeadlines;
import org.gongshi.ledger.cases.event.DecisionDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed;
import org.gongshi.ledger.policy.LedgerTime;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.cases.Case;
import org.gongshi.ledger.cases.DistinctDecisionNumbers;
import org.gongshi.ledger.vocabulary.Procedure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.CASE_ID;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.COMPANY;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.FINE_50K;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.decided;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.filed;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.notice;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.published;
import static org.gongshi.ledger.policy.Refusals.captured;
import static org.gongshi.ledger.policy.Refusals.only;
import static org.gongshi.ledger.policy.Refusals.refused;

/**
 * Deadlines are events (issue 15 item 2): when the deadline mechanism ({@code system:deadlines}) checks
 * a case on the ledger's clock, each deadline that passed unmet is recorded once, naming the deadline
 * and the day it was found missed. The case was filed on 2026-01-05 (decision due 2026-04-07) and
 * decided on 2026-02-10 (the 7 WD double-publicity target 2026-02-26, disclosure due 2026-03-16).
 */
class MissedDeadlinesTest {

    private static final CheckDeadlines CHECK = new CheckDeadlines(CASE_ID);

    private AggregateTestFixture<Case> fixture;
    private LedgerTime time;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Rulebook.defaults());
        fixture.registerInjectableResource(new DistinctDecisionNumbers());
        time = LedgerTime.on(fixture);
    }

    @Test
    void a_decision_deadline_passed_unmet_is_recorded_once() {
        time.on(LocalDate.of(2026, 4, 7));
        fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(CHECK, LedgerTime.asSystem(Recording.DEADLINES)).expectNoEvents();

        time.on(LocalDate.of(2026, 4, 8));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(CHECK, LedgerTime.asSystem(Recording.DEADLINES))
                .expectEventsMatching(captured(events));
        DecisionDeadlineMissed missed = only(events, DecisionDeadlineMissed.class);
        assertThat(missed.decisionDeadline().dueOn()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(missed.recordedOn()).isEqualTo(LocalDate.of(2026, 4, 8));

        time.on(LocalDate.of(2026, 5, 8));
        fixture.given(filed(Procedure.ORDINARY, COMPANY), missed).when(CHECK, LedgerTime.asSystem(Recording.DEADLINES)).expectNoEvents();
    }

    @Test
    void a_decided_case_misses_no_decision_deadline() {
        time.on(LocalDate.of(2026, 4, 8));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                .when(CHECK, LedgerTime.asSystem(Recording.DEADLINES)).expectEventsMatching(captured(events));
        assertThat(events).noneMatch(DecisionDeadlineMissed.class::isInstance);
    }

    @Test
    void a_disclosure_deadline_passed_unmet_is_recorded_once_and_the_stricter_target_first() {
        time.on(LocalDate.of(2026, 2, 27));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                .when(CHECK, LedgerTime.asSystem(Recording.DEADLINES)).expectEventsMatching(captured(events));
        DoublePublicityDeadlineMissed strict = only(events, DoublePublicityDeadlineMissed.class);
        assertThat(strict.deadline().dueOn()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(events).noneMatch(DisclosureDeadlineMissed.class::isInstance);

        time.on(LocalDate.of(2026, 3, 17));
        events.clear();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY), strict)
                .when(CHECK, LedgerTime.asSystem(Recording.DEADLINES)).expectEventsMatching(captured(events));
        DisclosureDeadlineMissed missed = only(events, DisclosureDeadlineMissed.class);
        assertThat(missed.deadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(events).noneMatch(DoublePublicityDeadlineMissed.class::isInstance);

        time.on(LocalDate.of(2026, 4, 17));
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY), strict, missed)
                .when(CHECK, LedgerTime.asSystem(Recording.DEADLINES)).expectNoEvents();
    }

    @Test
    void a_published_decision_misses_no_disclosure_deadline() {
        time.on(LocalDate.of(2026, 3, 17));
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY),
                        published(LocalDate.of(2026, 2, 12)))
                .when(CHECK, LedgerTime.asSystem(Recording.DEADLINES)).expectNoEvents();
    }

    @Test
    void only_the_deadline_mechanism_among_system_identities_checks_deadlines() {
        time.on(LocalDate.of(2026, 4, 8));
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(CHECK, LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH)),
                "identity-required", "has no rule that lets it act here");
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(CHECK), "identity-required", "");
    }
}
