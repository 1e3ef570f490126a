package org.gongshi.server.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded read-model store answers a query from a unique index whenever part of the query pins
 * that index's keys (an {@code _id} plus a condition: every projection's conditional write), with the
 * same answer a scan of the collection gives, and without reading the collection.
 */
class IndexProbeTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dir;

    private CrashConsistentH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> views;

    @BeforeEach
    void start() {
        start(true);
    }

    private void start(boolean fresh) {
        open(dir.resolve("mongo.mv"));
        if (!fresh) return;
        views.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        List<Document> documents = new ArrayList<>();
        for (long i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", "case-" + i).append("eventId", "event-" + i)
                    .append("lastGlobalIndex", i).append("division", i % 2 == 0 ? "110105" : "310101"));
        }
        views.insertMany(documents);
    }

    private void open(Path file) {
        ServedStore store = ServedStore.open(file, Duration.ofSeconds(1));
        backend = store.backend();
        server = store.server();
        client = store.client();
        views = client.getDatabase("probe").getCollection("views");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void documents_read_again_after_a_checkpoint_come_from_the_page_cache_not_the_file() {
        assertThat(backend.getMvStore().getCacheSize()).isEqualTo(CrashConsistentH2Backend.READ_CACHE_MB);
        assertThat(backend.getMvStore().getMaxPageSize()).isEqualTo(CrashConsistentH2Backend.PAGE_SPLIT_BYTES);
        backend.checkpoint();
        for (int round = 0; round < 20; round++) {
            for (long i = 0; i < DOCUMENTS; i++) assertThat(views.find(eq("_id", "case-" + i)).first()).isNotNull();
        }
        assertThat(backend.getMvStore().getFileStore().getCacheHitRatio()).as("% of page reads from the cache").isGreaterThan(90);
    }

    @Test
    void a_conditional_write_by_id_reads_only_that_document_and_applies_only_when_the_condition_holds() {
        long scans = backend.fullScans();

        // the write of an event newer than the document's last: applied
        assertThat(views.updateOne(and(eq("_id", "case-7"), lt("lastGlobalIndex", 100L)), set("lastGlobalIndex", 100L))
                .getModifiedCount()).isEqualTo(1);
        // the same event delivered again: the condition fails, nothing changes
        assertThat(views.updateOne(and(eq("_id", "case-7"), lt("lastGlobalIndex", 100L)), set("lastGlobalIndex", 100L))
                .getModifiedCount()).isZero();
        // an older event: nothing changes
        assertThat(views.updateOne(and(eq("_id", "case-7"), lt("lastGlobalIndex", 50L)), set("division", "999999"))
                .getModifiedCount()).isZero();
        assertThat(views.find(eq("_id", "case-7")).first()).containsEntry("lastGlobalIndex", 100L).containsEntry("division", "310101");

        assertThat(backend.fullScans()).as("collection scans for writes pinned by _id").isEqualTo(scans);
    }

    @Test
    void a_query_pinning_a_unique_index_gives_what_a_scan_gives() {
        List<Bson> queries = List.of(
                and(eq("_id", "case-4"), eq("division", "110105")),
                and(eq("_id", "case-4"), eq("division", "310101")), // pinned, but the rest does not hold
                and(eq("_id", "no-such-case"), gte("lastGlobalIndex", 0L)),
                and(eq("eventId", "event-12"), lt("lastGlobalIndex", 13L)),
                and(in("_id", "case-1", "case-2", "case-3", "case-999999"), gte("lastGlobalIndex", 2L)),
                and(and(eq("division", "110105"), eq("_id", "case-10")), regex("eventId", "^event-1")),
                new Document("_id", "case-20").append("lastGlobalIndex", new Document("$eq", 20L)));
        List<List<Document>> indexed = assertIndexedEqualsScanned(queries);
        assertThat(indexed).extracting(List::size).containsExactly(1, 0, 0, 1, 2, 1, 1);
    }

    @Test
    void a_query_that_pins_no_unique_index_still_scans_and_answers() {
        long scans = backend.fullScans();
        long inDivision = views.countDocuments(eq("division", "110105"));
        List<Document> range = views.find(and(gte("lastGlobalIndex", 10L), lt("lastGlobalIndex", 15L))).into(new ArrayList<>());
        assertThat(inDivision).isEqualTo(DOCUMENTS / 2);
        assertThat(range).extracting(d -> d.getLong("lastGlobalIndex")).containsExactlyInAnyOrderElementsOf(
                LongStream.range(10, 15).boxed().toList());
        assertThat(backend.fullScans()).isGreaterThan(scans);
    }

    @Test
    void a_non_unique_index_serves_equality_on_a_leading_prefix_of_its_keys_and_follows_every_write_and_a_restart() {
        views.createIndex(Indexes.ascending("division", "status"));
        views.createIndex(Indexes.ascending("tags"));
        views.updateMany(new Document(), set("status", "open"));
        views.updateOne(eq("_id", "case-3"), set("status", "closed"));
        views.updateOne(eq("_id", "case-5"), set("tags", List.of("a", "b")));
        views.updateOne(eq("_id", "case-7"), set("tags", List.of("b", "c")));
        views.deleteOne(eq("_id", "case-9"));
        views.insertOne(new Document("_id", 42L).append("eventId", "event-x1").append("division", "310101").append("status", "closed").append("tags", "a"));
        views.insertOne(new Document("_id", "42").append("eventId", "event-x2").append("division", "310101").append("status", 1).append("tags", List.of()));

        List<Bson> queries = List.of(
                eq("division", "310101"),
                and(eq("division", "310101"), eq("status", "closed")),
                and(eq("division", "110105"), eq("status", "closed"), lt("lastGlobalIndex", 100L)),
                and(eq("division", "310101"), eq("status", 1.0)), // 1.0 is 1, as in MongoDB
                eq("tags", "b"),
                eq("tags", "a"),
                in("tags", "a", "c", "z"),
                all("tags", "b", "c"), // the array holds b: looked up by b, then checked for c
                and(all("tags", "a", "b"), eq("division", "310101")),
                eq("division", "no-such-division"));
        assertIndexedEqualsScanned(queries);

        // the index is stored with the documents: a restart finds it as it was
        client.close();
        server.shutdownNow();
        start(false);
        assertIndexedEqualsScanned(queries);
        views.updateOne(eq("_id", "case-5"), set("tags", List.of("c")));
        views.updateOne(eq("_id", 42L), set("division", "110105"));
        assertIndexedEqualsScanned(queries);
        assertThat(views.countDocuments(eq("tags", "b"))).isEqualTo(1);
    }

    @Test
    void an_update_that_changes_no_indexed_value_keeps_the_entries_and_one_that_changes_a_value_or_its_type_moves_them() {
        views.createIndex(Indexes.ascending("division", "status"));
        views.createIndex(Indexes.ascending("record.kind"));
        views.updateMany(new Document(), Updates.combine(set("status", "open"), set("record", new Document("kind", "A").append("text", "x"))));
        views.updateOne(eq("_id", "case-3"), set("lastGlobalIndex", 5_000L)); // no indexed value changes
        views.updateOne(eq("_id", "case-5"), set("record.text", "y")); // a field beside an indexed one in the same subdocument
        views.updateOne(eq("_id", "case-7"), set("record.kind", "B"));
        views.updateOne(eq("_id", "case-9"), set("status", 1));
        views.updateOne(eq("_id", "case-9"), set("status", 1.0)); // equal in MongoDB, another type: its entry made again
        views.updateOne(eq("_id", "case-11"), Updates.unset("status"));

        List<List<Document>> found = assertIndexedEqualsScanned(List.of(
                and(eq("division", "310101"), eq("status", "open")),
                and(eq("division", "310101"), eq("status", 1)),
                eq("record.kind", "A"),
                eq("record.kind", "B")));
        assertThat(found).extracting(List::size).containsExactly(DOCUMENTS / 2 - 2, 1, DOCUMENTS - 1, 1);
        assertThat(found.get(0)).extracting(d -> d.getString("_id")).contains("case-3", "case-5", "case-7").doesNotContain("case-9", "case-11");
    }

    @Test
    void a_query_for_an_array_holding_several_elements_reads_only_the_documents_indexed_under_each_of_them() {
        views.createIndex(Indexes.ascending("state", "nameKeys"));
        // a name search: every record holds the common bigram, a few the rare one, one both and the third
        views.updateMany(new Document(), set("nameKeys", List.of("有限", "公司")));
        views.updateMany(in("_id", "case-3", "case-30", "case-300"), set("nameKeys", List.of("有限", "公司", "华为")));
        views.updateOne(eq("_id", "case-300"), set("nameKeys", List.of("有限", "公司", "华为", "技术")));
        views.updateMany(new Document(), set("state", "PUBLISHED"));

        long read = backend.documentsRead();
        List<List<Document>> found = assertIndexedEqualsScanned(List.of(
                and(eq("state", "PUBLISHED"), all("nameKeys", "有限", "华为")),
                and(eq("state", "PUBLISHED"), all("nameKeys", "有限", "公司", "华为", "技术")),
                and(eq("state", "PUBLISHED"), all("nameKeys", "公司", "没有"))));
        assertThat(found).extracting(List::size).containsExactly(3, 1, 0);
        // narrowed until a few are left (the second query stops at the three holding the rare bigram), never all 2,000
        assertThat(backend.documentsRead() - read).as("documents read to answer the three queries").isLessThanOrEqualTo(3 + 3 + 0);
    }

    @Test
    void an_array_holding_a_common_and_a_rare_element_is_answered_by_joining_their_entries_not_reading_every_common_one() {
        // a name in a province: every record holds the common bigram, four the rare one as well, asked for common one first
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("state", "nameKeys"), Indexes.descending("lastGlobalIndex")));
        views.updateMany(new Document(), Updates.combine(set("state", "PUBLISHED"), set("nameKeys", List.of("44:有限", "44:公司"))));
        views.updateMany(in("_id", "case-3", "case-30", "case-300", "case-1999"), set("nameKeys", List.of("44:有限", "44:公司", "44:华为")));
        Bson both = and(eq("state", "PUBLISHED"), all("nameKeys", "44:公司", "44:华为"));

        long joined = backend.entriesJoined();
        long read = backend.documentsRead();
        assertThat(views.find(both).sort(Sorts.orderBy(Sorts.descending("lastGlobalIndex"), Sorts.ascending("_id"))).limit(3)
                .into(new ArrayList<>())).extracting(d -> d.getString("_id")).containsExactly("case-1999", "case-300", "case-30");
        assertThat(views.countDocuments(both, new com.mongodb.client.model.CountOptions().limit(201))).isEqualTo(4);
        assertThat(backend.documentsRead() - read).as("documents read: the page's three, the count's four").isEqualTo(3 + 4);
        // each of the rare element's entries and a step from each in the common one's, twice: tens, never the 2,000
        assertThat(backend.entriesJoined() - joined).as("index entries the two joins read").isBetween(4L, 40L);
        assertThat(assertIndexedEqualsScanned(List.of(both, and(eq("state", "PUBLISHED"), all("nameKeys", "44:有限", "44:公司", "44:华为")),
                and(eq("state", "PUBLISHED"), all("nameKeys", "44:公司", "44:没有")), and(eq("state", "PUBLISHED"), all("nameKeys", "44:有限", "44:公司")))))
                .extracting(List::size).containsExactly(4, 4, 0, DOCUMENTS);
    }

    @Test
    void a_count_of_a_name_whose_bigrams_a_name_may_hold_apart_checks_the_name_in_the_index_entries_not_in_the_records() {
        // a name of three or more characters in a province: the join finds the records holding its bigrams, and the search
        // name, a key of the index after the page's sort, tells in each entry whether the name holds the query whole
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("state", "nameKeys"), Indexes.descending("lastGlobalIndex"),
                Indexes.ascending("_id", "searchName")));
        views.updateMany(new Document(), Updates.combine(set("state", "PUBLISHED"), set("nameKeys", List.of("44:有限", "44:公司")),
                set("searchName", "某某有限公司")));
        List<String> bigrams = List.of("44:华为", "44:为公", "44:公司");
        views.updateMany(in("_id", "case-3", "case-30", "case-300", "case-1999", "case-1998"), set("nameKeys", List.of("44:有限", "44:华为", "44:为公", "44:公司")));
        views.updateOne(eq("_id", "case-3"), set("searchName", "深圳华为公司"));
        views.updateOne(eq("_id", "case-30"), set("searchName", "华为为公司")); // every bigram, never the four together
        views.updateOne(eq("_id", "case-300"), set("searchName", "华为公司有限\0"));
        views.updateOne(eq("_id", "case-1999"), Updates.unset("searchName"));
        views.updateOne(eq("_id", "case-1998"), set("searchName", "华为公司"));
        Bson named = and(eq("state", "PUBLISHED"), all("nameKeys", bigrams), regex("searchName", java.util.regex.Pattern.quote("华为公司")));

        long read = backend.documentsRead();
        long counted = backend.countedInIndexes();
        assertThat(views.countDocuments(named, new com.mongodb.client.model.CountOptions().limit(201))).isEqualTo(3);
        assertThat(backend.documentsRead() - read).as("records read for the count").isZero();
        assertThat(backend.countedInIndexes() - counted).as("records counted in the index").isEqualTo(3);
        assertThat(views.countDocuments(named, new com.mongodb.client.model.CountOptions().limit(2))).isEqualTo(2);
        List<Bson> shapes = List.of(named,
                and(eq("state", "PUBLISHED"), all("nameKeys", bigrams), regex("searchName", "^华为")),
                and(eq("state", "PUBLISHED"), all("nameKeys", bigrams), regex("searchName", "公司$")),
                and(eq("state", "PUBLISHED"), eq("nameKeys", "44:华为"), regex("searchName", "为为")),
                and(eq("state", "PUBLISHED"), all("nameKeys", bigrams), regex("searchName", "华为", "i")),
                and(eq("state", "PUBLISHED"), all("nameKeys", List.of("44:有限", "44:没有")), regex("searchName", "有限")));
        long scans = backend.fullScans();
        assertCountedEqualsScanned(shapes);
        assertThat(backend.documentsRead() - read).as("records read for the counts (the scans compared with aside)").isZero();
        assertThat(backend.fullScans() - scans).as("the scans compared with").isEqualTo(shapes.size());

        // a value its key does not give back (a number, which the stock match reads as its text): the records are read
        views.updateOne(eq("_id", "case-3"), set("searchName", 20_240_101));
        read = backend.documentsRead();
        assertThat(views.countDocuments(and(eq("state", "PUBLISHED"), all("nameKeys", bigrams), regex("searchName", "^2024")))).isEqualTo(1);
        assertThat(backend.documentsRead() - read).as("the joined records read and matched").isEqualTo(5);
        assertCountedEqualsScanned(shapes);
        // a condition an entry's value cannot answer (what an array's elements answer one by one is not what the array does)
        assertCountedEqualsScanned(List.of(and(eq("state", "PUBLISHED"), all("nameKeys", bigrams), com.mongodb.client.model.Filters.ne("searchName", "华为"))));
    }

    /** Each query's count is the count of a scan ({@code $or} with a condition nothing matches is never served by an index). */
    private void assertCountedEqualsScanned(List<Bson> queries) {
        for (Bson query : queries) {
            assertThat(views.countDocuments(query)).as("count of %s", query)
                    .isEqualTo(views.countDocuments(or(query, eq("_id", "matches-nothing"))));
        }
    }

    @Test
    void an_array_holding_several_elements_before_a_range_the_join_cannot_take_reads_only_the_documents_indexed_under_each() {
        // a probe that ends in an ascending range after the array's key is not joined (SecondaryIndex#inEvery takes plain
        // equalities only): the documents indexed under the other elements are still the only ones read
        views.createIndex(Indexes.ascending("state", "nameKeys", "lastGlobalIndex"));
        views.updateMany(new Document(), Updates.combine(set("state", "PUBLISHED"), set("nameKeys", List.of("44:有限", "44:公司"))));
        views.updateMany(in("_id", "case-3", "case-30", "case-300", "case-1999"), set("nameKeys", List.of("44:有限", "44:公司", "44:华为")));
        Bson both = and(eq("state", "PUBLISHED"), all("nameKeys", "44:公司", "44:华为"), gte("lastGlobalIndex", 10L));

        long joined = backend.entriesJoined();
        long read = backend.documentsRead();
        assertThat(views.find(both).sort(Sorts.ascending("lastGlobalIndex")).limit(2).into(new ArrayList<>()))
                .extracting(d -> d.getString("_id")).containsExactly("case-30", "case-300");
        assertThat(views.countDocuments(both, new com.mongodb.client.model.CountOptions().limit(201))).isEqualTo(3);
        assertThat(backend.entriesJoined() - joined).as("index entries joined").isZero();
        assertThat(backend.documentsRead() - read).as("documents read: the page's two, the count's three").isEqualTo(2 + 3);
        assertThat(assertIndexedEqualsScanned(List.of(both, and(eq("state", "PUBLISHED"), all("nameKeys", "44:公司", "44:没有"), gte("lastGlobalIndex", 0L)))))
                .extracting(List::size).containsExactly(3, 0);
    }

    @Test
    void of_two_non_unique_indexes_a_query_pins_the_one_whose_lookup_reads_the_fewest_entries_serves_it() {
        // the feed's "what made this subject public before entry n": every entry has one of the types asked, two the subject
        views.createIndex(Indexes.ascending("type", "_id")); // first: the choice by order took it and read all 2,000
        views.createIndex(Indexes.ascending("subject", "_id"));
        views.updateMany(new Document(), set("type", "published"));
        views.updateMany(in("_id", "case-7", "case-70"), set("subject", "record-7"));
        Bson before = and(eq("subject", "record-7"), in("type", "published", "retracted"), lt("lastGlobalIndex", 1_000));

        long read = backend.documentsRead();
        Document last = views.find(before).sort(Sorts.descending("_id")).limit(1).first();
        assertThat(last).isNotNull();
        assertThat(last.getString("_id")).isEqualTo("case-70");
        assertThat(backend.documentsRead() - read).as("documents read for the subject's last entry").isEqualTo(2);
        assertThat(assertIndexedEqualsScanned(List.of(before, and(eq("subject", "record-8"), in("type", "published")))))
                .extracting(List::size).containsExactly(2, 0);
    }

    @Test
    void an_index_that_pins_only_part_of_what_another_pins_with_the_same_values_is_not_counted_against_it() {
        // the public search: the newest-first index pins the state, the name index the state and a name key
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("lastGlobalIndex")));
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("state", "nameKeys"), Indexes.descending("lastGlobalIndex")));
        views.updateMany(new Document(), Updates.combine(set("state", "PUBLISHED"), set("nameKeys", List.of("有限", "公司"))));
        views.updateMany(in("_id", "case-3", "case-30", "case-300"), set("nameKeys", List.of("有限", "公司", "华为")));

        long counted = backend.entriesCounted();
        long read = backend.documentsRead();
        Bson search = and(eq("state", "PUBLISHED"), eq("nameKeys", "华为"));
        assertThat(views.find(search).sort(Sorts.descending("lastGlobalIndex")).limit(2).into(new ArrayList<>()))
                .extracting(d -> d.getString("_id")).containsExactly("case-300", "case-30");
        assertThat(views.countDocuments(search)).isEqualTo(3);
        assertThat(backend.entriesCounted() - counted).as("index entries counted to choose an index").isZero();
        assertThat(backend.documentsRead() - read).as("documents read: the page's two, none for the count").isEqualTo(2);
        assertThat(assertIndexedEqualsScanned(List.of(search, eq("state", "PUBLISHED")))).extracting(List::size).containsExactly(3, DOCUMENTS);

        // two indexes that pin different keys are still counted against each other
        views.createIndex(Indexes.ascending("state", "division"));
        views.find(and(eq("state", "PUBLISHED"), eq("nameKeys", "华为"), eq("division", "110105"))).into(new ArrayList<>());
        assertThat(backend.entriesCounted() - counted).as("index entries counted to choose between name and division").isPositive();
    }

    @Test
    void a_count_with_a_limit_counts_up_to_the_limit_reading_no_more_documents_than_it_needs() {
        views.createIndex(Indexes.ascending("division", "lastGlobalIndex"));
        long read = backend.documentsRead();
        long scans = backend.fullScans();
        // counted in the index: at most the limit, none read, and the index walked only as far as the limit
        long counted = backend.countedInIndexes();
        assertThat(views.countDocuments(eq("division", "310101"), new com.mongodb.client.model.CountOptions().limit(10))).isEqualTo(10);
        assertThat(backend.countedInIndexes() - counted).as("index entries counted for 10 of the division's %s", DOCUMENTS / 2).isEqualTo(10);
        assertThat(views.countDocuments(eq("division", "310101"), new com.mongodb.client.model.CountOptions().limit(5_000))).isEqualTo(DOCUMENTS / 2);
        assertThat(backend.documentsRead() - read).isZero();
        // matched document by document (a condition the lookup does not cover): read until the limit matched
        Bson even = and(eq("division", "110105"), lt("lastGlobalIndex", 1_000L), regex("_id", "0$"));
        assertThat(views.countDocuments(even, new com.mongodb.client.model.CountOptions().limit(10))).isEqualTo(10);
        assertThat(backend.documentsRead() - read).as("documents read to count 10 of the 100 ids ending in 0").isBetween(10L, 60L);
        assertThat(views.countDocuments(even)).isEqualTo(100);
        assertThat(backend.fullScans()).isEqualTo(scans);
        // the same as the stock backend's count
        assertThat(views.countDocuments(or(even, eq("_id", "matches-nothing")), new com.mongodb.client.model.CountOptions().limit(10))).isEqualTo(10);
    }

    @Test
    void a_range_on_the_key_after_the_pinned_ones_is_read_as_one_range_of_the_index_and_answers_as_a_scan() {
        // a deadline schedule: pending entries due over 2,000 days; a few hold a number, a string, an array or nothing
        views.deleteMany(new Document());
        views.createIndex(Indexes.ascending("state", "dueAt"));
        java.time.Instant first = java.time.Instant.parse("2026-01-01T01:00:00Z");
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document entry = new Document("_id", "entry-" + i).append("eventId", "event-" + i).append("state", i % 10 == 9 ? "DONE" : "PENDING");
            java.util.Date due = java.util.Date.from(first.plus(java.time.Duration.ofDays(i)));
            switch (i % 50) {
                case 0 -> entry.append("dueAt", null);
                case 1 -> entry.append("dueAt", i);
                case 2 -> entry.append("dueAt", "soon-" + i);
                case 3 -> entry.append("dueAt", List.of(due, java.util.Date.from(first)));
                case 4 -> { } // none
                default -> entry.append("dueAt", due);
            }
            entries.add(entry);
        }
        views.insertMany(entries);
        java.util.function.IntFunction<java.util.Date> day = n -> java.util.Date.from(first.plus(java.time.Duration.ofDays(n)));

        long read = backend.documentsRead();
        assertThat(views.find(and(eq("state", "PENDING"), lte("dueAt", day.apply(100)))).into(new ArrayList<>())).isNotEmpty();
        // the dates up to day 100 and the values of types that sort before dates (null, none, numbers, strings), not the 1,800 pending
        assertThat(backend.documentsRead() - read).as("documents read for the entries due by day 100 of 2,000").isLessThan(DOCUMENTS / 5);
        List<List<Document>> found = assertIndexedEqualsScanned(List.of(
                and(eq("state", "PENDING"), lte("dueAt", day.apply(100))),
                and(eq("state", "PENDING"), gte("dueAt", day.apply(50)), lt("dueAt", day.apply(100))),
                and(eq("state", "PENDING"), gt("dueAt", day.apply(1_990))),
                new Document("state", "PENDING").append("dueAt", new Document("$gt", day.apply(100)).append("$lte", day.apply(50))),
                and(eq("state", "PENDING"), gt("dueAt", day.apply(100)), lte("dueAt", day.apply(50))),
                and(eq("state", "PENDING"), lte("dueAt", 1_000)),
                and(eq("state", "PENDING"), lt("dueAt", "soon-5")),
                and(eq("state", "DONE"), lt("dueAt", day.apply(2_000)))));
        assertThat(found.get(4)).as("bounds no one value meets, met by two elements of an array").extracting(d -> d.get("_id"))
                .isNotEmpty().allMatch(id -> Integer.parseInt(((String) id).substring("entry-".length())) % 50 == 3);
        assertThat(found.get(0).size()).as("due by day 100: the dates and the arrays holding the first day").isGreaterThan(80);
    }

    @Test
    void a_page_after_a_key_is_read_by_walking_the_range_in_order_and_is_the_page_the_stock_backend_gives() {
        // what is public now, a page at a time after the last key seen (the feed's snapshot); and the newest below a bound
        views.createIndex(Indexes.ascending("removed", "lastGlobalIndex"));
        views.updateMany(new Document(), set("removed", false));
        views.updateMany(in("_id", "case-1500", "case-1501"), set("removed", true));
        views.insertOne(new Document("_id", "none").append("eventId", "e-n").append("removed", false)); // sorts first: null
        Bson byIndex = Sorts.orderBy(Sorts.ascending("lastGlobalIndex"), Sorts.ascending("_id"));
        record Page(Bson filter, int limit, long read) {
        }
        List<Page> pages = List.of(
                new Page(and(eq("removed", false), gt("lastGlobalIndex", 1_490L)), 20, 21), // the bound itself read, then 20
                new Page(and(eq("removed", false), gte("lastGlobalIndex", 10)), 5, 5),
                new Page(and(eq("removed", false), lt("lastGlobalIndex", 3)), 10, 5), // none, 0, 1, 2 and the bound
                new Page(and(eq("removed", false), gt("lastGlobalIndex", 1_995L)), 10, 5)); // to the end
        withStockCopy("stock-range", reference -> {
            for (Page page : pages) {
                long read = backend.documentsRead();
                List<Document> ours = views.find(page.filter()).sort(byIndex).limit(page.limit()).into(new ArrayList<>());
                assertThat(ours).as("%s", page.filter()).isEqualTo(reference.find(page.filter()).sort(byIndex).limit(page.limit()).into(new ArrayList<>()));
                assertThat(backend.documentsRead() - read).as("documents read for %s", page.filter()).isEqualTo(page.read());
            }
        });
    }

    @Test
    void a_division_and_everything_under_it_is_read_from_a_non_unique_index_as_one_range_not_every_entry() {
        views.createIndex(Indexes.ascending("status", "division"));
        views.updateMany(new Document(), set("status", "open"));
        // beside the 2,000 of 110105 and 310101: codes and prefixes of every length, other types, escapes, arrays
        Object[] odd = {"11", "1101", "110", "1", "11x", "x11", 11, 110105L, "110105\"q", List.of("320000", "110228"), List.of(), "", null};
        for (int i = 0; i < odd.length; i++) {
            views.insertOne(new Document("_id", "odd-" + i).append("eventId", "event-odd-" + i).append("status", "open").append("division", odd[i]));
        }
        views.insertOne(new Document("_id", "closed").append("eventId", "event-closed").append("status", "closed").append("division", "110105"));

        long read = backend.documentsRead();
        List<List<Document>> found = assertIndexedEqualsScanned(List.of(
                and(eq("status", "open"), regex("division", "^1102")),
                and(eq("status", "open"), regex("division", "^11")),
                and(eq("status", "open"), regex("division", "^1")),
                and(eq("status", "open"), regex("division", "^32")),
                and(eq("status", "open"), regex("division", "^99")),
                and(eq("status", "closed"), regex("division", "^110105")),
                eq("status", "open"))); // the leading key alone: the empty array's document too
        // as mongo-java-server matches a pattern, against toString(): the numbers 11 and 110105 match ^11 too
        assertThat(found).extracting(List::size).containsExactly(1, DOCUMENTS / 2 + 8, DOCUMENTS / 2 + 9, 1, 0, 1, DOCUMENTS + odd.length);
        long matched = found.stream().mapToLong(List::size).sum();
        assertThat(backend.documentsRead() - read).as("documents read: the matches and the few values that are not strings, never the other 1,000")
                .isBetween(matched, matched + 5 * 4L);

        // counts: from the index alone where only strings are under the prefix
        long before = backend.documentsRead();
        assertThat(views.countDocuments(and(eq("status", "closed"), regex("division", "^11")))).as("only strings under it").isEqualTo(1);
        assertThat(views.countDocuments(and(eq("status", "closed"), regex("division", "^31")))).isZero();
        assertThat(backend.documentsRead()).as("counted in the index").isEqualTo(before);
        assertThat(views.countDocuments(and(eq("status", "open"), regex("division", "^1102")))).as("values not strings under it").isEqualTo(1);
        assertThat(backend.documentsRead() - before).as("the match and the values that are not strings (11, 110105, null, the empty array), read")
                .isEqualTo(1 + 4);
        assertThat(views.countDocuments(and(eq("status", "open"), regex("division", "^11")))).as("numbers under it: matched")
                .isEqualTo(DOCUMENTS / 2 + 8);
        assertThat(views.countDocuments(eq("status", "open"))).isEqualTo(DOCUMENTS + odd.length);

        // a pattern that is not a literal prefix (a wildcard, an option) is matched against what the status gives
        read = backend.documentsRead();
        assertIndexedEqualsScanned(List.of(and(eq("status", "open"), regex("division", "^1.01")),
                and(eq("status", "open"), regex("division", "^11", "i"))));
        assertThat(backend.documentsRead() - read).isEqualTo(2L * (DOCUMENTS + odd.length));
    }

    @Test
    void a_count_or_an_aggregation_starting_with_a_match_reads_what_the_match_selects_through_the_indexes() {
        views.createIndex(Indexes.ascending("division", "lastGlobalIndex"));
        List<Bson> filters = List.of(eq("division", "310101"), and(eq("division", "110105"), lt("lastGlobalIndex", 100L)),
                regex("division", "^31"), eq("_id", "case-5"), eq("division", "none"));
        long scans = backend.fullScans();
        long read = backend.documentsRead();
        List<Long> counts = new ArrayList<>();
        for (Bson filter : filters) counts.add(views.countDocuments(filter));
        List<Document> grouped = views.aggregate(List.of(Aggregates.match(eq("division", "110105")),
                Aggregates.group("$division", Accumulators.sum("n", 1), Accumulators.max("last", "$lastGlobalIndex")))).into(new ArrayList<>());
        assertThat(backend.fullScans()).as("collection scans").isEqualTo(scans);
        // a count the index's lookup is the whole of is the number of documents indexed under it, none read (310101, ^31,
        // none); the rest read what the lookup selects: 110105's up to 100, a range of the index (the 50 below and the one
        // at the bound, taken inclusively), and the $group's 1,000 (case-5 is read through the _id index, not counted here)
        assertThat(backend.documentsRead() - read).as("documents read").isEqualTo(DOCUMENTS / 2 + 51L);
        assertThat(counts).containsExactly((long) DOCUMENTS / 2, 50L, (long) DOCUMENTS / 2, 1L, 0L);
        assertThat(grouped).containsExactly(new Document("_id", "110105").append("n", DOCUMENTS / 2).append("last", (long) DOCUMENTS - 2));

        // the same counts from a scan (a match the indexes cannot serve)
        for (int i = 0; i < filters.size(); i++) {
            assertThat(views.countDocuments(or(filters.get(i), eq("_id", "matches-nothing")))).isEqualTo(counts.get(i));
        }
        assertThat(backend.fullScans()).isEqualTo(scans + filters.size());
    }

    @Test
    void a_sorted_page_is_the_page_mongo_java_servers_own_sort_gives() {
        List<Document> odd = new ArrayList<>();
        // no empty array: mongo-java-server's comparator does not hold two of them equal, so their order is the input's
        Object[] divisions = {"110105", 110105, null, List.of("310101", "110105"), "11", 7.5, "310101"};
        for (int i = 0; i < 40; i++) {
            Document document = new Document("_id", "odd-" + i).append("eventId", "event-odd-" + i).append("lastGlobalIndex", (long) (i % 4));
            if (i % 9 != 0) document.append("division", divisions[i % divisions.length]);
            odd.add(document);
        }
        views.insertMany(odd);
        withStockCopy("stock-sort", reference -> {
            record Page(Bson filter, Bson sort, int skip, int limit) {
            }
            for (Page page : List.of(
                    new Page(new Document(), Sorts.orderBy(Sorts.ascending("division"), Sorts.descending("lastGlobalIndex"), Sorts.ascending("_id")), 5, 20),
                    new Page(regex("division", "^11"), Sorts.orderBy(Sorts.descending("lastGlobalIndex"), Sorts.ascending("_id")), 0, 0),
                    new Page(regex("_id", "^odd"), Sorts.orderBy(Sorts.descending("division"), Sorts.descending("_id")), 0, 0),
                    new Page(eq("division", "310101"), Sorts.orderBy(Sorts.descending("lastGlobalIndex"), Sorts.ascending("_id")), 990, 30))) {
                // every sort ends with _id: the order of ties is the backend's own (MongoDB leaves it open too)
                List<Document> ours = views.find(page.filter()).sort(page.sort()).skip(page.skip()).limit(page.limit()).into(new ArrayList<>());
                List<Document> theirs = reference.find(page.filter()).sort(page.sort()).skip(page.skip()).limit(page.limit()).into(new ArrayList<>());
                assertThat(ours).as("%s sorted by %s", page.filter(), page.sort()).isNotEmpty().isEqualTo(theirs);
            }
        });
    }

    @Test
    void a_sorted_page_is_read_by_walking_an_index_in_the_sorts_order_and_is_the_page_the_stock_backend_gives() {
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("decided")));
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("status", "division"), Indexes.descending("decided")));
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("status", "tags"), Indexes.descending("decided")));
        String[] divisions = {"110105", "110108", "1101", "310101", "11"};
        long day = 86_400_000L;
        for (int i = 0; i < DOCUMENTS; i++) {
            views.updateOne(eq("_id", "case-" + i), Updates.combine(set("status", i % 10 == 0 ? "closed" : "open"),
                    set("division", divisions[i % divisions.length]), set("decided", new java.util.Date(1_700_000_000_000L + (i % 97) * day)),
                    set("tags", List.of("t" + i % 3, "t" + i % 5))));
        }
        // a sort value no key orders as the comparator does (an array, a long beyond an int): answered as before
        views.insertOne(new Document("_id", "odd-array").append("eventId", "e-a").append("status", "odd")
                .append("decided", List.of(new java.util.Date(0), new java.util.Date(2_000_000_000_000L))));
        views.insertOne(new Document("_id", "odd-long").append("eventId", "e-l").append("status", "odd").append("decided", 1L << 40));
        views.insertOne(new Document("_id", "odd-date").append("eventId", "e-d").append("status", "odd").append("decided", new java.util.Date(0)));

        record Page(Bson filter, int skip, int limit, boolean walked) {
        }
        Bson newest = Sorts.orderBy(Sorts.descending("decided"), Sorts.ascending("_id"));
        List<Page> pages = List.of(
                new Page(eq("status", "open"), 0, 10, true),
                new Page(eq("status", "open"), 990, 20, true),
                new Page(and(eq("status", "open"), regex("division", "^11")), 0, 10, true), // 110105, 110108, 1101 and 11, merged
                new Page(and(eq("status", "open"), regex("division", "^11")), 700, 25, true),
                new Page(and(eq("status", "open"), eq("division", "310101")), 30, 10, true),
                new Page(and(eq("status", "open"), all("tags", List.of("t1", "t2"))), 5, 10, true), // only what both tags index
                new Page(and(eq("status", "open"), regex("division", "^9")), 0, 10, true),
                new Page(and(eq("status", "open"), gte("lastGlobalIndex", 1_990L)), 0, 10, true), // few matches: read on to the end
                new Page(eq("status", "odd"), 0, 2, false));
        withStockCopy("stock-walk", reference -> {
            for (Page page : pages) {
                long read = backend.documentsRead();
                long scans = backend.fullScans();
                List<Document> ours = views.find(page.filter()).sort(newest).skip(page.skip()).limit(page.limit()).into(new ArrayList<>());
                List<Document> theirs = reference.find(page.filter()).sort(newest).skip(page.skip()).limit(page.limit()).into(new ArrayList<>());
                assertThat(ours).as("%s, skip %d", page.filter(), page.skip()).isEqualTo(theirs);
                assertThat(backend.fullScans()).isEqualTo(scans);
                long all = reference.countDocuments(page.filter());
                if (page.walked() && all >= page.skip() + page.limit()) {
                    assertThat(backend.documentsRead() - read).as("documents read for %s, skip %d", page.filter(), page.skip())
                            .isEqualTo(page.skip() + page.limit());
                }
            }
            assertThat(views.find(eq("status", "open")).sort(newest).limit(10).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                    .as("newest first, ties by id").startsWith("case-1066", "case-1163", "case-1357");
        });
    }

    /** The views with a non-unique index "newest" (division, newest first), the server stopped, and its file opened raw. */
    private org.h2.mvstore.MVStore stoppedWithTheNewestIndex() {
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("division"), Indexes.descending("lastGlobalIndex")), new IndexOptions().name("newest"));
        client.close();
        server.shutdownNow();
        return new org.h2.mvstore.MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).open();
    }

    @Test
    void an_index_added_to_a_collection_holding_documents_is_built_in_commits_of_a_bounded_size_and_answers_as_a_scan() {
        // at a million public records one build was one commit of more than 2 GB, which H2 cannot write (issue 13)
        backend.commitIndexBuildsPast(16 << 10);
        long version = backend.getMvStore().getCurrentVersion();
        views.createIndex(Indexes.compoundIndex(Indexes.ascending("division"), Indexes.descending("lastGlobalIndex")), new IndexOptions().name("newest"));
        assertThat(backend.getMvStore().getCurrentVersion() - version).as("commits while the index was built").isGreaterThan(5);
        assertThat(backend.getMvStore().openMap("gongshi.index-builds").isEmpty()).as("no build left marked").isTrue();
        long counted = backend.countedInIndexes();
        assertThat(views.countDocuments(eq("division", "110105"))).isEqualTo(DOCUMENTS / 2);
        assertThat(backend.countedInIndexes() - counted).as("counted in the index").isEqualTo(DOCUMENTS / 2);
        assertThat(assertIndexedEqualsScanned(List.of(eq("division", "310101")))).extracting(List::size).containsExactly(DOCUMENTS / 2);
    }

    @Test
    void an_index_whose_build_was_cut_short_is_built_again_from_nothing_when_it_is_next_opened() {
        org.h2.mvstore.MVStore store = stoppedWithTheNewestIndex();
        // what a kill during a build committed in steps leaves: a part of the entries, the build still marked
        org.h2.mvstore.MVMap<String, Object> entries = store.openMap("probe.views._sorted_newest",
                new org.h2.mvstore.MVMap.Builder<String, Object>().keyType(IndexKeyType.INSTANCE));
        List<String> half = new ArrayList<>();
        entries.keyIterator(null).forEachRemaining(key -> {
            if (half.size() < DOCUMENTS / 2) half.add(key);
        });
        half.forEach(entries::remove);
        store.<String, Boolean>openMap("gongshi.index-builds").put(entries.getName(), Boolean.TRUE);
        store.close();

        start(false);
        long counted = backend.countedInIndexes();
        assertThat(views.countDocuments(eq("division", "110105")) + views.countDocuments(eq("division", "310101"))).isEqualTo(DOCUMENTS);
        assertThat(backend.countedInIndexes() - counted).as("counted in the index, built again").isEqualTo(DOCUMENTS);
        assertThat(backend.getMvStore().openMap("gongshi.index-builds").isEmpty()).as("no build left marked").isTrue();
    }

    @Test
    void a_data_directory_with_a_non_unique_index_keyed_as_before_is_re_keyed_in_sort_order_once_at_its_first_start() {
        org.h2.mvstore.MVStore store = stoppedWithTheNewestIndex();
        // the index as an earlier version stored it: under the stock map name, keyed "<length>:<JSON>|<id>"
        org.h2.mvstore.MVMap<String, Object> ordered = store.openMap("probe.views._sorted_newest",
                new org.h2.mvstore.MVMap.Builder<String, Object>().keyType(org.h2.mvstore.type.StringDataType.INSTANCE));
        org.h2.mvstore.MVMap<String, Object> earlier = store.openMap("probe.views._index_newest");
        earlier.put("8:\"110105\"1:0|String:\"case-0\"", "case-0");
        store.removeMap(ordered);
        store.close();

        start(false);
        assertThat(backend.getMvStore().hasMap("probe.views._index_newest")).as("the earlier map, removed").isFalse();
        long read = backend.documentsRead();
        List<Document> page = views.find(eq("division", "110105")).sort(Sorts.orderBy(Sorts.descending("lastGlobalIndex"), Sorts.ascending("_id")))
                .limit(3).into(new ArrayList<>());
        assertThat(page).extracting(d -> d.get("_id")).containsExactly("case-1998", "case-1996", "case-1994");
        assertThat(backend.documentsRead() - read).as("read by walking the re-keyed index").isEqualTo(3);
        assertThat(views.countDocuments(eq("division", "110105"))).isEqualTo(DOCUMENTS / 2);
    }

    @Test
    void a_data_directory_with_indexes_keyed_by_h2s_default_key_type_is_re_keyed_once_at_its_first_start() {
        org.h2.mvstore.MVStore store = stoppedWithTheNewestIndex();
        // the indexes as the version before stored them: the same string keys, in maps of H2's default key type
        var strings = new org.h2.mvstore.MVMap.Builder<String, Object>().keyType(org.h2.mvstore.type.StringDataType.INSTANCE);
        Map<String, String> earlierNames = Map.of("probe.views._unique__id_", "probe.views._keyed__id_",
                "probe.views._unique_eventId_1", "probe.views._keyed_eventId_1", "probe.views._sorted_newest", "probe.views._ordered_newest");
        earlierNames.forEach((now, before) -> {
            assertThat(store.hasMap(now)).as(now).isTrue();
            org.h2.mvstore.MVMap<String, Object> current = store.openMap(now, strings);
            org.h2.mvstore.MVMap<String, Object> earlier = store.openMap(before);
            earlier.putAll(current);
            store.removeMap(current);
        });
        store.close();

        start(false);
        earlierNames.forEach((now, before) -> {
            assertThat(backend.getMvStore().hasMap(before)).as("the earlier map, removed: " + before).isFalse();
            assertThat(backend.getMvStore().hasMap(now)).as("the index, re-keyed: " + now).isTrue();
        });
        long scans = backend.fullScans();
        long read = backend.documentsRead();
        assertThat(views.find(eq("_id", "case-17")).first()).containsEntry("eventId", "event-17");
        assertThat(views.find(eq("eventId", "event-42")).first()).containsEntry("_id", "case-42");
        List<Document> page = views.find(eq("division", "110105")).sort(Sorts.orderBy(Sorts.descending("lastGlobalIndex"), Sorts.ascending("_id")))
                .limit(3).into(new ArrayList<>());
        assertThat(page).extracting(d -> d.get("_id")).containsExactly("case-1998", "case-1996", "case-1994");
        assertThat(backend.fullScans()).as("all read through the re-keyed indexes").isEqualTo(scans);
        assertThat(backend.documentsRead() - read).as("the page read by walking the re-keyed index").isLessThanOrEqualTo(5);
        assertThatThrownBy(() -> views.insertOne(new Document("_id", "other").append("eventId", "event-3")))
                .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
        assertThat(views.countDocuments(eq("division", "110105"))).isEqualTo(DOCUMENTS / 2);
    }

    @Test
    void a_unique_index_keyed_by_strings_rejects_the_same_key_in_any_numeric_type_and_keeps_ids_of_two_types_apart() {
        views.insertOne(new Document("_id", 7).append("eventId", "event-x"));
        assertThatThrownBy(() -> views.insertOne(new Document("_id", 7.0).append("eventId", "event-y")))
                .as("7 and 7.0 are one key").isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
        assertThatThrownBy(() -> views.insertOne(new Document("_id", "new").append("eventId", "event-x")))
                .as("the unique eventId").isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
        views.insertOne(new Document("_id", "7").append("eventId", "event-z")); // a string "7" is another id
        assertThat(views.find(eq("_id", 7L)).first()).containsEntry("eventId", "event-x");
        assertThat(views.find(eq("_id", "7")).first()).containsEntry("eventId", "event-z");
        assertThat(views.find(in("_id", List.of(7, "7", "case-3"))).into(new ArrayList<>())).hasSize(3);
        assertThat(views.find(regex("_id", "^case-199[0-9]$")).into(new ArrayList<>())).as("a regex: by a scan").hasSize(10);

        views.deleteOne(eq("_id", 7));
        views.insertOne(new Document("_id", 7.0).append("eventId", "event-x")); // the key was freed with its document
        views.drop(); // a dropped collection leaves no key behind
        views.insertOne(new Document("_id", "case-1").append("eventId", "event-1"));
        assertThat(views.countDocuments()).isEqualTo(1);
    }

    @Test
    void a_data_directory_with_the_stock_unique_indexes_is_re_keyed_once_at_its_first_start() {
        client.close();
        server.shutdownNow();
        Path stockDir = dir.resolve("stock");
        MongoServer stock = stockServer(stockDir);
        try (MongoClient stockClient = MongoClients.create("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            MongoCollection<Document> old = stockClient.getDatabase("probe").getCollection("views");
            old.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) old.insertOne(new Document("_id", "case-" + i).append("eventId", "event-" + i));
        } finally {
            stock.shutdown();
        }
        open(stockDir.resolve("mongo.mv"));

        long scans = backend.fullScans();
        assertThat(views.find(eq("_id", "case-17")).first()).containsEntry("eventId", "event-17");
        assertThat(views.find(eq("eventId", "event-42")).first()).containsEntry("_id", "case-42");
        assertThat(backend.fullScans()).as("both read through the re-keyed indexes").isEqualTo(scans);
        assertThatThrownBy(() -> views.insertOne(new Document("_id", "case-3")))
                .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
        assertThatThrownBy(() -> views.insertOne(new Document("_id", "other").append("eventId", "event-3")))
                .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
        assertThat(views.countDocuments()).isEqualTo(50);
    }

    @Test
    void a_deadline_claim_reads_the_pending_entries_through_an_index_not_every_entry_ever_scheduled() {
        var schedule = new org.gongshi.server.schedule.DeadlineSchedule(client.getDatabase("probe"));
        java.time.Instant day = java.time.Instant.parse("2026-03-02T01:00:00Z");
        for (int i = 0; i < 300; i++) schedule.schedule(org.gongshi.server.schedule.DeadlineSchedule.Kind.CASE, "case-" + i, day.plusSeconds(i));
        for (int i = 0; i < 298; i++) { // fired and done
            var due = schedule.claim(day.plusSeconds(1_000), day, Duration.ofMinutes(1), "node-a").orElseThrow();
            schedule.done(due, "node-a");
        }
        long scans = backend.fullScans();
        var next = schedule.claim(day.plusSeconds(1_000), day, Duration.ofMinutes(1), "node-a");
        assertThat(backend.fullScans()).as("collection scans for a claim").isEqualTo(scans);
        assertThat(next).isPresent();
        schedule.done(next.get(), "node-a");
        assertThat(schedule.claim(day.plusSeconds(1_000), day, Duration.ofMinutes(1), "node-a")).isPresent();
        assertThat(schedule.claim(day.plusSeconds(1_000), day, Duration.ofMinutes(1), "node-a")).as("all 300 claimed").isEmpty();
    }

    @Test
    void documents_stored_as_bson_come_back_with_their_types_through_a_rename_a_drop_and_a_restart() {
        Document typed = new Document("_id", "typed").append("eventId", "event-typed").append("int", 7).append("long", 7L)
                .append("double", 7.5).append("date", new java.util.Date(1_700_000_000_000L)).append("bool", true)
                .append("nested", new Document("list", List.of("a", 1, new Document("x", null)))).append("text", "公示 ✓");
        views.insertOne(typed);
        client.getDatabase("probe").getCollection("views").renameCollection(new com.mongodb.MongoNamespace("probe", "renamed"));
        MongoCollection<Document> renamed = client.getDatabase("probe").getCollection("renamed");
        assertThat(renamed.countDocuments()).isEqualTo(DOCUMENTS + 1);
        assertThat(renamed.find(eq("_id", "typed")).first()).isEqualTo(typed);

        client.close();
        server.shutdownNow();
        start(false);
        renamed = client.getDatabase("probe").getCollection("renamed");
        assertThat(renamed.countDocuments()).as("after a restart").isEqualTo(DOCUMENTS + 1);
        assertThat(renamed.find(eq("_id", "typed")).first()).as("after a restart").isEqualTo(typed);
        assertThat(views.countDocuments()).as("nothing left under the old name").isZero();
        renamed.drop();
        assertThat(client.getDatabase("probe").getCollection("renamed").countDocuments()).as("dropped").isZero();
    }

    /** Runs {@code check} with a copy of the views in mongo-java-server's own H2 backend (in {@code name}), to compare with. */
    private void withStockCopy(String name, java.util.function.Consumer<MongoCollection<Document>> check) {
        MongoServer stock = stockServer(dir.resolve(name));
        try (MongoClient stockClient = MongoClients.create("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            MongoCollection<Document> reference = stockClient.getDatabase("probe").getCollection("views");
            reference.insertMany(views.find().into(new ArrayList<>()));
            check.accept(reference);
        } finally {
            stock.shutdown();
        }
    }

    /** mongo-java-server's own H2 backend on a file in {@code directory}, on a free loopback port. */
    private static MongoServer stockServer(Path directory) {
        assertThat(directory.toFile().mkdirs()).isTrue();
        MongoServer stock = new MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(directory.resolve("mongo.mv").toString()));
        stock.bind("127.0.0.1", 0);
        return stock;
    }

    /** Answers each query, reading no collection whole, and checks each answer against a scan's (an $or is not a conjunction: it scans). */
    private List<List<Document>> assertIndexedEqualsScanned(List<Bson> queries) {
        long scans = backend.fullScans();
        List<List<Document>> indexed = new ArrayList<>();
        for (Bson query : queries) indexed.add(views.find(query).sort(Sorts.ascending("eventId")).into(new ArrayList<>()));
        assertThat(backend.fullScans()).as("collection scans for queries an index serves").isEqualTo(scans);
        for (int q = 0; q < queries.size(); q++) {
            List<Document> scanned = views.find(or(queries.get(q), eq("_id", "matches-nothing")))
                    .sort(Sorts.ascending("eventId")).into(new ArrayList<>());
            assertThat(indexed.get(q)).as("query %s", queries.get(q)).isEqualTo(scanned);
        }
        assertThat(backend.fullScans()).as("the scans compared with").isEqualTo(scans + queries.size());
        return indexed;
    }
}
