package org.gongshi.server.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A child process for {@link CommitOrderedEventStorageEngineTest}: writers that append events to the event store's file with
 * the ledger's settings, each printing {@code acked <aggregate>} once its append returned, until the parent kills it.
 * Arguments: the store file (without {@code .mv.db}). The ledger's own URL, so its retention of freed chunks
 * ({@link EmbeddedStorage#EVENT_STORE_RETENTION_MS}) lets space be reused within the test's seconds.
 */
public final class EventAppender {

    static final int WRITERS = 4;

    public static void main(String[] args) throws Exception {
        HikariDataSource file = CommitOrderedEventStorageEngineTest.pool(EmbeddedStorage.eventStoreUrl(Path.of(args[0])));
        CommitOrderedEventStorageEngine engine = CommitOrderedEventStorageEngineTest.withSchema(CommitOrderedEventStorageEngineTest.engineOn(file));
        String payload = "处罚决定书".repeat(100);
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    String aggregate = UUID.randomUUID().toString();
                    engine.appendEvents(List.of(new GenericDomainEventMessage<>("Case", aggregate, 0, payload)));
                    synchronized (System.out) {
                        System.out.println("acked " + aggregate);
                        System.out.flush();
                    }
                }
            }, "writer-" + w);
            writer.start();
        }
        System.out.println("writing");
        System.out.flush();
    }
}
