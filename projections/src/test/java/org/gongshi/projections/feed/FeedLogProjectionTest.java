package org.gongshi.projections.feed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.disclosure.RedactionPolicy;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureCorrected;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.Subject;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed numbers every public change once, whatever position its token reports. */
class FeedLogProjectionTest {

    MongoServer server;
    MongoClient client;
    FeedLog log;
    AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        log = new FeedLog(client.getDatabase("feed-test"));
        log.ensureIndexes();
        projection = new AnnotationEventHandlerAdapter(new FeedLogProjection(log, "https://gongshi.example/ledger"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void an_event_committed_late_gets_its_own_entry_though_its_token_shares_the_position_of_the_one_before() throws Exception {
        var second = added("listing-2");
        var first = added("listing-1");
        // ledger indexes 1 and 2: 2 committed first, so the reader saw it with a gap at 1; when 1 lands,
        // its gap-aware token still says position 2
        GapAwareTrackingToken afterSecond = GapAwareTrackingToken.newInstance(2, Set.of(1L));
        GapAwareTrackingToken afterFirst = afterSecond.advanceTo(1, 1000);
        assertThat(afterFirst.position()).hasValue(2);

        deliver(second, afterSecond);
        deliver(first, afterFirst);
        deliver(first, afterFirst); // redelivered

        assertThat(log.after(-1, 10, null, null)).extracting(FeedEntry::seq, FeedEntry::subject, FeedEntry::eventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "listing-2", second.getIdentifier()),
                        org.assertj.core.groups.Tuple.tuple(1L, "listing-1", first.getIdentifier()));
    }

    /**
     * A listing.added names the listing authority where the event recorded it (a credit platform's sweep, stop 74: its code
     * only); an entry listed before keeps its bytes, so a rebuild of the feed gives the same log.
     */
    @Test
    void a_listing_entry_names_its_authority_where_its_event_recorded_it() throws Exception {
        LocalDate on = LocalDate.of(2026, 6, 1);
        deliver(added("listing-1"), new org.axonframework.eventhandling.GlobalSequenceTrackingToken(1));
        deliver(new GenericEventMessage<>(new ListingAdded("listing-2", "91110000600037341L", "110105", ListType.REPEATED_INFRINGER,
                ListingCategory.values()[0], new Subject("某某贸易有限公司", "91110000600037341L"), List.of("case-1", "case-2"), "两次侵权",
                on, new Deadline(on.plusYears(3), false), new Deadline(on.plusYears(1), false), new Deadline(on.minusDays(10), false), true,
                "CN-2026.1", "北京市市场监督管理局")), new org.axonframework.eventhandling.GlobalSequenceTrackingToken(2));

        List<FeedEntry> entries = log.after(-1, 10, null, null);
        assertThat(entries.get(0).line()).doesNotContain("authorityName").contains("\"authorityUscc\":\"91110000600037341L\"");
        assertThat(entries.get(1).line()).contains("\"authorityName\":\"北京市市场监督管理局\",\"authorityUscc\":\"91110000600037341L\"");
    }

    @Test
    void entries_written_before_event_ids_were_stored_take_theirs_from_their_cloud_event() {
        var raw = client.getDatabase("legacy-feed").getCollection(FeedLog.ENTRIES);
        raw.createIndex(new org.bson.Document("globalIndex", 1), new com.mongodb.client.model.IndexOptions().unique(true).name("feed_event"));
        for (long seq = 0; seq < 2; seq++) {
            raw.insertOne(new org.bson.Document("_id", seq).append("globalIndex", seq + 7)
                    .append("line", "{\"specversion\":\"1.0\",\"id\":\"event-" + seq + "\",\"sequence\":" + seq + "}"));
        }
        FeedLog legacy = new FeedLog(client.getDatabase("legacy-feed"));
        legacy.ensureIndexes();
        legacy.ensureIndexes(); // and again at the next start: nothing left to do

        assertThat(legacy.after(-1, 10, null, null)).extracting(FeedEntry::eventId).containsExactly("event-0", "event-1");
        List<String> indexes = new java.util.ArrayList<>();
        raw.listIndexes().forEach(i -> indexes.add(i.getString("name")));
        assertThat(indexes).contains("feed_event_id").doesNotContain("feed_event");
    }

    @Test
    void a_correction_appends_a_retraction_naming_the_entry_it_takes_back_then_the_corrected_record_never_rewriting_either() throws Exception {
        PublicRecord record = RedactionPolicy.publicRecord("decision-1", new Party(PartyKind.LEGAL_PERSON, "某某贸易有限公司", "91110000600037341L",
                        null, "王示例"), "京朝市监罚〔2026〕1号", "销售侵权商品", "经周示例介绍销售侵权商品。", "《商标法》第六十条",
                List.of(new Penalty(PenaltyType.FINE, new java.math.BigDecimal("50000"), null)), LocalDate.of(2026, 3, 2),
                LocalDate.of(2029, 3, 2), "北京市朝阳区市场监督管理局", "11110105MB0000000X", IpType.TRADEMARK, "110105", List.of());
        var published = new GenericEventMessage<>(new DisclosureDecided("case-1", "decision-1", "decision-1", DisclosureAction.PUBLISH,
                LocalDate.of(2026, 3, 5), null, null, true, null, true, new Deadline(LocalDate.of(2029, 3, 2), false), record, "v", List.of(), null));
        PublicRecord hidden = RedactionPolicy.corrected(record, null, null, null, null, null, List.of("周示例"), List.of());
        var corrected = new GenericEventMessage<>(new DisclosureCorrected("case-1", "decision-1", LocalDate.of(2026, 3, 9), "隐去第三人姓名",
                hidden, List.of("周示例")));
        deliver(published, GapAwareTrackingToken.newInstance(1, Set.of()));
        byte[] publishedLeaf = log.leafHash(0);
        deliver(corrected, GapAwareTrackingToken.newInstance(2, Set.of()));
        deliver(corrected, GapAwareTrackingToken.newInstance(2, Set.of())); // redelivered: nothing more

        List<FeedEntry> entries = log.after(-1, 10, null, null);
        assertThat(entries).extracting(FeedEntry::type).containsExactly(FeedTypes.DISCLOSURE_PUBLISHED, FeedTypes.DISCLOSURE_RETRACTED,
                FeedTypes.DISCLOSURE_CORRECTED);
        assertThat(entries.get(1).line()).contains("\"retracts\":0").contains("\"id\":\"" + corrected.getIdentifier() + FeedLogProjection.RETRACTION + "\"");
        assertThat(entries.get(2).line()).doesNotContain("周示例");
        assertThat(log.leafHash(0)).as("the published entry is never rewritten").isEqualTo(publishedLeaf);
        assertThat(FeedLogProjection.RECORD.publicBefore(log.appending(List.of()), "decision-1", 3)).map(FeedLog.Current::seq).hasValue(2L);
        assertThat(entries.get(2).line()).as("a correction recorded before it carried its publication day keeps its bytes")
                .doesNotContain("publishedOn");

        // a correction that records the publication day carries it, as the published entry did: the entry a snapshot holds for the
        // record (a credit platform's sweep from outside, stop 76: a platform starting from the snapshot could not know it)
        deliver(new GenericEventMessage<>(new DisclosureCorrected("case-1", "decision-1", LocalDate.of(2026, 3, 10), "更正违法事实",
                hidden, List.of("周示例"), LocalDate.of(2026, 3, 5))), GapAwareTrackingToken.newInstance(3, Set.of()));
        assertThat(log.after(-1, 10, null, null).get(4).line())
                .contains("\"publishedOn\":\"2026-03-05\",\"correctedOn\":\"2026-03-10\",\"correctionReason\":\"更正违法事实\"");
    }


    /** A list entry added, a sanction on it, the entry removed, and another added: positions 1..4. */
    private List<org.axonframework.eventhandling.TrackedEventMessage<?>> history() {
        LocalDate on = LocalDate.of(2026, 6, 1);
        List<GenericEventMessage<?>> events = List.of(added("listing-1"),
                new GenericEventMessage<>(new SanctionImposed("listing-1", "sanction-1", "91110000600037341L", SanctionMeasure.values()[0],
                        "政府采购", on, on.plusYears(3), "CN-2026.1")),
                new GenericEventMessage<>(new ListingRemoved("listing-1", ListType.REPEATED_INFRINGER,
                        new Subject("某某贸易有限公司", "91110000600037341L"), on, RemovalReason.values()[0], on.plusMonths(1), "依法移出", "CN-2026.1")),
                added("listing-2"));
        List<org.axonframework.eventhandling.TrackedEventMessage<?>> tracked = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            tracked.add(new GenericTrackedEventMessage<>(new org.axonframework.eventhandling.GlobalSequenceTrackingToken(i + 1), events.get(i)));
        }
        return tracked;
    }

