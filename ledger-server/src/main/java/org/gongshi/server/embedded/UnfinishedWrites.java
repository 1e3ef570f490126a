package org.gongshi.server.embedded;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.table.Table;
import org.h2.value.VersionedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Clears from the event store's file what transactions open at a crash left in it, before anything else uses the file.
 *
 * <p>H2 writes a commit of its store map by map, not all maps at one instant, so a commit made while a transaction is
 * inserting can hold the transaction's row (or an index entry) without the undo-log entry that would let the next start
 * roll it back (h2database issue 2080). After a SIGKILL at that moment the row stays in the file as an uncommitted
 * value of a transaction that no longer exists. A reader takes it for committed while no live transaction has the dead
 * one's number (an event no command committed, perhaps one of a command's several, would be projected, published and
 * signed), and an append to its aggregate at its sequence number is refused as a duplicate; while a live transaction
 * has that number, readers do not see it, and an insert at its key waits on that transaction, then on the next to take
 * the number: on the ledger the processors' reads take and free numbers all the time. The engine gives the next event
 * the global index after the highest committed one it reads, the leftover's: after a crash in CI (2026-12-07) the first
 * command's append spun in H2 for 153 s of CPU holding the aggregate's lock, and no command was answered again.
 *
 * <p>Run once at the start after a run that did not stop cleanly ({@link LastRun}), on the first connection and before
 * any other (no transaction is open then, so every uncommitted value is a leftover): every uncommitted value in every
 * table's maps is put back to its committed value, or removed where there was none. The primary map of a table is
 * read from its end back to its first committed entry (the engine appends at ever higher global indexes, H2 gives
 * row ids in order), every other index whole.
 */
final class UnfinishedWrites {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedWrites.class);

    private UnfinishedWrites() {
    }

    /** Clears the leftovers in the database {@code connection} is open on; returns how many values it put back or removed. */
    static int clear(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Database database = session.getDatabase();
        TransactionStore transactions = database.getStore().getTransactionStore();
        List<String> cleared = new ArrayList<>();
        int total = 0;
        for (Table table : database.getAllTablesAndViews()) {
            if (!(table instanceof MVTable)) continue;
            for (Index index : table.getIndexes()) {
                if (!(index instanceof MVIndex<?, ?> mv)) continue;
                int count = clear(mv.getMVMap(), transactions, index instanceof MVPrimaryIndex);
                if (count > 0) cleared.add(index.getName() + " " + count);
                total += count;
            }
        }
        if (total > 0) {
            log.warn("The event store held {} values written by transactions that were open when the last run stopped ({}):"
                    + " cleared, as a transaction that never committed leaves nothing", total, String.join(", ", cleared));
        }
        return total;
    }

    private static <K, V> int clear(MVMap<K, VersionedValue<V>> map, TransactionStore transactions, boolean appendedInOrder) {
        List<K> keys = new ArrayList<>();
        if (appendedInOrder) {
            for (K key = map.lastKey(); key != null; key = map.lowerKey(key)) {
                VersionedValue<V> value = map.get(key);
                if (value == null || value.getOperationId() == VersionedValue.NO_OPERATION_ID) break;
                keys.add(key);
            }
        } else {
            for (Cursor<K, VersionedValue<V>> cursor = map.cursor(null); cursor.hasNext(); ) {
                K key = cursor.next();
                if (cursor.getValue().getOperationId() != VersionedValue.NO_OPERATION_ID) keys.add(key);
            }
        }
        int count = 0;
        for (K key : keys) {
            VersionedValue<V> value = map.get(key);
            if (!transactions.isTransactionClosed(transactionOf(value.getOperationId()))) continue; // a live one's: not a leftover
            V committed = value.getCommittedValue();
            if (committed == null) {
                map.remove(key);
            } else if (committed instanceof VersionedValue<?>) {
                // H2 stores a committed value as itself: its values are VersionedValues without an operation
                @SuppressWarnings("unchecked") VersionedValue<V> asCommitted = (VersionedValue<V>) committed;
                map.put(key, asCommitted);
            } else {
                log.warn("A value left uncommitted in {} at {} has a committed value H2 cannot store as it is: left as it is", map.getName(), key);
                continue;
            }
            count++;
        }
        return count;
    }

    /** The number of the transaction that wrote a value with {@code operationId} (H2 keeps it in the top 24 bits). */
    private static int transactionOf(long operationId) {
        return (int) (operationId >>> 40);
    }
}
