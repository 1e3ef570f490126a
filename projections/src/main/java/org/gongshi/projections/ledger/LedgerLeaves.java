package org.gongshi.projections.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.types.Binary;
import org.gongshi.projections.query.GaplessLog;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.Rfc6962;
import org.gongshi.projections.writes.BatchedWrites;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The event ledger's leaves in MongoDB ({@value #COLLECTION}): one document per event, numbered
 * 0, 1, 2, … in global order without gaps, holding the leaf text ({@link LedgerLeaf}) and its hash,
 * stored once when the event is first seen and never regenerated. Only the single-segment
 * {@link LedgerTreeProjection} writes it; every node reads it.
 */
public class LedgerLeaves implements LeafHashes {

    public static final String COLLECTION = "ledger_leaves";

    private final MongoCollection<Document> leaves;

    private final GaplessLog<Document> log;

    public LedgerLeaves(MongoDatabase database) {
        this.leaves = database.getCollection(COLLECTION);
        this.log = new GaplessLog<>(leaves);
    }

    public void ensureIndexes() {
        leaves.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).name("ledger_event_id"));
    }

    /** A stored leaf: its index in the tree, the event it stands for, its text and hash. */
    public record Leaf(long leafIndex, String eventId, long globalIndex, String text, byte[] leafHash) {}

    Optional<Leaf> appendedFor(String eventId) {
        return Optional.ofNullable(leaves.find(eq("eventId", eventId)).first()).map(LedgerLeaves::leaf);
    }

    /**
     * Appending the leaves of some events, the tree's only writer: which of {@code eventIds} have a leaf already and the
     * tree's size are asked once, here; the leaves are numbered on from that size and written with
     * {@link BatchedWrites} (at the end of the unit of work, if one runs).
     */
    Appending appending(Collection<String> eventIds) {
        return new Appending(Set.copyOf(eventIds), eventIds.isEmpty() ? Set.of() : forEvents(eventIds).keySet(), size());
    }

    /** See {@link #appending}. */
    final class Appending {
        private final Set<String> asked;
        private final Set<String> appended;
        private long next;

        private Appending(Set<String> asked, Set<String> appended, long next) {
            this.asked = asked;
            this.appended = new HashSet<>(appended);
            this.next = next;
        }

        /** Whether the event has its leaf (stored before, or appended here); an event not asked about is looked up. */
        boolean appended(String eventId) {
            return appended.contains(eventId) || !asked.contains(eventId) && appendedFor(eventId).isPresent();
        }

        /** Appends the next leaf. */
        Leaf append(String eventId, long globalIndex, LedgerLeaf leaf) {
            String text = leaf.text(); // once: the text is most of a leaf's cost (its payload canonicalised and digested)
            Leaf stored = new Leaf(next++, eventId, globalIndex, text, Rfc6962.leafHash(text.getBytes(StandardCharsets.UTF_8)));
            appended.add(eventId);
            BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", stored.leafIndex()).append("eventId", eventId)
                    .append("globalIndex", globalIndex).append("leaf", stored.text()).append("leafHash", new Binary(stored.leafHash()))));
            return stored;
        }
    }

    void clear() {
        leaves.deleteMany(new Document());
    }

    /** The leaves stored for these events, by event id (events not yet in the tree are missing). */
    public Map<String, Leaf> forEvents(Collection<String> eventIds) {
        Map<String, Leaf> found = new LinkedHashMap<>();
        leaves.find(in("eventId", eventIds)).forEach(d -> found.put(d.getString("eventId"), leaf(d)));
        return found;
    }

    /** Leaves [from, from + limit) in order. */
    public List<Leaf> range(long from, int limit) {
        List<Leaf> result = new ArrayList<>();
        log.forEach(from, size(), null, null, limit, d -> result.add(leaf(d)));
        return result;
    }

    @Override
    public long size() {
        return log.size();
    }

    @Override
    public byte[] leafHash(long index) {
        Document d = leaves.find(eq("_id", index)).projection(Projections.include("leafHash")).first();
        if (d == null) throw new IllegalArgumentException("no ledger leaf " + index);
        return d.get("leafHash", Binary.class).getData();
    }

    @Override
    public List<byte[]> leafHashes(long from, long toExclusive) {
        List<byte[]> hashes = new ArrayList<>((int) (toExclusive - from));
        log.forEach(from, toExclusive, null, Projections.include("leafHash"), Integer.MAX_VALUE,
                d -> hashes.add(d.get("leafHash", Binary.class).getData()));
        if (hashes.size() != toExclusive - from) throw new IllegalStateException("ledger leaves " + from + ".." + toExclusive + " are not all present");
        return hashes;
    }

    private static Leaf leaf(Document d) {
        return new Leaf(((Number) d.get("_id")).longValue(), d.getString("eventId"), ((Number) d.get("globalIndex")).longValue(),
                d.getString("leaf"), d.get("leafHash", Binary.class).getData());
    }
}
