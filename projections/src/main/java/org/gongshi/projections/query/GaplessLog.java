package org.gongshi.projections.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;

/**
 * A collection keyed 0, 1, 2, … without gaps (the feed's entries, the ledger's leaves), read only by
 * {@code _id} lookups: its size by galloping from the last size seen, its ranges as lists of keys.
 * A sort on {@code _id} or an {@code _id} range would be an index walk on MongoDB, but a scan of the
 * whole collection on the embedded server (mongo-java-server answers only equalities and {@code $in}
 * from an index); the size was asked on every append, so a log of n entries cost n² reads to write
 * (issue 13).
 */
public final class GaplessLog<T> {

    /** Keys per query when reading a range. */
    static final int CHUNK = 512;

    private final MongoCollection<T> collection;
    private volatile long sizeSeen;

    public GaplessLog(MongoCollection<T> collection) {
        this.collection = collection;
    }

    /**
     * The number of entries: one more than the last key. Usually one query: whether the last key seen is still there
     * and the next one not yet (at rest), else which of the {@link #WINDOW} keys after it are (grown by a batch);
     * galloping by single lookups only beyond that.
     */
    public long size() {
        long known = sizeSeen;
        if (known > 0) {
            Set<Long> present = present(known - 1, 2);
            if (!present.contains(known - 1)) {
                known = 0; // emptied (a test, a rebuild) since it was seen
            } else if (!present.contains(known)) {
                return remember(known);
            } else {
                present = present(known, WINDOW);
                long next = known;
                while (next < known + WINDOW && present.contains(next)) next++;
                if (next < known + WINDOW) return remember(next);
                known = next; // the whole window is present: gallop on from its end
            }
        }
        if (!exists(known)) return remember(known);
        long present = known;   // exists
        long step = 1;
        long absent;
        while (exists(absent = present + step)) {
            present = absent;
            step <<= 1;
        }
        while (absent - present > 1) {
            long middle = (present + absent) >>> 1;
            if (exists(middle)) present = middle;
            else absent = middle;
        }
        return remember(absent);
    }

    /**
     * Keys asked at once when the log grew since its size was last seen: more than a processor's batch (100 events)
     * appends, so a writer that does not tell the log what it appended still finds the end without galloping. (Asked
     * every time, the 128 keys cost an idle server more than the two it asks at rest.)
     */
    static final int WINDOW = 128;

    /** Tells the log its writer appended up to {@code size} entries: the next {@link #size()} looks from there. */
    public void seen(long size) {
        if (size > sizeSeen) sizeSeen = size;
    }

    private long remember(long size) {
        sizeSeen = size;
        return size;
    }

    /** Which of the {@code count} keys from {@code from} are present: one query. */
    private Set<Long> present(long from, int count) {
        Set<Long> present = new HashSet<>();
        collection.withDocumentClass(org.bson.Document.class).find(in("_id", LongStream.range(from, from + count).boxed().toList()))
                .projection(Projections.include("_id")).forEach(d -> present.add(((Number) d.get("_id")).longValue()));
        return present;
    }

    private boolean exists(long key) {
        return present(key, 1).contains(key);
    }

    /**
     * Entries with keys in [{@code from}, {@code toExclusive}) that match {@code filter} (may be null),
     * in key order, with {@code projection} (may be null), until {@code action} has had {@code limit}.
     */
    public void forEach(long from, long toExclusive, Bson filter, Bson projection, int limit, Consumer<T> action) {
        int taken = 0;
        for (long start = Math.max(0, from); start < toExclusive && taken < limit; start += CHUNK) {
            List<Long> keys = LongStream.range(start, Math.min(toExclusive, start + CHUNK)).boxed().toList();
            Bson byKeys = in("_id", keys);
            var found = collection.find(filter == null ? byKeys : and(byKeys, filter)).sort(Sorts.ascending("_id"));
            if (projection != null) found = found.projection(projection);
            for (T entry : found.into(new ArrayList<>())) {
                if (taken == limit) return;
                action.accept(entry);
                taken++;
            }
        }
    }

    /** {@link #forEach} up to the log's current end. */
    public List<T> after(long afterKey, Bson filter, int limit) {
        List<T> page = new ArrayList<>();
        forEach(afterKey + 1, size(), filter, null, limit, page::add);
        return page;
    }
}
