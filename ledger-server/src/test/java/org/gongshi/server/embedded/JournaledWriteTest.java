package org.gongshi.server.embedded;

import com.mongodb.WriteConcern;
import org.bson.Document;
import org.gongshi.projections.feed.TreeHeads;
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
    void a_signed_head_s_journaled_write_is_committed_before_it_is_acknowledged_and_any_other_at_the_checkpoint() {
        try (ServedStore store = ServedStore.open(dir.resolve("read-model.mv"), Duration.ofHours(1))) {
            var db = store.client().getDatabase("journal-test");
            db.getCollection("case_views").withWriteConcern(WriteConcern.MAJORITY.withJournal(true)).insertOne(new Document("_id", 1));
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("a view's write waits for the checkpoint").isTrue();

            var pending = db.getCollection("feed" + TreeHeads.PENDING).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
            pending.insertOne(new Document("_id", 2));
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("committed with the head, and all before it").isFalse();

            pending.deleteOne(new Document("_id", 2));
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("its removal waits (the next signer repeats it)").isTrue();
            new SubjectKeys(db, Clock.systemUTC()).delete("nobody");
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("a key's deletion (an update) is committed at once").isFalse();
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

    /**
     * SIGKILLed at random moments beside writers and checkpoints, the store keeps every journaled write it acknowledged, on
     * one file restarted after each kill. The writer's store keeps freed chunks 1 s, not H2's 45 s, so that chunks are written
     * over within the test's seconds as in a server up for minutes: so, before the header was written with each journaled
     * commit, acknowledged writes were lost in most rounds.
     */
    @Test
    void every_acknowledged_journaled_write_survives_a_sigkill() throws Exception {
        Path file = dir.resolve("journaled.mv"); // one file across the rounds, as a ledger restarted after each crash
        for (int round = 0; round < 8; round++) {
            java.util.List<String> acknowledged = KilledWriter.acknowledgedBeforeTheKill(ReadModelWriter.class, 20, 1000, file.toString(),
                    "journaled");
            try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
                var acked = store.client().getDatabase(ReadModelWriter.DATABASE).getCollection(ReadModelWriter.ACKED);
                java.util.Set<String> present = new java.util.HashSet<>();
                acked.find().forEach(d -> present.add(d.getString("_id")));
                assertThat(present).as("round %d: every acknowledged journaled write", round).containsAll(acknowledged);
            }
        }
    }

    @Test
    void only_writes_to_the_keys_and_the_pending_heads_are_committed_on_acknowledgement() {
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("insert", new de.bwaldvogel.mongo.bson.Document("insert", "subject_keys"))).isTrue();
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("update",
                new de.bwaldvogel.mongo.bson.Document("update", "ledger" + TreeHeads.PENDING))).isTrue();
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("delete",
                new de.bwaldvogel.mongo.bson.Document("delete", "ledger" + TreeHeads.PENDING))).isFalse();
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("delete", new de.bwaldvogel.mongo.bson.Document("delete", "subject_keys"))).isTrue();
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("insert", new de.bwaldvogel.mongo.bson.Document("insert", "feed_entries"))).isFalse();
        // a request's key and its kept answer (outside crash audit: a retry after the crash served a notice twice)
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("insert", new de.bwaldvogel.mongo.bson.Document("insert", "idempotency_keys"))).isTrue();
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("update", new de.bwaldvogel.mongo.bson.Document("update", "idempotency_keys"))).isTrue();
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("delete", new de.bwaldvogel.mongo.bson.Document("delete", "idempotency_keys"))).isFalse();
        assertThat(CrashConsistentH2Backend.durableOnAcknowledgement("find", new de.bwaldvogel.mongo.bson.Document("find", "subject_keys"))).isFalse();
    }
}
