package org.gongshi.server.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document the embedded read-model store holds is never changed, only replaced: mongo-java-server updates the
 * document its query found in place, and a reply encoding that same document on another event-loop thread (replies
 * are encoded once the command and its locks are done) would read it half changed.
 */
class StoredDocumentsTest {

    @TempDir
    Path dir;

    private ServedStore store;
    private MongoCollection<Document> views;

    @BeforeEach
    void start() {
        store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1));
        views = store.client().getDatabase("stored").getCollection("views");
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void an_update_replaces_the_stored_document_and_never_changes_the_one_a_reply_may_be_encoding() {
        views.insertOne(new Document("_id", "case-1").append("state", "FILED").append("counts", new Document("acts", 1))
                .append("acts", List.of("立案")));
        de.bwaldvogel.mongo.bson.Document before = stored("case-1"); // the instance a reply of a find may hold

        views.updateOne(eq("_id", "case-1"), combine(set("state", "DECIDED"), inc("counts.acts", 1), push("acts", "决定")));
        Document after = views.findOneAndUpdate(eq("_id", "case-1"), combine(inc("counts.acts", 1), push("acts", "公示")),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

        assertThat(after.getString("state")).isEqualTo("DECIDED");
        assertThat(after.get("counts", Document.class).getInteger("acts")).isEqualTo(3);
        assertThat(after.getList("acts", String.class)).containsExactly("立案", "决定", "公示");
        // the document held before is as it was, nested document and array included
        assertThat(before.get("state")).isEqualTo("FILED");
        assertThat(((de.bwaldvogel.mongo.bson.Document) before.get("counts")).get("acts")).isEqualTo(1);
        assertThat(before.get("acts")).isEqualTo(List.of("立案"));
        assertThat(stored("case-1")).isNotSameAs(before);
        assertThat(stored("case-1").get("state")).isEqualTo("DECIDED");
    }

    @Test
    void a_read_decodes_the_documents_it_answers_and_not_the_others_stored_beside_them_in_a_page() {
        List<Document> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) many.add(new Document("_id", String.format("case-%04d", i)).append("state", "FILED").append("n", i));
        views.insertMany(many);
        store.close(); // opened again: its pages are read back from the file, whole
        start();

        long before = BsonBytesType.decoded();
        assertThat(views.find(eq("_id", "case-1234")).first()).containsEntry("n", 1234);
        // small documents: a page of H2 holds 17 of them here, and every one was decoded when its page was read
        assertThat(BsonBytesType.decoded() - before).isEqualTo(1);
    }

    @Test
    void the_store_holds_each_document_as_the_bson_any_mongodb_driver_decodes() {
        views.insertOne(new Document("_id", "case-1").append("state", "FILED").append("counts", new Document("acts", 2))
                .append("acts", List.of("立案", "决定")));
        byte[] stored = CrashConsistentH2Backend.encodedDocuments(store.backend().getMvStore(), "databases.stored.views$bson").get("case-1");

        // decoded by the MongoDB Java driver, not by the store's own decoder: a store written when the values were
        // decoded at each page read holds the same bytes, and opens unchanged
        org.bson.RawBsonDocument raw = new org.bson.RawBsonDocument(stored);
        assertThat(raw.getString("state").getValue()).isEqualTo("FILED");
        assertThat(raw.getDocument("counts").getInt32("acts").getValue()).isEqualTo(2);
        assertThat(raw.getArray("acts").stream().map(v -> v.asString().getValue())).containsExactly("立案", "决定");
        assertThat(raw.getByteBuffer().remaining()).isEqualTo(stored.length);
    }

    @Test
    void collection_statistics_count_the_stored_documents_bytes_when_asked_after_inserts_updates_and_deletes() {
        for (int i = 0; i < 20; i++) views.insertOne(new Document("_id", "case-" + i).append("state", "FILED").append("name", "某某公司 " + i));
        views.updateOne(com.mongodb.client.model.Filters.eq("_id", "case-3"), com.mongodb.client.model.Updates.set("state", "DECIDED, long after"));
        views.deleteOne(com.mongodb.client.model.Filters.eq("_id", "case-4"));
        long stored = 0;
        for (org.bson.RawBsonDocument raw : views.withDocumentClass(org.bson.RawBsonDocument.class).find()) stored += raw.getByteBuffer().remaining();

        Document stats = store.client().getDatabase("stored").runCommand(new Document("collStats", "views"));
        assertThat(stats.get("count", Number.class).longValue()).isEqualTo(19);
        assertThat(stats.get("size", Number.class).longValue()).as("the documents' BSON bytes").isEqualTo(stored);
    }

    /** The document the store answers a query for {@code id} with, as a reply would hold it. */
    private de.bwaldvogel.mongo.bson.Document stored(String id) {
        var collection = store.backend().resolveDatabase("stored").resolveCollection("views", true);
        return collection.handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", id)).iterator().next();
    }
}
