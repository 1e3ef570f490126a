package org.gongshi.server.embedded;

import com.mongodb.WriteConcern;
import org.bson.Document;
import org.gongshi.projections.privacy.SubjectKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write sent journaled ({@code j: true} or {@code w: "majority"}) is on disk when it is acknowledged, not at the next
 * checkpoint: what a signer stores so before anyone reads it survives a SIGKILL right after (the signed tree heads).
 */
class JournaledWriteTest {

    @TempDir
    Path dir;

    @Test
    void a_journaled_write_is_committed_before_it_is_acknowledged_and_an_ordinary_one_at_the_checkpoint() {
        try (ServedStore store = ServedStore.open(dir.resolve("read-model.mv"), Duration.ofHours(1))) {
            var db = store.client().getDatabase("journal-test");
            db.getCollection("ordinary").insertOne(new Document("_id", 1));
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("an ordinary write waits for the checkpoint").isTrue();

            db.getCollection("heads").withWriteConcern(WriteConcern.MAJORITY.withJournal(true)).insertOne(new Document("_id", 2));
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("committed with the journaled write, and all before it").isFalse();

            db.getCollection("heads").withWriteConcern(WriteConcern.W1.withJournal(true)).deleteOne(new Document("_id", 2));
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("j: true alone").isFalse();
        }
    }

    @Test
    void a_data_subjects_key_is_on_disk_when_it_is_made_and_its_deletion_when_it_is_deleted() {
        try (ServedStore store = ServedStore.open(dir.resolve("read-model.mv"), Duration.ofHours(1))) {
            SubjectKeys keys = new SubjectKeys(store.client().getDatabase("keys-test"), Clock.systemUTC());
            keys.sealingKey("subject-1");
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("the key, before any event is sealed with it").isFalse();
            keys.delete("subject-1");
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("the tombstone").isFalse();
        }
    }

    @Test
    void only_j_true_or_a_majority_asks_for_it() {
        assertThat(CrashConsistentH2Backend.journaled(new de.bwaldvogel.mongo.bson.Document("insert", "x"))).isFalse();
        assertThat(CrashConsistentH2Backend.journaled(new de.bwaldvogel.mongo.bson.Document("writeConcern",
                new de.bwaldvogel.mongo.bson.Document("w", 1)))).isFalse();
        assertThat(CrashConsistentH2Backend.journaled(new de.bwaldvogel.mongo.bson.Document("writeConcern",
                new de.bwaldvogel.mongo.bson.Document("w", "majority")))).isTrue();
    }
}
