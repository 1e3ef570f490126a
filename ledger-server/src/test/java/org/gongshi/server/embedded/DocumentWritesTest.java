package org.gongshi.server.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents the embedded store is sent to write, counted by collection and kind, a bulk write's each. */
class DocumentWritesTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void counts_each_document_of_a_bulk_write_by_collection_and_kind_and_nothing_for_reads() {
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofSeconds(1))) {
            store.backend().countWrites(new DocumentWrites(registry));
            MongoCollection<Document> views = store.client().getDatabase("gongshi").getCollection("case_views");
            MongoCollection<Document> leaves = store.client().getDatabase("gongshi").getCollection("ledger_leaves");
            views.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b"), new Document("_id", "c")));
            views.bulkWrite(List.of(
                    new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.set("x", 1)),
                    new UpdateOneModel<>(Filters.eq("_id", "d"), Updates.set("x", 2), new UpdateOptions().upsert(true)),
                    new InsertOneModel<>(new Document("_id", "e")))); // the driver splits it where the kind changes: two commands
            leaves.insertOne(new Document("_id", 1));
            views.deleteMany(Filters.in("_id", "a", "b")); // one statement, however many it removes
            views.find().into(new ArrayList<>());
            leaves.countDocuments();

            assertThat(written("case_views", "insert")).isEqualTo(4);
            assertThat(written("case_views", "update")).isEqualTo(2);
            assertThat(written("case_views", "delete")).isEqualTo(1);
            assertThat(written("ledger_leaves", "insert")).isEqualTo(1);
            assertThat(registry.find(DocumentWrites.METER).counters()).as("no meter for reads").hasSize(4);
            assertThat(views.countDocuments()).as("the writes were made").isEqualTo(3);
        }
    }

    private double written(String collection, String kind) {
        Counter counter = registry.find(DocumentWrites.METER).tag("collection", collection).tag("kind", kind).counter();
        assertThat(counter).as(kind + " " + collection).isNotNull();
        return counter.count();
    }
}
