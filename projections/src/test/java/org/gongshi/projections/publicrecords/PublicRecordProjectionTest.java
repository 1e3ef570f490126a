package org.gongshi.projections.publicrecords;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.disclosure.RedactionPolicy;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.disclosure.event.DisclosureCorrected;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public penalty record shows the period the ledger decided, with its provisional mark. */
class PublicRecordProjectionTest {

    private static final String BUREAU = "91110000600037341L";
    private static final Party COMPANY = new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", BUREAU, null, "王示例");

    private MongoServer server;
    private MongoClient client;
    private PublicRecords records;
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        records = new PublicRecords(client.getDatabase("public-records-test"));
        projection = new AnnotationEventHandlerAdapter(new PublicRecordProjection(records));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_name_indexes_of_earlier_versions_give_way_to_ones_holding_the_page_sort_and_in_a_province_the_search_name() {
        var collection = client.getDatabase("public-records-test").getCollection(PublicRecords.COLLECTION);
        collection.createIndex(com.mongodb.client.model.Indexes.ascending("state", "nameKeys"),
                new com.mongodb.client.model.IndexOptions().name("public_name"));
        collection.createIndex(com.mongodb.client.model.Indexes.compoundIndex(com.mongodb.client.model.Indexes.ascending("state", PublicRecords.PROVINCE_NAME_KEYS),
                com.mongodb.client.model.Indexes.descending("record.decidedOn")), new com.mongodb.client.model.IndexOptions().name("public_province_name_newest"));
        records.ensureIndexes();
        records.ensureIndexes(); // and again at the next start: nothing left to do
        java.util.Map<String, Object> keys = new java.util.HashMap<>();
        collection.listIndexes().forEach(index -> keys.put(index.getString("name"), index.get("key")));
        assertThat(keys).doesNotContainKeys("public_name", "public_province_name_newest")
                .containsEntry("public_name_newest", new org.bson.Document("state", 1).append("nameKeys", 1).append("record.decidedOn", -1))
                .containsEntry(PublicRecords.PROVINCE_NAME_INDEX, new org.bson.Document("state", 1).append(PublicRecords.PROVINCE_NAME_KEYS, 1)
                        .append("record.decidedOn", -1).append("_id", 1).append(PublicRecords.SEARCH_NAME, 1));
    }

    @Test
    void a_restriction_longer_than_3_years_is_public_for_its_term_marked_provisional_in_a_year_without_a_notice() throws Exception {
        // a 5-year business restriction decided 2026-02-10 and published 02-12: public until its term ends, 2031-02-09
        var restriction = List.of(new Penalty(PenaltyType.BUSINESS_RESTRICTION, null, "限制开展生产经营活动五年", LocalDate.of(2031, 2, 9)));
        publish("r-restriction", restriction, new Deadline(LocalDate.of(2031, 2, 9), true), 1);
        PublicRecordView view = records.find("r-restriction").orElseThrow();
        assertThat(view.record().publicUntil()).isEqualTo(LocalDate.of(2031, 2, 9));
        assertThat(view.publicUntilProvisional()).isTrue();

        // a 3-month period ending in 2026, whose notice is loaded: final
        var criticism = List.of(new Penalty(PenaltyType.CIRCULATED_CRITICISM, null, "通报批评"));
        publish("r-criticism", criticism, new Deadline(LocalDate.of(2026, 5, 12), false), 2);
        assertThat(records.find("r-criticism").orElseThrow().publicUntilProvisional()).isFalse();
    }

    /**
     * A record is public through the last day of its period and expired after it, on the ledger's day, whether or not its end
     * is recorded yet (a sweep from outside, stop 74: a historical import's record whose period ended in 2024 was public until
     * the import's grace day had passed).
     */
    @Test
    void a_record_stands_expired_on_a_day_after_its_period_whether_or_not_its_end_is_recorded() throws Exception {
        publish("r-criticism", List.of(new Penalty(PenaltyType.CIRCULATED_CRITICISM, null, "通报批评")),
                new Deadline(LocalDate.of(2026, 5, 12), false), 1);
        PublicRecordView published = records.find("r-criticism").orElseThrow();
        assertThat(published.asOn(LocalDate.of(2026, 5, 12))).isSameAs(published);
        PublicRecordView after = published.asOn(LocalDate.of(2026, 5, 13));
        assertThat(after.state()).isEqualTo(RecordState.EXPIRED);
        assertThat(after.endedOn()).isEqualTo(LocalDate.of(2026, 5, 13));
        assertThat(after.record()).isEqualTo(published.record());
    }

