package org.gongshi.server.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongshi.server.embedded.CommitOrderedEventStorageEngineTest.engineOn;
import static org.gongshi.server.embedded.CommitOrderedEventStorageEngineTest.withSchema;

/**
 * What a transaction open at a crash left in the event store's file is cleared at the next start, so the next append
 * takes its global index and its aggregate's sequence number (CI, 2026-12-07: after a SIGKILL the first append spun in
 * H2 for 153 s holding the aggregate's lock). The crash is made as H2 makes it (h2database issue 2080): the store is
 * written while a transaction's insert is open, the database is shut down without a word, and the transaction's undo
 * log is taken from the file, as a commit written map by map leaves it when it held the row but not the undo-log entry.
 */
class UnfinishedWritesTest {

    private static final String LEFT_OVER = "left-over";

    @Test
    void a_row_a_crash_left_uncommitted_is_cleared_at_the_start_and_the_next_append_takes_its_index_and_sequence(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("eventstore").resolve("ledger");
        Files.createDirectories(file.getParent());
        crashWithAnInsertOpen(file);

        // as H2 leaves it: a reader sees the row as committed (its transaction is closed), though it never was, and nothing
        // can be appended to its aggregate at its sequence number (the command's retry); with a live transaction under the
        // dead one's number a reader does not see it, and an append at its global index waits on that transaction
        try (HikariDataSource pool = pool(EmbeddedStorage.eventStoreUrl(file))) {
            CommitOrderedEventStorageEngine engine = engineOn(pool);
            assertThat(aggregates(engine)).containsExactly("before-0", "before-1", "before-2", LEFT_OVER);
            assertThatThrownBy(() -> engine.appendEvents(List.of(event(LEFT_OVER, 0))))
                    .as("the retried command's append").isInstanceOf(RuntimeException.class);
        }

        // a start after a run that did not stop cleanly clears it before anything else
        Files.writeString(dataDir.resolve(LastRun.MARKER), "pid 1, started then");
        try (HikariDataSource pool = (HikariDataSource) new EmbeddedStorage(dataDir.toString()).eventStoreDataSource()) {
            CommitOrderedEventStorageEngine engine = engineOn(pool);
            engine.appendEvents(List.of(event("after-the-crash", 0), event(LEFT_OVER, 0)));
            assertThat(count(pool, "SELECT MAX(globalIndex) FROM DomainEventEntry")).as("gap-free").isEqualTo(5);
            assertThat(aggregates(engine)).containsExactly("before-0", "before-1", "before-2", "after-the-crash", LEFT_OVER);
        }
        // and a start after a clean stop has nothing to clear
        try (HikariDataSource pool = pool(EmbeddedStorage.eventStoreUrl(file)); Connection connection = pool.getConnection()) {
            assertThat(UnfinishedWrites.clear(connection)).isZero();
        }
    }

    /** Three committed events, then an insert at global index 4 open when the database stops without a word. */
    private static void crashWithAnInsertOpen(Path file) throws Exception {
        try (HikariDataSource pool = pool(EmbeddedStorage.eventStoreUrl(file))) {
            CommitOrderedEventStorageEngine engine = withSchema(engineOn(pool));
            for (int i = 0; i < 3; i++) engine.appendEvents(List.of(event("before-" + i, 0)));
            try (Connection open = pool.getConnection(); Connection other = pool.getConnection()) {
                open.setAutoCommit(false);
                try (Statement insert = open.createStatement()) {
                    insert.execute("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber,"
                            + " type, timeStamp, payloadType, payloadRevision, payload, metaData) SELECT 4, '" + UUID.randomUUID() + "', '"
                            + LEFT_OVER + "', 0, type, timeStamp, payloadType, payloadRevision, payload, metaData FROM DomainEventEntry"
                            + " WHERE globalIndex = 1");
                }
                CommitOrderedEventStorageEngine.storeOf(open).commit();
                try (Statement shutdown = other.createStatement()) {
                    shutdown.execute("SHUTDOWN IMMEDIATELY");
                } catch (java.sql.SQLException closedUnderIt) {
                    // the connection goes with the database
                }
            } catch (java.sql.SQLException closed) {
                // closing connections of a database shut down
            }
        }
        MVStore store = new MVStore.Builder().fileName(file + ".mv.db").open();
        try {
            List<String> undoLogs = store.getMapNames().stream().filter(name -> name.startsWith(TransactionStore.UNDO_LOG_NAME_PREFIX)).toList();
            assertThat(undoLogs).as("the file holds the open insert's undo log").isNotEmpty();
            undoLogs.forEach(name -> store.removeMap(name));
            store.commit();
        } finally {
            store.close();
        }
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Case", aggregate, sequence, "处罚决定书");
    }

    private static List<String> aggregates(CommitOrderedEventStorageEngine engine) {
        try (Stream<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false)) {
            return all.map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).toList();
        }
    }

    /** A pool on the file as the ledger opens it (its user). */
    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("gongshi");
        config.setPassword("");
        return new HikariDataSource(config);
    }

    private static long count(HikariDataSource pool, String sql) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
