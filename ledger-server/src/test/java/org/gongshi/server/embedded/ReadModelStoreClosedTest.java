package org.gongshi.server.embedded;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
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