    /**
     * A historical import's record whose period ended before the day the import recorded it stands expired from the start, so
     * no search counts it (two sweeps from outside, stop 76: {@code total: 1} and no record, until its end was recorded a day
     * on); one imported while still public is published as any other.
     */
    @Test
    void an_imported_record_whose_period_ended_before_the_import_is_in_no_search_nor_its_count() throws Exception {
        var criticism = List.of(new Penalty(PenaltyType.CIRCULATED_CRITICISM, null, "通报批评"));
        java.time.Instant importedAt = LocalDate.of(2026, 12, 3).atTime(10, 0).atZone(org.gongshi.ledger.calendar.LedgerClock.LEGAL_ZONE).toInstant();
        java.util.Map<String, String> imported = java.util.Map.of(org.gongshi.ledger.vocabulary.MetadataKeys.HISTORICAL_IMPORT, "true");
        handle(1, new org.axonframework.eventhandling.GenericEventMessage<>("e-1", decided("r-ended", criticism,
                new Deadline(LocalDate.of(2026, 5, 12), false)), imported, importedAt));
        handle(2, new org.axonframework.eventhandling.GenericEventMessage<>("e-2", decided("r-public", criticism,
                new Deadline(LocalDate.of(2026, 12, 3), false)), imported, importedAt));
        PublicRecordView ended = records.find("r-ended").orElseThrow();
        assertThat(ended.state()).isEqualTo(RecordState.EXPIRED);
        assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2026, 5, 13));
        assertThat(records.find("r-public").orElseThrow().state()).isEqualTo(RecordState.PUBLISHED);
        PublicRecords.Page page = records.search(new PublicRecords.Search(null, BUREAU, null, null, null, null), 0, 20);
        assertThat(page.items()).extracting(PublicRecordView::recordId).containsExactly("r-public");
        assertThat(page.total()).isEqualTo(1);
    }

    private void handle(long index, org.axonframework.eventhandling.EventMessage<?> event) throws Exception {
        projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index), event));
    }

    /**
     * A processor's batch sends the records' writes together at its end, in the order they were made: a record published,
     * corrected and withdrawn within one batch ends as when each event was written alone, found by its corrected name.
     */
    @Test
    void public_records_written_at_a_batchs_end_are_what_writing_each_event_alone_makes() throws Exception {
        var fine = List.of(new Penalty(PenaltyType.FINE, new java.math.BigDecimal("10000.00"), null));
        var published = decided("r-1", fine, new Deadline(LocalDate.of(2026, 5, 12), false));
        PublicRecord renamed = RedactionPolicy.publicRecord("r-1", new Party(PartyKind.LEGAL_PERSON, "北京更正商贸有限公司", BUREAU, null, "王示例"),
                "京朝市监罚〔2026〕100号", "销售侵犯注册商标专用权的商品", "当事人销售侵犯注册商标专用权的商品。", "《商标法》第六十条第二款", fine,
                LocalDate.of(2026, 2, 10), LocalDate.of(2026, 5, 12), "北京市朝阳区市场监督管理局", BUREAU, IpType.TRADEMARK, "110105", List.of());
        List<Object> events = List.of(published, decided("r-2", fine, new Deadline(LocalDate.of(2026, 5, 12), false)),
                new DisclosureCorrected("case-r-1", "r-1", LocalDate.of(2026, 2, 20), "名称有误", renamed, List.of()),
                new DisclosureWithdrawn("case-r-2", "r-2", LocalDate.of(2026, 3, 1), "决定撤销", RevisionKind.REVOKED,
                        new Deadline(LocalDate.of(2026, 3, 4), false), true, "CN-2026.1"));
        List<org.axonframework.eventhandling.EventMessage<?>> tracked = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            tracked.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i + 1), GenericEventMessage.asEventMessage(events.get(i))));
        }
        for (var event : tracked) projection.handle(event);
        var collection = client.getDatabase("public-records-test").getCollection(PublicRecords.COLLECTION);
        List<org.bson.Document> alone = collection.find().sort(new org.bson.Document("_id", 1)).into(new java.util.ArrayList<>());
        assertThat(records.find("r-1").orElseThrow().record().subjectName()).isEqualTo("北京更正商贸有限公司");
        assertThat(records.find("r-2").orElseThrow().state()).isEqualTo(RecordState.WITHDRAWN);

        projection.prepareReset(null);
        org.gongshi.projections.writes.BatchedWrites.handleAsOneBatch(tracked, projection);
        assertThat(collection.find().sort(new org.bson.Document("_id", 1)).into(new java.util.ArrayList<>())).isEqualTo(alone);
    }

    private void publish(String recordId, List<Penalty> penalties, Deadline publicUntil, long index) throws Exception {
        projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage(decided(recordId, penalties, publicUntil))));
    }

    private static DisclosureDecided decided(String recordId, List<Penalty> penalties, Deadline publicUntil) {
        PublicRecord record = RedactionPolicy.publicRecord(recordId, COMPANY, "京朝市监罚〔2026〕100号", "销售侵犯注册商标专用权的商品",
                "当事人销售侵犯注册商标专用权的商品。", "《商标法》第六十条第二款", penalties, LocalDate.of(2026, 2, 10), publicUntil.dueOn(),
                "北京市朝阳区市场监督管理局", BUREAU, IpType.TRADEMARK, "110105", List.of());
        var event = new DisclosureDecided("case-" + recordId, recordId, recordId, DisclosureAction.PUBLISH, LocalDate.of(2026, 2, 12), null,
                new Deadline(LocalDate.of(2026, 3, 16), false), true, new Deadline(LocalDate.of(2026, 2, 26), false), true, publicUntil,
                record, "CN-2026.1", List.of(), null);
        return event;
    }
}
