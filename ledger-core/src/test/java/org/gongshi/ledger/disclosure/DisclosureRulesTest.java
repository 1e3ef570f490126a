package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.policy.LedgerTime;
import org.gongshi.ledger.policy.Recording;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.Case;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyExecuted;
import org.gongshi.ledger.cases.event.PenaltyNoticeServed;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.cases.command.ReviseDecision;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.disclosure.command.CorrectDisclosure;
import org.gongshi.ledger.disclosure.command.DecideDisclosure;
import org.gongshi.ledger.disclosure.command.ExpireDisclosure;
import org.gongshi.ledger.disclosure.command.RepairCredit;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureCorrected;
import org.gongshi.ledger.privacy.command.ShredPartyData;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureExpired;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.disclosure.event.WithdrawalDeadlineMissed;
import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.gongshi.ledger.disclosure.event.PublicationTerminated;
import org.gongshi.ledger.disclosure.event.WithholdingGround;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongshi.ledger.policy.Refusals.captured;
import static org.gongshi.ledger.policy.Refusals.only;
import static org.gongshi.ledger.policy.Refusals.refused;

/**
 * The disclosure rules of DOMAIN.md ("Disclosure rules"), one test per rule. Dates are counted on
 * the official 2026 calendar: the Spring Festival holiday 02-15..02-23 is off, Saturdays 02-14 and
 * 02-28 are make-up working days. "Today" is 2026-11-20 (Asia/Shanghai).
 */
class DisclosureRulesTest {

