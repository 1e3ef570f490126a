package org.gongshi.ledger.disclosure;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongshi.ledger.calendar.WorkingDayCalendar;
import org.gongshi.ledger.cases.Case;
import org.gongshi.ledger.cases.command.DecidePenalty;
import org.gongshi.ledger.cases.command.ExtendDecisionDeadline;
import org.gongshi.ledger.cases.command.PauseCaseClock;
import org.gongshi.ledger.cases.command.FileCase;
import org.gongshi.ledger.cases.command.ServePenaltyNotice;
import org.gongshi.ledger.cases.event.DecisionDeadlineExtended;
import org.gongshi.ledger.cases.event.ExtensionApproval;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.disclosure.command.DecideDisclosure;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed;
import org.gongshi.ledger.policy.EnforcementPolicy;
import org.gongshi.ledger.policy.LedgerTime;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Procedure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.AS_BUREAU;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.BUREAU;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.CASE_ID;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.COMPANY;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.DECISION_ID;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.FINE_50K;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.decided;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.filed;
import static org.gongshi.ledger.disclosure.DisclosureRulesTest.notice;
import static org.gongshi.ledger.policy.Refusals.captured;
import static org.gongshi.ledger.policy.Refusals.only;
import static org.gongshi.ledger.policy.Refusals.refused;

/**
 * The ledger's clock decides what happened when (DESIGN.md, Conventions, Time; issue 15 item 1), one
 * test per rule. The fixture records each command at the time the test sets. The case was filed on
 * 2026-01-05 and decided on 2026-02-10 (disclosure due 2026-03-16, the 7 WD target 2026-02-26).
 */
class RecordingTimeRulesTest {