    /** What delivering {@code history} one event at a time to this test's log writes: its lines. */
    private List<String> oneAtATime(List<org.axonframework.eventhandling.TrackedEventMessage<?>> history) throws Exception {
        for (var event : history) projection.handle(event);
        return lines();
    }

    /** A feed log of its own in {@code database}, its indexes made. */
    private static FeedLog logIn(org.gongshi.projections.InMemoryMongo mongo, String database) {
        FeedLog log = new FeedLog(mongo.database(database));
        log.ensureIndexes();
        return log;
    }

    private static AnnotationEventHandlerAdapter feedOf(FeedLog log) {
        return new AnnotationEventHandlerAdapter(new FeedLogProjection(log, "https://gongshi.example/ledger"));
    }

    private List<String> lines() {
        return log.after(-1, 100, null, null).stream().map(FeedEntry::line).toList();
    }

    @Test
    void a_replay_after_a_reset_keeps_every_published_entry_and_reproduces_it_byte_for_byte() throws Exception {
        var history = history();
        for (var event : history) projection.handle(event);
        List<String> published = lines();
        assertThat(published).hasSize(4);
        assertThat(published.get(2)).contains("\"retracts\":0");

        projection.prepareReset(null); // a reset, with live readers: the log stays
        assertThat(lines()).isEqualTo(published);
        for (var event : history) projection.handle(event);
        projection.handle(history.get(2)); // and a redelivery during the replay

        assertThat(lines()).isEqualTo(published);
    }

