package org.gongshi.server.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
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

    /** The document the store holds under {@code id}. */
    private de.bwaldvogel.mongo.bson.Document stored(String id) {
        MVStore mvStore = store.backend().getMvStore();
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = mvStore.openMap("databases.stored.views$bson",
                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
        return documents.get(id);
    }
}
