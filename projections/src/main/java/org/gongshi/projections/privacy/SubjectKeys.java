package org.gongshi.projections.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

/**
 * One AES-256 key per data subject, in the MongoDB collection {@code subject_keys}, outside the event
 * store (the embedded default keeps it in its own MongoDB, a different file from the event store's).
 * Deleting a key leaves a tombstone ({@code shreddedAt}, no key): every sealed field of that subject
 * then reads as shredded, in every copy of the event store, backups included. Keys are cached for
 * {@link #CACHE} so reading events does not cost a query each. A key deleted on the node that deletes it stops opening
 * there at once; every deletion also counts up one document ({@link #SHREDS}), which a node that holds keys in its cache
 * reads by {@code _id} at most every {@link #SHRED_CHECK} while it opens sealed data, dropping the keys it holds when
 * the count moved: a key deleted on another node stops opening here within that time (without it, within {@link #CACHE}).
 */
public class SubjectKeys {

    public static final String COLLECTION = "subject_keys";
    public static final Duration CACHE = Duration.ofSeconds(10);
    /** The collection of the one document that counts the keys deleted, on any node: {@code {_id: "deleted", n}}. */
    public static final String SHREDS = "subject_key_shreds";
    /** How often a node that holds keys asks whether one was deleted elsewhere (one read by {@code _id}). */
    public static final Duration SHRED_CHECK = Duration.ofMillis(250);
    private static final String DELETED = "deleted";
    /**
     * How long a subject without a key is taken to have none. A natural person's key is made when its case is filed, the
     * case's first event, before any node can look its subject up, so a subject found keyless is an organisation's for
     * good (a key made later, for the redaction terms of an organisation's correction, is seen here at once where it is
     * made, elsewhere within this). Looked up every {@link #CACHE} instead, the lookup was a query for most events of the
     * command path (an organisation's case: its free texts are kept in clear).
     */
    public static final Duration NO_KEY_CACHE = Duration.ofHours(1);
    /** The most subjects cached (the least recently used go first). */
    static final int MOST_CACHED = 100_000;

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> shreds;
    private final Clock clock;
    /** The deletions counted when this node last asked ({@link #SHREDS}), and when it asked; null: never. */
    private long deletionsSeen;
    private volatile Instant deletionsCheckedAt;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MOST_CACHED;
        }
    });

    /**
     * Keys are made and deleted journaled: a key is on disk before the event sealed with it is appended, and a deletion
     * before the subject is recorded shredded. On the embedded store a SIGKILL lost the keys made in the last second, and
     * the cases filed just before it read their party as shredded with no {@code SubjectShredded} (issue 13's audit).
     */
    public SubjectKeys(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.shreds = database.getCollection(SHREDS).withWriteConcern(WriteConcern.MAJORITY);
        this.clock = clock;
    }

    /** The subject's key to seal new personal data with, made on first use. */
    public SecretKey sealingKey(String subjectId) {
        Optional<SecretKey> key = openingKey(subjectId);
        if (key.isPresent()) return key.get();
        Document existing = keys.find(eq("_id", subjectId)).first();
        if (existing != null && existing.get("shreddedAt") != null) {
            throw new IllegalStateException("the personal data of data subject " + subjectId + " was shredded; none is stored for it again");
        }
        byte[] fresh = newKey();
        try {
            keys.insertOne(new Document("_id", subjectId).append("key", new Binary(fresh)).append("createdAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            cache.remove(subjectId); // made at the same moment by another writer: use theirs
            return openingKey(subjectId).orElseThrow(() -> new IllegalStateException("data subject " + subjectId + " was shredded"));
        }
        SecretKey made = new SecretKeySpec(fresh, "AES");
        cache.put(subjectId, new Cached(made, true, clock.instant()));
        return made;
    }

    /**
     * The subject's key to open sealed data with; empty once it was deleted (or never made). A subject cached as keyless is
     * asked again: a sealed value of it proves a key was made since (on another node, for an organisation's correction).
     */
    public Optional<SecretKey> openingKey(String subjectId) {
        return Optional.ofNullable(cached(subjectId, true).key);
    }

    /** Whether the subject has a key, had one that was deleted, or never had one (as cached, see {@link #CACHE}). */
    public State state(String subjectId) {
        Cached cached = cached(subjectId);
        return cached.key != null ? State.KEY : cached.known ? State.SHREDDED : State.NONE;
    }

    /** A data subject's key: there, deleted (a tombstone), or never made. */
    public enum State { KEY, SHREDDED, NONE }

    private Cached cached(String subjectId) {
        return cached(subjectId, false);
    }

    private Cached cached(String subjectId, boolean keyExpected) {
        Instant now = clock.instant();
        Cached cached = cache.get(subjectId);
        if (cached != null && cached.key != null && deletedElsewhere(now)) cached = cache.get(subjectId);
        boolean keyless = cached != null && cached.key == null && !cached.known;
        if (cached != null && !(keyless && keyExpected) && cached.fetchedAt.plus(keyless ? NO_KEY_CACHE : CACHE).isAfter(now)) return cached;
        if (deletionsCheckedAt == null) deletedElsewhere(now); // the count before any key is held here, to compare with
        Document doc = keys.find(eq("_id", subjectId)).first();
        Binary raw = doc == null ? null : doc.get("key", Binary.class);
        Cached fetched = new Cached(raw == null ? null : new SecretKeySpec(raw.getData(), "AES"), doc != null, now);
        cache.put(subjectId, fetched);
        return fetched;
    }

    /**
     * Whether a key was deleted (on any node) since this node last asked, at most every {@link #SHRED_CHECK}: if so, every
     * key held here is dropped, to be read again, and what keeps opened events forgets them ({@link #onDelete}).
     */
    private boolean deletedElsewhere(Instant now) {
        synchronized (shreds) {
            if (deletionsCheckedAt != null && deletionsCheckedAt.plus(SHRED_CHECK).isAfter(now)) return false;
            Document counted = shreds.find(eq("_id", DELETED)).first();
            long deletions = counted == null ? 0 : counted.get("n", Number.class).longValue();
            boolean moved = deletionsCheckedAt != null && deletions != deletionsSeen;
            deletionsSeen = deletions;
            deletionsCheckedAt = now;
            if (!moved) return false;
        }
        synchronized (cache) {
            cache.values().removeIf(cached -> cached.key != null);
        }
        for (Runnable listener : onDelete) listener.run();
        return true;
    }

    /**
     * Takes the subject to have no key without asking, unless one is cached: its case was filed against an organisation
     * (only a natural person's filing makes a key; a later key, for the redaction terms of a correction, is cached where it
     * is made and seen elsewhere within {@link #NO_KEY_CACHE}).
     */
    public void rememberNoKey(String subjectId) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(subjectId);
            if (cached == null || (cached.key == null && !cached.known)) cache.put(subjectId, new Cached(null, false, now));
        }
    }

    /** Whether the subject ever had a key (deleted or not). */
    public boolean known(String subjectId) {
        return keys.find(eq("_id", subjectId)).first() != null;
    }

    /** Deletes the subject's key for good, leaving a tombstone; false if there was no key to delete. */
    public boolean delete(String subjectId) {
        boolean deleted = keys.updateOne(eq("_id", subjectId), combine(unset("key"), set("shreddedAt", Date.from(clock.instant()))))
                .getMatchedCount() > 0;
        Document counted = shreds.findOneAndUpdate(eq("_id", DELETED), inc("n", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        synchronized (shreds) {
            // this deletion alone since this node last asked: nothing to drop for it at the next check
            long deletions = counted == null ? 0 : counted.get("n", Number.class).longValue();
            if (deletionsCheckedAt != null && deletions == deletionsSeen + 1) deletionsSeen = deletions;
        }
        cache.put(subjectId, new Cached(null, true, clock.instant()));
        for (Runnable listener : onDelete) listener.run();
        return deleted;
    }

    private final List<Runnable> onDelete = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Runs {@code listener} after each key this JVM deletes, once this node reads the subject as shredded: whatever keeps
     * events read and deserialized before (the embedded event store's shared reads) forgets them, so that nothing read
     * after the deletion shows the subject's data in clear.
     */
    public void onDelete(Runnable listener) {
        onDelete.add(listener);
    }

    private byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey().getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no AES", e);
        }
    }

    private record Cached(SecretKey key, boolean known, Instant fetchedAt) {}
}
