package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that only reads runs while a checkpoint holds the lock (issue 13: every public search waited for each
 * checkpoint's commit and compaction); one that writes waits for it, so the checkpoint still sees whole commands only.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read that waited for the checkpoint would wait forever
class ReadsBesideCheckpointTest {

    private static final Duration NO_CHECKPOINT_OF_ITS_OWN = Duration.ofHours(1);

    @Test
    void reads_run_beside_a_checkpoint_and_writes_wait_for_it(@TempDir Path dir) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2); // the checkpoint's and the insert's: both block
        try (ServedStore served = ServedStore.open(dir.resolve("readmodels.mv"), NO_CHECKPOINT_OF_ITS_OWN)) {
            CrashConsistentH2Backend backend = served.backend();
            EmbeddedChannel channel = new EmbeddedChannel();
            backend.handleCommand(channel, "t", "insert", new Document("insert", "views")
                    .append("documents", List.of(new Document("_id", 1).append("state", "PUBLISHED"))));

            CountDownLatch held = new CountDownLatch(1), release = new CountDownLatch(1);
            CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(() -> backend.exclusively(() -> {
                held.countDown();
                await(release);
            }), threads);
            await(held);
            try {
                CompletableFuture<Document> insert = CompletableFuture.supplyAsync(() -> backend.handleCommand(channel, "t", "insert",
                        new Document("insert", "views").append("documents", List.of(new Document("_id", 2).append("state", "PUBLISHED")))), threads);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (backend.waitingForTheLock() == 0) { // the write is queued for the lock the checkpoint holds
                    assertThat(System.nanoTime() - deadline).as("the insert waits for the lock within 30 s").isNegative();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // a busy machine's cores to the insert's thread
                }

                Document found = backend.handleCommand(channel, "t", "find", new Document("find", "views").append("filter", new Document("_id", 1)));
                assertThat(firstBatch(found)).hasSize(1);
                Document counted = backend.handleCommand(channel, "t", "count", new Document("count", "views"));
                assertThat(((Number) counted.get("n")).intValue()).isEqualTo(1);
                Document aggregated = backend.handleCommand(channel, "t", "aggregate", new Document("aggregate", "views")
                        .append("pipeline", List.of(new Document("$match", new Document("state", "PUBLISHED"))))
                        .append("cursor", new Document()));
                assertThat(firstBatch(aggregated)).hasSize(1);
                assertThat(insert).as("the write still waits for the checkpoint").isNotDone();

                release.countDown();
                assertThat(((Number) insert.get(30, TimeUnit.SECONDS).get("n")).intValue()).isEqualTo(1);
            } finally {
                release.countDown();
                checkpoint.get(30, TimeUnit.SECONDS);
            }
            Document counted = backend.handleCommand(channel, "t", "count", new Document("count", "views"));
            assertThat(((Number) counted.get("n")).intValue()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void only_reading_commands_go_without_the_lock() {
        assertThat(CrashConsistentH2Backend.onlyReads("find", new Document())).isTrue();
        assertThat(CrashConsistentH2Backend.onlyReads("getMore", new Document())).isTrue();
        assertThat(CrashConsistentH2Backend.onlyReads("aggregate", new Document("pipeline", List.of(new Document("$match", new Document()))))).isTrue();
        assertThat(CrashConsistentH2Backend.onlyReads("aggregate", new Document("pipeline",
                List.of(new Document("$match", new Document()), new Document("$out", "copy"))))).isFalse();
        assertThat(CrashConsistentH2Backend.onlyReads("aggregate", new Document("pipeline", List.of(new Document("$merge", "copy"))))).isFalse();
        for (String write : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "dropIndexes", "drop", "create",
                "renameCollection", "dropDatabase", "mapReduce")) {
            assertThat(CrashConsistentH2Backend.onlyReads(write, new Document())).as(write).isFalse();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Document> firstBatch(Document reply) {
        return (List<Document>) ((Document) reply.get("cursor")).get("firstBatch");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
