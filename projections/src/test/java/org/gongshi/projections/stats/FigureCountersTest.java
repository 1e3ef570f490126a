package org.gongshi.projections.stats;

import com.mongodb.client.MongoDatabase;
import org.gongshi.projections.InMemoryMongo;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.CaseClosed;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.CaseTransferredToJudiciary;
import org.gongshi.ledger.cases.event.DecisionDeadlineMissed;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.NoPenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.identity.Division;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target figures kept as counters while events land are the figures the scan of every case computes, for
 * any scope and period, and stay so under redelivery, a crash in the middle of a change, and a reset.
 */
class FigureCountersTest {

    private static final String[][] BUREAUS = { // bureau, division; the last bureau files in two divisions
            {"11110105MB0000001X", "110105"}, {"11110108MB0000002X", "110108"}, {"11310115MB0000003X", "310115"},
            {"11440305MB0000004X", "440305"}, {"11440106MB0000005X", "440106"}, {"11110000MB0000006X", "110101"}};

    private InMemoryMongo mongo;
    private MongoDatabase database;
    private CaseViews views;
    private FigureCounters counters;
    private TargetFigures figures;
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        database = mongo.database("figures-test");
        views = new CaseViews(database);
        counters = new FigureCounters(database);
        figures = new TargetFigures(views, counters);
        projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views, counters));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void the_counted_figures_equal_the_scanned_figures_for_every_scope_and_period_of_a_generated_ledger() throws Exception {
        List<Object> ledger = generatedLedger(new Random(13), 250);
        deliver(ledger, 1);

        assertCountedEqualsScanned();
        assertThat(figures.of(new CaseViews.Scope(null, null), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))
                .closureToFiling().denominator()).as("every case filed in the two years").isEqualTo(250);
    }

    /**
     * A change updates one small document per scope and period (year, month, day), its counts top-level fields, never
     * a document holding a whole year's or month's periods or counts nested under a division: the embedded MongoDB
     * copies a document whole on every update and walks a dotted path with regular expressions at every level.
     */
    @Test
    void each_counter_document_holds_the_counts_of_one_scope_and_one_period_as_top_level_fields() throws Exception {
        deliver(generatedLedger(new Random(13), 250), 1);

        int largest = 0, documents = 0;
        for (Document stored : database.getCollection(FigureCounters.COLLECTION).find()) {
            String id = stored.getString("_id");
            if (!id.contains("|")) continue; // the layout, the years, a case's contribution, the pending change
            documents++;
            assertThat(id).matches("(all|p:\\d{2}|p:\\d{4}|p:\\d{6}|x:\\d{1,5}|b:[0-9A-Z]{18})\\|\\d{4}-\\d{2}(-\\d{2})?");
            java.util.Map<String, Integer> countsByDivision = new java.util.HashMap<>();
            stored.forEach((field, value) -> {
                if (field.equals("_id") || field.equals("last")) return;
                assertThat(field).as(id).matches("c:(_|\\d{1,6}):[A-Za-z_]+");
                assertThat(value).as(id + " " + field).isInstanceOf(Number.class);
                countsByDivision.merge(field.split(":")[1], 1, Integer::sum);
            });
            for (int counts : countsByDivision.values()) largest = Math.max(largest, counts);
        }
        assertThat(documents).as("counter documents").isGreaterThan(100);
        assertThat(largest).as("counts of one division in one document: one per figure (13, and each kind of missed deadline)")
                .isLessThanOrEqualTo(24);
    }

    @Test
    void redelivered_events_are_counted_once() throws Exception {
        List<Object> ledger = generatedLedger(new Random(17), 100);
        deliver(ledger, 1);
        List<Document> once = counterDocuments();

        deliver(ledger, 1); // at-least-once: everything again
        int third = ledger.size() / 3;
        deliver(ledger.subList(third, 2 * third), third + 1); // and a batch restarted midway

        assertThat(counterDocuments()).isEqualTo(once);
        assertCountedEqualsScanned();
    }

    @Test
    void a_change_interrupted_midway_is_counted_exactly_once_after_the_restart() throws Exception {
        List<Object> ledger = generatedLedger(new Random(19), 120);
        Random crashes = new Random(23);
        long position = 1;
        for (Object event : ledger) {
            if (crashes.nextInt(10) == 0) {
                // the process dies while applying this event's change: the view written, some counter documents
                // updated, the contribution not; a new process (fresh objects) gets the event again
                counters.crashAfter(crashes.nextInt(8));
                try {
                    deliver(List.of(event), position);
                } catch (RuntimeException crash) {
                    // as a SIGKILL: nothing after it ran
                    assertThat(crash).isInstanceOf(FigureCounters.SimulatedCrash.class);
                }
                counters = new FigureCounters(database);
                figures = new TargetFigures(views, counters);
                projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views, counters));
            }
            deliver(List.of(event), position++);
        }

        assertCountedEqualsScanned();
    }

    /**
     * Within a tracking processor's batch the cases are counted once, at the batch's end, as one change: nothing is
     * written to the counters while the batch runs, each counter document takes one update a batch, and the figures
     * equal the scan's after batches of any size, redelivered batches and batches that crash midway included.
     */
    @Test
    void a_batch_of_events_is_counted_at_its_end_as_one_change_exactly_once() throws Exception {
        List<Object> ledger = generatedLedger(new Random(37), 200);
        var stored = database.getCollection(FigureCounters.COLLECTION);
        Random sizes = new Random(41);
        int batches = 0;
        for (int from = 0; from < ledger.size(); batches++) {
            int to = Math.min(ledger.size(), from + 1 + sizes.nextInt(100));
            List<Object> batch = ledger.subList(from, to);
            long before = stored.countDocuments();
            deliverBatch(batch, from + 1, () -> assertThat(stored.countDocuments()).as("counters untouched while the batch runs")
                    .isEqualTo(before));
            if (sizes.nextInt(4) == 0) deliverBatch(batch, from + 1, () -> {}); // redelivered whole: counted once
            from = to;
        }
        assertCountedEqualsScanned();
        java.util.Set<Object> changes = new java.util.HashSet<>();
        for (Document counter : stored.find(new Document("last", new Document("$exists", true)))) changes.add(counter.get("last"));
        assertThat(changes.size()).as("distinct changes the counter documents carry: at most one a batch").isBetween(1, batches);

        // a crash midway through a batch's change, then the batch again in a new process
        List<Object> more = generatedLedger(new Random(43), 60, 200); // other cases: a case is filed once
        long position = ledger.size() + 1;
        int crashed = 0;
        for (int from = 0; from < more.size(); ) {
            int to = Math.min(more.size(), from + 1 + sizes.nextInt(30));
            List<Object> batch = more.subList(from, to);
            counters.crashAfter(sizes.nextInt(40));
            try {
                deliverBatch(batch, position + from, () -> {});
            } catch (FigureCounters.SimulatedCrash crash) {
                crashed++; // as a SIGKILL: nothing after it ran
            }
            counters = new FigureCounters(database);
            figures = new TargetFigures(views, counters);
            projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views, counters));
            deliverBatch(batch, position + from, () -> {});
            from = to;
        }
        assertThat(crashed).as("batches whose change crashed midway").isGreaterThan(3);
        assertCountedEqualsScanned();
    }

    @Test
    void a_reset_clears_the_counters_and_a_replay_counts_them_again() throws Exception {
        List<Object> ledger = generatedLedger(new Random(29), 80);
        deliver(ledger, 1);
        List<Document> built = counterDocuments();

        projection.prepareReset(null);
        assertThat(database.getCollection(FigureCounters.COLLECTION).find().into(new ArrayList<>()))
                .as("only the layout's mark is left").extracting(d -> d.get("_id")).containsExactly("layout");
        deliver(ledger, 1);

        assertThat(counterDocuments()).isEqualTo(built);
    }

    @Test
    void counters_of_an_older_layout_are_neither_read_nor_added_to_until_a_replay_rebuilds_them() throws Exception {
        List<Object> ledger = generatedLedger(new Random(31), 60);
        // what the version before kept: one document per scope and year (days included), no layout mark
        var stored = database.getCollection(FigureCounters.COLLECTION);
        stored.insertOne(new Document("_id", "years").append("years", List.of(2025, 2026)));
        stored.insertOne(new Document("_id", "all|2025").append("c", new Document("_", new Document("y", new Document("filed", 999L)))));
        counters = new FigureCounters(database);
        figures = new TargetFigures(views, counters);
        projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views, counters));
        deliver(ledger, 1);

        assertThat(stored.countDocuments()).as("the older counters are left as they are").isEqualTo(2);
        assertCountedEqualsScanned(); // answered by the scan meanwhile, never from the older counters

        projection.prepareReset(null);
        deliver(ledger, 1);
        assertThat(stored.countDocuments()).as("rebuilt in this layout").isGreaterThan(2);
        assertCountedEqualsScanned();
    }

    /**
     * Layout 8 kept the same documents as this one but left a changed decision's republication out of the disclosure rate:
     * its counters would answer with the old definition, so they are not read until a replay of the case views rebuilds them.
     */
    @Test
    void counters_of_the_layout_before_the_republications_counted_are_rebuilt_not_taken_over() throws Exception {
        List<Object> ledger = generatedLedger(new Random(37), 120);
        int half = ledger.size() / 2;
        deliver(ledger.subList(0, half), 1);
        var stored = database.getCollection(FigureCounters.COLLECTION);
        stored.updateOne(new Document("_id", "all|2026-03"), new Document("$inc", new Document("c:_:filed", 9_999L)),
                new com.mongodb.client.model.UpdateOptions().upsert(true)); // wrong, so that reading it shows
        stored.replaceOne(new Document("_id", "layout"), new Document("_id", "layout").append("version", 8));
        counters = new FigureCounters(database);
        figures = new TargetFigures(views, counters);
        projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views, counters));

        assertCountedEqualsScanned(); // answered by the scan, never from the older counters
        deliver(ledger.subList(half, ledger.size()), half + 1);
        assertThat(stored.find(new Document("_id", "layout")).first()).as("left as it was until the replay").containsEntry("version", 8);
        assertCountedEqualsScanned();

        projection.prepareReset(null);
        deliver(ledger, 1);
        assertThat(stored.find(new Document("_id", "layout")).first()).containsEntry("version", 9);
        assertCountedEqualsScanned();
        assertThat(figures.of(new CaseViews.Scope(null, null), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))
                .closureToFiling().denominator()).as("every case filed in the two years").isEqualTo(120);
    }

    @Test
    void a_period_is_covered_by_whole_months_and_the_days_at_its_edges() {
        assertThat(FigureCounters.periods(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .containsExactly("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12");
        assertThat(FigureCounters.periods(2025, LocalDate.of(2024, 12, 30), LocalDate.of(2025, 3, 2)))
                .containsExactly("m01", "m02", "d0301", "d0302");
        assertThat(FigureCounters.periods(2026, LocalDate.of(2026, 2, 27), LocalDate.of(2027, 1, 5)))
                .containsExactly("d0227", "d0228", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12");
    }

    private void assertCountedEqualsScanned() {
        List<CaseViews.Scope> scopes = new ArrayList<>();
        scopes.add(new CaseViews.Scope(null, null));
        for (String prefix : List.of("1", "11", "110", "1101", "110105", "31", "4403", "44010", "440106", "65")) {
            scopes.add(new CaseViews.Scope(null, new Division(prefix)));
        }
        for (String[] bureau : BUREAUS) scopes.add(new CaseViews.Scope(bureau[0], null));
        scopes.add(new CaseViews.Scope(BUREAUS[5][0], new Division("110105")));
        scopes.add(new CaseViews.Scope(BUREAUS[5][0], new Division("1101")));
        scopes.add(new CaseViews.Scope(BUREAUS[0][0], new Division("31")));
        List<LocalDate[]> periods = List.of(
                period("2025-01-01", "2025-12-31"), period("2026-01-01", "2026-12-31"), period("2025-04-01", "2025-06-30"),
                period("2025-03-17", "2026-02-11"), period("2025-07-09", "2025-07-09"), period("2024-01-01", "2027-12-31"),
                period("2025-12-20", "2026-01-10"));
        for (CaseViews.Scope scope : scopes) {
            for (LocalDate[] p : periods) {
                assertThat(figures.of(scope, p[0], p[1])).as(scope + " " + p[0] + ".." + p[1]).isEqualTo(figures.scanned(scope, p[0], p[1]));
            }
        }
    }

    private static LocalDate[] period(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    /**
     * A ledger of {@code size} cases over 2025 and 2026: filed by six bureaus, decided (penalty or not) on time or late,
     * transferred, missed, published or withheld in and out of time, revoked and withdrawn, closed; the cases' events
     * interleaved as bureaus record them, each case's in its order.
     */
    private static List<Object> generatedLedger(Random random, int size) {
        return generatedLedger(random, size, 0);
    }

    /** {@link #generatedLedger(Random, int)} of cases numbered from {@code first}. */
    private static List<Object> generatedLedger(Random random, int size, int first) {
        List<LinkedList<Object>> cases = new ArrayList<>();
        for (int i = first; i < first + size; i++) cases.add(new LinkedList<>(lifecycle(random, i)));
        List<Object> ledger = new ArrayList<>();
        while (!cases.isEmpty()) {
            LinkedList<Object> next = cases.get(random.nextInt(cases.size()));
            ledger.add(next.removeFirst());
            if (next.isEmpty()) cases.remove(next);
        }
        return ledger;
    }

    private static List<Object> lifecycle(Random r, int index) {
        String caseId = "case-" + index;
        String[] bureau = BUREAUS[r.nextInt(BUREAUS.length)];
        String division = bureau == BUREAUS[5] && r.nextBoolean() ? "110105" : bureau[1];
        if (r.nextInt(20) == 0) division = division.substring(0, r.nextBoolean() ? 5 : 3); // a division of an odd number of digits
        LocalDate filed = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(700));
        Deadline decisionDeadline = new Deadline(filed.plusDays(90), false);
        Procedure procedure = r.nextInt(8) == 0 ? Procedure.SIMPLE : Procedure.ORDINARY;
        List<Object> events = new ArrayList<>();
        events.add(new CaseFiled(caseId, bureau[0], "市场监督管理局", division, filed, IpType.TRADEMARK, "商标侵权", procedure, "举报",
                new Party(PartyKind.LEGAL_PERSON, "某某贸易有限公司" + index, "91110000600037341L", null, "张三"), decisionDeadline,
                filed.plusDays(180), "CN-2026.1"));
        int outcome = r.nextInt(10);
        if (outcome == 0) return events; // still open
        if (outcome == 1) {
            events.add(new DecisionDeadlineMissed(caseId, decisionDeadline, decisionDeadline.dueOn().plusDays(1), "CN-2026.1"));
            return events;
        }
        LocalDate decided = filed.plusDays(10 + r.nextInt(120));
        boolean inTime = !decided.isAfter(decisionDeadline.dueOn());
        if (outcome == 2) {
            events.add(new CaseTransferredToJudiciary(caseId, decided, "某某区公安分局", "涉嫌犯罪", decisionDeadline, inTime, "CN-2026.1"));
            return events;
        }
        if (outcome == 3) {
            events.add(new NoPenaltyDecided(caseId, "d-" + index, "不予处罚〔2025〕" + index + "号", decided, "第三十三条", "情节轻微",
                    decisionDeadline, inTime, "CN-2026.1"));
            return events;
        }
        List<Penalty> penalties = r.nextInt(6) == 0 ? List.of(new Penalty(PenaltyType.WARNING, null, "警告"))
                : List.of(new Penalty(PenaltyType.FINE, new BigDecimal(1000 + r.nextInt(90_000)), "罚款"));
        events.add(new PenaltyDecided(caseId, "d-" + index, "知罚〔2025〕" + index + "号", decided, procedure, penalties, "商标法第六十条",
                "销售侵权商品", decisionDeadline, inTime, new Deadline(decided.plusDays(15), false), "CN-2026.1"));
        int disclosure = r.nextInt(6);
        Deadline disclosureDeadline = new Deadline(decided.plusDays(28), false);
        Deadline doubleDeadline = new Deadline(decided.plusDays(9), false);
        if (disclosure == 0) {
            events.add(new DisclosureDeadlineMissed(caseId, "d-" + index, disclosureDeadline, disclosureDeadline.dueOn().plusDays(1), "CN-2026.1"));
        } else if (disclosure == 1) {
            events.add(new DisclosureDecided(caseId, "d-" + index, null, DisclosureAction.WITHHOLD, decided.plusDays(2), "OTHER_LAW",
                    disclosureDeadline, true, doubleDeadline, true, null, null, "CN-2026.1", List.of(), null));
        } else {
            LocalDate published = decided.plusDays(r.nextInt(40));
            events.add(new DisclosureDecided(caseId, "d-" + index, "r-" + index, DisclosureAction.PUBLISH, published, null,
                    disclosureDeadline, !published.isAfter(disclosureDeadline.dueOn()), doubleDeadline,
                    !published.isAfter(doubleDeadline.dueOn()), new Deadline(published.plusYears(3), false), null, "CN-2026.1", List.of(), null));
            if (r.nextInt(5) == 0) {
                LocalDate revoked = published.plusDays(5 + r.nextInt(60));
                events.add(new DecisionRevised(caseId, "d-" + index, RevisionKind.REVOKED, RevisionBy.RECONSIDERATION, "复议〔2025〕" + index,
                        revoked, "撤销", List.of(), "CN-2026.1"));
                LocalDate withdrawn = revoked.plusDays(r.nextInt(6));
                Deadline withdrawalDeadline = new Deadline(revoked.plusDays(3), false);
                events.add(new DisclosureWithdrawn(caseId, "r-" + index, withdrawn, "撤销", RevisionKind.REVOKED, withdrawalDeadline,
                        !withdrawn.isAfter(withdrawalDeadline.dueOn()), "CN-2026.1"));
                return events;
            }
        }
        if (r.nextBoolean()) events.add(new CaseClosed(caseId, decided.plusDays(20 + r.nextInt(200)), "结案"));
        return events;
    }

    private void deliver(List<Object> events, long firstIndex) throws Exception {
        long index = firstIndex;
        for (Object event : events) {
            projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index++),
                    GenericEventMessage.asEventMessage(event)));
        }
    }

    /**
     * {@code events} as one batch of a tracking processor (positions from {@code firstIndex}): handled in one batching unit
     * of work, {@code whileOpen} run after the last handler and before the batch ends; a failure of the batch thrown.
     */
    private void deliverBatch(List<Object> events, long firstIndex, Runnable whileOpen) throws Exception {
        List<org.axonframework.eventhandling.EventMessage<?>> messages = new ArrayList<>();
        long index = firstIndex;
        for (Object event : events) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index++), GenericEventMessage.asEventMessage(event)));
        }
        var unit = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(messages);
        unit.onPrepareCommit(u -> whileOpen.run()); // before the batch's end, which the counters' first change registered after it
        var result = unit.executeWithResult(() -> {
            projection.handle(unit.getMessage());
            return null;
        });
        if (result.isExceptional()) throw (Exception) result.exceptionResult();
    }

    private List<Document> counterDocuments() {
        return database.getCollection(FigureCounters.COLLECTION).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
