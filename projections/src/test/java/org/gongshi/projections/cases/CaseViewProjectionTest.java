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
import org.gongshi.ledger.cases.event.CaseDismissed;
import org.gongshi.ledger.cases.event.ChallengeEnded;
import org.gongshi.ledger.cases.event.CaseTransferredToJudiciary;
import org.gongshi.ledger.cases.event.DecisionDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed;
import org.gongshi.ledger.cases.event.DecisionServed;
import org.gongshi.ledger.cases.event.DismissalReason;
import org.gongshi.ledger.cases.event.HearingConcluded;
import org.gongshi.ledger.cases.event.HearingRequested;
import org.gongshi.ledger.cases.event.HearingScheduled;
import org.gongshi.ledger.cases.event.NoPenaltyDecided;
import org.gongshi.ledger.cases.event.TransferDeadlines;
import org.gongshi.ledger.cases.event.TransferReturned;
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
import org.gongshi.ledger.cases.event.StatementRecorded;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.gongshi.ledger.privacy.PersonalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

    /** {@link #lifecycle} of a natural person's case, with a statement. */
    private List<Object> naturalPersons(String caseId) {
        List<Object> person = new ArrayList<>(lifecycle(caseId));
        CaseFiled filed = (CaseFiled) person.get(0);
        person.set(0, new CaseFiled(caseId, filed.bureau(), filed.authorityName(), filed.division(), filed.filedOn(), filed.ipType(),
                filed.violationType(), filed.procedure(), filed.source(), new Party(PartyKind.NATURAL_PERSON, "刘示例", null, "440305198506123021", null),
                filed.decisionDeadline(), filed.escalationDueOn(), filed.policyVersion()));
        person.add(4, new StatementRecorded(caseId, LocalDate.of(2026, 2, 28), "刘示例称不知情"));
        return person;
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

    /**
     * Shredding a natural person's case reads its free texts as shredded in the view as well as its name and ID number,
     * as a rebuild from the sealed events reads them; an organisation's case is untouched.
     */
    @Test
    void a_shredded_natural_persons_case_reads_its_free_texts_as_shredded() throws Exception {
        deliver(naturalPersons("case-p"), 1);
        deliver(lifecycle("case-o"), 100);

        projection.handle(GenericEventMessage.asEventMessage(new SubjectShredded("case-p", java.time.Instant.parse("2026-05-01T00:00:00Z"))));
        projection.handle(GenericEventMessage.asEventMessage(new SubjectShredded("case-o", java.time.Instant.parse("2026-05-01T00:00:00Z"))));

        CaseView shredded = views.find("case-p").orElseThrow();
        assertThat(shredded.party().name()).isEqualTo(PersonalData.SHREDDED);
        // its ID number can no longer be read: its figures and its pending disclosure deadlines are judged without it
        assertThat(shredded.party().idNumber()).isEqualTo(PersonalData.SHREDDED);
        assertThat(org.gongshi.projections.stats.CaseFigures.of(shredded)).isNotEmpty();
        assertThat(shredded.disclosureDue(org.gongshi.ledger.policy.Rulebook.defaults())).isNotNull();
        assertThat(shredded.decision().facts()).isEqualTo(PersonalData.SHREDDED);
        assertThat(shredded.statements()).extracting(CaseView.Statement::summary).containsExactly(PersonalData.SHREDDED);
        assertThat(shredded.revisions()).extracting(CaseView.Revision::reason).containsExactly(PersonalData.SHREDDED);
        assertThat(shredded.source()).isEqualTo(PersonalData.SHREDDED);
        assertThat(shredded.decision().penalties()).as("changed by the revision to a penalty without a description").extracting(Penalty::description)
                .containsOnlyNulls();
        assertThat(shredded.notice().proposedPenalties()).extracting(Penalty::description).containsExactly(PersonalData.SHREDDED);
        assertThat(shredded.execution().method()).isEqualTo(PersonalData.SHREDDED);
        // sealed with the subject's key since stop 71 (it may name the person); the view kept it in clear (a sweep from outside)
        assertThat(shredded.decision().legalBasis()).isEqualTo(PersonalData.SHREDDED);
        assertThat(shredded.closure()).as("a text the case does not have stays absent").isNull();
        CaseView organisation = views.find("case-o").orElseThrow();
        assertThat(organisation.decision().facts()).isEqualTo("销售侵权商品");
        assertThat(organisation.revisions()).extracting(CaseView.Revision::reason).containsExactly("罚款数额变更");
    }

    /**
     * A sweep from outside, stop 76: an act recorded after the party's shredding, sealed with the key before it was deleted,
     * was opened in clear and kept so in the view until a rebuild (which reads it shredded). The view now shreds the texts of
     * every act after the shredding, as a rebuild reads them.
     */
    @Test
    void acts_recorded_after_a_natural_persons_shredding_read_their_free_texts_as_shredded() throws Exception {
        List<Object> events = naturalPersons("case-q");
        events.add(1, new SubjectShredded("case-q", java.time.Instant.parse("2026-03-01T00:00:00Z")));
        deliver(events, 1);
        CaseView view = views.find("case-q").orElseThrow();
        assertThat(view.party().name()).isEqualTo(PersonalData.SHREDDED);
        assertThat(view.decision().facts()).isEqualTo(PersonalData.SHREDDED);
        assertThat(view.decision().legalBasis()).isEqualTo(PersonalData.SHREDDED);
        assertThat(view.statements()).extracting(CaseView.Statement::summary).containsExactly(PersonalData.SHREDDED);
        assertThat(view.revisions()).extracting(CaseView.Revision::reason).containsExactly(PersonalData.SHREDDED);
        assertThat(view.execution().method()).isEqualTo(PersonalData.SHREDDED);
        assertThat(view.decision().decisionNumber()).as("no free text: as filed").isNotEqualTo(PersonalData.SHREDDED);
    }

    @Test
    void redelivered_events_change_nothing() throws Exception {
        deliver(lifecycle("case-1"), 1);
        List<Document> once = documents();

        deliver(lifecycle("case-1"), 1); // at-least-once: the whole stream again
        deliver(lifecycle("case-1").subList(3, 5), 4); // and a batch restarted midway

        assertThat(documents()).isEqualTo(once);
    }

    /** The same for the transfer, its deadlines, its return, a second transfer, the hearing, the service and a dismissal. */
    @Test
    void redelivered_transfer_hearing_service_and_dismissal_events_change_nothing() throws Exception {
        List<Object> events = new ArrayList<>(transferredReturnedAndTransferredAgain("case-t"));
        events.addAll(heardDecidedServed("case-h"));
        events.addAll(dismissed("case-d"));
        deliver(events, 1);
        List<Document> once = documents();

        deliver(events, 1);
        deliver(events.subList(1, 5), 2); // a batch restarted midway through the transfer, its deadlines and return

        assertThat(documents()).isEqualTo(once);
    }

    /**
     * Within a tracking processor's batch each case is changed in memory and written once, at the batch's end: nothing is
     * written while the batch runs, and batches of any size, redelivered whole or from midway, give the documents that
     * event-by-event delivery gives.
     */
    @Test
    void a_batch_writes_each_case_it_changed_at_its_end_and_gives_the_documents_event_by_event_delivery_gives() throws Exception {
        List<Object> shredded = naturalPersons("case-p");
        shredded.add(5, new SubjectShredded("case-p", java.time.Instant.parse("2026-03-01T00:00:00Z")));
        List<Object> events = interleaved(new java.util.Random(5), lifecycle("case-1"), lifecycle("case-2"),
                transferredReturnedAndTransferredAgain("case-t"), heardDecidedServed("case-h"), dismissed("case-d"), shredded);
        deliver(events, 1);
        List<Document> oneByOne = documents();
        projection.prepareReset(null);

        java.util.Random sizes = new java.util.Random(11);
        int batches = 0;
        for (int from = 0; from < events.size(); batches++) {
            int to = Math.min(events.size(), from + 1 + sizes.nextInt(6));
            List<Document> before = documents();
            deliverBatch(events.subList(from, to), from + 1, () -> assertThat(documents()).as("nothing written while the batch runs")
                    .isEqualTo(before));
            if (sizes.nextInt(3) == 0) deliverBatch(events.subList(from, to), from + 1, () -> {}); // redelivered whole
            from = to;
        }
        deliverBatch(events, 1, () -> {}); // everything again, as one batch
        deliverBatch(events.subList(7, 25), 8, () -> {}); // and a batch restarted midway

        assertThat(batches).isGreaterThan(5);
        assertThat(documents()).isEqualTo(oneByOne);
        assertThat(views.find("case-p").orElseThrow().statements()).as("shredded, and so kept by the batch's later writes")
                .extracting(CaseView.Statement::summary).containsExactly(PersonalData.SHREDDED);
    }

    /**
     * An event whose handler fails within a batch (the dead-letter queue parks it and the batch goes on) leaves its case as
     * the events before it left it; the batch's other changes, of that case before it and of other cases, are written.
     */
    @Test
    void an_event_that_fails_within_a_batch_changes_nothing_and_the_batchs_other_changes_are_written() throws Exception {
        List<Object> events = new ArrayList<>(lifecycle("case-1"));
        events.add(3, new ChallengeEnded("case-1", 0, LocalDate.of(2026, 3, 1), "无此复议")); // number 0: no such challenge
        events.addAll(lifecycle("case-2"));
        deliver(lifecycle("case-1"), 1);
        deliver(lifecycle("case-2"), 2 + lifecycle("case-1").size());
        CaseView expected1 = views.find("case-1").orElseThrow();
        CaseView expected2 = views.find("case-2").orElseThrow();
        projection.prepareReset(null);

        List<Object> failed = new ArrayList<>();
        List<org.axonframework.eventhandling.EventMessage<?>> messages = tracked(events, 1);
        var unit = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(messages);
        var result = unit.executeWithResult(() -> {
            try {
                projection.handle(unit.getMessage());
            } catch (Exception e) {
                failed.add(unit.getMessage().getPayload()); // as the dead-lettering invoker: parked, the batch goes on
            }
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(failed).singleElement().isInstanceOf(ChallengeEnded.class);
        assertThat(views.find("case-1").orElseThrow()).as("without the failed event").usingRecursiveComparison()
                .ignoringFields("lastGlobalIndex").isEqualTo(expected1);
        assertThat(views.find("case-2").orElseThrow()).usingRecursiveComparison().ignoringFields("lastGlobalIndex").isEqualTo(expected2);
        assertThat(views.find("case-1").orElseThrow().lastGlobalIndex()).isEqualTo(lifecycle("case-1").size() + 1L);
    }

    /** The cases' events mixed as bureaus record them, each case's in its order. */
    @SafeVarargs
    private static List<Object> interleaved(java.util.Random random, List<Object>... cases) {
        List<java.util.LinkedList<Object>> left = new ArrayList<>();
        for (List<Object> events : cases) left.add(new java.util.LinkedList<>(events));
        List<Object> ledger = new ArrayList<>();
        while (!left.isEmpty()) {
            java.util.LinkedList<Object> next = left.get(random.nextInt(left.size()));
            ledger.add(next.removeFirst());
            if (next.isEmpty()) left.remove(next);
        }
        return ledger;
    }

    /** {@code events} as a processor reads them from the store: each of its case's aggregate, at its position. */
    private static List<org.axonframework.eventhandling.EventMessage<?>> tracked(List<Object> events, long firstIndex) throws Exception {
        List<org.axonframework.eventhandling.EventMessage<?>> messages = new ArrayList<>();
        long index = firstIndex;
        for (Object event : events) {
            String caseId = (String) event.getClass().getMethod(event instanceof SubjectShredded ? "subjectId" : "caseId").invoke(event);
            messages.add(new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(index),
                    new org.axonframework.eventhandling.GenericDomainEventMessage<>("Case", caseId, index, event)));
            index++;
        }
        return messages;
    }

    /** {@code events} as one batch of a tracking processor; {@code whileOpen} runs before the batch's end. */
    private void deliverBatch(List<Object> events, long firstIndex, Runnable whileOpen) throws Exception {
        var unit = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(tracked(events, firstIndex));
        unit.onPrepareCommit(u -> whileOpen.run()); // registered before the batch's end, so it runs first
        var result = unit.executeWithResult(() -> {
            projection.handle(unit.getMessage());
            return null;
        });
        if (result.isExceptional()) throw (Exception) result.exceptionResult();
    }

    @Test
    void rebuilding_from_the_events_gives_the_same_documents() throws Exception {
        List<Object> events = new ArrayList<>(lifecycle("case-1"));
        events.addAll(lifecycle("case-2"));
        events.addAll(transferredReturnedAndTransferredAgain("case-t"));
        events.addAll(heardDecidedServed("case-h"));
        events.addAll(dismissed("case-d"));
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

        var all = views.list(new CaseViews.Scope(BUREAU, null), null, null, LocalDate.of(2026, 1, 1), 0, 10);
        assertThat(all.items()).extracting(CaseView::caseId).containsExactly("case-late", "case-soon", "case-done");
        assertThat(all.total()).isEqualTo(3);

        // overdue first (API.md): a paused case with an earlier deadline is not overdue and follows the overdue one (outside audit)
        deliver(List.of(filed("case-paused", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 4, 3)),
                new CaseClockPaused("case-paused", LocalDate.of(2026, 3, 30), PauseReason.TESTING_OR_APPRAISAL, "鉴定")), 1);
        LocalDate june2 = LocalDate.of(2026, 6, 2);
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, null, june2, 0, 10).items()).extracting(CaseView::caseId)
                .containsExactly("case-late", "case-paused", "case-soon", "case-done");
        // paged across the overdue ones and the rest, without a gap or a repeat
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, null, june2, 0, 2).items()).extracting(CaseView::caseId)
                .containsExactly("case-late", "case-paused");
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, null, june2, 1, 2).items()).extracting(CaseView::caseId)
                .containsExactly("case-soon", "case-done");
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, null, june2, 2, 2).items()).isEmpty();

        var overdue = views.list(new CaseViews.Scope(BUREAU, null), null, true, LocalDate.of(2026, 6, 2), 0, 10);
        assertThat(overdue.items()).extracting(CaseView::caseId).containsExactly("case-late");
        // and overdue=false: only the others, in the same order, paged alike (a sweep from outside: false listed every case)
        var onTime = views.list(new CaseViews.Scope(BUREAU, null), null, false, june2, 0, 10);
        assertThat(onTime.items()).extracting(CaseView::caseId).containsExactly("case-paused", "case-soon", "case-done");
        assertThat(onTime.total()).isEqualTo(3);
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, false, june2, 1, 2).items()).extracting(CaseView::caseId)
                .containsExactly("case-done");

        var otherDivision = views.list(new CaseViews.Scope(null, new Division("3101")), null, null, LocalDate.of(2026, 1, 1), 0, 10);
        assertThat(otherDivision.total()).isZero();
        var ownDivision = views.list(new CaseViews.Scope(null, new Division("1101")), CaseStatus.FILED, null, LocalDate.of(2026, 1, 1), 0, 10);
        assertThat(ownDivision.items()).extracting(CaseView::caseId).containsExactly("case-paused", "case-late", "case-soon");
    }

    /** DOMAIN.md, long-pending: open past its deadline, "not overdue while its clock is paused"; the case read and the work list agree. */
    @Test
    void a_case_is_not_overdue_while_its_clock_is_paused() throws Exception {
        deliver(List.of(filed("case-paused", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 7)),
                new CaseClockPaused("case-paused", LocalDate.of(2026, 3, 30), PauseReason.TESTING_OR_APPRAISAL, "鉴定")), 1);
        LocalDate after = LocalDate.of(2026, 4, 10);

        assertThat(views.find("case-paused").orElseThrow().overdueOn(after)).isFalse();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, after, 0, 10).items()).isEmpty();

        deliver(List.of(new CaseClockResumed("case-paused", LocalDate.of(2026, 4, 20), 21,
                new Deadline(LocalDate.of(2026, 4, 28), false), "CN-2026.1")), 3);
        CaseView resumed = views.find("case-paused").orElseThrow();
        assertThat(resumed.overdueOn(LocalDate.of(2026, 4, 28))).as("its last day").isFalse();
        assertThat(resumed.overdueOn(LocalDate.of(2026, 4, 29))).isTrue();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, LocalDate.of(2026, 4, 29), 0, 10).items())
                .extracting(CaseView::caseId).containsExactly("case-paused");
    }

    /**
     * A provisional decision deadline (its year's notice not loaded when recorded) is overdue only once its miss is recorded: the
     * case counts it again under the notice it has then (outside audit: overdue from 01-02 on a deadline the 2027 notice moved
     * to 01-04, and the view kept the provisional date after the miss); the miss shows the deadline as counted.
     */
    @Test
    void a_provisional_decision_deadline_is_overdue_once_its_miss_is_recorded_and_then_shows_the_deadline_counted() throws Exception {
        LocalDate filedOn = LocalDate.of(2026, 10, 3);
        deliver(List.of(new CaseFiled("case-provisional", BUREAU, null, "110105", filedOn, IpType.PATENT, "假冒专利", Procedure.ORDINARY, "巡查",
                new Party(PartyKind.LEGAL_PERSON, "某某科技有限公司", BUREAU, null, null), new Deadline(LocalDate.of(2027, 1, 1), true),
                filedOn.plusDays(180), "CN-2026.1")), 1);
        LocalDate jan3 = LocalDate.of(2027, 1, 3);
        assertThat(views.find("case-provisional").orElseThrow().overdueOn(jan3)).isFalse();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, jan3, 0, 10).items()).isEmpty();

        deliver(List.of(new org.gongshi.ledger.cases.event.DecisionDeadlineMissed("case-provisional", new Deadline(LocalDate.of(2027, 1, 4), false),
                LocalDate.of(2027, 1, 5), "CN-2026.1")), 2);
        CaseView missed = views.find("case-provisional").orElseThrow();
        assertThat(missed.decisionDeadline().dueOn()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(missed.decisionDeadline().provisional()).isFalse();
        assertThat(missed.overdueOn(LocalDate.of(2027, 1, 5))).isTrue();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, LocalDate.of(2027, 1, 5), 0, 10).items())
                .extracting(CaseView::caseId).containsExactly("case-provisional");
    }

    // ---- transfer to the judiciary and its return (Decree 310 Arts 5, 11), dismissal, hearing and service

    private static final Deadline DECISION_DUE = new Deadline(LocalDate.of(2026, 5, 11), false);

    /** Suspected Monday 03-02: approval due 03-05, approved 03-06 (late); sending due 03-07, sent 03-07 (in time). */
    private static List<Object> transferred(String caseId) {
        return List.of(
                filed(caseId, LocalDate.of(2026, 2, 10), DECISION_DUE.dueOn()),
                new CaseTransferredToJudiciary(caseId, LocalDate.of(2026, 3, 7), "北京市公安局朝阳分局", "涉嫌假冒注册商标罪",
                        DECISION_DUE, true, "CN-2026.1"),
                new TransferDeadlines(caseId, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6),
                        new Deadline(LocalDate.of(2026, 3, 5), false), false, new Deadline(LocalDate.of(2026, 3, 7), false), true,
                        "CN-2026.1"));
    }

    private static List<Object> transferredReturnedAndTransferredAgain(String caseId) {
        List<Object> events = new ArrayList<>(transferred(caseId));
        events.add(new TransferReturned(caseId, LocalDate.of(2026, 3, 20), "公安机关不予立案"));
        events.add(new CaseTransferredToJudiciary(caseId, LocalDate.of(2026, 4, 10), "北京市人民检察院朝阳分院", "新证据",
                DECISION_DUE, true, "CN-2026.1"));
        events.add(new TransferDeadlines(caseId, LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 9),
                new Deadline(LocalDate.of(2026, 4, 13), false), true, new Deadline(LocalDate.of(2026, 4, 10), false), true, "CN-2026.1"));
        return events;
    }

    private static List<Object> heardDecidedServed(String caseId) {
        var fine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("50000.00"), "罚款"));
        return List.of(
                filed(caseId, LocalDate.of(2026, 2, 10), DECISION_DUE.dueOn()),
                new PenaltyNoticeServed(caseId, LocalDate.of(2026, 2, 12), fine, true, false, new Deadline(LocalDate.of(2026, 2, 26), false), "CN-2026.1"),
                new HearingRequested(caseId, LocalDate.of(2026, 2, 13), true),
                new HearingScheduled(caseId, LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 5), new Deadline(LocalDate.of(2026, 3, 4), false),
                        "CN-2026.1"),
                new HearingConcluded(caseId, LocalDate.of(2026, 3, 5), "维持拟处罚意见"),
                new PenaltyDecided(caseId, "d-" + caseId, "京朝市监罚〔2026〕7号", LocalDate.of(2026, 3, 6), Procedure.ORDINARY, fine,
                        "商标法第六十条", "销售侵权商品", DECISION_DUE, true, null, "CN-2026.1"),
                new DecisionServed(caseId, "d-" + caseId, LocalDate.of(2026, 3, 9), "邮寄送达", new Deadline(LocalDate.of(2026, 3, 24), false),
                        "CN-2026.1"));
    }

    private static List<Object> dismissed(String caseId) {
        return List.of(
                filed(caseId, LocalDate.of(2026, 2, 10), DECISION_DUE.dueOn()),
                new CaseDismissed(caseId, LocalDate.of(2026, 3, 3), DismissalReason.NO_VIOLATION, "鉴定结论为正品", DECISION_DUE, true,
                        "CN-2026.1"));
    }

    /** DOMAIN.md service: the payment period runs from receipt; a fine paid before the decision was served met it. */
    @Test
    void a_fine_paid_before_the_decision_was_served_shows_its_payment_deadline_met_on_the_day_it_was_paid() throws Exception {
        List<Object> events = new java.util.ArrayList<>(heardDecidedServed("case-p"));
        Object served = events.remove(events.size() - 1);
        events.add(new PenaltyExecuted("case-p", LocalDate.of(2026, 3, 8), new BigDecimal("50000.00"), "当场缴纳", null, true,
                BigDecimal.ZERO, "CN-2026.1"));
        events.add(served);
        deliver(events, 1);

        assertThat(views.find("case-p").orElseThrow().decision().paymentDeadline())
                .isEqualTo(new CaseView.DeadlineView(LocalDate.of(2026, 3, 24), false, LocalDate.of(2026, 3, 8), true));
    }

    /**
     * A hearing request dated on the window's last day and recorded after it: the deadline reads as the ledger recorded it, not
     * met and recorded late (README; a sweep from outside, stop 86: it read met, recordedLate false).
     */
    @Test
    void a_hearing_request_recorded_after_its_window_shows_the_window_not_met_and_recorded_late() throws Exception {
        List<Object> events = new java.util.ArrayList<>(heardDecidedServed("case-l").subList(0, 3));
        events.set(2, new HearingRequested("case-l", LocalDate.of(2026, 2, 26), false));
        deliver(events, 1);

        assertThat(views.find("case-l").orElseThrow().notice().hearingRequestDeadline())
                .isEqualTo(new CaseView.DeadlineView(LocalDate.of(2026, 2, 26), false, LocalDate.of(2026, 2, 26), false, true));
    }

    /** DOMAIN.md suspected crime: "approval within 3 days, sending within 24 h, both recorded as deadlines". */
    @Test
    void a_transfer_shows_its_approval_and_sending_deadlines_and_whether_each_was_met() throws Exception {
        deliver(transferred("case-t"), 1);

        CaseView view = views.find("case-t").orElseThrow();
        assertThat(view.status()).isEqualTo(CaseStatus.TRANSFERRED);
        assertThat(view.disposed()).isTrue();
        assertThat(view.decisionDeadline()).isEqualTo(new CaseView.DeadlineView(DECISION_DUE.dueOn(), false, LocalDate.of(2026, 3, 7), true));
        CaseView.Transfer transfer = view.transfer();
        assertThat(transfer.transferredOn()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(transfer.judicialOrgan()).isEqualTo("北京市公安局朝阳分局");
        assertThat(transfer.suspectedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(transfer.approvedOn()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(transfer.approvalDeadline()).isEqualTo(new CaseView.DeadlineView(LocalDate.of(2026, 3, 5), false, LocalDate.of(2026, 3, 6), false));
        assertThat(transfer.sendingDeadline()).isEqualTo(new CaseView.DeadlineView(LocalDate.of(2026, 3, 7), false, LocalDate.of(2026, 3, 7), true));
        assertThat(transfer.returnedOn()).isNull();
        assertThat(transfer.returnReason()).isNull();
        // the ledger records no missed-deadline event for a late approval: the view invents none
        assertThat(view.missedDeadlines()).isEmpty();
    }

    /** Outside audit: an act dated on its last day but recorded days later showed satisfiedOn = dueOn and met: false, unexplained. */
    @Test
    void a_deadline_met_by_the_act_s_date_but_not_by_its_recording_says_it_was_recorded_late() {
        LocalDate due = LocalDate.of(2026, 10, 27);
        assertThat(new CaseView.DeadlineView(due, false, due, false).recordedLate()).isTrue();
        assertThat(new CaseView.DeadlineView(due, false, due, true).recordedLate()).isFalse();
        assertThat(new CaseView.DeadlineView(due, false, due.plusDays(1), false).recordedLate()).as("late by its own date").isFalse();
        assertThat(new CaseView.DeadlineView(due, false, null, null).recordedLate()).as("not yet answered").isNull();
        assertThat(new CaseView.DeadlineView(due, false, due, false, null).recordedLate()).as("stored before it was kept: derived").isTrue();
    }

    /**
     * A decided case whose disclosure passed its deadline is late until its disclosure is decided (outside audit: the work
     * list's overdue held only cases past their decision deadline); a revision starts the deadlines again or ends them.
     */
    @Test
    void a_decided_case_past_a_disclosure_deadline_is_overdue_until_its_disclosure_is_decided() throws Exception {
        List<Object> decided = new ArrayList<>(lifecycle("case-d").subList(0, 5));
        deliver(decided, 1);
        LocalDate later = LocalDate.of(2026, 3, 25);
        assertThat(views.find("case-d").orElseThrow().overdueOn(later)).as("decided in time, no deadline missed yet").isFalse();

        deliver(List.of(new DoublePublicityDeadlineMissed("case-d", "d-1", new Deadline(LocalDate.of(2026, 3, 19), false), LocalDate.of(2026, 3, 20), "CN-2026.1"),
                new DisclosureDeadlineMissed("case-d", "d-1", new Deadline(LocalDate.of(2026, 4, 8), false), LocalDate.of(2026, 4, 9), "CN-2026.1")), 10);
        CaseView late = views.find("case-d").orElseThrow();
        assertThat(late.disclosureOverdueSince()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(late.overdueOn(later)).isTrue();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, later, 0, 10).items()).extracting(CaseView::caseId).containsExactly("case-d");

        deliver(List.of(new DisclosureDecided("case-d", "d-1", "d-1", DisclosureAction.PUBLISH, LocalDate.of(2026, 4, 10), null,
                new Deadline(LocalDate.of(2026, 4, 8), false), false, new Deadline(LocalDate.of(2026, 3, 19), false), false,
                new Deadline(LocalDate.of(2026, 7, 10), false), null, "CN-2026.1", List.of(), null)), 20);
        CaseView published = views.find("case-d").orElseThrow();
        assertThat(published.disclosure().publicUntil()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(published.disclosure().publicUntilProvisional()).as("counted in a year whose notice is loaded").isFalse();
        assertThat(published.disclosureOverdueSince()).isNull();
        assertThat(published.overdueOn(later)).isFalse();
        assertThat(published.missedDeadlines()).extracting(CaseView.MissedDeadline::kind).containsExactly("DOUBLE_PUBLICITY", "DISCLOSURE");
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, later, 0, 10).items()).isEmpty();

        deliver(List.of(new DoublePublicityDeadlineMissed("case-d", "d-1", new Deadline(LocalDate.of(2026, 5, 5), false), LocalDate.of(2026, 5, 6), "CN-2026.1"),
                new DecisionRevised("case-d", "d-1", RevisionKind.REVOKED, RevisionBy.LITIGATION, "京行撤〔2026〕1号", LocalDate.of(2026, 5, 8), "撤销",
                        List.of(), "CN-2026.1")), 30);
        assertThat(views.find("case-d").orElseThrow().disclosureOverdueSince()).as("a revoked decision is disclosed no more").isNull();
    }

    /**
     * The overdue disposed cases come by the day their disclosure became late, the longest late first (a sweep from outside:
     * by their decision deadlines, a case late since yesterday came before one late for weeks).
     */
    @Test
    void a_work_lists_late_disclosures_come_longest_late_first() throws Exception {
        deliver(new ArrayList<>(lifecycle("case-d").subList(0, 5)), 1);
        deliver(new ArrayList<>(lifecycle("case-e").subList(0, 5)), 10);
        deliver(List.of(new DoublePublicityDeadlineMissed("case-d", "d-1", new Deadline(LocalDate.of(2026, 3, 19), false), LocalDate.of(2026, 3, 20), "CN-2026.1"),
                new DoublePublicityDeadlineMissed("case-e", "d-1", new Deadline(LocalDate.of(2026, 3, 18), false), LocalDate.of(2026, 3, 19), "CN-2026.1")), 20);
        LocalDate later = LocalDate.of(2026, 3, 25);
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, later, 0, 10).items())
                .extracting(CaseView::caseId, CaseView::disclosureOverdueSince)
                .containsExactly(tuple("case-e", LocalDate.of(2026, 3, 19)), tuple("case-d", LocalDate.of(2026, 3, 20)));
    }

    /**
     * DOMAIN.md: when the judiciary declines to file (不予立案) "the case returns to the bureau and may be decided": its decision
     * deadline is open again (the transfer no longer answers it), the return shows, and a deadline passed after it is missed.
     */
    @Test
    void a_transfer_returned_by_the_judiciary_reopens_the_decision_deadline_and_shows_the_return() throws Exception {
        List<Object> events = new ArrayList<>(transferred("case-t"));
        events.add(new TransferReturned("case-t", LocalDate.of(2026, 3, 20), "公安机关不予立案"));
        deliver(events, 1);

        CaseView returned = views.find("case-t").orElseThrow();
        assertThat(returned.status()).isEqualTo(CaseStatus.FILED);
        assertThat(returned.disposed()).isFalse();
        assertThat(returned.decisionDeadline()).isEqualTo(new CaseView.DeadlineView(DECISION_DUE.dueOn(), false, null, null));
        assertThat(returned.transfer().returnedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(returned.transfer().returnReason()).isEqualTo("公安机关不予立案");
        assertThat(returned.transfer().approvalDeadline().met()).as("the transfer's own deadlines stay as recorded").isFalse();
        assertThat(returned.overdueOn(LocalDate.of(2026, 5, 11))).isFalse();
        assertThat(views.list(new CaseViews.Scope(BUREAU, null), null, true, LocalDate.of(2026, 5, 12), 0, 10).items())
                .extracting(CaseView::caseId).containsExactly("case-t");

        deliver(List.of(new DecisionDeadlineMissed("case-t", DECISION_DUE, LocalDate.of(2026, 5, 12), "CN-2026.1")), 10);
        CaseView missed = views.find("case-t").orElseThrow();
        assertThat(missed.overdueOn(LocalDate.of(2026, 5, 12))).isTrue();
        assertThat(missed.decisionDeadline().met()).isNull();
        assertThat(missed.missedDeadlines()).extracting(CaseView.MissedDeadline::kind).containsExactly("DECISION");

        // decided after the return, late: the decision answers the deadline
        deliver(List.of(new NoPenaltyDecided("case-t", "d-t", "京朝市监不罚〔2026〕2号", LocalDate.of(2026, 5, 15), "行政处罚法第三十三条",
                "情节轻微", DECISION_DUE, false, "CN-2026.1")), 11);
        CaseView decided = views.find("case-t").orElseThrow();
        assertThat(decided.disposed()).isTrue();
        assertThat(decided.decisionDeadline()).isEqualTo(new CaseView.DeadlineView(DECISION_DUE.dueOn(), false, LocalDate.of(2026, 5, 15), false));
        assertThat(decided.transfer().returnedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    /** A transfer after a decision is not its disposition (a penalty never replaces a due transfer): its return reopens nothing. */
    @Test
    void the_return_of_a_transfer_made_after_the_decision_leaves_the_decision_standing() throws Exception {
        var fine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("1000.00"), null));
        deliver(List.of(filed("case-p", LocalDate.of(2026, 2, 10), DECISION_DUE.dueOn()),
                new PenaltyNoticeServed("case-p", LocalDate.of(2026, 2, 12), fine, false, false, new Deadline(LocalDate.of(2026, 2, 26), false), "CN-2026.1"),
                new PenaltyDecided("case-p", "d-p", "京朝市监罚〔2026〕3号", LocalDate.of(2026, 3, 2), Procedure.ORDINARY, fine, "商标法第六十条",
                        "销售侵权商品", DECISION_DUE, true, null, "CN-2026.1"),
                new CaseTransferredToJudiciary("case-p", LocalDate.of(2026, 3, 7), "北京市公安局朝阳分局", "涉嫌犯罪", DECISION_DUE, true, "CN-2026.1"),
                new TransferReturned("case-p", LocalDate.of(2026, 3, 20), "公安机关不予立案")), 1);

        CaseView view = views.find("case-p").orElseThrow();
        assertThat(view.status()).isEqualTo(CaseStatus.PENALTY_DECIDED);
        assertThat(view.disposed()).isTrue();
        assertThat(view.decisionDeadline()).isEqualTo(new CaseView.DeadlineView(DECISION_DUE.dueOn(), false, LocalDate.of(2026, 3, 2), true));
        assertThat(view.transfer().returnedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void a_case_transferred_again_after_a_return_keeps_the_earlier_transfer_and_its_return() throws Exception {
        deliver(transferredReturnedAndTransferredAgain("case-t"), 1);

        CaseView view = views.find("case-t").orElseThrow();
        assertThat(view.status()).isEqualTo(CaseStatus.TRANSFERRED);
        assertThat(view.decisionDeadline()).isEqualTo(new CaseView.DeadlineView(DECISION_DUE.dueOn(), false, LocalDate.of(2026, 4, 10), true));
        assertThat(view.transfer().judicialOrgan()).isEqualTo("北京市人民检察院朝阳分院");
        assertThat(view.transfer().returnedOn()).isNull();
        assertThat(view.transfer().approvalDeadline().met()).isTrue();
        assertThat(view.earlierTransfers()).singleElement().satisfies(earlier -> {
            assertThat(earlier.transferredOn()).isEqualTo(LocalDate.of(2026, 3, 7));
            assertThat(earlier.returnedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
            assertThat(earlier.returnReason()).isEqualTo("公安机关不予立案");
            assertThat(earlier.approvalDeadline().met()).isFalse();
        });
    }

    /** DOMAIN.md: dismissal (撤销立案) "is a disposition with its reason". */
    @Test
    void a_dismissal_shows_its_day_reason_and_note() throws Exception {
        deliver(dismissed("case-d"), 1);

        CaseView view = views.find("case-d").orElseThrow();
        assertThat(view.status()).isEqualTo(CaseStatus.DISMISSED);
        assertThat(view.disposed()).isTrue();
        assertThat(view.dismissal()).isEqualTo(new CaseView.Dismissal(LocalDate.of(2026, 3, 3), DismissalReason.NO_VIOLATION, "鉴定结论为正品"));
        assertThat(view.decisionDeadline()).isEqualTo(new CaseView.DeadlineView(DECISION_DUE.dueOn(), false, LocalDate.of(2026, 3, 3), true));
    }

    /**
     * A case dismissed while its clock was paused (a dismissal needs no running clock) and resumed after: the deadline moves by
     * the paused days, and the dismissal's answer to it stays.
     */
    @Test
    void a_clock_resumed_after_a_dismissal_moves_the_deadline_and_keeps_its_answer() throws Exception {
        deliver(List.of(filed("case-d", LocalDate.of(2026, 2, 10), DECISION_DUE.dueOn()),
                new CaseClockPaused("case-d", LocalDate.of(2026, 2, 20), PauseReason.TESTING_OR_APPRAISAL, "鉴定"),
                new CaseDismissed("case-d", LocalDate.of(2026, 3, 3), DismissalReason.NO_VIOLATION, null, DECISION_DUE, true, "CN-2026.1"),
                new CaseClockResumed("case-d", LocalDate.of(2026, 3, 10), 18, new Deadline(LocalDate.of(2026, 5, 29), false), "CN-2026.1")), 1);

        CaseView view = views.find("case-d").orElseThrow();
        assertThat(view.clock().paused()).isFalse();
        assertThat(view.decisionDeadline()).isEqualTo(new CaseView.DeadlineView(LocalDate.of(2026, 5, 29), false, LocalDate.of(2026, 3, 3), true));
        assertThat(view.dismissal().note()).isNull();
    }

    /** DOMAIN.md service: "every decision records the day the party received it"; the hearing shows its notice and its day. */
    @Test
    void the_view_shows_the_hearing_notice_and_day_and_the_day_the_party_received_the_decision() throws Exception {
        deliver(heardDecidedServed("case-h"), 1);

        CaseView view = views.find("case-h").orElseThrow();
        assertThat(view.hearing()).isEqualTo(new CaseView.Hearing(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 3, 5), "维持拟处罚意见"));
        assertThat(view.decision().service()).isEqualTo(new CaseView.Service(LocalDate.of(2026, 3, 9), "邮寄送达"));
        assertThat(view.decision().paymentDeadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 24));

        // a decision without a fine has no payment deadline, and is still served
        deliver(List.of(filed("case-n", LocalDate.of(2026, 2, 10), DECISION_DUE.dueOn()),
                new NoPenaltyDecided("case-n", "d-n", "京朝市监不罚〔2026〕1号", LocalDate.of(2026, 3, 2), "行政处罚法第三十三条", "情节轻微",
                        DECISION_DUE, true, "CN-2026.1"),
                new DecisionServed("case-n", "d-n", LocalDate.of(2026, 3, 3), "直接送达", null, "CN-2026.1")), 100);
        CaseView noPenalty = views.find("case-n").orElseThrow();
        assertThat(noPenalty.decision().service()).isEqualTo(new CaseView.Service(LocalDate.of(2026, 3, 3), "直接送达"));
        assertThat(noPenalty.decision().paymentDeadline()).isNull();
    }

    /** Views stored before these fields existed are still read: what they lack reads as null. */
    @Test
    void a_view_stored_before_the_transfer_deadlines_dismissal_hearing_days_and_service_is_still_read() throws Exception {
        database.getCollection(CaseViews.COLLECTION).insertOne(Document.parse("""
                {"_id": "case-old", "bureau": "%s", "division": "110105", "status": "TRANSFERRED", "disposed": true,
                 "filedOn": {"$date": "2026-02-10T00:00:00Z"},
                 "decisionDeadline": {"dueOn": {"$date": "2026-05-11T00:00:00Z"}, "provisional": false,
                                      "satisfiedOn": {"$date": "2026-03-07T00:00:00Z"}, "met": true},
                 "hearing": {"requestedOn": {"$date": "2026-02-13T00:00:00Z"}, "heldOn": null, "outcome": null},
                 "decision": {"decisionId": "d-old", "kind": "PENALTY", "decisionNumber": "1号", "penalties": [],
                              "paymentDeadline": null},
                 "transfer": {"transferredOn": {"$date": "2026-03-07T00:00:00Z"}, "judicialOrgan": "公安", "reason": "涉嫌犯罪"},
                 "lastGlobalIndex": 5, "missedDeadlines": [], "challenges": []}
                """.formatted(BUREAU)));

        CaseView view = views.find("case-old").orElseThrow();
        assertThat(view.transfer().judicialOrgan()).isEqualTo("公安");
        assertThat(view.transfer().approvalDeadline()).isNull();
        assertThat(view.transfer().returnedOn()).isNull();
        assertThat(view.hearing().requestedOn()).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(view.hearing().notifiedOn()).isNull();
        assertThat(view.decision().service()).isNull();
        assertThat(view.dismissal()).isNull();
        assertThat(view.earlierTransfers()).isNull();
        assertThat(view.withdrawals()).isNull();

        // and an event lands on it: the return fills in the transfer it had
        deliver(List.of(new TransferReturned("case-old", LocalDate.of(2026, 3, 20), "公安机关不予立案")), 6);
        CaseView returned = views.find("case-old").orElseThrow();
        assertThat(returned.transfer().returnedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(returned.transfer().judicialOrgan()).isEqualTo("公安");
        assertThat(returned.decisionDeadline().met()).isNull();
        assertThat(returned.disposed()).isFalse();
    }

    private static CaseFiled filed(String caseId, LocalDate filedOn, LocalDate due) {
        return new CaseFiled(caseId, BUREAU, null, "110105", filedOn, IpType.PATENT, "假冒专利", Procedure.ORDINARY, "巡查",
                new Party(PartyKind.LEGAL_PERSON, "某某科技有限公司", BUREAU, null, null), new Deadline(due, false),
                filedOn.plusDays(180), "CN-2026.1");
    }
}
