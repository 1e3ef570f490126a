package org.gongshi.projections.stats;

import org.gongshi.projections.InMemoryMongo;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.CaseClockPaused;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.PauseReason;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.DecisionDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.projections.cases.CaseView;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The disclosure rate and the work list as DOMAIN.md ("The target figures", "long-pending") defines them, from the case views. */
class TargetFiguresTest {

    private static final String BUREAU = "91110000600037341L";
    private static final Party COMPANY = new Party(PartyKind.LEGAL_PERSON, "某某贸易有限公司", BUREAU, null, "张三");
    /** Born 2010-03-07: a minor in 2026. */
    private static final Party MINOR = new Party(PartyKind.NATURAL_PERSON, "未成年示例", null, "110101201003075218", null);
    private static final List<Penalty> FINE = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("50000.00"), "罚款"));
    private static final Deadline DUE = new Deadline(LocalDate.of(2026, 5, 11), false);

    private InMemoryMongo mongo;
    private CaseViews views;
    private AnnotationEventHandlerAdapter projection;
    private FigureCounters counters;
    private long index;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        views = new CaseViews(mongo.database("figures-test"));
        counters = new FigureCounters(mongo.database("figures-test"));
        projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views, counters));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void withholding_leaves_the_disclosure_rate_only_on_an_enumerated_ground_and_minors_never_count() throws Exception {
        decided("published", COMPANY);
        deliver(disclosure("published", DisclosureAction.PUBLISH, null));
        decided("withheld-free-text", COMPANY);
        deliver(disclosure("withheld-free-text", DisclosureAction.WITHHOLD, "局务会决定暂不公示"));
        decided("withheld-state-secret", COMPANY);
        deliver(disclosure("withheld-state-secret", DisclosureAction.WITHHOLD, "STATE_SECRET"));
        decided("minor", MINOR);

        var figures = new TargetFigures(views, counters);
        var scope = new CaseViews.Scope(BUREAU, null);
        var rate = figures.of(scope, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).disclosureRate();
        assertThat(figures.scanned(scope, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).disclosureRate()).isEqualTo(rate);
        // published ÷ (published + withheld without an enumerated ground); the state secret and the minor are outside
        assertThat(rate.numerator()).isEqualTo(1);
        assertThat(rate.denominator()).isEqualTo(2);
    }

    /**
     * DOMAIN.md: handling rate over "cases whose decision deadline fell in the period", disclosure rate over disclosable
     * decisions: a case still open before its deadline, and a decision not yet published within its 20 WD, are pending,
     * in neither figure, until decided or published, or until the ledger records the deadline missed.
     */
    @Test
    void a_case_or_a_decision_whose_deadline_is_still_to_come_is_pending_in_no_figure_until_the_ledger_records_it_missed() throws Exception {
        decided("published", COMPANY);
        deliver(disclosure("published", DisclosureAction.PUBLISH, null));
        decided("unpublished", COMPANY);
        deliver(filed("open", COMPANY));

        var figures = new TargetFigures(views, counters);
        var scope = new CaseViews.Scope(BUREAU, null);
        LocalDate from = LocalDate.of(2026, 1, 1), to = LocalDate.of(2026, 12, 31);
        var before = figures.of(scope, from, to);
        assertThat(figures.scanned(scope, from, to)).isEqualTo(before);
        assertThat(before.handlingRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(2L, 2L);
        assertThat(before.disclosureRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);
        assertThat(before.doublePublicityOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);

        // the 7 WD variant fails on its own day: the decision unpublished past it counts there, not yet in the 20 WD figures
        deliver(new DoublePublicityDeadlineMissed("unpublished", "d-unpublished", new Deadline(LocalDate.of(2026, 3, 19), false),
                LocalDate.of(2026, 3, 20), "CN-2026.1"));
        var sevenDays = figures.of(scope, from, to);
        assertThat(figures.scanned(scope, from, to)).isEqualTo(sevenDays);
        assertThat(sevenDays.doublePublicityOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 2L);
        assertThat(sevenDays.disclosureRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);

        deliver(new DecisionDeadlineMissed("open", DUE, LocalDate.of(2026, 5, 12), "CN-2026.1"),
                new DisclosureDeadlineMissed("unpublished", "d-unpublished", new Deadline(LocalDate.of(2026, 4, 8), false),
                        LocalDate.of(2026, 4, 9), "CN-2026.1"));
        var after = figures.of(scope, from, to);
        assertThat(figures.scanned(scope, from, to)).isEqualTo(after);
        assertThat(after.handlingRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(2L, 3L);
        assertThat(after.disclosureRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 2L);
        assertThat(after.disclosureOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 2L);
    }

    /**
     * DOMAIN.md: withdrawal on time = withdrawals within 3 WD of the revision ÷ revisions of published decisions. A changed
     * decision published again still counts the withdrawal of its first record; a late withdrawal counts as late.
     */
    @Test
    void withdrawal_on_time_counts_every_withdrawal_also_of_a_changed_decision_published_again() throws Exception {
        LocalDate effective = LocalDate.of(2026, 4, 30);
        Deadline due = new Deadline(LocalDate.of(2026, 5, 8), false);
        decided("changed", COMPANY);
        deliver(disclosure("changed", DisclosureAction.PUBLISH, null),
                new DecisionRevised("changed", "d-changed", RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕1号", effective,
                        "变更罚款数额", FINE, "CN-2026.1"),
                new DisclosureWithdrawn("changed", "d-changed", effective, "变更罚款数额", RevisionKind.CHANGED, due, true, "CN-2026.1"),
                new DisclosureDecided("changed", "d-changed", "d-changed/2", DisclosureAction.PUBLISH, LocalDate.of(2026, 5, 6), null,
                        new Deadline(LocalDate.of(2026, 5, 29), false), true, new Deadline(LocalDate.of(2026, 5, 13), false), true,
                        new Deadline(LocalDate.of(2026, 8, 6), false), null, "CN-2026.1", List.of(), null));
        decided("revoked-late", COMPANY);
        deliver(disclosure("revoked-late", DisclosureAction.PUBLISH, null),
                new DecisionRevised("revoked-late", "d-revoked-late", RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2026)京0105行初2号",
                        effective, "撤销", List.of(), "CN-2026.1"),
                new DisclosureWithdrawn("revoked-late", "d-revoked-late", LocalDate.of(2026, 5, 9), "撤销", RevisionKind.REVOKED, due, false,
                        "CN-2026.1"));

        var figures = new TargetFigures(views, counters);
        var scope = new CaseViews.Scope(BUREAU, null);
        var rate = figures.of(scope, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).withdrawalOnTime();
        assertThat(figures.scanned(scope, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).withdrawalOnTime()).isEqualTo(rate);
        assertThat(rate.numerator()).isEqualTo(1);
        assertThat(rate.denominator()).isEqualTo(2);
    }

    /**
     * DOMAIN.md: an event records the deadlines that applied when it was decided, so replays never change history. A
     * decision published late against its 7 WD and then changed and published again on time keeps its late 7 WD: the
     * republication is due from the change (audit: the figure went from 0/1 to 1/1 while the miss stayed recorded).
     */
    @Test
    void a_changed_decision_published_again_on_time_leaves_its_first_publication_late() throws Exception {
        decided("late", COMPANY);
        deliver(new DisclosureDecided("late", "d-late", "d-late", DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 27), null,
                        new Deadline(LocalDate.of(2026, 4, 8), false), true, new Deadline(LocalDate.of(2026, 3, 19), false), false,
                        new Deadline(LocalDate.of(2026, 6, 27), false), null, "CN-2026.1", List.of(), null),
                new DecisionRevised("late", "d-late", RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕3号", LocalDate.of(2026, 4, 3),
                        "复议变更", FINE, "CN-2026.1"),
                new DisclosureWithdrawn("late", "d-late", LocalDate.of(2026, 4, 3), "复议变更", RevisionKind.CHANGED,
                        new Deadline(LocalDate.of(2026, 4, 8), false), true, "CN-2026.1"),
                new DisclosureDecided("late", "d-late", "d-late/2", DisclosureAction.PUBLISH, LocalDate.of(2026, 4, 7), null,
                        new Deadline(LocalDate.of(2026, 5, 6), false), true, new Deadline(LocalDate.of(2026, 4, 14), false), true,
                        new Deadline(LocalDate.of(2026, 7, 7), false), null, "CN-2026.1", List.of(), null));

        var figures = new TargetFigures(views, counters);
        var scope = new CaseViews.Scope(BUREAU, null);
        var march = figures.of(scope, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(figures.scanned(scope, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).isEqualTo(march);
        assertThat(march.doublePublicityOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(0L, 1L);
        assertThat(march.disclosureOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);
        assertThat(views.find("late").orElseThrow().disclosure().recordId()).as("the view shows the record now public").isEqualTo("d-late/2");
        // the republication is a disclosable decision of its own, on the day of the change, against its deadlines from it
        var april = figures.of(scope, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        assertThat(figures.scanned(scope, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30))).isEqualTo(april);
        assertThat(april.disclosureRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);
        assertThat(april.disclosureOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);
        assertThat(april.doublePublicityOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);
    }

    /**
     * DOMAIN.md, withdrawal: a CHANGED decision that is still disclosable is published again, due 20 WD from the revision.
     * Left unpublished past that, it lowers the disclosure rate of the change's period (audit: it was left out of the rate
     * and its on-time variants, while its missed deadline was counted).
     */
    @Test
    void a_changed_decision_not_published_again_by_its_deadline_counts_as_undisclosed_from_the_change() throws Exception {
        decided("changed", COMPANY);
        deliver(new DisclosureDecided("changed", "d-changed", "d-changed", DisclosureAction.PUBLISH, LocalDate.of(2026, 3, 5), null,
                        new Deadline(LocalDate.of(2026, 4, 8), false), true, new Deadline(LocalDate.of(2026, 3, 19), false), true,
                        new Deadline(LocalDate.of(2026, 6, 5), false), null, "CN-2026.1", List.of(), null),
                new DecisionRevised("changed", "d-changed", RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕5号", LocalDate.of(2026, 4, 3),
                        "复议变更", FINE, "CN-2026.1"),
                new DisclosureWithdrawn("changed", "d-changed", LocalDate.of(2026, 4, 3), "复议变更", RevisionKind.CHANGED,
                        new Deadline(LocalDate.of(2026, 4, 8), false), true, "CN-2026.1"));
        var figures = new TargetFigures(views, counters);
        var scope = new CaseViews.Scope(BUREAU, null);
        var april = figures.of(scope, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        assertThat(april.disclosureRate()).as("pending: its 20 WD from the change still run").extracting(r -> r.denominator()).isEqualTo(0L);

        deliver(new DoublePublicityDeadlineMissed("changed", "d-changed", new Deadline(LocalDate.of(2026, 4, 14), false),
                        LocalDate.of(2026, 4, 15), "CN-2026.1"),
                new DisclosureDeadlineMissed("changed", "d-changed", new Deadline(LocalDate.of(2026, 5, 6), false),
                        LocalDate.of(2026, 5, 7), "CN-2026.1"));

        april = figures.of(scope, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        assertThat(figures.scanned(scope, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30))).isEqualTo(april);
        assertThat(april.disclosureRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(0L, 1L);
        assertThat(april.disclosureOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(0L, 1L);
        assertThat(april.doublePublicityOnTime()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(0L, 1L);
        var march = figures.of(scope, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(march.disclosureRate()).as("the decision itself, published").extracting(r -> r.numerator(), r -> r.denominator())
                .containsExactly(1L, 1L);
    }

    /**
     * DOMAIN.md: the disclosure rate counts disclosable decisions in the period; a decision is judged as it was made (outside
     * audit: a published fine changed to a warning left its period's figures, 1/1 became 0/0, the past rewritten by a review).
     */
    @Test
    void a_published_fine_changed_to_a_warning_keeps_its_period_s_disclosure_figures() throws Exception {
        decided("warned", COMPANY);
        deliver(disclosure("warned", DisclosureAction.PUBLISH, null),
                new DecisionRevised("warned", "d-warned", RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕4号", LocalDate.of(2026, 4, 3),
                        "复议变更为警告", List.of(new Penalty(PenaltyType.WARNING, null, "警告")), "CN-2026.1"));

        var figures = new TargetFigures(views, counters);
        var scope = new CaseViews.Scope(BUREAU, null);
        var march = figures.of(scope, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(figures.scanned(scope, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).isEqualTo(march);
        assertThat(march.disclosureRate()).extracting(r -> r.numerator(), r -> r.denominator()).containsExactly(1L, 1L);
        CaseView view = views.find("warned").orElseThrow();
        assertThat(view.decision().penalties()).extracting(Penalty::type).as("in force").containsExactly(PenaltyType.WARNING);
        assertThat(view.decision().asDecided()).extracting(Penalty::type).as("as decided").containsExactly(PenaltyType.FINE);
    }

    @Test
    void a_paused_case_is_not_overdue_in_the_work_list() throws Exception {
        deliver(filed("running", COMPANY));
        deliver(filed("paused", COMPANY), new CaseClockPaused("paused", LocalDate.of(2026, 3, 1), PauseReason.TESTING_OR_APPRAISAL, "鉴定"));

        var overdue = views.list(new CaseViews.Scope(BUREAU, null), null, true, LocalDate.of(2026, 6, 1), 0, 10);
        assertThat(overdue.items()).extracting(CaseView::caseId).containsExactly("running");
    }

    private static CaseFiled filed(String caseId, Party party) {
        return new CaseFiled(caseId, BUREAU, "北京市朝阳区市场监督管理局", "110105", LocalDate.of(2026, 2, 10), IpType.TRADEMARK, "商标侵权",
                Procedure.ORDINARY, "举报", party, DUE, LocalDate.of(2026, 8, 9), "CN-2026.1");
    }

    private void decided(String caseId, Party party) throws Exception {
        deliver(filed(caseId, party), new PenaltyDecided(caseId, "d-" + caseId, "京朝市监罚〔2026〕" + caseId, LocalDate.of(2026, 3, 10),
                Procedure.ORDINARY, FINE, "商标法第六十条", "销售侵权商品", DUE, true, null, "CN-2026.1"));
    }

    private static DisclosureDecided disclosure(String caseId, DisclosureAction action, String ground) {
        return new DisclosureDecided(caseId, "d-" + caseId, "d-" + caseId, action, LocalDate.of(2026, 3, 12), ground,
                new Deadline(LocalDate.of(2026, 4, 8), false), true, new Deadline(LocalDate.of(2026, 3, 19), false), true,
                action == DisclosureAction.PUBLISH ? new Deadline(LocalDate.of(2026, 6, 12), false) : null, null, "CN-2026.1", List.of(), null);
    }

    private void deliver(Object... events) throws Exception {
        for (Object event : events) {
            projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++index),
                    GenericEventMessage.asEventMessage(event)));
        }
    }
}
