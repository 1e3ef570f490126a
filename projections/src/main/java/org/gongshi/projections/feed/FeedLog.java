package org.gongshi.projections.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.Rfc6962;
import org.gongshi.ledger.identity.Division;
import org.gongshi.projections.query.Divisions;
import org.gongshi.projections.query.GaplessLog;
import org.gongshi.projections.writes.BatchedWrites;
import org.gongshi.projections.writes.ReadModelWrites;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The public feed log in MongoDB: gapless numbered entries ({@code feed_entries}), and what is
 * public now ({@code feed_current}, one document per record, listing entry or sanction, with
 * tombstones so a redelivered older event cannot resurrect what a newer one removed). Every API node
 * reads it; only the single-segment feed projection writes it. It is also the Merkle tree's leaves.
 */
public class FeedLog implements LeafHashes {

    public static final String ENTRIES = "feed_entries";
    public static final String CURRENT = "feed_current";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FeedLog.class);

    private final MongoCollection<FeedEntry> entries;
    private final MongoCollection<Document> current;
    private final GaplessLog<FeedEntry> numbered;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

    public FeedLog(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES, FeedEntry.class);
        this.numbered = new GaplessLog<>(entries);
        this.current = database.getCollection(CURRENT);
    }

    public void ensureIndexes() {
        upgradeEntriesKeyedByPosition();
        entries.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).name("feed_event_id"));
        entries.createIndex(Indexes.ascending("type", "_id"), new IndexOptions().name("feed_type"));
        entries.createIndex(Indexes.ascending("division", "_id"), new IndexOptions().name("feed_division"));
        // what made a subject public before an entry (asked for every entry the feed appends), a subject's entries
        entries.createIndex(Indexes.ascending("subject", "_id"), new IndexOptions().name("feed_subject"));
        current.createIndex(Indexes.ascending("removed", "_id"), new IndexOptions().name("feed_current_live"));
    }

    /**
     * A feed written before the event identifier was stored (it has the old unique index on the
     * position, {@code feed_event}) recognised entries by the ledger position alone: its entries take
     * the identifier from their own CloudEvent ({@code id}) and the old index goes (an event committed
     * late shares its token position with another). Any other start costs one index listing.
     */
    private void upgradeEntriesKeyedByPosition() {
        MongoCollection<Document> raw = entries.withDocumentClass(Document.class);
        boolean legacy = false;
        for (Document index : raw.listIndexes()) legacy |= "feed_event".equals(index.getString("name"));
        if (!legacy) return;
        JsonMapper json = JsonMapper.builder().build();
        for (Document old : raw.find(exists("eventId", false)).projection(Projections.include("line"))) {
            String eventId = json.readTree(old.getString("line")).path("id").asString();
            raw.updateOne(eq("_id", old.get("_id")), set("eventId", eventId));
        }
        raw.dropIndex("feed_event"); // last: a start interrupted above finds it and finishes the upgrade
    }

    // ---- writing (the feed projection only)

    /** A replay of the whole log begins: it is checked against what is stored, never cleared. */
    void replaying() {
        log.info("Feed replay: checking {} published entries byte for byte", size());
    }

    /** The entry already appended for this ledger event, if any. */
    Optional<FeedEntry> appendedFor(String eventId) {
        return Optional.ofNullable(entries.find(eq("eventId", eventId)).first());
    }

    /**
     * Appending for one batch of events, the log's only writer: the entries stored for {@code eventIds} (each with its
     * retraction's id too) and the log's size are asked once, here, and the size then counted on as entries are
     * appended. An event not asked about is looked up. Within a processor's batch, what it appends and makes public is
     * written when the batch ends ({@link Appending#finish}); outside one (a handler called directly), at once.
     */
    Appending appending(Collection<String> eventIds) {
        Set<String> asked = new HashSet<>();
        for (String id : eventIds) {
            asked.add(id);
            asked.add(id + FeedLogProjection.RETRACTION);
        }
        Map<String, FeedEntry> stored = new HashMap<>();
        if (!asked.isEmpty()) entries.find(in("eventId", asked)).forEach(entry -> stored.put(entry.eventId(), entry));
        Appending appending = new Appending(asked, stored, size(), CurrentUnitOfWork.isStarted());
        if (appending.deferred) BatchedWrites.atBatchEnd(appending::finish);
        return appending;
    }

    /**
     * See {@link #appending}. A batch's entries and what they make public wait here and are written together at its end
     * (three round trips an entry were the feed's part of a replay, and the feed the last processor to finish one, issue
     * 13): first what they make public ({@code feed_current}, the last change of each key), then the entries in order;
     * only then do this node's readers hear of them ({@link GaplessLog#seen}, {@link #onAppend}). A batch that fails
     * writes nothing of what waits; one that fails while writing leaves what is public ahead of the entries, which
     * {@link #reflectedPosition} and {@link #publicAt} read correctly, and is processed again.
     */
    final class Appending {
        private final Set<String> asked;
        private final Map<String, FeedEntry> stored;
        private long next;
        private final boolean deferred;
        /** The entries this batch appended, in order, not yet written; and the same by subject, for {@link #publicBefore}. */
        private final List<FeedEntry> waitingEntries = new ArrayList<>();
        private final Map<String, List<FeedEntry>> waitingBySubject = new HashMap<>();
        /** The last change this batch made to each key of what is public, not yet written. */
        private final Map<String, UpdateOneModel<Document>> waitingPublic = new LinkedHashMap<>();

        private Appending(Set<String> asked, Map<String, FeedEntry> stored, long next, boolean deferred) {
            this.asked = asked;
            this.stored = stored;
            this.next = next;
            this.deferred = deferred;
        }

        Optional<FeedEntry> appendedFor(String eventId) {
            return asked.contains(eventId) ? Optional.ofNullable(stored.get(eventId)) : FeedLog.this.appendedFor(eventId);
        }

        /** The number the next entry takes. */
        long next() {
            return next;
        }

        /**
         * Appends entry {@code seq}, which must be the next number ({@link #next}: the log's size, counted on while entries
         * follow one another); {@code line} is stored as it is and hashed once, here: its bytes are never regenerated.
         */
        FeedEntry append(long seq, String eventId, long globalIndex, String type, String subject, String division, Instant time, String line) {
            if (seq != next) throw new FeedLogViolation("entry " + seq + " would not follow the log, which holds " + next + " entries");
            FeedEntry entry = new FeedEntry(seq, eventId, globalIndex, type, subject, division, time, line,
                    Rfc6962.leafHash(line.getBytes(StandardCharsets.UTF_8)));
            if (deferred) {
                waitingEntries.add(entry);
                waitingBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(entry);
            } else {
                insert(entry);
            }
            stored.put(eventId, entry);
            next = seq + 1;
            if (!deferred) numbered.seen(next);
            return entry;
        }

        /**
         * {@link FeedLog#publicBefore}, from the entries this batch appended where one of them is the subject's last of
         * those types before {@code seq} (they follow every stored entry), else from the log.
         */
        Optional<Current> publicBefore(String subject, List<String> publishing, List<String> retracting, long seq) {
            List<FeedEntry> ofSubject = waitingBySubject.getOrDefault(subject, List.of());
            for (int i = ofSubject.size() - 1; i >= 0; i--) {
                FeedEntry entry = ofSubject.get(i);
                if (entry.seq() >= seq) continue;
                if (publishing.contains(entry.type())) return Optional.of(new Current(entry.seq(), entry.division()));
                if (retracting.contains(entry.type())) return Optional.empty();
            }
            return FeedLog.this.publicBefore(subject, publishing, retracting, seq);
        }

        /** Records what {@code entry} made of {@code key}: public ({@code makesPublic}) or no longer. */
        void publicNow(String key, FeedEntry entry, boolean makesPublic) {
            UpdateOneModel<Document> write = currentWrite(key, entry, makesPublic);
            if (!deferred) writeCurrent(List.of(write));
            else waitingPublic.put(key, write); // each write sets every field, on the condition of its number: the last decides
        }

        /** Writes what waits: what is public now, then the entries; then tells this node's readers. */
        void finish() {
            if (!waitingPublic.isEmpty()) writeCurrent(new ArrayList<>(waitingPublic.values()));
            waitingPublic.clear();
            if (waitingEntries.isEmpty()) return;
            BatchedWrites.inOrder(entries, waitingEntries.stream().map(InsertOneModel::new).toList());
            waitingEntries.clear();
            waitingBySubject.clear();
            numbered.seen(next);
            appended();
        }
    }

    private void insert(FeedEntry entry) {
        entries.insertOne(entry);
        appended();
    }


    /**
     * Checks that a replayed event reproduces its stored entry byte for byte, that no stored entry
     * before it was left out ({@code expectedSeq}: the number the replay has reached, if known; an
     * entry before it is a redelivery), and that the stored leaf hash is still the line's.
     *
     * @throws FeedLogViolation on any difference: the stored log stays as it is
     */
    FeedEntry verify(FeedEntry stored, String line, Long expectedSeq) {
        String problem = null;
        if (expectedSeq != null && stored.seq() > expectedSeq) {
            problem = "event " + stored.eventId() + " is entry " + stored.seq() + " but the replay reached it at entry " + expectedSeq
                    + ": entries " + expectedSeq + ".." + (stored.seq() - 1) + " were not reproduced";
        } else if (!stored.line().equals(line)) {
            problem = "entry " + stored.seq() + " (event " + stored.eventId() + ") would change:\n  stored:     " + stored.line()
                    + "\n  reproduced: " + line;
        } else if (!java.util.Arrays.equals(stored.leafHash(), Rfc6962.leafHash(line.getBytes(StandardCharsets.UTF_8)))) {
            problem = "entry " + stored.seq() + "'s stored leaf hash is not the hash of its line";
        }
        if (problem != null) throw new FeedLogViolation(problem);
        return stored;
    }

    /**
     * What made {@code subject} public just before entry {@code seq}, from the log itself: the last
     * earlier entry of the subject among {@code publishing} and {@code retracting} types, if it is a
     * publishing one. The same question gives the same answer live and in a replay.
     */
    Optional<Current> publicBefore(String subject, List<String> publishing, List<String> retracting, long seq) {
        List<String> types = new ArrayList<>(publishing);
        types.addAll(retracting);
        FeedEntry last = entries.find(and(eq("subject", subject), in("type", types), lt("_id", seq)))
                .sort(Sorts.descending("_id")).limit(1).first();
        return last == null || !publishing.contains(last.type()) ? Optional.empty() : Optional.of(new Current(last.seq(), last.division()));
    }

    /**
     * Runs {@code listener} after each entry appended in this JVM, so a feed tail on the same node
     * reads it at once instead of at its next poll. It must return quickly and never block; nodes
     * that do not run the feed projection never hear it and keep polling.
     */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    protected void appended() {
        for (Runnable listener : appendListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // a listener only shortens a wait; the entry is written whatever it does
            }
        }
    }

    /**
     * What {@code entry} made of {@code key}: public with its line, or no longer (a tombstone); ignored where a newer entry
     * already spoke for the key. Every field is set from the entry alone, so of several writes to a key the one with the
     * highest number decides, whatever stood before and in whatever order they are made.
     */
    private static UpdateOneModel<Document> currentWrite(String key, FeedEntry entry, boolean makesPublic) {
        return new UpdateOneModel<>(and(eq("_id", key), lt("seq", entry.seq())),
                combine(set("seq", entry.seq()), set("line", makesPublic ? entry.line() : null), set("removed", !makesPublic),
                        set("type", entry.type()), set("division", entry.division())),
                new UpdateOptions().upsert(true));
    }

    /** An entry that makes a subject public: its number and division. */
    record Current(long seq, String division) {}

    /** Makes {@code writes} of what is public now: one that finds a newer entry's key stored (a redelivery) changes nothing. */
    private void writeCurrent(List<UpdateOneModel<Document>> writes) {
        ReadModelWrites.newerOnly(current, writes);
    }

    // ---- reading (every API node)

    /** The number of entries, which is also the next sequence number. */
    @Override
    public long size() {
        return numbered.size();
    }

    @Override
    public byte[] leafHash(long index) {
        FeedEntry entry = entries.find(eq("_id", index)).projection(Projections.include("leafHash")).first();
        if (entry == null) throw new IllegalArgumentException("no feed entry " + index);
        return entry.leafHash();
    }

    @Override
    public List<byte[]> leafHashes(long from, long toExclusive) {
        List<byte[]> hashes = new ArrayList<>((int) (toExclusive - from));
        numbered.forEach(from, toExclusive, null, Projections.include("leafHash"), Integer.MAX_VALUE, e -> hashes.add(e.leafHash()));
        if (hashes.size() != toExclusive - from) throw new IllegalStateException("feed entries " + from + ".." + toExclusive + " are not all present");
        return hashes;
    }

    /** Entries after {@code after} (exclusive) in order, narrowed by type and division, at most {@code limit}. */
    public List<FeedEntry> after(long after, int limit, List<String> types, Division divisionPrefix) {
        List<Bson> filters = new ArrayList<>();
        if (types != null && !types.isEmpty()) filters.add(in("type", types));
        if (divisionPrefix != null) filters.add(Divisions.filter("division", divisionPrefix));
        return numbered.after(after, filters.isEmpty() ? null : and(filters), limit);
    }

    /** The entries about one subject (a record id, a listing id), in order, at most {@code limit}. */
    public List<FeedEntry> ofSubject(String subject, int limit) {
        return entries.find(eq("subject", subject)).sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>());
    }

    /** Entries with sequence in [from, to], in order, for bulk reads. */
    public List<FeedEntry> range(long from, long to, int limit) {
        List<FeedEntry> page = new ArrayList<>();
        numbered.forEach(from, Math.min(to, size() - 1) + 1, null, null, limit, page::add);
        return page;
    }

    /**
     * The last entry that what is public now ({@code feed_current}) reflects with every entry before it: the newest
     * entry, unless the projection has appended it and not yet recorded what it made public (outside a batch it writes
     * the entry first, then the key; a batch writes its keys first), then the one before it, and so on. -1 for an empty log.
     *
     * @throws IllegalStateException if the public state lags the log by more than a few entries (a replay is catching up)
     */
    public long reflectedPosition() {
        long at = size() - 1;
        for (int behind = 0; at >= 0 && behind < MOST_UNREFLECTED; behind++, at--) {
            FeedEntry entry = entries.find(eq("_id", at)).first();
            if (entry == null) continue; // not yet visible although counted
            Document key = current.find(eq("_id", FeedLogProjection.ofType(entry.type()).prefix() + entry.subject())).first();
            if (key != null && ((Number) key.get("seq")).longValue() >= at) return at;
        }
        if (at < 0) return -1;
        throw new IllegalStateException("what is public lags the feed's entries by more than " + MOST_UNREFLECTED + " entries");
    }

    /** How far {@link #reflectedPosition()} looks back (the feed projection is one event behind its entries at most, live). */
    private static final int MOST_UNREFLECTED = 64;

    /** A page of what was public just after an entry: its lines, and the last key it read (for the next page; null at the end). */
    public record PublicPage(List<String> lines, String lastKey) {}

    /**
     * What was public just after entry {@code at} (at most {@link #reflectedPosition()}), in key order from
     * {@code afterKey} (exclusive), reading at most {@code limit} keys: a key changed after {@code at} is read as it stood
     * then, from its last entry up to {@code at}; a key removed since is still read (its tombstone stays). Paged while
     * the feed grows, the pages together are exactly the state after {@code at}: read as it is now, a snapshot under
     * load held entries after its declared sequence and lacked some that were still public at it (issue 13's audit).
     */
    public PublicPage publicAt(long at, String afterKey, int limit) {
        List<String> lines = new ArrayList<>();
        String lastKey = null;
        for (Document d : current.find(afterKey == null ? new Document() : gt("_id", afterKey)).sort(Sorts.ascending("_id")).limit(limit)) {
            lastKey = d.getString("_id");
            if (((Number) d.get("seq")).longValue() <= at) {
                if (!Boolean.TRUE.equals(d.getBoolean("removed"))) lines.add(d.getString("line"));
                continue;
            }
            FeedLogProjection.Kind kind = FeedLogProjection.ofKey(lastKey);
            List<String> types = new ArrayList<>(kind.publishing());
            types.addAll(kind.retracting());
            FeedEntry last = entries.find(and(eq("subject", lastKey.substring(kind.prefix().length())), in("type", types), lte("_id", at)))
                    .sort(Sorts.descending("_id")).limit(1).first();
            if (last != null && kind.publishing().contains(last.type())) lines.add(last.line());
        }
        return new PublicPage(lines, lastKey);
    }
}