    static final String CASE_ID = "case-2026-0100";
    static final String BUREAU = "111101050000000191";
    static final Map<String, String> AS_BUREAU = Map.of("bureau", BUREAU);
    static final String DECISION_ID = "decision-0100";
    static final String VERSION = "CN-2026.1";
    static final Party COMPANY = new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, "王示例");
    /** An adult natural person, born 1990-03-07. */
    static final Party PERSON = new Party(PartyKind.NATURAL_PERSON, "李某", null, "110101199003071233", null);
    static final LocalDate DECIDED = LocalDate.of(2026, 2, 10);
    static final List<Penalty> FINE_50K = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("50000.00"), "罚款"));

    AggregateTestFixture<Case> fixture;
    org.gongshi.ledger.policy.LedgerTime time;
    final LedgerStanding standing = new LedgerStanding();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Rulebook.defaults());
        fixture.registerInjectableResource(new org.gongshi.ledger.cases.DistinctDecisionNumbers());
        fixture.registerInjectableResource(standing);
        time = org.gongshi.ledger.policy.LedgerTime.on(fixture);
    }

    static CaseFiled filed(Procedure procedure, Party party) {
        return new CaseFiled(CASE_ID, BUREAU, "北京市朝阳区市场监督管理局", "110105", LocalDate.of(2026, 1, 5), IpType.TRADEMARK,
                "销售侵犯注册商标专用权的商品", procedure, "权利人投诉", party, due("2026-04-07"), LocalDate.of(2026, 7, 4), VERSION);
    }

    static PenaltyNoticeServed notice(List<Penalty> penalties) {
        return new PenaltyNoticeServed(CASE_ID, LocalDate.of(2026, 1, 20), penalties, false, true, due("2026-01-27"), VERSION);
    }

    static PenaltyDecided decided(List<Penalty> penalties, Procedure procedure) {
        return new PenaltyDecided(CASE_ID, DECISION_ID, "京朝市监罚〔2026〕100号", DECIDED, procedure, penalties,
                "《商标法》第六十条第二款", "当事人销售侵犯注册商标专用权的商品。", due("2026-04-07"), true, due("2026-02-26"), VERSION);
    }

    /**
     * A sweep from outside, stop 76: a publication racing the shredding of a natural person's data published the name after
     * the erasure, the shredding being recorded in the data subject's own stream. It is recorded in the case's stream now
     * ({@code ShredPartyData}), once; after it, the decision is not published nor its record corrected (which would store the
     * name anew), whether or not the key still opens the filing.
     */
    @Test
    void a_natural_person_s_decision_is_neither_published_nor_its_record_corrected_once_the_party_is_shredded() {
        java.time.Instant now = java.time.Instant.parse("2026-02-20T02:00:00Z");
        fixture.registerInjectableResource(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        Object[] person = {filed(Procedure.ORDINARY, PERSON), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY)};
        SubjectShredded shredded = new SubjectShredded(CASE_ID, now);
        fixture.given(person).when(new ShredPartyData(CASE_ID)).expectEvents(shredded);
        fixture.given(person[0], person[1], person[2], shredded).when(new ShredPartyData(CASE_ID)).expectNoEvents().expectSuccessfulHandlerExecution();
        refused(fixture.given(person[0], person[1], person[2], shredded)
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "personal-data-shredded", "shredded; the decision can no longer be published");
        PublicRecord record = RedactionPolicy.publicRecord(DECISION_ID, PERSON, "京朝市监罚〔2026〕100号", "销售侵犯注册商标专用权的商品",
                "当事人销售侵权商品。", "《商标法》第六十条第二款", FINE_50K, DECIDED, LocalDate.of(2029, 2, 12),
                "北京市朝阳区市场监督管理局", BUREAU, IpType.TRADEMARK, "110105", List.of());
        DisclosureDecided published = new DisclosureDecided(CASE_ID, DECISION_ID, DECISION_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12),
                null, due("2026-03-16"), true, due("2026-02-26"), true, new Deadline(LocalDate.of(2029, 2, 12), true), record, VERSION, List.of(), null);
        refused(fixture.given(person[0], person[1], person[2], published, shredded)
                        .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "更正违法事实", null, "当事人销售侵权商品五件。", null, null, List.of()), AS_BUREAU),
                "personal-data-shredded", "its record is not written again");
        // a company's record without hidden terms is corrected as before: its name is no personal data; but no term is hidden
        // for it any more (none is stored for its data subject again)
        DisclosureDecided noTerms = new DisclosureDecided(CASE_ID, DECISION_ID, DECISION_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12),
                null, due("2026-03-16"), true, due("2026-02-26"), true, new Deadline(LocalDate.of(2029, 2, 12), true),
                published(LocalDate.of(2026, 2, 12)).record(), VERSION, List.of(), null);
        Object[] company = {filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY), noTerms, shredded};
        fixture.given(company).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "更正违法事实", null, "当事人销售侵权商品五件。",
                        null, null, List.of()), AS_BUREAU)
                .expectSuccessfulHandlerExecution();
        refused(fixture.given(company).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "隐去第三方", null, null, null, null,
                        List.of("蓝鲸星河工作室")), AS_BUREAU),
                "personal-data-shredded", "no term is stored for it again");
        // a company's record whose hidden terms the key still opens, its shredding recorded (the key is deleted just after):
        // not corrected, as once they read shredded (a sweep from outside, stop 76: raced, it passed or failed as a 500)
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY),
                        published(LocalDate.of(2026, 2, 12)), shredded)
                        .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "更正违法事实", null, "当事人销售侵权商品五件。", null,
                                null, List.of()), AS_BUREAU),
                "personal-data-shredded", "can no longer be hidden again");
    }

    private TestExecutor<Case> given(Object... extra) {
        List<Object> events = new ArrayList<>(List.of(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY)));
        events.addAll(List.of(extra));
        return fixture.given(events);
    }

    static DisclosureDecided published(LocalDate on) {
        PublicRecord record = RedactionPolicy.publicRecord(DECISION_ID, COMPANY, "京朝市监罚〔2026〕100号", "销售侵犯注册商标专用权的商品",
                "当事人销售侵犯注册商标专用权的商品。", "《商标法》第六十条第二款", FINE_50K, DECIDED, LocalDate.of(2029, 2, 12),
                "北京市朝阳区市场监督管理局", BUREAU, IpType.TRADEMARK, "110105", List.of());
        return new DisclosureDecided(CASE_ID, DECISION_ID, DECISION_ID, DisclosureAction.PUBLISH, on, null, due("2026-03-16"), true,
                due("2026-02-26"), true, new Deadline(LocalDate.of(2029, 2, 12), true), record, VERSION, List.of("住址北京市朝阳区示例路1号"), null);
    }

    static DisclosureDecided publish(List<Object> events) {
        return only(events, DisclosureDecided.class);
    }

    @Test
    void ordinary_procedure_penalty_decisions_are_disclosed_with_the_credit_china_fields() {
        List<Object> events = new ArrayList<>();
        given().when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU)
                .expectSuccessfulHandlerExecution().expectEventsMatching(captured(events));

        DisclosureDecided decided = publish(events);
        assertThat(decided.action()).isEqualTo(DisclosureAction.PUBLISH);
        assertThat(decided.recordId()).isEqualTo(DECISION_ID);
        PublicRecord record = decided.record();
        assertThat(record.subjectName()).isEqualTo("北京示例商贸有限公司");
        assertThat(record.uscc()).isEqualTo("91110000600037341L");
        assertThat(record.legalRepresentative()).isEqualTo("王示例");
        assertThat(record.decisionNumber()).isEqualTo("京朝市监罚〔2026〕100号");
        assertThat(record.penaltyTypes()).containsExactly(PenaltyType.FINE);
        assertThat(record.penaltyContent()).isEqualTo("罚款人民币50000.00元：罚款");
        assertThat(record.fineAmountTenThousandYuan()).isEqualByComparingTo("5");
        assertThat(record.confiscatedAmountTenThousandYuan()).isNull();
        assertThat(record.authorityUscc()).isEqualTo(BUREAU);
        assertThat(record.division()).isEqualTo("110105");
        assertThat(decided.policyVersion()).isEqualTo(VERSION);
    }

    @Test
    void disclosure_deadline_is_20_working_days_and_the_stricter_7_working_days_across_the_2026_spring_festival() {
        // decided Tue 02-10: 7 WD = 11,12,13,14(Sat, make-up),24,25,26 → 02-26; 20 WD → 03-16
        List<Object> events = new ArrayList<>();
        given().when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 2), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureDecided decided = publish(events);
        assertThat(decided.disclosureDeadline()).isEqualTo(due("2026-03-16"));
        assertThat(decided.doublePublicityDeadline()).isEqualTo(due("2026-02-26"));
        assertThat(decided.disclosedInTime()).isTrue();
        assertThat(decided.doublePublicityInTime()).as("published 03-02, after the 7 WD target").isFalse();
    }

    /**
     * A publication recorded after its deadlines records their misses before it, whether or not the deadline mechanism's
     * sweep reached the case first (a sweep from outside, stop 74: publications racing a move of the clock recorded none).
     */
    @Test
    void late_disclosure_is_recorded_as_missing_the_20_working_day_deadline() {
        List<Object> events = new ArrayList<>();
        given().when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 17), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(publish(events).disclosedInTime()).isFalse();
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DoublePublicityDeadlineMissed", "DisclosureDeadlineMissed", "DisclosureDecided");
        assertThat(only(events, org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed.class).recordedOn()).isEqualTo(LocalDate.of(2026, 3, 17));
    }

    @Test
    void warning_only_decisions_are_never_disclosed() {
        var warning = List.of(new Penalty(PenaltyType.WARNING, null, "警告"));
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(warning), decided(warning, Procedure.ORDINARY))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "disclosure-scope", "warning-only");
    }

    @Test
    void simple_procedure_decisions_are_never_disclosed() {
        var small = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("2000.00"), null));
        refused(fixture.given(filed(Procedure.SIMPLE, COMPANY), notice(small), decided(small, Procedure.SIMPLE))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "disclosure-scope", "simple-procedure");
    }

    @Test
    void minors_are_never_disclosed() {
        Party minor = new Party(PartyKind.NATURAL_PERSON, "未成年示例", null, "110101201003075218", null);
        assertThat(org.gongshi.ledger.identity.ResidentIdNumber.isValid(minor.idNumber())).isTrue();
        refused(fixture.given(filed(Procedure.ORDINARY, minor), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "disclosure-scope", "minor");
    }

    @Test
    void a_decision_on_the_party_s_18th_birthday_is_a_minor_s_and_never_published() {
        // born 2008-02-10 and decided on 2026-02-10, the 18th birthday: 18 周岁 is reached only the day after
        Party eighteenToday = new Party(PartyKind.NATURAL_PERSON, "成年边界", null, "110101200802101238", null);
        assertThat(org.gongshi.ledger.identity.ResidentIdNumber.isValid(eighteenToday.idNumber())).isTrue();
        refused(fixture.given(filed(Procedure.ORDINARY, eighteenToday), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "disclosure-scope", "minor");
        // decided the day after the birthday, an adult then, but filed on 2026-01-05: the act came before the filing, so
        // it was a minor's (DOMAIN.md: under 18 on the day of the act or of the decision); the decision-day boundary alone,
        // filed and decided as an adult, is DisclosabilityPolicyTest's
        PenaltyDecided dayAfter = new PenaltyDecided(CASE_ID, DECISION_ID, "京朝市监罚〔2026〕100号", LocalDate.of(2026, 2, 11),
                Procedure.ORDINARY, FINE_50K, "《商标法》第六十条第二款", "事实", due("2026-04-07"), true, null, VERSION);
        refused(fixture.given(filed(Procedure.ORDINARY, eighteenToday), notice(FINE_50K), dayAfter)
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "disclosure-scope", "minor on the filing day 2026-01-05");
    }

    /**
     * DOMAIN.md: never disclosed, a party under 18 周岁 on the day of the act. The filing records that day ({@code actOn}; outside
     * audit: a party of 17 when the act was committed, an adult by the filing, was published, and the bureau could not withhold).
     */
    @Test
    void minors_on_the_day_of_the_act_recorded_at_filing_are_never_disclosed() {
        // born 2008-12-20: 17 on 2026-12-01, the act; 18 周岁 on 2026-12-21, before the filing of 2027-01-02
        Party seventeenAtTheAct = new Party(PartyKind.NATURAL_PERSON, "小明", null, "110101200812201232", null);
        assertThat(org.gongshi.ledger.identity.ResidentIdNumber.isValid(seventeenAtTheAct.idNumber())).isTrue();
        CaseFiled withoutTheAct = new CaseFiled(CASE_ID, BUREAU, "北京市朝阳区市场监督管理局", "110105", LocalDate.of(2027, 1, 2), IpType.TRADEMARK,
                "销售侵犯注册商标专用权的商品", Procedure.ORDINARY, "权利人投诉", seventeenAtTheAct, due("2027-04-02"), LocalDate.of(2027, 7, 1), VERSION);
        CaseFiled withTheAct = new CaseFiled(CASE_ID, BUREAU, "北京市朝阳区市场监督管理局", "110105", LocalDate.of(2027, 1, 2), IpType.TRADEMARK,
                "销售侵犯注册商标专用权的商品", Procedure.ORDINARY, "权利人投诉", seventeenAtTheAct, due("2027-04-02"), LocalDate.of(2027, 7, 1), VERSION,
                LocalDate.of(2026, 12, 1));
        PenaltyDecided decided = new PenaltyDecided(CASE_ID, DECISION_ID, "京朝市监罚〔2027〕1号", LocalDate.of(2027, 1, 20),
                Procedure.ORDINARY, FINE_50K, "《商标法》第六十条第二款", "事实", due("2027-04-02"), true, null, VERSION);
        DecideDisclosure publish = new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2027, 1, 21), null, null, List.of());
        refused(fixture.given(withTheAct, notice(FINE_50K), decided).when(publish, AS_BUREAU),
                "disclosure-scope", "minor on the day of the act 2026-12-01");
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, FINE_50K, seventeenAtTheAct, LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 20))).isFalse();
        // a filing recorded without the day of the act (before a filing of such a party had to name it, CaseLifecycleRulesTest's
        // disclosure_scope_a_party_a_minor_within_the_limitation_period_...): the filing day bounds it, an adult's then
        fixture.given(withoutTheAct, notice(FINE_50K), decided).when(publish, AS_BUREAU).expectSuccessfulHandlerExecution();
    }

    @Test
    void a_disclosable_decision_is_withheld_only_on_an_enumerated_ground() {
        refused(given().when(new DecideDisclosure(CASE_ID, DisclosureAction.WITHHOLD, LocalDate.of(2026, 2, 12), null,
                        "局务会决定暂不公示", List.of()), AS_BUREAU),
                "withholding-ground", "only on an enumerated ground");
        // the refusal names the command's field and the grounds to choose from, for the caller's errors
        given().when(new DecideDisclosure(CASE_ID, DisclosureAction.WITHHOLD, LocalDate.of(2026, 2, 12), null, "局务会决定暂不公示", List.of()), AS_BUREAU)
                .expectExceptionDetails(new org.gongshi.ledger.policy.RuleViolation.Details("withholding-ground", "INVALID",
                        org.gongshi.ledger.policy.Rule.WITHHOLDING_GROUND.title(), org.gongshi.ledger.policy.Rule.WITHHOLDING_GROUND.source(),
                        "a disclosable decision is withheld only on an enumerated ground, one of [STATE_SECRET, SECURITY_OR_STABILITY, OTHER_LAW]"
                                + " (free text goes in the explanation)", "ground"));

        List<Object> events = new ArrayList<>();
        given().when(new DecideDisclosure(CASE_ID, DisclosureAction.WITHHOLD, LocalDate.of(2026, 2, 12), WithholdingGround.STATE_SECRET,
                        "涉及国家秘密（Order 45 Art 5）", List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureDecided withheld = publish(events);
        assertThat(withheld.action()).isEqualTo(DisclosureAction.WITHHOLD);
        // published after it: refused, saying what stands and what opens it again, not that a record is "published twice"
        refused(given(withheld).when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 13), null, null, List.of()), AS_BUREAU),
                "disclosure-after-decision", "the withholding stands until the decision is changed (a CHANGED revision)");
        assertThat(withheld.ground()).isEqualTo("STATE_SECRET");
        assertThat(withheld.groundExplanation()).contains("国家秘密");
        assertThat(withheld.record()).isNull();

        // a decision never disclosed (simple procedure) is withheld without a ground
        fixture.given(filed(Procedure.SIMPLE, COMPANY), notice(FINE_50K), decided(FINE_50K, Procedure.SIMPLE))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.WITHHOLD, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void publishing_twice_is_refused() {
        refused(given(published(LocalDate.of(2026, 2, 12)))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 13), null, null, List.of()), AS_BUREAU),
                "disclosure-after-decision", "already decided");
    }

    @Test
    void publishing_before_the_decision_is_refused() {
        refused(fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU),
                "disclosure-after-decision", "no decision yet");
        refused(given().when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 9), null, null, List.of()), AS_BUREAU),
                "disclosure-after-decision", "before the decision");
    }

    @Test
    void publishing_a_revised_decision_is_refused() {
        refused(given(new DecisionRevised(CASE_ID, DECISION_ID, RevisionKind.REVOKED, RevisionBy.RECONSIDERATION, "京复〔2026〕1号",
                        LocalDate.of(2026, 3, 1), "复议撤销", List.of(), VERSION))
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 2), null, null, List.of()), AS_BUREAU),
                "disclosure-after-decision", "only a changed decision is published again");
    }

    @Test
    void a_changed_decision_is_published_again_as_a_new_record_due_20_working_days_from_the_change() {
        var changed = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("30000.00"), "罚款"));
        DecisionRevised revised = new DecisionRevised(CASE_ID, DECISION_ID, RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕7号",
                LocalDate.of(2026, 4, 1), "复议变更罚款数额", changed, VERSION);
        DisclosureWithdrawn withdrawn = new DisclosureWithdrawn(CASE_ID, DECISION_ID, LocalDate.of(2026, 4, 2), "复议变更罚款数额",
                RevisionKind.CHANGED, due("2026-04-07"), true, VERSION);
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)), revised, withdrawn)
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 4, 3), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureDecided again = publish(events);
        assertThat(again.recordId()).isEqualTo(DECISION_ID + "/2");
        assertThat(again.record().recordId()).isEqualTo(DECISION_ID + "/2");
        assertThat(again.record().fineAmountTenThousandYuan()).isEqualByComparingTo("3");
        // Wednesday 04-01 + 20 WD, Qingming 04-04..06 off: Thursday 04-30
        assertThat(again.disclosureDeadline()).isEqualTo(due("2026-04-30"));
        assertThat(again.disclosedInTime()).isTrue();

        // and only once per change
        refused(given(published(LocalDate.of(2026, 2, 12)), revised, withdrawn, again)
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 4, 8), null, null, List.of()), AS_BUREAU),
                "disclosure-after-decision", "already decided");
    }

    /**
     * An auditor's sweep: facts corrected on the public record (50件 to 55件) were published again as the decision first had
     * them in the changed decision's record {@code <decisionId>/2}, so the bureau had to correct the same error again.
     */
    @Test
    void a_changed_decision_s_next_record_keeps_what_a_correction_made_right() {
        var changed = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("30000.00"), "罚款"));
        List<Object> correcting = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "违法事实表述有误", "销售侵犯注册商标专用权的商品",
                        "当事人销售侵权商品55件，经理李某某在场。", "《商标法》第六十条", "赵示例", List.of("李某某")), AS_BUREAU)
                .expectEventsMatching(captured(correcting));
        DisclosureCorrected corrected = only(correcting, DisclosureCorrected.class);
        assertThat(corrected.publishedOn()).as("the publication day, for the feed's corrected entry").isEqualTo(LocalDate.of(2026, 2, 12));
        DecisionRevised revised = new DecisionRevised(CASE_ID, DECISION_ID, RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕7号",
                LocalDate.of(2026, 4, 1), "复议变更罚款数额", changed, VERSION);
        DisclosureWithdrawn withdrawn = new DisclosureWithdrawn(CASE_ID, DECISION_ID, LocalDate.of(2026, 4, 2), "复议变更罚款数额",
                RevisionKind.CHANGED, due("2026-04-07"), true, VERSION);
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)), corrected, revised, withdrawn)
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 4, 3), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        PublicRecord again = publish(events).record();
        assertThat(again.recordId()).isEqualTo(DECISION_ID + "/2");
        assertThat(again.facts()).isEqualTo("当事人销售侵权商品55件，经理***在场。");
        assertThat(again.violationType()).isEqualTo("销售侵犯注册商标专用权的商品");
        assertThat(again.legalBasis()).isEqualTo("《商标法》第六十条");
        assertThat(again.legalRepresentative()).isEqualTo("赵示例");
        assertThat(again.fineAmountTenThousandYuan()).as("the change's penalties").isEqualByComparingTo("3");
    }

    @Test
    void revision_withdraws_the_published_record_in_the_same_command_within_3_working_days() {
        // effective Wed 11-18: 3 WD = 19, 20, 23 → 11-23; recorded "today" 11-20 → in time
        List<Object> events = new ArrayList<>();
        time.on(LocalDate.of(2026, 11, 20));
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new ReviseDecision(CASE_ID, RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2026)京0105行初1号",
                        LocalDate.of(2026, 11, 18), "人民法院判决撤销该处罚决定", List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(events).hasSize(2).first().isInstanceOf(DecisionRevised.class);
        DisclosureWithdrawn withdrawn = only(events, DisclosureWithdrawn.class);
        assertThat(withdrawn.recordId()).isEqualTo(DECISION_ID);
        assertThat(withdrawn.reason()).isEqualTo("人民法院判决撤销该处罚决定");
        assertThat(withdrawn.revisionKind()).isEqualTo(RevisionKind.REVOKED);
        assertThat(withdrawn.withdrawnOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(withdrawn.withdrawalDeadline()).isEqualTo(due("2026-11-23"));
        assertThat(withdrawn.withdrawnInTime()).isTrue();
    }

    @Test
    void withdrawal_recorded_after_3_working_days_is_recorded_as_late() {
        // effective Tue 11-10: 3 WD = 11, 12, 13 → 11-13; recorded 11-20 → late
        List<Object> events = new ArrayList<>();
        time.on(LocalDate.of(2026, 11, 20));
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new ReviseDecision(CASE_ID, RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕9号",
                        LocalDate.of(2026, 11, 10), "复议变更罚款数额",
                        List.of(new Penalty(PenaltyType.FINE, new BigDecimal("30000.00"), null))), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureWithdrawn withdrawn = only(events, DisclosureWithdrawn.class);
        assertThat(withdrawn.withdrawalDeadline()).isEqualTo(due("2026-11-13"));
        assertThat(withdrawn.withdrawnInTime()).isFalse();
        // the changed decision's republication was due within 7 WD of the change (11-19): missed, recorded with the change
        assertThat(only(events, org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed.class).deadline().dueOn())
                .isEqualTo(LocalDate.of(2026, 11, 19));
    }

    /**
     * Withdrawal (DOMAIN.md, 3 WD): a revision recorded after the record's publicity period ended took effect while it was
     * public. Public past the withdrawal deadline, the record missed it, and the miss is recorded with the revision; one whose
     * period ended by the deadline was public no longer than a withdrawal in time allows (a sweep from outside, stop 84: such a
     * revision left the withdrawal figure and recorded no miss).
     */
    @Test
    void withdrawal_is_missed_when_a_revised_record_stayed_public_past_3_working_days_until_its_period_ended() {
        var expired = new DisclosureExpired(CASE_ID, DECISION_ID, LocalDate.of(2029, 2, 12), LocalDate.of(2029, 2, 13));
        time.on(LocalDate.of(2029, 2, 20));
        // effective Tue 02-06: 3 WD = 7, 8, 9 → 02-09; public to 02-12
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)), expired)
                .when(new ReviseDecision(CASE_ID, RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2029)京0105行初1号",
                        LocalDate.of(2029, 2, 6), "人民法院判决撤销该处罚决定", List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(events).noneMatch(DisclosureWithdrawn.class::isInstance);
        WithdrawalDeadlineMissed missed = only(events, WithdrawalDeadlineMissed.class);
        assertThat(missed.recordId()).isEqualTo(DECISION_ID);
        assertThat(missed.deadline().dueOn()).isEqualTo(LocalDate.of(2029, 2, 9));
        assertThat(missed.recordedOn()).isEqualTo(LocalDate.of(2029, 2, 20));
        // effective Thu 02-08: due 02-13, after the record's last public day
        List<Object> inTime = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)), expired)
                .when(new ReviseDecision(CASE_ID, RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2029)京0105行初2号",
                        LocalDate.of(2029, 2, 8), "人民法院判决撤销该处罚决定", List.of()), AS_BUREAU)
                .expectEventsMatching(captured(inTime));
        assertThat(inTime).hasSize(1).first().isInstanceOf(DecisionRevised.class);
        // revised after the period's end: it was never public revised
        List<Object> after = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)), expired)
                .when(new ReviseDecision(CASE_ID, RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2029)京0105行初3号",
                        LocalDate.of(2029, 2, 13), "人民法院判决撤销该处罚决定", List.of()), AS_BUREAU)
                .expectEventsMatching(captured(after));
        assertThat(after).hasSize(1);
    }

    @Test
    void another_bureau_cannot_act_on_the_public_record_of_a_case() {
        Map<String, String> asOtherBureau = Map.of("bureau", "91110000600037341L");
        refused(given().when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), asOtherBureau),
                "own-cases-only", "filed by another bureau");
        refused(given(published(LocalDate.of(2026, 2, 12)))
                        .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "x", null, "y", null, null, List.of()), asOtherBureau),
                "own-cases-only", "filed by another bureau");
        refused(given(published(LocalDate.of(2026, 2, 12)))
                        .when(new RepairCredit(CASE_ID, LocalDate.of(2026, 9, 1), true), asOtherBureau),
                "own-cases-only", "filed by another bureau");
    }

    @Test
    void a_correction_redacts_its_new_texts_with_the_one_redaction_policy() {
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "违法事实表述有误", null,
                        "当事人经理李某某（电话13800138000）销售侵权商品。", null, "赵示例", List.of("李某某", " ")), AS_BUREAU)
                .expectEventsMatching(captured(events));
        PublicRecord record = only(events, DisclosureCorrected.class).record();
        assertThat(record.facts()).isEqualTo("当事人经理***（电话***）销售侵权商品。");
        assertThat(record.legalRepresentative()).isEqualTo("赵示例");
        assertThat(record.legalBasis()).as("a text left out stays as published").isEqualTo("《商标法》第六十条第二款");
        assertThat(record.penaltyContent()).isEqualTo("罚款人民币50000.00元：罚款");
    }

    /** Rule redaction-terms: a re-test from outside, stop 77, stored 3,001 terms by 60 corrections, and long ones timed out. */
    @Test
    void a_record_hides_at_most_200_of_the_bureaus_terms_its_corrections_included() {
        List<String> first = new ArrayList<>(), more = new ArrayList<>();
        for (int i = 0; i < 150; i++) first.add("第三人" + i);
        for (int i = 0; i < 50; i++) more.add("另一人" + i); // the published record hides one term already
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "补充隐去", null, null, null, null, first), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureCorrected corrected = only(events, DisclosureCorrected.class);
        refused(given(published(LocalDate.of(2026, 2, 12)), corrected)
                        .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "再次隐去", null, null, null, null, more), AS_BUREAU),
                "redaction-terms", "the record would hide 201 terms with the 151 hidden before; at most 200 in all");
        given(published(LocalDate.of(2026, 2, 12)), corrected)
                .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "再次隐去", null, null, null, null, more.subList(0, 49)), AS_BUREAU)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void redactions_accumulate_so_a_correction_never_un_hides_what_an_earlier_act_hid() {
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "更正：证人周示例已核实", null,
                        "当事人（住址北京市朝阳区示例路1号）经周示例介绍销售侵权商品。", null, null, List.of("周示例")), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureCorrected corrected = only(events, DisclosureCorrected.class);
        assertThat(corrected.record().facts()).isEqualTo("当事人（***）经***介绍销售侵权商品。");
        assertThat(corrected.reason()).as("a correction's public reason is redacted too").isEqualTo("更正：证人***已核实");
        assertThat(corrected.redactions()).containsExactlyInAnyOrder("住址北京市朝阳区示例路1号", "周示例");

        // a second correction that lists nothing still hides both earlier terms
        events.clear();
        given(published(LocalDate.of(2026, 2, 12)), corrected)
                .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "再次更正", null,
                        "周示例与当事人共同销售；当事人住址北京市朝阳区示例路1号。", null, null, null), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(only(events, DisclosureCorrected.class).record().facts()).doesNotContain("周示例").doesNotContain("示例路1号");
    }

    @Test
    void a_withdrawal_reason_is_public_and_redacted_with_every_term_hidden_before() {
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new ReviseDecision(CASE_ID, RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2026)京0105行初1号",
                        LocalDate.of(2026, 3, 2), "法院认定当事人住址北京市朝阳区示例路1号送达有误，联系电话(010) 6512-3456", null), AS_BUREAU)
                .expectEventsMatching(captured(events));
        String reason = only(events, DisclosureWithdrawn.class).reason();
        assertThat(reason).doesNotContain("示例路1号").doesNotContain("6512").startsWith("法院认定当事人***");
    }

    @Test
    void a_withdrawal_reason_never_names_the_applicants_agent() {
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new ReviseDecision(CASE_ID, RevisionKind.REVOKED, RevisionBy.RECONSIDERATION, "京朝复决〔2026〕1号",
                        LocalDate.of(2026, 3, 2), "申请人代理人刘德华（电话13912345678）", null), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(only(events, DisclosureWithdrawn.class).reason()).isEqualTo("申请人代理人***（电话***）");
    }

    /**
     * Privacy audit from outside: a correction of a natural person's record "corrected" her husband into the legal
     * representative's field, which published him and, taken for a public name, showed his name again in the facts. A natural
     * person's record names no legal representative: the correction is refused, naming the rule.
     */
    @Test
    void a_natural_person_s_record_is_given_no_legal_representative_by_a_correction() {
        PublicRecord record = RedactionPolicy.publicRecord(DECISION_ID, PERSON, "京朝市监罚〔2026〕100号", "销售侵犯注册商标专用权的商品",
                "当事人丈夫陈志文协助销售侵权商品。", "《商标法》第六十条第二款", FINE_50K, DECIDED, LocalDate.of(2029, 2, 12),
                "北京市朝阳区市场监督管理局", BUREAU, IpType.TRADEMARK, "110105", List.of());
        assertThat(record.facts()).isEqualTo("当事人丈夫***协助销售侵权商品。");
        DisclosureDecided published = new DisclosureDecided(CASE_ID, DECISION_ID, DECISION_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12),
                null, due("2026-03-16"), true, due("2026-02-26"), true, new Deadline(LocalDate.of(2029, 2, 12), true), record, VERSION, List.of(), null);
        refused(fixture.given(filed(Procedure.ORDINARY, PERSON), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY), published)
                        .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "更正", null, null, null, "陈志文", List.of()), AS_BUREAU),
                "correction-of-record", "names no legal representative");
        // and the policy itself never gives one, whatever it is handed
        PublicRecord corrected = RedactionPolicy.corrected(record, null, "陈志文", null, "当事人丈夫陈志文协助销售侵权商品。", null, List.of(), List.of());
        assertThat(corrected.legalRepresentative()).isNull();
        assertThat(corrected.facts()).isEqualTo("当事人丈夫***协助销售侵权商品。");
    }

    @Test
    void a_record_whose_personal_data_was_shredded_is_not_corrected() {
        DisclosureDecided shredded = published(LocalDate.of(2026, 2, 12));
        shredded = new DisclosureDecided(shredded.caseId(), shredded.decisionId(), shredded.recordId(), shredded.action(), shredded.decidedOn(),
                null, shredded.disclosureDeadline(), true, shredded.doublePublicityDeadline(), true, shredded.publicUntil(), shredded.record(),
                VERSION, List.of(org.gongshi.ledger.privacy.PersonalData.SHREDDED), null);
        refused(given(shredded).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "x", null, "y", null, null, List.of()), AS_BUREAU),
                "personal-data-shredded", "shredded");
    }

    /**
     * A re-test from outside, stop 76: once an organisation's case's hidden terms were shredded with its key, a changed
     * decision's new record, a withdrawal's reason and a credit listing's texts resting on the case published them in clear.
     * The new record is refused (withhold it instead); a withdrawal, which the law requires, is recorded with its reason
     * withheld; a listing's texts are withheld ({@code ListingRulesTest}).
     */
    @Test
    void terms_hidden_before_and_shredded_since_are_published_in_no_new_record_nor_reason() {
        DisclosureDecided first = published(LocalDate.of(2026, 2, 12));
        DisclosureDecided shredded = new DisclosureDecided(first.caseId(), first.decisionId(), first.recordId(), first.action(), first.decidedOn(),
                null, first.disclosureDeadline(), true, first.doublePublicityDeadline(), true, first.publicUntil(), first.record(),
                VERSION, List.of(org.gongshi.ledger.privacy.PersonalData.SHREDDED), null);
        var changed = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("30000.00"), "罚款"));
        List<Object> events = new ArrayList<>();
        given(shredded).when(new ReviseDecision(CASE_ID, RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕9号", LocalDate.of(2026, 4, 1),
                        "经查货源蓝鲸星河工作室系正品授权，变更罚款数额", changed), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureWithdrawn withdrawn = only(events, DisclosureWithdrawn.class);
        assertThat(withdrawn.reason()).isEqualTo(RedactionPolicy.WITHHELD_TEXT);
        refused(given(shredded, only(events, DecisionRevised.class), withdrawn)
                        .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 4, 2), null, null, List.of()), AS_BUREAU),
                "personal-data-shredded", "withhold the decision on the ground OTHER_LAW");
        given(shredded, only(events, DecisionRevised.class), withdrawn)
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.WITHHOLD, LocalDate.of(2026, 4, 2), WithholdingGround.OTHER_LAW,
                        "个人信息保护法第四十七条", List.of()), AS_BUREAU)
                .expectSuccessfulHandlerExecution();
        // a published record is taken back by a revision, not withheld (the same re-test: it was told "published twice")
        refused(given(first).when(new DecideDisclosure(CASE_ID, DisclosureAction.WITHHOLD, LocalDate.of(2026, 2, 13), WithholdingGround.OTHER_LAW,
                        "x", List.of()), AS_BUREAU),
                "disclosure-after-decision", "a published record is not withheld afterwards");
    }

    @Test
    void correction_keeps_the_record_id_and_its_history() {
        List<Object> events = new ArrayList<>();
        given(published(LocalDate.of(2026, 2, 12)))
                .when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "违法事实表述有误", null,
                        "当事人销售侵犯注册商标专用权的服装120件。", null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureCorrected corrected = only(events, DisclosureCorrected.class);
        assertThat(corrected.recordId()).isEqualTo(DECISION_ID);
        assertThat(corrected.record().recordId()).isEqualTo(DECISION_ID);
        assertThat(corrected.record().facts()).isEqualTo("当事人销售侵犯注册商标专用权的服装120件。");
        assertThat(corrected.record().decisionNumber()).isEqualTo("京朝市监罚〔2026〕100号");

        refused(given().when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "x", null, "y", null, null, List.of()), AS_BUREAU),
                "correction-of-record", "no public record");
    }

    /** A sweep from outside (stop 78): a repeated correction, and one with only another reason, were recorded and fed. */
    @Test
    void a_correction_that_changes_nothing_the_record_shows_is_refused() {
        List<Object> events = new ArrayList<>();
        CorrectDisclosure correction = new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), "违法事实表述有误", null,
                "当事人销售侵犯注册商标专用权的服装120件。", null, null, List.of());
        given(published(LocalDate.of(2026, 2, 12))).when(correction, AS_BUREAU).expectEventsMatching(captured(events));
        DisclosureCorrected corrected = only(events, DisclosureCorrected.class);
        List<Object> history = new ArrayList<>(List.of(published(LocalDate.of(2026, 2, 12))));
        history.add(corrected);

        refused(given(history.toArray()).when(correction, AS_BUREAU), "correction-of-record", "changes nothing the record shows");
        refused(given(history.toArray()).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "另一理由", null,
                "当事人销售侵犯注册商标专用权的服装120件。", null, null, List.of()), AS_BUREAU), "correction-of-record", "changes nothing");
        // a term hidden before, listed again, hides nothing new
        refused(given(history.toArray()).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "补充隐去", null, null, null, null,
                corrected.redactions()), AS_BUREAU), "correction-of-record", "hides no new term");
        // nor one written otherwise, as terms are found however spaced, in any case (the re-test of the mend)
        assertThat(corrected.redactions()).isNotEmpty();
        List<String> respaced = corrected.redactions().stream().map(t -> String.join(" ", t.split("")).toUpperCase()).toList();
        refused(given(history.toArray()).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "补充隐去", null, null, null, null,
                respaced), AS_BUREAU), "correction-of-record", "hides no new term");
        // a new term is kept for the texts that follow (a correction, a changed decision's next record), though these hold none
        given(history.toArray()).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "补充隐去", null, null, null, null,
                List.of("张三")), AS_BUREAU).expectSuccessfulHandlerExecution();
        // what does change the record is recorded
        given(history.toArray()).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 21), "件数有误", null,
                "当事人销售侵犯注册商标专用权的服装121件。", null, null, List.of()), AS_BUREAU).expectSuccessfulHandlerExecution();
    }

    /**
     * A re-test from outside, stop 79: the first correction hid a witness the decision's facts named after 证人 where its own
     * facts named him again without the role; the second published him in clear, the record's texts by then being the first
     * correction's redacted ones. The decision's texts as the bureau wrote them are kept for every correction.
     */
    @Test
    void a_correction_never_names_again_a_third_party_the_decision_named_however_many_corrections_came_before() {
        String facts = "当事人销售侵权商品，证人王大明证实。";
        PenaltyDecided decided = new PenaltyDecided(CASE_ID, DECISION_ID, "京朝市监罚〔2026〕100号", DECIDED, Procedure.ORDINARY, FINE_50K,
                "《商标法》第六十条第二款", facts, due("2026-04-07"), true, due("2026-02-26"), VERSION);
        PublicRecord record = RedactionPolicy.publicRecord(DECISION_ID, COMPANY, "京朝市监罚〔2026〕100号", "销售侵犯注册商标专用权的商品",
                facts, "《商标法》第六十条第二款", FINE_50K, DECIDED, LocalDate.of(2029, 2, 12), "北京市朝阳区市场监督管理局", BUREAU,
                IpType.TRADEMARK, "110105", List.of());
        assertThat(record.facts()).isEqualTo("当事人销售侵权商品，证人***证实。");
        List<Object> history = new ArrayList<>(List.of(filed(Procedure.ORDINARY, COMPANY), notice(FINE_50K), decided,
                new DisclosureDecided(CASE_ID, DECISION_ID, DECISION_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null,
                        due("2026-03-16"), true, due("2026-02-26"), true, new Deadline(LocalDate.of(2029, 2, 12), true), record, VERSION,
                        List.of(), null)));
        for (String[] correction : new String[][]{{"更正日期", "当事人销售侵权商品，王大明于2026年11月2日证实。"},
                {"更正金额", "当事人销售侵权商品，违法所得1.5万元，王大明于2026年11月2日证实。"}}) {
            List<Object> events = new ArrayList<>();
            fixture.given(history).when(new CorrectDisclosure(CASE_ID, LocalDate.of(2026, 2, 20), correction[0], null, correction[1], null, null,
                    List.of()), AS_BUREAU).expectEventsMatching(captured(events));
            DisclosureCorrected corrected = only(events, DisclosureCorrected.class);
            assertThat(corrected.record().facts()).as(correction[0]).doesNotContain("王大明").contains("***于2026年11月2日证实");
            history.add(corrected);
        }
    }

    @Test
    void publicity_period_is_3_months_for_circulated_criticism_or_a_lower_amount_fine() {
        var light = List.of(new Penalty(PenaltyType.CIRCULATED_CRITICISM, null, null),
                new Penalty(PenaltyType.FINE, new BigDecimal("10000.00"), null));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(light), decided(light, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(publish(events).publicUntil()).isEqualTo(due("2026-05-12"));
        assertThat(publish(events).record().publicUntil()).isEqualTo(LocalDate.of(2026, 5, 12));
    }

    @Test
    void lower_amount_fine_threshold_is_set_per_party_kind_and_exclusive() {
        // organisations: below ¥100,000 is a lower amount (3 months), ¥100,000 itself is not (不含本数: 3 years)
        assertThat(publicUntil(COMPANY, "99999.99")).isEqualTo(due("2026-05-12"));
        assertThat(publicUntil(COMPANY, "100000.00")).isEqualTo(new Deadline(LocalDate.of(2029, 2, 12), true));
        // natural persons: below ¥10,000 (3 months); ¥10,000 itself is not lower (3 years)
        assertThat(publicUntil(PERSON, "9999.99")).isEqualTo(due("2026-05-12"));
        assertThat(publicUntil(PERSON, "10000.00")).isEqualTo(new Deadline(LocalDate.of(2029, 2, 12), true));
        // an individual business (个体工商户) answers as a natural person (民法典 Art 54; a sweep from outside found ¥10,000
        // public for 3 months): ¥10,000 itself is not lower, ¥9,999.99 is
        Party shop = new Party(PartyKind.INDIVIDUAL_BUSINESS, "北京市朝阳区示例商行", "91110000600037341L", null, null);
        assertThat(publicUntil(shop, "10000.00")).isEqualTo(new Deadline(LocalDate.of(2029, 2, 12), true));
        assertThat(publicUntil(shop, "9999.99")).isEqualTo(due("2026-05-12"));
    }

    /**
     * The decision's fine is all its fine lines together, as the hearing right counts it (outside audit: two fines of ¥60,000 were
     * each lower-amount and the record public for 3 months, while its own fineAmountTenThousandYuan said 12.0).
     */
    @Test
    void publicity_period_judges_the_decisions_fine_as_all_its_fine_lines_together() {
        assertThat(publicUntil(COMPANY, "60000", "60000")).isEqualTo(new Deadline(LocalDate.of(2029, 2, 12), true));
        assertThat(publicUntil(COMPANY, "49999.99", "50000")).isEqualTo(due("2026-05-12"));
        assertThat(publicUntil(PERSON, "5000", "5000")).isEqualTo(new Deadline(LocalDate.of(2029, 2, 12), true));
    }

    /** The public-until date of the fines of {@code yuan} on {@code party}, published Thursday 2026-02-12. */
    private Deadline publicUntil(Party party, String... yuan) {
        var fine = java.util.Arrays.stream(yuan).map(y -> new Penalty(PenaltyType.FINE, new BigDecimal(y), null)).toList();
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, party), notice(fine), decided(fine, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        return publish(events).publicUntil();
    }

    @Test
    void a_restriction_longer_than_3_years_stays_public_for_its_term() {
        var restriction = List.of(new Penalty(PenaltyType.BUSINESS_RESTRICTION, null, "限制开展生产经营活动五年", LocalDate.of(2031, 2, 9)));
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(restriction), decided(restriction, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        assertThat(publish(events).publicUntil().dueOn()).isEqualTo(LocalDate.of(2031, 2, 9));
    }

    @Test
    void a_record_expires_as_an_event_after_its_publicity_period_and_only_once() {
        var deadlines = LedgerTime.asSystem(Recording.DEADLINES);
        time.on(LocalDate.of(2029, 2, 12));
        refused(given(published(LocalDate.of(2026, 2, 12))).when(new ExpireDisclosure(CASE_ID, LocalDate.of(2029, 2, 12)), deadlines),
                "publicity-period", "public until 2029-02-12");
        // expiry takes the day it is recorded, here a day late
        time.on(LocalDate.of(2029, 2, 14));
        given(published(LocalDate.of(2026, 2, 12))).when(new ExpireDisclosure(CASE_ID, LocalDate.of(2029, 2, 13)), deadlines)
                .expectEvents(new DisclosureExpired(CASE_ID, DECISION_ID, LocalDate.of(2029, 2, 12), LocalDate.of(2029, 2, 14)));
        given(published(LocalDate.of(2026, 2, 12)), new DisclosureExpired(CASE_ID, DECISION_ID, LocalDate.of(2029, 2, 12), LocalDate.of(2029, 2, 13)))
                .when(new ExpireDisclosure(CASE_ID, LocalDate.of(2029, 2, 14)), deadlines)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        // only the deadline mechanism expires a record: an officer of the bureau cannot, nor a command without identity
        refused(given(published(LocalDate.of(2026, 2, 12))).when(new ExpireDisclosure(CASE_ID, LocalDate.of(2029, 2, 13)),
                LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH)), "identity-required", "has no rule that lets it act here");
        refused(given(published(LocalDate.of(2026, 2, 12))).when(new ExpireDisclosure(CASE_ID, LocalDate.of(2029, 2, 13))),
                "identity-required", "names no actor");
    }

    @Test
    void publication_repair_starts_the_day_after_the_6_month_anniversary() {
        // published Thursday 2026-02-12: the 6 months end on Wednesday 08-12 (「公示期满六个月」); repair from Thursday 08-13
        refused(given(published(LocalDate.of(2026, 2, 12)), paid())
                        .when(new RepairCredit(CASE_ID, LocalDate.of(2026, 8, 12), true), AS_BUREAU),
                "credit-repair", "publication can end early from 2026-08-13");
        given(published(LocalDate.of(2026, 2, 12)), paid())
                .when(new RepairCredit(CASE_ID, LocalDate.of(2026, 8, 13), true), AS_BUREAU)
                .expectEvents(new PublicationTerminated(CASE_ID, DECISION_ID, LocalDate.of(2026, 8, 13), "CREDIT_REPAIR", VERSION));
        refused(given(published(LocalDate.of(2026, 2, 12)), paid())
                        .when(new RepairCredit(CASE_ID, LocalDate.of(2026, 8, 13), false), AS_BUREAU),
                "credit-repair", "harm has not been removed");
    }

    @Test
    void credit_repair_checks_payment_repeat_and_listing_in_the_ledger_never_in_the_request() {
        // no payment recorded for the fine: refused, whatever the bureau says
        refused(given(published(LocalDate.of(2026, 2, 12)))
                        .when(new RepairCredit(CASE_ID, LocalDate.of(2026, 9, 1), true), AS_BUREAU),
                "credit-repair", "no execution of the penalty");

        // actively listed as severely dishonest: refused
        standing.listed.add("SEVERE_DISHONESTY");
        refused(given(published(LocalDate.of(2026, 2, 12)), paid())
                        .when(new RepairCredit(CASE_ID, LocalDate.of(2026, 9, 1), true), AS_BUREAU),
                "credit-repair", "on the credit list [SEVERE_DISHONESTY] now");
        standing.listed.clear();

        // penalised again after this decision: refused, naming the case
        standing.later.add("case-2026-0188");
        refused(given(published(LocalDate.of(2026, 2, 12)), paid())
                        .when(new RepairCredit(CASE_ID, LocalDate.of(2026, 9, 1), true), AS_BUREAU),
                "credit-repair", "penalised again after this decision (1 later penalty decision in the ledger)");
        assertThat(standing.asked).contains("penalisedAfter 91110000600037341L 2026-02-10 except " + CASE_ID);
    }

    /** Outside audit: a natural person penalised again had the first record ended early; the repeat was looked up by USCC alone. */
    @Test
    void credit_repair_finds_a_natural_persons_later_penalty_by_the_id_number() {
        List<Object> events = new ArrayList<>();
        Object[] person = {filed(Procedure.ORDINARY, PERSON), notice(FINE_50K), decided(FINE_50K, Procedure.ORDINARY)};
        fixture.given(person).when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        standing.later.add("case-2026-0201");
        refused(fixture.given(person).andGiven(publish(events), paid()).when(new RepairCredit(CASE_ID, LocalDate.of(2026, 9, 1), true), AS_BUREAU),
                "credit-repair", "penalised again after this decision (1 later penalty decision in the ledger)");
        assertThat(standing.asked).contains("penalisedAfter 110101199003071233 2026-02-10 except " + CASE_ID);
        standing.later.clear();
        fixture.given(person).andGiven(publish(events), paid()).when(new RepairCredit(CASE_ID, LocalDate.of(2026, 9, 1), true), AS_BUREAU)
                .expectSuccessfulHandlerExecution();
    }

    private static PenaltyExecuted paid() {
        return new PenaltyExecuted(CASE_ID, LocalDate.of(2026, 2, 20), new BigDecimal("50000.00"), "银行缴款",
                due("2026-02-26"), true, BigDecimal.ZERO, VERSION);
    }

    /** The ledger's answers on the subject's lists and later penalties, as the test sets them. */
    static final class LedgerStanding implements CreditStanding {
        final List<String> listed = new ArrayList<>();
        final List<String> later = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public List<String> listsHolding(String uscc) {
            asked.add("listsHolding " + uscc);
            return List.copyOf(listed);
        }

        @Override
        public List<String> penalisedAfter(Party subject, LocalDate after, String exceptCaseId) {
            asked.add("penalisedAfter " + (subject.uscc() != null ? subject.uscc() : subject.idNumber()) + " " + after + " except " + exceptCaseId);
            return List.copyOf(later);
        }
    }

    @Test
    void credit_repair_never_ends_a_suspension_or_restriction_early() {
        var suspension = List.of(new Penalty(PenaltyType.ORDER_TO_SUSPEND, null, "责令停业整顿"));
        refused(repairOfACompanysRecord(suspension, LocalDate.of(2027, 2, 12)), "credit-repair", "never ended early");
        // asked before the 6-month day too, never told a day from which it would be (a legal officer's sweep, stop 75)
        refused(repairOfACompanysRecord(suspension, LocalDate.of(2026, 4, 1)), "credit-repair", "never ended early");
    }

    /** A lower-amount fine is public for 3 months: never ended early, and never told a day after its end from which it would be. */
    @Test
    void credit_repair_never_ends_a_three_month_record_early() {
        refused(repairOfACompanysRecord(FINE_50K, LocalDate.of(2026, 3, 12)), "credit-repair",
                "a record public for 3 months (a warning, circulated criticism or a lower-amount fine) is never ended early; it is public until 2026-05-12");
    }

    /** A company's decision with {@code penalties}, published on 2026-02-12, and a repair of its record decided on {@code on}. */
    private org.axonframework.test.aggregate.ResultValidator<Case> repairOfACompanysRecord(List<Penalty> penalties, LocalDate on) {
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(penalties), decided(penalties, Procedure.ORDINARY))
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        return fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(penalties), decided(penalties, Procedure.ORDINARY), publish(events))
                .when(new RepairCredit(CASE_ID, on, true), AS_BUREAU);
    }

    @Test
    void deadlines_in_a_year_without_a_published_calendar_are_provisional() {
        var fine = FINE_50K;
        PenaltyDecided in2027 = new PenaltyDecided(CASE_ID, DECISION_ID, "京朝市监罚〔2027〕1号", LocalDate.of(2027, 3, 1), Procedure.ORDINARY,
                fine, "《商标法》第六十条", "事实", due("2027-04-07"), true, due("2027-03-16"), VERSION);
        List<Object> events = new ArrayList<>();
        fixture.given(filed(Procedure.ORDINARY, COMPANY), notice(fine), in2027)
                .when(new DecideDisclosure(CASE_ID, DisclosureAction.PUBLISH, LocalDate.of(2027, 3, 2), null, null, List.of()), AS_BUREAU)
                .expectEventsMatching(captured(events));
        DisclosureDecided decided = publish(events);
        // 2027-03-01 is a Monday: 20 weekdays later is Monday 03-29, weekends only, marked provisional
        assertThat(decided.disclosureDeadline()).isEqualTo(new Deadline(LocalDate.of(2027, 3, 29), true));
        assertThat(decided.doublePublicityDeadline()).isEqualTo(new Deadline(LocalDate.of(2027, 3, 10), true));
    }

    static Deadline due(String date) {
        return new Deadline(LocalDate.parse(date), false);
    }
}
