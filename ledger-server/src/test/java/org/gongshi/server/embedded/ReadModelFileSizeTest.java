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

import static com.mongodb.client.model.Filters.eq;
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
    void the_store_compacts_at_its_checkpoints_so_its_file_holds_mostly_live_data() {
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

            // at rest the checkpoints go on compacting what is left below the mark, then write nothing
            int atRest = 0;
            while (mvStore.getFileStore().getChunksFillRate() < CrashConsistentH2Backend.COMPACT_BELOW_FILL_PERCENT && atRest < 200) {
                store.backend().checkpoint();
                atRest++;
            }
            assertThat(mvStore.getFileStore().getChunksFillRate()).as("the fill rate after %d checkpoints at rest", atRest)
                    .isGreaterThanOrEqualTo(CrashConsistentH2Backend.COMPACT_BELOW_FILL_PERCENT);
            store.backend().checkpoint();
            assertThat(mvStore.hasUnsavedChanges()).as("a checkpoint at rest, the chunks full enough, leaves nothing to write").isFalse();
            long version = mvStore.getCurrentVersion();
            store.backend().checkpoint();
            assertThat(mvStore.getCurrentVersion()).as("nor commits anything").isEqualTo(version);
        }
    }
}
