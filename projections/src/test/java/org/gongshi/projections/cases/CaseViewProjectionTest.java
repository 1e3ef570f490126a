package org.gongshi.projections.cases;

import com.mongodb.client.MongoDatabase;
import org.gongshi.projections.InMemoryMongo;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.CaseClockPaused;
import org.gongshi.ledger.cases.event.CaseClockResumed;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.cases.event.PauseReason;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyExecuted;
import org.gongshi.ledger.cases.event.PenaltyNoticeServed;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.identity.Division;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The case read model is idempotent under redelivery and rebuilds to the same documents. */
class CaseViewProjectionTest {

    private static final String BUREAU = "91110000600037341L";

    private InMemoryMongo mongo;
    private MongoDatabase database;
    private CaseViews views;
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        database = mongo.database("projection-test");
        views = new CaseViews(database);
        projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views, null));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private List<Object> lifecycle(String caseId) {
        LocalDate filed = LocalDate.of(2026, 2, 10);
        var fine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("5000.00"), "罚款"));
        return List.of(
                new CaseFiled(caseId, BUREAU, "北京市朝阳区市场监督管理局", "110105", filed, IpType.TRADEMARK, "商标侵权",
                        Procedure.ORDINARY, "举报", new Party(PartyKind.LEGAL_PERSON, "某某贸易有限公司", BUREAU, null, "张三"),
                        new Deadline(LocalDate.of(2026, 5, 11), false), filed.plusDays(180), "CN-2026.1"),
                new CaseClockPaused(caseId, LocalDate.of(2026, 2, 11), PauseReason.TESTING_OR_APPRAISAL, "鉴定"),
                new CaseClockResumed(caseId, LocalDate.of(2026, 2, 21), 10, new Deadline(LocalDate.of(2026, 5, 21), false), "CN-2026.1"),
                new PenaltyNoticeServed(caseId, LocalDate.of(2026, 2, 24), fine, true, false, new Deadline(LocalDate.of(2026, 3, 3), false), "CN-2026.1"),
                new PenaltyDecided(caseId, "d-1", "京朝市监罚〔2026〕1号", LocalDate.of(2026, 3, 10), Procedure.ORDINARY, fine,
                        "商标法第六十条", "销售侵权商品", new Deadline(LocalDate.of(2026, 5, 21), false), true,
                        new Deadline(LocalDate.of(2026, 3, 25), false), "CN-2026.1"),
                new PenaltyExecuted(caseId, LocalDate.of(2026, 3, 27), new BigDecimal("5000.00"), "银行缴款",
                        new Deadline(LocalDate.of(2026, 3, 25), false), false, new BigDecimal("300.00"), "CN-2026.1"),
                new DecisionRevised(caseId, "d-1", RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕9号",
                        LocalDate.of(2026, 4, 20), "罚款数额变更", List.of(new Penalty(PenaltyType.FINE, new BigDecimal("3000.00"), null)), "CN-2026.1"));
    }

    private void deliver(List<Object> events, long firstIndex) throws Exception {
        long index = firstIndex;
        for (Object event : events) {
            projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index++),
                    GenericEventMessage.asEventMessage(event)));
        }
    }

    private List<Document> documents() {
        return database.getCollection(CaseViews.COLLECTION).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void projects_the_case_as_it_stands_with_deadlines_met_or_missed() throws Exception {
        deliver(lifecycle("case-1"), 1);

        CaseView view = views.find("case-1").orElseThrow();
        assertThat(view.status()).isEqualTo(CaseStatus.EXECUTED);
        assertThat(view.disposed()).isTrue();
        assertThat(view.clock().pausedDays()).isEqualTo(10L);
        assertThat(view.clock().paused()).isFalse();
        assertThat(view.decisionDeadline().dueOn()).isEqualTo(LocalDate.of(2026, 5, 21));
        assertThat(view.decisionDeadline().met()).isTrue();
        assertThat(view.decision().paymentDeadline().met()).isFalse();
        assertThat(view.execution().latePaymentPenalty()).isEqualByComparingTo("300.00");
        assertThat(view.decision().penalties()).extracting(Penalty::amount).containsExactly(new BigDecimal("3000.00"));
        assertThat(view.revisions()).hasSize(1);
        assertThat(view.lastGlobalIndex()).isEqualTo(7L);
    }

    @Test
    void redelivered_events_change_nothing() throws Exception {
        deliver(lifecycle("case-1"), 1);
        List<Document> once = documents();

        deliver(lifecycle("case-1"), 1); // at-least-once: the whole stream again
        deliver(lifecycle("case-1").subList(3, 5), 4); // and a batch restarted midway

        assertThat(documents()).isEqualTo(once);
    }

    @Test
    void rebuilding_from_the_events_gives_the_same_documents() throws Exception {
        List<Object> events = new ArrayList<>(lifecycle("case-1"));
        events.addAll(lifecycle("case-2"));
        deliver(events, 1);
        List<Document> built = documents();

        projection.prepareReset(null);
        assertThat(documents()).isEmpty();
        deliver(events, 1);

        assertThat(documents()).isEqualTo(built);
    }

    @Test
    void work_list_puts_open_cases_with_the_earliest_deadline_first_and_finds_overdue() throws Exception {
        deliver(lifecycle("case-done"), 1);
        deliver(List.of(
                filed("case-late", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 7)),
                filed("case-soon", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31))), 100);

        var all = views.list(new CaseViews.Scope(BUREAU, null), null, null, 0, 10);
        assertThat(all.items()).extracting(CaseView::caseId).containsExactly("case-late", "case-soon", "case-done");
        assertThat(all.total()).isEqualTo(3);

        var overdue = views.list(new CaseViews.Scope(BUREAU, null), null, LocalDate.of(2026, 6, 2), 0, 10);
        assertThat(overdue.items()).extracting(CaseView::caseId).containsExactly("case-late");

        var otherDivision = views.list(new CaseViews.Scope(null, new Division("3101")), null, null, 0, 10);
        assertThat(otherDivision.total()).isZero();
        var ownDivision = views.list(new CaseViews.Scope(null, new Division("1101")), CaseStatus.FILED, null, 0, 10);
        assertThat(ownDivision.items()).extracting(CaseView::caseId).containsExactly("case-late", "case-soon");
    }

    /** DOMAIN.md, long-pending: open past its deadline, "not overdue while its clock is paused"; the case read and the work list agree. */
    @Test
    void a_case_is_not_overdue_while_its_clock_is_paused() throws Exception {
        deliver(List.of(filed("case-paused", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 7)),
                new CaseClockPaused("case-paused", LocalDate.of(2026, 3, 30), PauseReason.TESTING_OR_APPRAISAL, "鉴定")), 1);
        LocalDate after = LocalDate.of(2026, 4, 10);

        assertThat(views.find("case-paused").orElseThrow().overdueOn(after)).isFalse();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, after, 0, 10).items()).isEmpty();

        deliver(List.of(new CaseClockResumed("case-paused", LocalDate.of(2026, 4, 20), 21,
                new Deadline(LocalDate.of(2026, 4, 28), false), "CN-2026.1")), 3);
        CaseView resumed = views.find("case-paused").orElseThrow();
        assertThat(resumed.overdueOn(LocalDate.of(2026, 4, 28))).as("its last day").isFalse();
        assertThat(resumed.overdueOn(LocalDate.of(2026, 4, 29))).isTrue();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, LocalDate.of(2026, 4, 29), 0, 10).items())
                .extracting(CaseView::caseId).containsExactly("case-paused");
    }

    private static CaseFiled filed(String caseId, LocalDate filedOn, LocalDate due) {
        return new CaseFiled(caseId, BUREAU, null, "110105", filedOn, IpType.PATENT, "假冒专利", Procedure.ORDINARY, "巡查",
                new Party(PartyKind.LEGAL_PERSON, "某某科技有限公司", BUREAU, null, null), new Deadline(due, false),
                filedOn.plusDays(180), "CN-2026.1");
    }
}
