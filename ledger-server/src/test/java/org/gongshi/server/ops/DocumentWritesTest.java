package org.gongshi.server.ops;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents a client sends to be written, counted by collection and kind, as a bulk write's documents each. */
class DocumentWritesTest {

    private MongoServer server;
    private MongoClient client;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void clientCountingItsWrites() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new DocumentWrites(registry)).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void counts_each_document_of_a_bulk_write_by_collection_and_kind_and_nothing_for_reads() {
        MongoCollection<Document> views = client.getDatabase("gongshi").getCollection("case_views");
        MongoCollection<Document> leaves = client.getDatabase("gongshi").getCollection("ledger_leaves");
        views.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b"), new Document("_id", "c")));
        views.bulkWrite(List.of(
                new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.set("x", 1)),
                new UpdateOneModel<>(Filters.eq("_id", "d"), Updates.set("x", 2), new UpdateOptions().upsert(true)),
                new InsertOneModel<>(new Document("_id", "e")))); // the driver splits it where the kind changes: two commands
        leaves.insertOne(new Document("_id", 1));
        views.deleteMany(Filters.in("_id", "a", "b")); // one statement, however many it removes
        views.find().into(new java.util.ArrayList<>());
        leaves.countDocuments();

        assertThat(written("case_views", "insert")).isEqualTo(4);
        assertThat(written("case_views", "update")).isEqualTo(2);
        assertThat(written("case_views", "delete")).isEqualTo(1);
        assertThat(written("ledger_leaves", "insert")).isEqualTo(1);
        assertThat(registry.find(DocumentWrites.METER).counters()).as("no meter for reads").hasSize(4);
    }

    private double written(String collection, String kind) {
        Counter counter = registry.find(DocumentWrites.METER).tag("collection", collection).tag("kind", kind).counter();
        assertThat(counter).as(kind + " " + collection).isNotNull();
        return counter.count();
    }
}
