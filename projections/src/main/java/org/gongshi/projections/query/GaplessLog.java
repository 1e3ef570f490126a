package org.gongshi.projections.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
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
     * The number of entries: one more than the last key. Usually one query: which of the keys from the last one seen
     * on ({@link #WINDOW} of them, in one {@code $in}) are present; galloping by single lookups only beyond that.
     */
    public long size() {
        long known = sizeSeen;
        if (known > 0) {
            List<Long> window = LongStream.range(known - 1, known - 1 + WINDOW).boxed().toList();
            java.util.Set<Long> present = new java.util.HashSet<>();
            collection.withDocumentClass(org.bson.Document.class).find(in("_id", window)).projection(Projections.include("_id"))
                    .forEach(d -> present.add(((Number) d.get("_id")).longValue()));
            if (!present.contains(known - 1)) {
                known = 0; // emptied (a test, a rebuild) since it was seen
            } else {
                long next = known;
                while (next < known - 1 + WINDOW && present.contains(next)) next++;
                if (next < known - 1 + WINDOW) return remember(next);
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
     * Keys asked at once when the size is looked for from the last one seen: more than a processor's batch (100
     * events) appends, so a writer that does not tell the log what it appended still finds the end in one query.
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

    private boolean exists(long key) {
        return collection.find(eq("_id", key)).projection(Projections.include("_id")).first() != null;
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