    @Test
    void a_rebuild_that_would_change_one_byte_of_a_published_entry_is_refused_and_writes_nothing() throws Exception {
        var history = history();
        for (var event : history) projection.handle(event);
        List<String> published = lines();
        // the same projection, but its code now writes one byte differently
        var changed = new AnnotationEventHandlerAdapter(new FeedLogProjection(log, "https://gongshi.example/ledgeR"));
        changed.prepareReset(null);

        assertThatThrownBy(() -> changed.handle(history.get(0))).isInstanceOf(FeedLogViolation.class)
                .hasMessageContaining("entry 0").hasMessageContaining("ledgeR");
        assertThat(lines()).isEqualTo(published);
    }

    @Test
    void a_replay_that_does_not_reproduce_a_published_entry_is_refused() throws Exception {
        var history = history();
        for (var event : history) projection.handle(event);
        List<String> published = lines();
        projection.prepareReset(null);

        // the ledger no longer holds the first event: the replay meets the second one first
        assertThatThrownBy(() -> projection.handle(history.get(1))).isInstanceOf(FeedLogViolation.class)
                .hasMessageContaining("is entry 1 but the replay reached it at entry 0");
        assertThat(lines()).isEqualTo(published);
    }

    @Test
    void a_replay_that_meets_a_new_event_before_reproducing_the_whole_log_is_refused() throws Exception {
        var history = history();
        for (var event : history.subList(0, 2)) projection.handle(event);
        List<String> published = lines();
        projection.prepareReset(null);

        assertThatThrownBy(() -> projection.handle(history.get(3))).isInstanceOf(FeedLogViolation.class)
                .hasMessageContaining("entries 0..1 were not reproduced");
        assertThat(lines()).isEqualTo(published);
    }

