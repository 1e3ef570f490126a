package org.gongshi.server.embedded;

import com.mongodb.client.MongoCollection;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When H2 closes the read-model store on its own (it does when it cannot write or read the file), the server stops, as it
 * does when the event store cannot write, instead of answering every read with "This store is closed" while it looks UP.
 * A store closed by the server's own shutdown stops nothing.
 */
class ReadModelStoreClosedTest {

    @TempDir
    Path dir;

    @Test
    void a_store_h2_closed_underneath_stops_the_server_at_the_next_checkpoint() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofMillis(50), stopped::countDown)) {
            MongoCollection<Document> views = store.client().getDatabase("closed").getCollection("views");
            views.insertOne(new Document("_id", "c1").append("state", "FILED"));
            assertThat(stopped.getCount()).as("an open store stops nothing").isEqualTo(1);

            store.backend().getMvStore().closeImmediately(); // what MVStore.panic does after a failed write

            assertThatThrownBy(() -> views.insertOne(new Document("_id", "c2"))).as("what it answered while it stayed up")
                    .hasMessageContaining("closed");
            assertThat(stopped.await(30, TimeUnit.SECONDS)).as("stopped at a checkpoint").isTrue();
        }
    }

    /**
     * A thread interrupted while it reads the store's file closes nothing: Java closes a file channel when a thread blocked
     * on it is interrupted, and on H2's plain file system the store then failed every later read of a page not cached and
     * its next checkpoint, and the server stopped. The store opens its file through H2's {@code retry:} file system
     * ({@link EmbeddedStorage#interruptSafe}). Reopened, the store's cache is cold, so the interrupted scans read the file.
     */
    @Test
    void a_thread_interrupted_while_it_reads_the_file_closes_nothing() throws Exception {
        Path file = dir.resolve("mongo.mv");
        int views = 20_000;
        try (ServedStore store = ServedStore.open(file, Duration.ofSeconds(1))) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < views; i++) {
                batch.add(new Document("_id", "c" + i).append("state", "FILED").append("text", "处罚决定书".repeat(60) + i));
                if (batch.size() == 1_000) {
                    store.client().getDatabase("interrupted").getCollection("views").insertMany(batch);
                    batch.clear();
                }
            }
        }
        AtomicInteger stops = new AtomicInteger();
        try (ServedStore store = ServedStore.open(file, Duration.ofMillis(50), stops::incrementAndGet)) {
            var scan = new de.bwaldvogel.mongo.bson.Document("count", "views")
                    .append("query", new de.bwaldvogel.mongo.bson.Document("state", "DISPOSED"));
            Channel channel = new EmbeddedChannel();
            try {
                InterruptedReader.interruptWhileReading(() -> store.backend().handleCommand(channel, "interrupted", "count", scan));
            } finally {
                channel.close();
            }
            MongoCollection<Document> collection = store.client().getDatabase("interrupted").getCollection("views");
            assertThat(collection.countDocuments(new Document("state", "FILED"))).as("views read after the interrupts").isEqualTo(views);
            collection.insertOne(new Document("_id", "after").append("state", "FILED"));
        }
        assertThat(stops).as("stops of the server for a store H2 closed").hasValue(0);
        try (ServedStore reopened = ServedStore.open(file, Duration.ofSeconds(1))) {
            assertThat(reopened.client().getDatabase("interrupted").getCollection("views").countDocuments())
                    .as("views after a clean stop").isEqualTo(views + 1);
        }
    }

    @Test
    void the_servers_own_shutdown_stops_nothing() {
        AtomicInteger stops = new AtomicInteger();
        ServedStore store = ServedStore.open(dir.resolve("mongo.mv"), Duration.ofMillis(1), stops::incrementAndGet);
        store.client().getDatabase("closed").getCollection("views").insertOne(new Document("_id", "c1"));
        store.close();

        store.backend().stopWhenClosedUnderneath();
        assertThat(store.backend().getMvStore().isClosed()).isTrue();
        assertThat(stops).as("the shutdown closed it, not H2").hasValue(0);
    }
}
