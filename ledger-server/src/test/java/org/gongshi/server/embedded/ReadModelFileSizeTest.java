package org.gongshi.server.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded read-model store's file stops growing with the writes: a checkpoint whose chunks hold less live data than
 * {@link CrashConsistentH2Backend#COMPACT_BELOW_FILL_PERCENT} rewrites as much as it wrote, so emptied chunks are written
 * again. Without it, keys spread over an index (the public records' name keys) left every chunk partly live and the file
 * grew by ~50 KB a public record (issue 13).
 */
class ReadModelFileSizeTest {

    @TempDir
    Path dir;


    /**
     * A compaction is sized by what the commands wrote, never by what the compaction before it rewrote: counted, each
     * compaction was larger than the one before while H2 retained the chunks they freed, until a commit of 1.3 GB ran out
     * of memory and closed the store.
     */
    @Test
    void a_checkpoint_compacts_about_what_the_commands_wrote_at_least_a_mb_and_never_more_than_its_bound() {
        assertThat(CrashConsistentH2Backend.compactionBytes(0)).as("at rest").isEqualTo(1 << 20);
        assertThat(CrashConsistentH2Backend.compactionBytes(40 << 20)).isEqualTo(20 << 20);
        assertThat(CrashConsistentH2Backend.compactionBytes(Integer.MAX_VALUE)).isEqualTo(CrashConsistentH2Backend.MOST_COMPACTED_BYTES);
    }

    @Test
    void the_store_compacts_at_its_checkpoints_so_its_file_holds_mostly_live_data() throws InterruptedException {
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1))) {
            MVStore mvStore = store.backend().getMvStore();
            // freed chunks are written again at once (45 s in production, longer than this test runs)
            mvStore.setRetentionTime(0);
            MongoCollection<Document> records = store.client().getDatabase("sized").getCollection("records");
            records.createIndex(Indexes.ascending("nameKeys"));
            Random random = new Random(13);
            int fillSum = 0;
            for (int batch = 0; batch < 60; batch++) {
                List<Document> written = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    List<String> keys = new ArrayList<>();
                    for (int k = 0; k < 20; k++) keys.add(Integer.toString(random.nextInt(1 << 20), 36));
                    written.add(new Document("_id", batch + "-" + i).append("nameKeys", keys).append("facts", "x".repeat(600)));
                }
                records.insertMany(written);
                // and changes to documents written before, as the projections make
                for (int i = 0; i < 20 && batch > 0; i++) {
                    records.updateOne(eq("_id", random.nextInt(batch) + "-" + random.nextInt(50)), set("state", "UPDATED-" + batch));
                }
                store.backend().checkpoint();
                if (batch >= 30) fillSum += mvStore.getFileStore().getChunksFillRate();
            }
            assertThat(records.countDocuments()).isEqualTo(3000);
            // measured (H2 2.5.252): 34 % on average over the last 30 checkpoints, the file 17.5 MB with 38 % of it free to be
            // written again; without the compaction 15 %, falling to 13 %, and the file 29 MB, all of it held by chunks
            assertThat(fillSum / 30).as("the chunks' fill rate, %, over the last 30 checkpoints").isGreaterThanOrEqualTo(25);

            // at rest the checkpoints tidy the file until its live data is most of it, then write nothing
            tidiedAtRest(store);
            store.backend().checkpoint();
            assertThat(mvStore.hasUnsavedChanges()).as("a checkpoint at rest, the chunks full enough, leaves nothing to write").isFalse();
            long version = mvStore.getCurrentVersion();
            store.backend().checkpoint();
            assertThat(mvStore.getCurrentVersion()).as("nor commits anything").isEqualTo(version);
        }
    }

    /**
     * A rebuild or a bulk load leaves the file several times its live data (10,000 cases: 1,132 MB for ~180 MB); once
     * the store is at rest, its checkpoints rewrite the live pages and move the chunks in steps until most of the file
     * is live, and the file gives the rest back.
     */
    @Test
    void a_file_left_mostly_dead_is_tidied_at_rest_and_its_space_given_back() throws InterruptedException {
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofHours(1))) {
            MVStore mvStore = store.backend().getMvStore();
            mvStore.setRetentionTime(0); // freed chunks are written again at once (45 s in production)
            MongoCollection<Document> views = store.client().getDatabase("tidied").getCollection("views");
            views.createIndex(Indexes.ascending("division"));
            for (int batch = 0; batch < 40; batch++) {
                List<Document> written = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    written.add(new Document("_id", batch * 200 + i).append("division", Integer.toString(110000 + i)).append("facts", "x".repeat(900)));
                }
                views.insertMany(written);
                store.backend().checkpoint();
            }
            views.deleteMany(gte("_id", 1000)); // a rebuild's switch-in, a bulk load's leftovers
            // while the store is written, its checkpoints do not tidy (a step counts itself in the store)
            for (int busy = 0; busy < 3; busy++) {
                List<Document> written = new ArrayList<>();
                for (int i = 0; i < 300; i++) written.add(new Document("_id", 100_000 + busy * 300 + i).append("facts", "y".repeat(1000)));
                views.insertMany(written);
                store.backend().checkpoint();
            }
            assertThat(mvStore.hasMap("gongshi.tidying")).as("tidied while written").isFalse();
            long sparse = mvStore.getFileStore().size();
            assertThat(CrashConsistentH2Backend.liveShareOfFile(mvStore)).as("live data of the file after the deletes")
                    .isLessThan(CrashConsistentH2Backend.TIDY_BELOW_PERCENT);

            tidiedAtRest(store);
            assertThat(mvStore.<String, Long>openMap("gongshi.tidying").get("steps")).as("steps taken at rest").isPositive();
            assertThat(mvStore.getFileStore().size()).as("the file, %d bytes when left sparse", sparse).isLessThan(sparse / 3);
            assertThat(views.countDocuments()).isEqualTo(1900);
            assertThat(views.countDocuments(eq("division", "110007"))).isEqualTo(5);
            Document last = views.find(eq("_id", 999)).first();
            assertThat(last).isNotNull();
            assertThat(last.getString("division")).isEqualTo("110199");

            store.backend().checkpoint();
            store.backend().checkpoint();
            long version = mvStore.getCurrentVersion();
            store.backend().checkpoint();
            assertThat(mvStore.getCurrentVersion()).as("tidied, a checkpoint at rest commits nothing").isEqualTo(version);
        }
    }

    /**
     * Tidying that stopped short of its mark (90 s without progress: a million bulk-loaded records whose chunks H2 counts
     * live) stays stopped across a restart: each start began it again, 2.5 minutes of steps through the node's first
     * searches (issue 13, stop 63).
     */
    @Test
    void tidying_that_stopped_short_is_not_begun_again_at_the_next_start() {
        Path file = dir.resolve("mongo.mv");
        long sparse;
        try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
            MVStore mvStore = store.backend().getMvStore();
            leftSparse(store);
            store.backend().stopTidyingShort(); // as a step does after 90 s without progress
            store.backend().checkpoint();
            assertThat(CrashConsistentH2Backend.liveShareOfFile(mvStore)).as("live data of the file: tidying would begin")
                    .isLessThan(CrashConsistentH2Backend.TIDY_BELOW_PERCENT);
            sparse = mvStore.getFileStore().size();
        }
        try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
            MVStore mvStore = store.backend().getMvStore();
            Long stepsBefore = mvStore.<String, Long>openMap("gongshi.tidying").get("steps");
            for (int i = 0; i < 5; i++) store.backend().checkpoint();
            assertThat(mvStore.<String, Long>openMap("gongshi.tidying").get("steps")).as("tidying steps after the restart").isEqualTo(stepsBefore);
            assertThat(mvStore.getFileStore().size()).isEqualTo(sparse);
            assertThat(store.client().getDatabase("tidied").getCollection("views").countDocuments()).isEqualTo(500);
        }
    }

    /**
     * Views written in 20 batches (a checkpoint each), then all but 500 of their 4,000 documents deleted and checkpointed:
     * a file mostly dead, which a checkpoint at rest tidies.
     */
    private static void leftSparse(ServedStore store) {
        MVStore mvStore = store.backend().getMvStore();
        mvStore.setRetentionTime(0);
        MongoCollection<Document> views = store.client().getDatabase("tidied").getCollection("views");
        for (int batch = 0; batch < 20; batch++) {
            List<Document> written = new ArrayList<>();
            for (int i = 0; i < 200; i++) written.add(new Document("_id", batch * 200 + i).append("facts", "x".repeat(900)));
            views.insertMany(written);
            store.backend().checkpoint();
        }
        views.deleteMany(gte("_id", 500));
        store.backend().checkpoint();
    }

    /**
     * Checkpoints at rest, at about their pace, until the file's live data reaches {@link CrashConsistentH2Backend#TIDY_UNTIL_PERCENT}
     * (at most a minute), H2 retaining what it frees for a second (45 s in production): a chunk younger than that is neither
     * rewritten nor written over, so a step does not rewrite what the step before it wrote.
     */
    private static void tidiedAtRest(ServedStore store) throws InterruptedException {
        MVStore mvStore = store.backend().getMvStore();
        mvStore.setRetentionTime(1000);
        int steps = 0;
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (CrashConsistentH2Backend.liveShareOfFile(mvStore) < CrashConsistentH2Backend.TIDY_UNTIL_PERCENT && System.nanoTime() < giveUp) {
            Thread.sleep(50); // polls the condition at about the checkpoints' pace
            store.backend().checkpoint();
            steps++;
        }
        assertThat(CrashConsistentH2Backend.liveShareOfFile(mvStore)).as("live data of the file after %d checkpoints at rest", steps)
                .isGreaterThanOrEqualTo(CrashConsistentH2Backend.TIDY_UNTIL_PERCENT);
    }
}
