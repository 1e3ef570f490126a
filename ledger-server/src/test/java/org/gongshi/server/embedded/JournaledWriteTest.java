package org.gongshi.server.embedded;

import com.mongodb.WriteConcern;
import org.bson.Document;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.privacy.SubjectKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
        }
    }

    @Test
    void a_data_subjects_key_is_on_disk_when_it_is_made_and_its_deletion_when_it_is_deleted() {
        try (ServedStore store = ServedStore.open(dir.resolve("read-model.mv"), Duration.ofHours(1))) {
            SubjectKeys keys = new SubjectKeys(store.client().getDatabase("keys-test"), Clock.systemUTC());
            MVStore journal = store.backend().journal().getMvStore();
            keys.sealingKey("subject-1");
            assertThat(journal.hasUnsavedChanges()).as("the key, before any event is sealed with it").isFalse();
            keys.delete("subject-1");
            assertThat(journal.hasUnsavedChanges()).as("the tombstone").isFalse();
            keys.delete("nobody");
            assertThat(journal.hasUnsavedChanges()).as("a key's deletion (an update) is committed at once").isFalse();
        }
    }

    /**
     * The keys and the idempotency keys live in a store of their own, and their commit writes only that store: the views
     * written before it wait for their checkpoint (in one store, each new subject's key committed every page the
     * projections had changed, megabytes at 100,000 cases, while every writing command waited).
     */
    @Test
    void a_key_s_commit_writes_only_the_journal_s_store_not_the_views_written_before_it() {
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1))) {
            var db = store.client().getDatabase("gongshi");
            db.getCollection("case_views").insertOne(new Document("_id", "case-1"));
            SubjectKeys keys = new SubjectKeys(db, Clock.systemUTC());
            keys.sealingKey("subject-1");
            db.getCollection(IdempotentCommands.COLLECTION).insertOne(new Document("_id", "request-1"));

            assertThat(store.backend().journal().getMvStore().hasUnsavedChanges()).as("the keys, committed").isFalse();
            assertThat(store.backend().getMvStore().hasUnsavedChanges()).as("the view, not yet").isTrue();
            assertThat(store.backend().getMvStore().getMapNames()).as("the read models' store")
                    .noneMatch(map -> map.contains(SubjectKeys.COLLECTION) || map.contains(IdempotentCommands.COLLECTION))
                    .anyMatch(map -> map.contains("case_views"));
            assertThat(store.backend().journal().getMvStore().getMapNames()).as("the journal's store")
                    .anyMatch(map -> map.contains(SubjectKeys.COLLECTION)).anyMatch(map -> map.contains(IdempotentCommands.COLLECTION))
                    .noneMatch(map -> map.contains("case_views"));
            assertThat(dir.resolve("mongo-journal.mv")).exists();
            assertThat(keys.sealingKey("subject-1")).as("the same key, read back").isNotNull();
            assertThat(db.getCollection(IdempotentCommands.COLLECTION).countDocuments()).isEqualTo(1);
        }
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1))) {
            var db = store.client().getDatabase("gongshi");
            assertThat(db.getCollection(SubjectKeys.COLLECTION).countDocuments()).as("the key, after a restart").isEqualTo(1);
            assertThat(db.getCollection("case_views").countDocuments()).as("the view, committed as the store closed").isEqualTo(1);
        }
    }

    /**
     * Group commit: a journaled write waits for the commit of its store's version, not for a commit of its own; a write
     * that a commit since has stored (another command's, or a checkpoint's) returns without one. The journal's store
     * keeps a freed chunk 2 s, as its commits are forced to the disk, the read models' store H2's 45 s.
     */
    @Test
    void a_journaled_write_that_a_commit_since_has_stored_is_not_committed_again() {
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1))) {
            var keys = store.client().getDatabase("gongshi").getCollection(IdempotentCommands.COLLECTION);
            CrashConsistentH2Backend journal = store.backend().journal();
            MVStore mv = journal.getMvStore();
            keys.insertOne(new Document("_id", "request-1"));
            keys.deleteOne(new Document("_id", "request-1")); // a removal waits for the checkpoint
            long version = mv.getCurrentVersion();
            assertThat(mv.hasUnsavedChanges()).isTrue();

            journal.commitNow(version - 1);
            assertThat(mv.hasUnsavedChanges()).as("a write of an earlier version: stored already").isTrue();
            assertThat(mv.getCurrentVersion()).isEqualTo(version);
            journal.commitNow(version);
            assertThat(mv.hasUnsavedChanges()).as("a write of this version: committed").isFalse();
            assertThat(mv.getCurrentVersion()).isEqualTo(version + 1);

            assertThat(mv.getRetentionTime()).isEqualTo(CrashConsistentH2Backend.JOURNAL_RETENTION_MS);
            assertThat(store.backend().getMvStore().getRetentionTime()).as("H2's default").isEqualTo(45_000);
        }
    }

    /**
     * A data directory written before the journal had a store of its own holds the keys in the read models' store: they
     * are moved into the journal's, with their indexes, once, and a move a crash cut short (the journal's copy partial) is
     * made anew from the read models' copy, which stays until the move is committed.
     */
    @Test
    void keys_an_earlier_version_kept_with_the_read_models_move_into_the_journal_s_store_once() {
        Path file = dir.resolve("mongo.mv");
        writeWithTheStockBackend(file, db -> {
            for (int i = 0; i < 2_500; i++) {
                db.getCollection(SubjectKeys.COLLECTION).insertOne(new Document("_id", "subject-" + i).append("key", "k" + i));
            }
            db.getCollection(IdempotentCommands.COLLECTION).insertOne(new Document("_id", "request-1").append("expiresAt", new java.util.Date()));
            db.getCollection(IdempotentCommands.COLLECTION).createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
            db.getCollection("case_views").insertOne(new Document("_id", "case-1"));
        });
        // what a move cut short by a crash left in the journal's store: part of the keys, and one the move will not copy
        writeWithTheStockBackend(CrashConsistentH2Backend.journalFile(file), db -> {
            db.getCollection(SubjectKeys.COLLECTION).insertOne(new Document("_id", "subject-0").append("key", "k0"));
            db.getCollection(SubjectKeys.COLLECTION).insertOne(new Document("_id", "not-in-the-read-models").append("key", "x"));
        });
        for (int start = 0; start < 2; start++) {
            try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
                var db = store.client().getDatabase("gongshi");
                assertThat(db.getCollection(SubjectKeys.COLLECTION).countDocuments()).as("start %d: every key", start).isEqualTo(2_500);
                assertThat(db.getCollection(SubjectKeys.COLLECTION).find(new Document("_id", "subject-2499")).first())
                        .as("start %d", start).containsEntry("key", "k2499");
                assertThat(db.getCollection(IdempotentCommands.COLLECTION).countDocuments()).isEqualTo(1);
                assertThat(db.getCollection(IdempotentCommands.COLLECTION).listIndexes().into(new java.util.ArrayList<>()))
                        .as("start %d: the expiry index, moved", start)
                        .anyMatch(index -> new Document("expiresAt", 1).equals(index.get("key")) && Long.valueOf(0).equals(
                                ((Number) index.get("expireAfterSeconds")).longValue()));
                assertThat(db.getCollection("case_views").countDocuments()).isEqualTo(1);
                assertThat(store.backend().getMvStore().getMapNames()).as("start %d: the read models' store", start)
                        .noneMatch(map -> map.contains(SubjectKeys.COLLECTION) || map.contains(IdempotentCommands.COLLECTION));
                assertThat(store.backend().journal().getMvStore().hasUnsavedChanges()).as("the move, committed").isFalse();
            }
        }
    }

    /** Writes through mongo-java-server's own H2 backend on {@code file} (as a data directory written before). */
    private static void writeWithTheStockBackend(Path file, java.util.function.Consumer<com.mongodb.client.MongoDatabase> writes) {
        de.bwaldvogel.mongo.MongoServer stock = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString()));
        stock.bind("127.0.0.1", 0);
        try (var client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            writes.accept(client.getDatabase("gongshi"));
        } finally {
            stock.shutdown();
        }
    }

    /**
     * A journaled write a checkpoint stored before the write's own commit could run is acknowledged without one (nothing
     * is left unsaved), so the checkpoint points the file's header at its chunk, as that commit would have: else, once
     * chunks are written over, a restart could open an older chunk without the acknowledged write ({@link StoreHeader}).
     */
    @Test
    void a_checkpoint_points_the_file_s_header_at_the_chunk_it_wrote() throws Exception {
        Path file = dir.resolve("mongo.mv");
        try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
            var views = store.client().getDatabase("gongshi").getCollection("case_views");
            MVStore mv = store.backend().getMvStore();
            for (int i = 0; i < 30; i++) {
                views.insertOne(new Document("_id", i));
                store.backend().checkpoint();
                String header = new String(java.nio.file.Files.readAllBytes(file), 0, 4096, java.nio.charset.StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher version = java.util.regex.Pattern.compile(",version:([0-9a-f]+)").matcher(header);
                assertThat(version.find()).as("checkpoint %d: a header", i).isTrue();
                assertThat(Long.parseLong(version.group(1), 16)).as("checkpoint %d: the version the header names", i)
                        .isEqualTo(mv.getCurrentVersion());
            }
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

    /**
     * Writes past {@link CrashConsistentH2Backend#COMMIT_PAST_UNSAVED_BYTES} are committed before the next checkpoint, on
     * the checkpoint's thread: a commit holds every writing command while it stores what they changed since the last one.
     */
    @Test
    void writes_past_the_unsaved_bound_are_committed_before_the_next_checkpoint() {
        int bound = CrashConsistentH2Backend.COMMIT_PAST_UNSAVED_BYTES;
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1))) {
            var views = store.client().getDatabase("gongshi").getCollection("case_views");
            MVStore readModels = store.backend().getMvStore();
            long versionBefore = readModels.getCurrentVersion();
            int id = 0;
            while (readModels.getCurrentVersion() == versionBefore) {
                // H2's estimate, which decides; how many documents make it depends on what its types measured before
                assertThat(readModels.getUnsavedMemory()).as("unsaved bytes, with no commit since %d documents", id).isLessThan(2 * bound);
                id = insertHundredViews(views, id);
            }
            int[] unsaved = new int[1];
            store.backend().exclusively(() -> unsaved[0] = readModels.getUnsavedMemory()); // once the commit is done
            assertThat(unsaved[0]).as("what is left waits for the checkpoint").isLessThan(bound);
        }
    }

    /**
     * While a processor catches up with the ledger the store commits past
     * {@link CrashConsistentH2Backend#COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP}, and past
     * {@link CrashConsistentH2Backend#COMMIT_PAST_UNSAVED_BYTES} again once the checkpoint finds them caught up.
     */
    @Test
    void while_the_read_models_catch_up_the_store_commits_in_larger_steps() {
        int live = CrashConsistentH2Backend.COMMIT_PAST_UNSAVED_BYTES;
        int catchingUp = CrashConsistentH2Backend.COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP;
        assertThat(catchingUp).isGreaterThan(2 * live);
        java.util.concurrent.atomic.AtomicBoolean behind = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1))) {
            CrashConsistentH2Backend backend = store.backend();
            assertThat(backend.committingAsCatchingUp()).as("before any processor is known").isFalse();
            backend.catchingUpWhile(behind::get);
            assertThat(backend.committingAsCatchingUp()).isTrue();
            var views = store.client().getDatabase("gongshi").getCollection("case_views");
            MVStore readModels = backend.getMvStore();
            long versionBefore = readModels.getCurrentVersion();
            int id = 0;
            while (readModels.getUnsavedMemory() < 2 * live) id = insertHundredViews(views, id);
            int[] unsaved = new int[1];
            backend.exclusively(() -> unsaved[0] = readModels.getUnsavedMemory());
            assertThat(readModels.getCurrentVersion()).as("no commit past %d unsaved bytes while catching up", unsaved[0])
                    .isEqualTo(versionBefore);

            behind.set(false);
            backend.checkpoint(); // asks again, and commits what waited
            assertThat(backend.committingAsCatchingUp()).isFalse();
            assertThat(readModels.getCurrentVersion()).isGreaterThan(versionBefore);
            assertThat(views.countDocuments()).isEqualTo(id);

            backend.catchingUpWhile(() -> { throw new IllegalStateException("processors not configured yet"); });
            assertThat(backend.committingAsCatchingUp()).as("a supplier that fails counts as caught up").isFalse();
        }
    }

    /**
     * A clean stop while the checkpoint's thread commits waits for that commit: interrupted, H2's file channel closed under
     * the write (a {@code ClosedByInterruptException}), the stop's own commit failed, and the store reopened without the
     * writes since the last checkpoint (a restart in {@code IndexProbeTest} found its collection gone, CI, stop 46).
     */
    @Test
    void a_clean_stop_while_the_checkpoint_s_thread_commits_loses_nothing() {
        int bound = CrashConsistentH2Backend.COMMIT_PAST_UNSAVED_BYTES;
        Path file = dir.resolve("mongo.mv");
        int id = 0;
        try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
            var views = store.client().getDatabase("gongshi").getCollection("case_views");
            do { // until a commit on the checkpoint's thread is asked for, then stop at once
                id = insertHundredViews(views, id);
            } while (store.backend().getMvStore().getUnsavedMemory() < bound);
        }
        try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
            assertThat(store.client().getDatabase("gongshi").getCollection("case_views").countDocuments()).isEqualTo(id);
        }
    }

    /** Inserts 100 views of ~3 KB each, numbered from {@code from}; returns the next number. */
    private static int insertHundredViews(com.mongodb.client.MongoCollection<Document> views, int from) {
        String text = "案".repeat(1_000);
        java.util.List<Document> batch = new java.util.ArrayList<>();
        for (int id = from; id < from + 100; id++) batch.add(new Document("_id", id).append("text", text));
        views.insertMany(batch);
        return from + 100;
    }
}