    @Test
    void a_batch_writes_the_entries_one_event_at_a_time_would_and_asks_for_redeliveries_and_the_log_size_once() throws Exception {
        var history = history();
        List<String> oneAtATime = oneAtATime(history);

        try (org.gongshi.projections.InMemoryMongo mongo = new org.gongshi.projections.InMemoryMongo()) {
            FeedLog batched = logIn(mongo, "feed-batched");
            var feed = feedOf(batched);
            deliverBatch(feed, history);
            assertThat(batched.after(-1, 100, null, null).stream().map(FeedEntry::line).toList()).isEqualTo(oneAtATime);

            // a batch restarted midway (three events it has) with 30 new list entries after them
            List<org.axonframework.eventhandling.TrackedEventMessage<?>> again = new java.util.ArrayList<>(history.subList(1, 4));
            for (int i = 0; i < 30; i++) {
                again.add(new GenericTrackedEventMessage<>(new org.axonframework.eventhandling.GlobalSequenceTrackingToken(10 + i), added("listing-new-" + i)));
            }
            int before = mongo.commandsSent();
            deliverBatch(feed, again);
            int batchRoundTrips = mongo.commandsSent() - before;

            List<FeedEntry> entries = batched.after(-1, 100, null, null);
            assertThat(entries.subList(0, 4)).extracting(FeedEntry::line).isEqualTo(oneAtATime);
            assertThat(entries).extracting(FeedEntry::seq).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 34).boxed().toList());
            assertThat(entries.subList(4, 34)).extracting(FeedEntry::subject).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 30).mapToObj(i -> "listing-new-" + i).toList());
            // which events have entries, and the size, asked once; per redelivered entry at most a read of the log before
            // it; the batch's entries in one insert and what they made public in one write, at its end (one at a time: 5 an entry)
            assertThat(batchRoundTrips).as("round trips for the batch").isLessThanOrEqualTo(2 + 3 + 2);
        }
    }

    /** A batch writes its entries at its end: one that fails writes none, and its retry numbers them from where the log stood. */
    @Test
    void a_batch_that_fails_writes_none_of_its_entries_and_its_retry_appends_them_from_where_the_log_stood() throws Exception {
        var history = history();
        List<String> oneAtATime = oneAtATime(history);

        try (org.gongshi.projections.InMemoryMongo mongo = new org.gongshi.projections.InMemoryMongo()) {
            FeedLog batched = logIn(mongo, "feed-failed");
            var feed = feedOf(batched);
            var last = history.get(history.size() - 1);
            org.axonframework.eventhandling.EventMessageHandler failingAtTheLast = new org.axonframework.eventhandling.EventMessageHandler() {
                @Override
                public Object handle(org.axonframework.eventhandling.EventMessage<?> event) throws Exception {
                    Object handled = feed.handle(event);
                    if (event == last) throw new IllegalStateException("injected after the last event's entry");
                    return handled;
                }

                @Override
                public boolean canHandle(org.axonframework.eventhandling.EventMessage<?> event) {
                    return feed.canHandle(event);
                }
            };
            assertThatThrownBy(() -> org.gongshi.projections.writes.BatchedWrites.handleAsOneBatch(history, failingAtTheLast))
                    .hasMessageContaining("injected");
            assertThat(batched.size()).as("nothing of the failed batch").isZero();
            assertThat(mongo.database("feed-failed").getCollection(FeedLog.CURRENT).countDocuments()).isZero();

            deliverBatch(feed, history);
            assertThat(batched.after(-1, 100, null, null).stream().map(FeedEntry::line).toList()).isEqualTo(oneAtATime);
        }
    }

    @Test
    void a_snapshot_read_while_the_feed_grows_is_exactly_what_was_public_after_its_declared_entry() throws Exception {
        deliver(added("listing-1"), GapAwareTrackingToken.newInstance(1, Set.of()));
        deliver(added("listing-2"), GapAwareTrackingToken.newInstance(2, Set.of()));
        long at = log.reflectedPosition();
        assertThat(at).isEqualTo(1);
        List<String> before = log.after(-1, 10, null, null).stream().map(FeedEntry::line).toList();
        // while the snapshot pages: one of them is removed, and another is added
        LocalDate on = LocalDate.of(2026, 6, 1);
        deliver(new GenericEventMessage<>(new ListingRemoved("listing-1", ListType.REPEATED_INFRINGER, new Subject("某某贸易有限公司",
                "91110000600037341L"), on, RemovalReason.LISTED_IN_ERROR, on.plusDays(3), "列入错误", "CN-2026.1")),
                GapAwareTrackingToken.newInstance(3, Set.of()));
        deliver(added("listing-3"), GapAwareTrackingToken.newInstance(4, Set.of()));

        List<String> snapshot = new java.util.ArrayList<>();
        String afterKey = null;
        do {
            FeedLog.PublicPage page = log.publicAt(at, afterKey, 1);
            snapshot.addAll(page.lines());
            afterKey = page.lastKey();
        } while (afterKey != null);
        assertThat(snapshot).as("both as they stood after entry 1, not the one added after it").containsExactlyInAnyOrderElementsOf(before);
        assertThat(log.publicAt(3, null, 10).lines()).as("now").hasSize(2).doesNotContain(before.get(0));

        // the projection has appended entry 3 and not yet recorded what it made public: the snapshot is of entry 2
        client.getDatabase("feed-test").getCollection(FeedLog.CURRENT).deleteOne(new org.bson.Document("_id", "listing:listing-3"));
        assertThat(log.reflectedPosition()).isEqualTo(2);
    }

    private static void deliverBatch(AnnotationEventHandlerAdapter feed, List<org.axonframework.eventhandling.TrackedEventMessage<?>> batch)
            throws Exception {
        org.gongshi.projections.writes.BatchedWrites.handleAsOneBatch(batch, feed); // as a processor: a failure fails the batch
    }

    private void deliver(GenericEventMessage<?> event, TrackingToken token) throws Exception {
        projection.handle(new GenericTrackedEventMessage<>(token, event));
    }

    private static GenericEventMessage<ListingAdded> added(String listingId) {
        LocalDate on = LocalDate.of(2026, 6, 1);
        return new GenericEventMessage<>(new ListingAdded(listingId, "91110000600037341L", "110105", ListType.REPEATED_INFRINGER,
                ListingCategory.values()[0], new Subject("某某贸易有限公司", "91110000600037341L"), List.of("case-1", "case-2"), "两次侵权",
                on, new Deadline(on.plusYears(3), false), new Deadline(on.plusYears(1), false), new Deadline(on.minusDays(10), false), true,
                "CN-2026.1"));
    }
}