    private AggregateTestFixture<Case> fixture;
    private LedgerTime time;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Rulebook.defaults());
        fixture.registerInjectableResource(new org.gongshi.ledger.cases.DistinctDecisionNumbers());
        time = LedgerTime.on(fixture);
    }

    private static FileCase fileCase(LocalDate filedOn, Party party) {
        return new FileCase(CASE_ID, BUREAU, "北京市朝阳区市场监督管理局", "110105", filedOn, IpType.TRADEMARK, "销售侵犯注册商标专用权的商品",
                Procedure.ORDINARY, "权利人投诉", party);
    }

    private static DecidePenalty decide(LocalDate on) {
        return new DecidePenalty(CASE_ID, DECISION_ID, "京朝市监罚〔2026〕100号", on, FINE_50K, "《商标法》第六十条第二款", "当事人销售侵犯注册商标专用权的商品。");
    }

    @Test
    void no_legal_date_lies_after_the_day_it_is_recorded() {
        time.on(LocalDate.of(2026, 3, 2));
        refused(fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(2999, 1, 1), COMPANY), AS_BUREAU),
                "not-after-recording-day", "(2999-01-01) is after 2026-03-02");
        refused(fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(2026, 3, 3), COMPANY), AS_BUREAU),
                "not-after-recording-day", "the date of the filing (2026-03-03) is after 2026-03-02");
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY))
                        .when(new ServePenaltyNotice(CASE_ID, LocalDate.of(2026, 3, 3), FINE_50K, false, true), AS_BUREAU),
                "not-after-recording-day", "the notice");
        // the recording day itself is the latest date (Asia/Shanghai: 2026-03-02T16:30Z is already 03-03 there)
        time.at(java.time.Instant.parse("2026-03-02T16:30:00Z"));
        fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(2026, 3, 3), COMPANY), AS_BUREAU).expectSuccessfulHandlerExecution();
    }

    @Test
    void a_date_before_the_recording_day_is_accepted_only_within_the_backdating_tolerance() {
        time.on(LocalDate.of(2026, 3, 31));
        fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(2026, 3, 1), COMPANY), AS_BUREAU).expectSuccessfulHandlerExecution();
        refused(fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(2026, 2, 28), COMPANY), AS_BUREAU),
                "backdating-tolerance", "31 CD before 2026-03-31");

        // the tolerance is the policy's
        AggregateTestFixture<Case> strict = new AggregateTestFixture<>(Case.class);
        strict.registerInjectableResource(new Rulebook(new EnforcementPolicy("SH-2026.3", null, null, null,
                new EnforcementPolicy.TimeBounds(7, null, null)), WorkingDayCalendar.official()));
        strict.registerInjectableResource(new org.gongshi.ledger.cases.DistinctDecisionNumbers());
        LedgerTime.on(strict).on(LocalDate.of(2026, 3, 31));
        refused(strict.givenNoPriorActivity().when(fileCase(LocalDate.of(2026, 3, 23), COMPANY), AS_BUREAU),
                "backdating-tolerance", "at most 7 CD");
    }

    /**
     * A decision recorded after its 7 WD and 20 WD have passed has missed them on the day it is recorded: the command
     * records the misses with it (audit: left to the deadline mechanism's next sweep, a move of the clock before it
     * recorded them on a later day).
     */
    @Test
    void a_decision_recorded_after_its_disclosure_deadlines_records_their_misses_with_it() {
        // decided Mon 03-02: 7 WD end 03-11, 20 WD end 03-30; recorded 03-31
        time.on(LocalDate.of(2026, 3, 31));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K)).when(decide(LocalDate.of(2026, 3, 2)), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("PenaltyDecided", "DoublePublicityDeadlineMissed", "DisclosureDeadlineMissed");
        assertThat(only(events, DoublePublicityDeadlineMissed.class).deadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(only(events, DoublePublicityDeadlineMissed.class).recordedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(only(events, DisclosureDeadlineMissed.class).deadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 30));

        // recorded within its 7 WD: nothing missed yet
        time.on(LocalDate.of(2026, 3, 11));
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K)).when(decide(LocalDate.of(2026, 3, 2)), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("PenaltyDecided");
    }

    @Test
    void a_historical_import_may_be_dated_earlier_and_never_counts_as_on_time() {
        time.on(LocalDate.of(2026, 11, 20));
        fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(2026, 1, 5), COMPANY), LedgerTime.importedBy(BUREAU))
                .expectSuccessfulHandlerExecution();
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K))
                .when(decide(LocalDate.of(2026, 2, 10)), LedgerTime.importedBy(BUREAU))
                .expectEventsMatching(captured(events));
        assertThat(only(events, PenaltyDecided.class).decidedInTime()).as("decided by its deadline, but imported").isFalse();
        // an import keeps the publication date it gives, and is never on time either
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), LedgerTime.importedBy(BUREAU))
                .expectEventsMatching(captured(events));
        DisclosureDecided published = only(events, DisclosureDecided.class);
        assertThat(published.decidedOn()).isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(published.disclosedInTime()).isFalse();
        assertThat(published.doublePublicityInTime()).isFalse();
        // an imported revision withdraws the record as of its own effect, not on the import's day (a sweep from outside, stop 76:
        // a record replaced years before read as public until the import)
        events.clear();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY), published)
                .when(new org.gongshi.ledger.cases.command.ReviseDecision(CASE_ID, org.gongshi.ledger.vocabulary.RevisionKind.REVOKED,
                        org.gongshi.ledger.cases.event.RevisionBy.RECONSIDERATION, "京复〔2026〕3号", LocalDate.of(2026, 4, 1), "复议撤销", List.of()),
                        LedgerTime.importedBy(BUREAU))
                .expectEventsMatching(captured(events));
        assertThat(only(events, org.gongshi.ledger.disclosure.event.DisclosureWithdrawn.class).withdrawnOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        // not before the earliest year the ledger holds
        refused(fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(1989, 12, 31), COMPANY), LedgerTime.importedBy(BUREAU)),
                "date-within-ledger-years", "before 1996");
    }

    @Test
    void publication_takes_the_recording_day() {
        time.on(LocalDate.of(2026, 3, 13));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, null, null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureDecided published = only(events, DisclosureDecided.class);
        assertThat(published.decidedOn()).isEqualTo(LocalDate.of(2026, 3, 13));
        // ¥50,000 is a lower-amount fine for an organisation (below ¥100,000): 3 months from the recording day
        assertThat(published.publicUntil().dueOn()).as("3 months from the recording day").isEqualTo(LocalDate.of(2026, 6, 13));
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "recorded-on-its-day", "takes the day the ledger records it, 2026-03-13; leave the date out or send that day, not 2026-02-12");
    }

    @Test
    void a_backdated_disclosure_can_no_longer_look_on_time() {
        // recorded 2026-03-17, a day after the 20 WD deadline: whatever date a client would like, it is late
        time.on(LocalDate.of(2026, 3, 17));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 17), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(only(events, DisclosureDecided.class).disclosedInTime()).isFalse();
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 10), null, null, List.of()), AS_BUREAU),
                "recorded-on-its-day", "not 2026-03-10");
        // recorded on the last day it is on time
        time.on(LocalDate.of(2026, 3, 16));
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, null, null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(only(events, DisclosureDecided.class).disclosedInTime()).isTrue();
    }

    @Test
    void the_decision_is_on_time_when_recorded_by_its_deadline() {
        // deadline 2026-04-07; a decision dated 04-07 but recorded 04-08 is late
        time.on(LocalDate.of(2026, 4, 8));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K)).when(decide(LocalDate.of(2026, 4, 7)), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(only(events, PenaltyDecided.class).decidedInTime()).isFalse();
    }

    @Test
    void a_collective_extension_names_a_deadline_within_the_policy_bound() {
        // filed 2026-01-05: at most 365 CD later, 2027-01-05 (project default)
        time.on(LocalDate.of(2026, 4, 1));
        DecisionDeadlineExtended head = new DecisionDeadlineExtended(CASE_ID, ExtensionApproval.HEAD, LocalDate.of(2026, 3, 20), 30, null, "复杂",
                DisclosureRulesTest.due("2026-05-07"), DisclosureRulesTest.VERSION);
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY), head)
                        .when(new ExtendDecisionDeadline(CASE_ID, ExtensionApproval.COLLECTIVE, LocalDate.of(2026, 4, 1), null,
                                LocalDate.of(9999, 12, 31), "案情特别复杂"), AS_BUREAU),
                "decision-extension", "at most 365 CD after the filing on 2026-01-05");
        fixture.given(filed(Procedure.ORDINARY, COMPANY), head)
                .when(new ExtendDecisionDeadline(CASE_ID, ExtensionApproval.COLLECTIVE, LocalDate.of(2026, 4, 1), null,
                        LocalDate.of(2027, 1, 5), "案情特别复杂"), AS_BUREAU)
                .expectSuccessfulHandlerExecution();
    }

    /**
     * A sweep from outside (stop 71): a past case entered through the historical import could not carry the extension or
     * the pause it lawfully had, as each is recorded after its deadline. An import is judged by the act's own date; recorded
     * live after the deadline, either is still refused (it would take back a miss that may be on record).
     */
    @Test
    void a_historical_import_enters_an_extension_or_pause_by_its_own_date() {
        // filed 2026-01-05, deadline 2026-04-07; recorded 2026-11-20
        time.on(LocalDate.of(2026, 11, 20));
        ExtendDecisionDeadline extension = new ExtendDecisionDeadline(CASE_ID, ExtensionApproval.HEAD, LocalDate.of(2026, 3, 20), 30, null,
                "案情复杂");
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(extension, LedgerTime.importedBy(BUREAU)).expectEventsMatching(captured(events));
        assertThat(only(events, DecisionDeadlineExtended.class).decisionDeadline().dueOn()).isEqualTo(LocalDate.of(2026, 5, 6)); // 120 CD: 05-05, a day off
        // approved after the deadline: refused, imported or not
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY))
                        .when(new ExtendDecisionDeadline(CASE_ID, ExtensionApproval.HEAD, LocalDate.of(2026, 4, 8), 30, null, "案情复杂"),
                                LedgerTime.importedBy(BUREAU)),
                "decision-extension", "an extension must be approved before the deadline");

        PauseCaseClock pause = new PauseCaseClock(CASE_ID, LocalDate.of(2026, 3, 20), org.gongshi.ledger.cases.event.PauseReason.TESTING_OR_APPRAISAL,
                "检验");
        fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(pause, LedgerTime.importedBy(BUREAU)).expectSuccessfulHandlerExecution();

        // recorded live after the deadline (within the backdating tolerance): refused
        time.on(LocalDate.of(2026, 4, 15));
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(extension, AS_BUREAU),
                "decision-extension", "an extension recorded later cannot move a deadline already missed");
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY)).when(pause, AS_BUREAU),
                "clock-pause", "a pause recorded later cannot move a deadline already missed");
    }

    @Test
    void a_birth_date_lies_in_the_past() {
        time.on(LocalDate.of(2026, 3, 2));
        Party unborn = new Party(PartyKind.NATURAL_PERSON, "李某", null, residentId("11010129900101123"), null);
        refused(fixture.givenNoPriorActivity().when(fileCase(LocalDate.of(2026, 3, 2), unborn), AS_BUREAU),
                "date-within-ledger-years", "birth date 2990-01-01");
    }

    private static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * weights[i];
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
