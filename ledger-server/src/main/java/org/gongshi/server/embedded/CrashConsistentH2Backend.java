package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.privacy.SubjectKeys;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * mongo-java-server's H2 backend, made crash-consistent: whatever a SIGKILL leaves on disk is the
 * state after some whole Mongo command, never the middle of one, and never a later command without
 * an earlier one.
 *
 * <p>The stock backend keeps each collection's documents in one MVStore map and each unique index
 * (including {@code _id}) in another, and lets the MVStore commit whenever its background thread or
 * its write buffer decides. A commit walks the maps one by one, so it can store an index entry
 * without the document written just before it, or a processor's token without the view document the
 * handler wrote just before the token. After a SIGKILL the read model then holds an index entry with
 * no document (an insert of that document is refused as a duplicate, a query by {@code _id} finds
 * nothing) or a token that is ahead of its documents. Both lost read-model data for good
 * (measured 2026-11-29: a case view, a feed entry).
 *
 * <p>Here the MVStore never commits on its own. Every command that writes runs under a shared lock (one that only
 * reads runs without it, {@link #READS}); a checkpoint takes the lock exclusively, so it sees only whole commands, and commits every
 * {@code interval}. The stored state is therefore a prefix of the commands in the order they
 * finished: a token written after its documents is never durable without them. The last
 * {@code interval} of writes may be lost by a crash; the processors replay it from their tokens.
 * (The commit is whole under the lock: MVStore's own asynchronous commit, cutting the version under the
 * lock and writing it on H2's threads, left files H2 could not open again after a SIGKILL in the crash
 * test, a StackOverflowError reading its chunk layout, 1 round in 8.)
 *
 * <p>A stored document is never changed, only replaced: mongo-java-server updates the document its
 * query found in place, and a reply holding that same document may be encoding it on another event-loop
 * thread at that moment (replies are encoded after the command and its locks are done). The store holds documents
 * encoded ({@link BsonBytesType}) and every read decodes a new instance, so no two readers share one.
 *
 * <p>The collections of a data subject's keys and of the idempotency keys are kept in a second such store beside it
 * ({@link #JOURNALED}), so that their writes, committed one by one, write only their own pages.
 *
 * <p>Its collections also answer a query from an index when only part of the query pins that
 * index's keys ({@link IndexProbe}), not only when the query is exactly those keys, its
 * non-unique indexes are real ({@link SecondaryIndex}) instead of accepted and ignored, and a query that is only an
 * {@code $in} of strings or numbers is matched by a set lookup ({@link InListMatch}).
 */
class CrashConsistentH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(CrashConsistentH2Backend.class);
    /**
     * A checkpoint compacts when the file's chunks hold less live data than this (%): it rewrites the live pages of chunks
     * below it, so that those chunks are freed and their space is written again. A commit writes every page a command
     * changed whole, and with keys spread over the indexes (the public records' name keys) almost no chunk ever empties by
     * itself: without compaction at the rate of the writes the file grew by ~50 KB a public record and never stopped (issue 13).
     * Chunks below 30 % give at least three bytes back for each one rewritten.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 30;

    /**
     * How much a checkpoint's compaction rewrites when the commands since the last checkpoint wrote what the store
     * estimated at {@code written} bytes in memory: half of it (about what the commit wrote to the file, measured on H2
     * 2.5.252), so the compaction keeps pace with what writes leave behind; at rest 1 MB a checkpoint until the chunks
     * are full enough (H2 rewrites only chunks older than its 45 s retention, so a burst's last writes are compacted at
     * rest); never more than {@value #MOST_COMPACTED_BYTES} bytes. The pages a compaction rewrote are left out of the next
     * estimate ({@link #rewritten}): counted in it, each compaction was larger than the one before while H2 retained the
     * chunks they freed, and in a 1,000,000-record load a commit grew past 1.3 GB and H2 closed the store (out of memory,
     * issue 13). A quarter of the estimate, bounded at 16 MB, did not keep pace (10 GB at 300,000 records, 5.8 GB with half).
     */
    static int compactionBytes(long written) {
        return (int) Math.min(MOST_COMPACTED_BYTES, Math.max(1 << 20, written / 2));
    }

    /** The most a checkpoint's compaction rewrites (bytes), a bound on its pause under the lock every writing command waits for. */
    static final int MOST_COMPACTED_BYTES = 64 << 20;

    /** What the last checkpoint's compaction left to write (the store's estimate), only written under the lock. */
    private volatile int rewritten;

    /** What the commands wrote that commits between checkpoints stored since the last one (bytes), under the lock. */
    private long writtenSinceCheckpoint;

    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
    private final ScheduledExecutorService checkpoints;
    /** What to do when H2 has closed the store underneath the server ({@link #stopWhenClosedUnderneath}). */
    private final Runnable closedUnderneath;
    /** Set when {@link #close()} begins: from then on a closed store is the shutdown's doing, not H2's. */
    private volatile boolean closing;

    CrashConsistentH2Backend(Path file, Duration interval) {
        this(file, interval, () -> Runtime.getRuntime().halt(CommitOrderedEventStorageEngine.STORE_WRITE_FAILED));
    }

    /** {@code closedUnderneath}: what to do when H2 has closed the store on its own (production: halt, tests: record it). */
    CrashConsistentH2Backend(Path file, Duration interval, Runnable closedUnderneath) {
        this(file, READ_CACHE_MB, interval, closedUnderneath,
                new CrashConsistentH2Backend(journalFile(file), JOURNAL_CACHE_MB, interval, closedUnderneath, null));
    }

    /** @param journal the store of the {@link #JOURNALED} collections, or null: this is that store */
    private CrashConsistentH2Backend(Path file, int cacheMb, Duration interval, Runnable closedUnderneath, CrashConsistentH2Backend journal) {
        super(open(file, cacheMb));
        this.closedUnderneath = closedUnderneath;
        this.journal = journal;
        // every commit of the journal's store is forced to the disk, so a chunk freed 2 s ago is not needed by anything a
        // crash or a power loss could fall back to (H2's 45 s assume the file system flushes within that time): the file
        // holds the keys and 2 s of commits (one commit per key and per kept answer: with 45 s the file of a crash audit
        // reached 104 MB for ~6,800 cases' keys and answers)
        if (journal == null) getMvStore().setRetentionTime(JOURNAL_RETENTION_MS);
        else moveIntoJournal();
        checkpoints = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, journal == null ? "read-model-journal-checkpoint" : "read-model-checkpoint");
            t.setDaemon(true);
            return t;
        });
        checkpoints.scheduleWithFixedDelay(() -> quietly(this::checkpoint), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The collections whose every acknowledged write is committed before its reply ({@link #durableOnAcknowledgement}) and
     * that no other collection's state depends on: a data subject's key ({@code SubjectKeys}) and a request's idempotency
     * key with its kept answer ({@code IdempotentCommands}). They live in a store of their own, {@link #journal}, with a
     * lock of its own, so that such a commit writes only their few pages: in the one store, each commit (one per new data
     * subject) wrote every page the projections had changed since the last one, 1.8-9.9 MB at 100,000 cases, while every
     * writing command waited, and those commits were 11.7 % of the server's JFR samples under 8 clients (issue 13). The
     * clients see one database: a command on these collections is served by the journal's store, any other by this one.
     * The pending tree heads stay here: a head signed over the feed's leaves is durable with those leaves, never ahead
     * of them (a restarted signer would publish a head larger than the tree it can prove).
     */
    static final Set<String> JOURNALED = Set.of(SubjectKeys.COLLECTION, IdempotentCommands.COLLECTION);

    /** The store of the {@link #JOURNALED} collections (null in that store itself). */
    private final CrashConsistentH2Backend journal;

    /** The journal's file, beside the read models' ({@code mongo.mv}: {@code mongo-journal.mv}). */
    static Path journalFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot < 0 ? name + "-journal" : name.substring(0, dot) + "-journal" + name.substring(dot));
    }

    /** The journal's backend (tests). */
    CrashConsistentH2Backend journal() {
        return journal;
    }

    /** How long the journal's store keeps a chunk before it may write over it once it holds nothing live (ms). */
    static final int JOURNAL_RETENTION_MS = 2_000;

    /** The journal's page cache (MB): H2's default; its documents are small and the keys' readers cache them. */
    static final int JOURNAL_CACHE_MB = 16;

    /** The collection {@code command} reads or writes, if it names one. */
    static Optional<String> collectionOf(String command, Document query) {
        Object named = command.equalsIgnoreCase("getMore") ? query.get("collection") : query.get(command);
        return named instanceof String collection ? Optional.of(collection) : Optional.empty();
    }

    /** Whether {@code command} is served by the journal's store ({@link #JOURNALED}). */
    static boolean journaled(String command, Document query) {
        return collectionOf(command, query).filter(JOURNALED::contains).isPresent();
    }

    /**
     * Moves the {@link #JOURNALED} collections that a data directory written before kept in this store into the journal's,
     * once, before the server serves: the journal's copy is made anew from this store's (its indexes, then its documents),
     * committed, and only then is this store's dropped and committed. A crash in between leaves this store's copy, which
     * the next start moves again.
     */
    private void moveIntoJournal() {
        Channel channel = new EmbeddedChannel();
        try {
            for (String databaseName : listDatabaseNames()) moveIntoJournal(channel, databaseName);
        } finally {
            channel.close();
        }
    }

    private void moveIntoJournal(Channel channel, String databaseName) {
        for (String name : JOURNALED) {
            MongoCollection<?> stored = resolveDatabase(databaseName).resolveCollection(name, false);
            if (stored == null) continue;
            log.info("Moving the {} documents of {}.{} into the journal's store {} (once)", stored.count(), databaseName, name,
                    journal.getMvStore().getFileStore().getFileName());
            if (journal.resolveDatabase(databaseName).resolveCollection(name, false) != null) {
                journal.handleCommand(channel, databaseName, "drop", new Document("drop", name)); // a move a crash cut short
            }
            Document listed = super.handleCommand(channel, databaseName, "listIndexes", new Document("listIndexes", name));
            List<Document> indexes = new ArrayList<>();
            for (Object index : (List<?>) ((Document) listed.get("cursor")).get("firstBatch")) {
                Document spec = ((Document) index).cloneDeeply();
                if ("_id_".equals(spec.get("name"))) continue;
                spec.remove("v");
                spec.remove("ns");
                indexes.add(spec);
            }
            if (!indexes.isEmpty()) {
                journal.handleCommand(channel, databaseName, "createIndexes", new Document("createIndexes", name).append("indexes", indexes));
            }
            List<Document> batch = new ArrayList<>();
            Iterator<Document> documents = stored.queryAllAsStream().iterator();
            while (documents.hasNext()) {
                batch.add(documents.next());
                if (batch.size() == MOVED_PER_INSERT || !documents.hasNext()) {
                    Document inserted = journal.handleCommand(channel, databaseName, "insert", new Document("insert", name).append("documents", batch));
                    if (inserted.get("writeErrors") != null || !(inserted.get("n") instanceof Number n) || n.intValue() != batch.size()) {
                        // this store's copy stays, and the next start moves it again
                        throw new IllegalStateException("moving " + databaseName + "." + name + " into the journal's store: "
                                + batch.size() + " documents sent, the journal's store answered " + inserted);
                    }
                    batch = new ArrayList<>();
                }
            }
            journal.commitNow();
            handleInOrder(channel, databaseName, "drop", new Document("drop", name), true, new long[1]);
            commitNow();
        }
    }

    private static final int MOVED_PER_INSERT = 1_000;

    /**
     * The MVStore's page cache (MB). At H2's default of 16 MB a quarter of the embedded server's samples under 8 clients
     * read pages back from the file and decoded them again (FileStore.readPage, issue 13, 400 cases): the read
     * models of a few thousand cases are larger than that, and every handler reads the document it updates.
     */
    static final int READ_CACHE_MB = 64;

    /**
     * A leaf page splits past this many bytes (H2's default is 16 KB): a checkpoint encodes every document of each
     * page changed since the last one, under the lock every writing command waits for, so fewer documents share a page.
     */
    static final int PAGE_SPLIT_BYTES = 4 * 1024;

    private static MVStore open(Path file, int cacheMb) {
        // no background commits, and none when the write buffer fills: only checkpoint() commits
        return new MVStore.Builder().fileName(EmbeddedStorage.interruptSafe(file)).autoCommitDisabled().autoCommitBufferSize(0)
                .cacheSize(cacheMb).pageSplitSize(PAGE_SPLIT_BYTES).open();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName);
    }

    /** How many queries read a whole collection since the start (what {@link IndexProbe} avoids). */
    long fullScans() {
        return fullScans.get();
    }

    private final AtomicLong fullScans = new AtomicLong();

    /** How many documents queries answered from an index read since the start (to match them against the whole query). */
    long documentsRead() {
        return documentsRead.get();
    }

    private final AtomicLong documentsRead = new AtomicLong();

    /** How many index entries the choice between non-unique indexes counted since the start. */
    long entriesCounted() {
        return entriesCounted.get();
    }

    private final AtomicLong entriesCounted = new AtomicLong();

    /** How many documents counts answered from an index alone counted since the start ({@link IndexedH2Collection#countedByIndex}). */
    long countedInIndexes() {
        return countedInIndexes.get();
    }

    private final AtomicLong countedInIndexes = new AtomicLong();

    /** How many index entries the joins of an array's elements read since the start ({@link SecondaryIndex#inEvery}). */
    long entriesJoined() {
        return entriesJoined.get();
    }

    private final AtomicLong entriesJoined = new AtomicLong();

    /** Candidates few enough to read and match rather than narrow with another index lookup. */
    private static final int FEW = 16;

    /** The most entries the choice between non-unique indexes counts under each (then the first of those left is taken). */
    private static final long MOST = 1 << 20;

    /**
     * A collection's documents, as BSON ({@link BsonBytesType}), in a map of their own ({@link #documentsMap}). The
     * stock backend's map of a data directory written before is re-encoded into it once, at the
     * collection's first opening, and removed; a crash during that leaves the stock map to re-encode again.
     */
    private MVMap<Object, byte[]> documents(String namespace) {
        MVStore store = getMvStore();
        MVMap<Object, byte[]> documents = encodedDocuments(store, documentsMap(namespace));
        String stock = IndexedH2Database.DOCUMENTS + namespace;
        if (store.hasMap(stock)) {
            MVMap<Object, Document> serialised = store.openMap(stock);
            log.info("Re-encoding the {} documents of {} as BSON (once)", serialised.sizeAsLong(), namespace);
            for (Map.Entry<Object, Document> entry : serialised.entrySet()) documents.put(entry.getKey(), BsonBytesType.encode(entry.getValue()));
            store.removeMap(serialised);
        }
        return documents;
    }

    /** The map of a collection's documents, encoded ({@link BsonBytesType}). */
    static MVMap<Object, byte[]> encodedDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, byte[]>().valueType(BsonBytesType.INSTANCE));
    }

    /**
     * Beside the stock map's name, with a {@code $} no collection name may hold: the stock backend finds a data
     * directory's databases by the prefix, and drops a database's maps by it.
     */
    private static String documentsMap(String namespace) {
        return IndexedH2Database.DOCUMENTS + namespace + "$bson";
    }

    /**
     * The stock H2 database whose collections plan with {@link IndexProbe}. An inner class: the
     * stock constructor opens the existing collections before a subclass could keep the store.
     */
    private final class IndexedH2Database extends H2Database {

        // the stock backend's map names for a collection's documents and its metadata
        private static final String DOCUMENTS = "databases.";
        private static final String META = "meta.";

        IndexedH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new IndexedH2Collection(this, collectionName, options, documents(namespace), namespace);
        }

        /**
         * A real non-unique index ({@link SecondaryIndex}) where the stock backend accepts one and ignores it. A data
         * directory written by an earlier version holds it under an earlier name ({@link #earlierIndexMaps}): that map is
         * removed and the new one filled from the documents as the collection opens it, once, with a line in the log.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            removeEarlierIndexMaps(collectionName, indexName, "index");
            MVMap<String, Object> entries = stringKeyed(sortedIndexMap(collectionName, indexName));
            if (indexBuilds().containsKey(entries.getName())) {
                // a build committed in steps and cut short (a crash, a kill): its entries are a part of the index, and
                // mongo-java-server fills only an empty one
                log.info("Building the embedded MongoDB's index {} of {} again: its last build did not finish", indexName,
                        getFullCollectionNamespace(collectionName));
                entries.clear();
            }
            return new SecondaryIndex(entries, indexName, keys, sparse);
        }

        /**
         * A unique index keyed by strings ({@link KeyedUniqueIndex}). A data directory written by an earlier version holds
         * it under an earlier name: that map is removed and the new one, empty, is filled from the documents as the
         * collection opens it (mongo-java-server fills every empty index it is given), once, with a line in the log.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            removeEarlierIndexMaps(collectionName, indexName, "unique index");
            return new KeyedUniqueIndex(stringKeyed(uniqueIndexMap(collectionName, indexName)), indexName, keys, sparse);
        }

        /**
         * An index's map, its keys typed as strings ({@link StringDataType}, written by {@link IndexKeyType}): H2's default key type for a map opened
         * without one ({@code ObjectDataType}) finds the type of every key it compares or writes: 6.6 % of a rebuild's JFR
         * samples (B-tree searches, and the checkpoints writing index pages), 1.6 % with string keys (issue 13).
         * The file holds the keys in another form then, so the maps have names of their own.
         */
        private MVMap<String, Object> stringKeyed(String name) {
            return getMvStore().openMap(name, new MVMap.Builder<String, Object>().keyType(IndexKeyType.INSTANCE));
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            String documents = documentsMap(getFullCollectionNamespace(collectionName));
            if (getMvStore().hasMap(documents)) getMvStore().removeMap(documents);
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String from = documentsMap(collection.getFullName()); // the collection bears its new name once moved
            super.moveCollection(oldDatabase, collection, newCollectionName);
            getMvStore().renameMap(encodedDocuments(getMvStore(), from), documentsMap(getFullCollectionNamespace(newCollectionName)));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            // H2 reads every page of a map it removes: minutes for an index of millions of entries (a one-off of an upgrade)
            collection.getIndexes().stream().filter(index -> index.getName().equals(indexName)).findFirst().ifPresent(index ->
                    log.info("Dropping the embedded MongoDB's index {} of {} ({} entries)", indexName, collection.getFullName(), index.getCount()));
            super.dropIndex(collection, indexName);
            String collectionName = collection.getCollectionName();
            List<String> maps = new ArrayList<>(earlierIndexMaps(collectionName, indexName));
            maps.addAll(List.of(uniqueIndexMap(collectionName, indexName), sortedIndexMap(collectionName, indexName)));
            for (String map : maps) {
                if (getMvStore().hasMap(map)) getMvStore().removeMap(map);
            }
        }

        /** Removes an index's maps under earlier names (earlier formats), which the caller's new map replaces, with a line in the log. */
        private void removeEarlierIndexMaps(String collectionName, String indexName, String kind) {
            for (String earlier : earlierIndexMaps(collectionName, indexName)) {
                if (!getMvStore().hasMap(earlier)) continue;
                log.info("Re-keying the embedded MongoDB's {} {} of {} (once, from its documents)", kind, indexName,
                        getFullCollectionNamespace(collectionName));
                getMvStore().removeMap(earlier);
            }
        }

        /**
         * The names an index's map had in earlier versions: the stock backend's ({@code _index_}, keyed by its
         * {@code KeyValue}), then keyed by strings of H2's default key type, unique ({@code _keyed_}) and not
         * ({@code _ordered_}).
         */
        private List<String> earlierIndexMaps(String collectionName, String indexName) {
            String namespace = getFullCollectionNamespace(collectionName);
            return List.of(namespace + "._index_" + indexName, namespace + "._keyed_" + indexName, namespace + "._ordered_" + indexName);
        }

        private String uniqueIndexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._unique_" + indexName;
        }

        private String sortedIndexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._sorted_" + indexName;
        }
    }

    /**
     * The leading {@code $match} of the aggregation this thread is running, until the aggregation reads its collection
     * ({@link IndexedH2Collection#queryAllAsStream}): mongo-java-server feeds every aggregation the whole collection and
     * matches it stage by stage, so {@code countDocuments} (an aggregation: {@code $match}, {@code $group}) read every
     * document of the collection for every page of a search (issue 13: most of a public search's time).
     */
    private static final ThreadLocal<LeadingMatch> LEADING_MATCH = new ThreadLocal<>();

    /**
     * @param limit the {@code $limit} right after the {@code $match} (a count that stops counting: {@code countDocuments}
     *              with a limit), or 0: the aggregation needs no more documents than that
     */
    private record LeadingMatch(String namespace, Document query, int limit) {

        /** The {@code $match} an {@code aggregate} command's pipeline begins with, if it does. */
        static Optional<LeadingMatch> of(String database, Document command) {
            if (!(command.get("aggregate") instanceof String collection) || !(command.get("pipeline") instanceof List<?> pipeline)
                    || pipeline.isEmpty() || !(pipeline.get(0) instanceof Document first) || first.size() != 1
                    || !(first.get("$match") instanceof Document match)) {
                return Optional.empty();
            }
            int limit = pipeline.size() > 1 && pipeline.get(1) instanceof Document second && second.size() == 1
                    && second.get("$limit") instanceof Number n && n.longValue() > 0 && n.longValue() <= Integer.MAX_VALUE ? n.intValue() : 0;
            return Optional.of(new LeadingMatch(database + "." + collection, match, limit));
        }

        /** The stages after the {@code $match} and its {@code $limit}, if any. */
        List<?> rest(Document command) {
            List<?> pipeline = (List<?>) command.get("pipeline");
            return pipeline.subList(limit > 0 ? 2 : 1, pipeline.size());
        }
    }

    /** A document with its sort values, read once ({@link IndexedH2Collection#matchDocumentsFromStream}). */
    private record Sorting(Object[] values, Document document) {
    }

    /**
     * A collection whose documents are stored encoded ({@link BsonBytesType}) and decoded as they are read, one at a
     * time. The stock collection is given the same map but never reads it: every method of it that does is overridden
     * here (a new one in a later version of mongo-java-server would fail on the first byte array it read as a document).
     */
    private final class IndexedH2Collection extends H2Collection {

        private final MVMap<Object, byte[]> encoded;

        IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, byte[]> encoded,
                            String namespace) {
            super(database, collectionName, options, asDocuments(encoded), getMvStore().openMap(IndexedH2Database.META + namespace),
                    getCursorRegistry());
            this.encoded = encoded;
        }

        @SuppressWarnings("unchecked")
        private static MVMap<Object, Document> asDocuments(MVMap<Object, byte[]> encoded) {
            return (MVMap<Object, Document>) (MVMap<?, ?>) encoded;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
            byte[] previous = encoded.put(Missing.ofNullable(key), BsonBytesType.encode(document));
            // the unique index on _id refuses a duplicate before this; a document's content is never put in an error
            if (previous != null) throw new IllegalStateException("a document with this _id already existed in " + getFullName());
            return key;
        }

        @Override
        public int count() {
            return encoded.size();
        }

        /** A query that is only an {@code $in} of strings or numbers is matched by a set lookup ({@link InListMatch}). */
        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            Boolean matches = InListMatch.matches(document, query);
            return matches != null ? matches : super.documentMatchesQuery(document, query);
        }

        /**
         * The documents' size is not kept as they are written: mongo-java-server measured both versions of a document at
         * every update (encoding each) and read and wrote a total in the collection's metadata map, for a figure only
         * {@code collStats}, {@code dbStats} and {@code validate} answer, which nothing of the ledger asks (2.5 % of a
         * rebuild's CPU measuring, JFR, issue 13). They get it counted from the stored documents when asked ({@link #getDataSize}).
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * The stored documents' BSON bytes, counted when asked (a read of the whole collection). While H2's collection is
         * constructed (it logs the figure before {@link #encoded} is set) the total it kept, from a store written before.
         */
        @Override
        protected int getDataSize() {
            if (encoded == null) return super.getDataSize();
            long size = 0;
            for (byte[] document : encoded.values()) size += document.length;
            return (int) Math.min(Integer.MAX_VALUE, size);
        }

        /** A new non-unique index of a collection that holds documents is filled in steps ({@link #fillInSteps}). */
        @Override
        public void addIndex(Index<Object> index) {
            if (index instanceof SecondaryIndex secondary && secondary.isEmpty() && !encoded.isEmpty()
                    && getIndexes().stream().noneMatch(existing -> existing.getName().equals(index.getName()))) {
                fillInSteps(secondary);
            }
            super.addIndex(index);
        }

        /**
         * Fills a new index from every document in runs of {@link #INDEX_BUILD_RUN} entries, each sorted and put in key
         * order, committing whenever {@link #indexBuildCommitBytes} of changes wait (issue 13: an index added to a million
         * public records was one commit of more than 2 GB, which H2 cannot write, {@code OutOfMemoryError: Capacity}; it
         * closed the store, and the restart tried again). In key order, a run changes each page of the index once, and its
         * commits write each once: put in the documents' order, each commit wrote most of the index again, and the file grew
         * by 27 GB in four minutes. The map is marked as being built ({@link #indexBuilds}) until it is full, in the commit
         * that stores the index's description too, so a build cut short is started again from nothing when the index is
         * next opened or created.
         */
        private void fillInSteps(SecondaryIndex index) {
            MVMap<String, Boolean> builds = indexBuilds();
            builds.put(index.mapName(), Boolean.TRUE);
            long started = System.nanoTime();
            long total = encoded.sizeAsLong();
            long read = 0;
            log.info("Building the embedded MongoDB's index {} of {} from its {} documents", index.getName(), getFullName(), total);
            List<Map.Entry<String, Object>> run = new ArrayList<>();
            for (Iterator<Map.Entry<Object, byte[]>> documents = encoded.entrySet().iterator(); documents.hasNext(); ) {
                Map.Entry<Object, byte[]> document = documents.next();
                for (String key : index.entryKeys(BsonBytesType.decode(document.getValue()))) run.add(Map.entry(key, document.getKey()));
                read++;
                if (run.size() >= INDEX_BUILD_RUN) {
                    putInOrder(index, run);
                    log.info("Index {} of {}: {} of {} documents, {} entries, {} s", index.getName(), getFullName(), read, total,
                            index.getCount(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                }
            }
            putInOrder(index, run);
            builds.remove(index.mapName());
            log.info("Index {} of {} built: {} entries in {} s", index.getName(), getFullName(), index.getCount(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }

        private void putInOrder(SecondaryIndex index, List<Map.Entry<String, Object>> run) {
            run.sort(Map.Entry.comparingByKey());
            for (int i = 0; i < run.size(); i++) {
                index.put(run.get(i).getKey(), run.get(i).getValue());
                if (i % 100 == 99) commitWhileBuildingAnIndex();
            }
            run.clear();
        }

        @Override
        public boolean isEmpty() {
            return encoded.isEmpty();
        }

        /** A new instance at each read: mongo-java-server changes a document its update read in place. */
        @Override
        protected Document getDocument(Object position) {
            byte[] bson = encoded.get(position);
            return bson == null ? null : BsonBytesType.decode(bson);
        }

        @Override
        protected void removeDocument(Object position) {
            if (encoded.remove(position) == null) throw new NoSuchElementException("No document with key " + position);
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return encoded.entrySet().stream().map(entry -> new DocumentWithPosition<>(BsonBytesType.decode(entry.getValue()), entry.getKey()));
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            encoded.put(Missing.ofNullable(position), BsonBytesType.encode(newDocument));
        }

        /**
         * What an aggregation reads: the documents its leading {@code $match} selects, found through the indexes like any
         * query, instead of the whole collection (the {@code $match} stage then keeps them all). Once per aggregation:
         * a later stage reading a collection ({@code $lookup}) reads it whole, as before.
         */
        @Override
        public Stream<Document> queryAllAsStream() {
            LeadingMatch match = LEADING_MATCH.get();
            if (match == null || !match.namespace().equals(getFullName())) return super.queryAllAsStream();
            LEADING_MATCH.remove();
            // with a $limit, the documents are read and matched only until that many matched
            return match.limit() > 0 ? StreamSupport.stream(handleQuery(match.query(), 0, match.limit()).spliterator(), false)
                    : handleQueryAsStream(match.query());
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                             Document fieldSelector) {
            Index<Object> best = null;
            Document bestProbe = null;
            List<Index<Object>> candidates = new ArrayList<>();
            List<Document> probes = new ArrayList<>();
            for (Index<Object> index : getIndexes()) {
                if (index.isUnique() && index.canHandle(query)) {
                    return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
                Optional<Document> probe = IndexProbe.of(query, index.getKeys(), !index.isUnique()).filter(index::canHandle);
                if (probe.isEmpty()) continue;
                if (index.isUnique()) { // a unique index first
                    if (best == null) {
                        best = index;
                        bestProbe = probe.get();
                    }
                } else {
                    candidates.add(index);
                    probes.add(probe.get());
                }
            }
            dropDominated(candidates, probes);
            if (best == null && !candidates.isEmpty()) {
                // then the non-unique index whose lookup reads the fewest entries (a subject's two feed entries, not the
                // thousands of their six types), each counted only up to a bound that grows until one stays under it
                int chosen = 0;
                for (long bound = FEW; candidates.size() > 1; bound *= FEW) {
                    long fewest = Long.MAX_VALUE;
                    for (int i = 0; i < candidates.size(); i++) {
                        long entries = candidates.get(i) instanceof SecondaryIndex secondary ? secondary.entriesUpTo(probes.get(i), bound) : bound;
                        entriesCounted.addAndGet(entries);
                        if (entries < fewest) {
                            fewest = entries;
                            chosen = i;
                        }
                    }
                    if (fewest < bound || bound > MOST) break;
                }
                best = candidates.get(chosen);
                bestProbe = probes.get(chosen);
            }
            if (best == null) return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (!best.isUnique() && limit > 0 && orderBy != null && !orderBy.isEmpty()) {
                Optional<QueryResult> page = page(candidates, probes, query, orderBy, bestProbe.size(), numberToSkip, limit, batchSize, fieldSelector);
                if (page.isPresent()) return page.get();
            }
            // an array holding all of several elements (a name search's bigrams): only the documents indexed under each,
            // found as they are read (SecondaryIndex#inEvery)
            Optional<Iterator<Object>> inEvery = best instanceof SecondaryIndex secondary
                    ? underEvery(secondary, query, bestProbe) : Optional.empty();
            Iterator<Object> found = inEvery.isPresent() ? inEvery.get()
                    : best.isUnique() ? best.getPositions(bestProbe).iterator()
                    : underEachAlternative(best, query, bestProbe, best.getPositions(bestProbe).iterator());
            // each document counted as it is read: a query with a limit and no sort stops reading once the limit matched
            Iterable<Object> counted = () -> new Iterator<>() {
                private final Iterator<Object> all = found;

                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public Object next() {
                    if (documentsRead != null) documentsRead.incrementAndGet(); // null while the stock constructor opens the store
                    return all.next();
                }
            };
            return matchDocuments(query, counted, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * Drops each candidate whose probe pins only what another's pins too, with the same values: the other's lookup
         * reads a part of its entries, never more (a name search's index pins the state and a name key, the newest-first
         * index only the state), so only indexes that pin different things are counted against each other (issue 13:
         * counting under every index that pinned the state, up to thousands of entries each, was two thirds of a name
         * search's {@code find} at 50,000 records).
         */
        private static void dropDominated(List<Index<Object>> candidates, List<Document> probes) {
            for (int i = candidates.size() - 1; i >= 0; i--) {
                Document probe = probes.get(i);
                boolean dominated = false;
                for (int j = 0; j < probes.size() && !dominated; j++) {
                    Document other = probes.get(j);
                    dominated = j != i && other.size() > probe.size()
                            && probe.entrySet().stream().allMatch(e -> java.util.Objects.equals(other.get(e.getKey()), e.getValue()));
                }
                if (dominated) {
                    candidates.remove(i);
                    probes.remove(i);
                }
            }
        }

        /**
         * A page of a sorted query read by walking a non-unique index in the sort's order ({@link SecondaryIndex#inOrder}),
         * when one of the non-unique {@code candidates} (each with its probe, as the query's plan found them) pins as
         * many of the query's keys as the best index does and sorts as the query asks: only the documents up to the
         * page's end are read and matched, none sorted (issue 13: a division's page read and sorted every
         * record of the division). Under an array holding all of several elements, only the documents indexed under
         * each are read. Empty when no index walks in that order, or when a document read holds a sort value its key
         * does not order as mongo-java-server's comparator does ({@link OrderedKey#ordered}: an array, a long...): the
         * query is then answered as before.
         */
        private Optional<QueryResult> page(List<Index<Object>> candidates, List<Document> probes, Document query, Document orderBy,
                                           int pinned, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            for (int i = 0; i < candidates.size(); i++) {
                Index<Object> index = candidates.get(i);
                Document probe = probes.get(i);
                if (!(index instanceof SecondaryIndex walkable) || probe.size() < pinned || !walkable.walksInOrder(probe, orderBy)) continue;
                Optional<Iterator<Object>> inEvery = underEvery(walkable, query, probe);
                Optional<Iterator<Object>> walk = inEvery.isPresent() ? inEvery
                        : walkable.inOrder(probe).map(inOrder -> underEachAlternative(walkable, query, probe, inOrder));
                if (walk.isEmpty()) continue;
                List<Document> matches = new ArrayList<>();
                // a multikey document comes once per element it is indexed under in the walk; the join gives each once itself
                Set<Object> seen = inEvery.isPresent() ? null : new HashSet<>();
                long read = 0;
                while (walk.get().hasNext() && matches.size() < (long) numberToSkip + limit) {
                    Object position = walk.get().next();
                    if (seen != null && !seen.add(position)) continue;
                    Document document = getDocument(position);
                    read++;
                    for (String key : orderBy.keySet()) {
                        if (!OrderedKey.ordered(Utils.getSubdocumentValueCollectionAware(document, key))) return Optional.empty();
                    }
                    if (documentMatchesQuery(document, query)) matches.add(document);
                }
                documentsRead.addAndGet(read);
                return Optional.of(matchDocumentsFromStream(matches.stream(), new Document(), null, numberToSkip, limit, batchSize, fieldSelector));
            }
            return Optional.empty();
        }

        /**
         * How many documents match {@code query}, up to {@code cap}, counted in a non-unique index without reading them,
         * when the index's lookup is the whole query ({@link IndexProbe#covers}); empty otherwise. The walk stops at the
         * cap (issue 13: a public search's count, capped at 1,001, walked every entry of a name key, tens of thousands at
         * 1,000,000 records, and what it allocated was a share of the young collections that made the searches' p99).
         */
        synchronized OptionalLong countedByIndex(Document query, long cap) {
            for (Index<Object> index : getIndexes()) {
                if (!(index instanceof SecondaryIndex secondary)) continue;
                Optional<Document> probe = IndexProbe.of(query, index.getKeys(), true).filter(index::canHandle);
                if (probe.isEmpty()) continue;
                OptionalLong count = IndexProbe.covers(query, probe.get()) ? secondary.count(probe.get(), cap)
                        : countedInEntries(secondary, query, probe.get(), cap);
                if (count.isPresent()) {
                    countedInIndexes.addAndGet(count.getAsLong());
                    return count;
                }
            }
            return OptionalLong.empty();
        }

        /**
         * How many documents match {@code query}, up to {@code cap}, found by {@code probe} and the join of its
         * alternatives, each checked against what is left of the query ({@link IndexProbe#leftToEntries}: a regular
         * expression on a key the index holds after the probe's) in its entry's values, not in the document: a name of
         * three or more characters, whose bigrams a name may hold apart (issue 13: such a count in a province read up to
         * 201 records, from the disk on a node restarted on a million). Empty where the query leaves anything else, or an
         * entry's value is not read back from its key ({@link SecondaryIndex#valuesIn}).
         */
        private OptionalLong countedInEntries(SecondaryIndex index, Document query, Document probe, long cap) {
            List<String> keys = index.getKeys().stream().map(IndexKey::getKey).toList();
            if (probe.size() >= keys.size()) return OptionalLong.empty();
            List<String> entryKeys = keys.subList(probe.size(), keys.size()).stream().filter(key -> !key.contains(".")).toList();
            Optional<Document> left = IndexProbe.leftToEntries(query, probe, entryKeys);
            if (left.isEmpty()) return OptionalLong.empty();
            List<Document> every = new ArrayList<>();
            every.add(probe);
            every.addAll(IndexProbe.alternatives(query, probe));
            Predicate<String> matches = rest -> documentMatchesQuery(index.valuesIn(rest, probe.size(), left.get().keySet())
                    .orElseThrow(NotReadBack::new), left.get());
            try {
                Optional<Iterator<Object>> found = index.inEvery(every, entriesJoined, matches);
                if (found.isEmpty()) return OptionalLong.empty();
                long n = 0;
                for (Iterator<Object> documents = found.get(); n < cap && documents.hasNext(); documents.next()) n++;
                return OptionalLong.of(n);
            } catch (NotReadBack unreadable) {
                return OptionalLong.empty();
            }
        }

        /**
         * Of {@code positions}, those also indexed under each of {@code probe}'s alternatives ({@link IndexProbe#alternatives}),
         * in their order: where the join cannot take the probe (it ends in a range or a prefix after the array's key), the
         * alternatives' entries are read whole into a set, so that only the documents indexed under every element are read.
         * {@code positions} as they are where the query has no alternatives.
         */
        private Iterator<Object> underEachAlternative(Index<Object> index, Document query, Document probe, Iterator<Object> positions) {
            Set<Object> among = null;
            for (Document alternative : IndexProbe.alternatives(query, probe)) {
                Set<Object> other = new HashSet<>();
                index.getPositions(alternative).forEach(other::add);
                if (among == null) among = other;
                else among.retainAll(other);
            }
            if (among == null) return positions;
            Set<Object> underEach = among;
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(positions, Spliterator.ORDERED), false)
                    .filter(underEach::contains).iterator();
        }

        /**
         * The positions of the documents indexed under {@code probe} and under each of its alternatives (the other elements
         * of an array the query asks to hold all of, {@link IndexProbe#alternatives}), in the index's order; empty where
         * the query has none, or the index cannot join them ({@link SecondaryIndex#inEvery}).
         */
        private Optional<Iterator<Object>> underEvery(SecondaryIndex index, Document query, Document probe) {
            List<Document> alternatives = IndexProbe.alternatives(query, probe);
            if (alternatives.isEmpty()) return Optional.empty();
            List<Document> every = new ArrayList<>(alternatives.size() + 1);
            every.add(probe);
            every.addAll(alternatives);
            return index.inEvery(every, entriesJoined);
        }

        /**
         * A sorted answer: each matching document's sort values are read once, not at every comparison
         * (mongo-java-server's comparator reads both documents' values at each of the n log n comparisons: a fifth of a
         * public search's {@code find} at 10,000 cases, issue 13). The same order: the same values compared by the same
         * {@link ValueComparator}, in a stable sort.
         */
        @Override
        protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
                                                       int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            if (orderBy == null || orderBy.isEmpty() || orderBy.keySet().iterator().next().equals("$natural")) {
                return super.matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            List<String> keys = List.copyOf(orderBy.keySet());
            List<ValueComparator> directions = keys.stream()
                    .map(key -> ((Number) orderBy.get(key)).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc()).toList();
            Stream<Document> sorted = documents.filter(document -> documentMatchesQuery(document, query))
                    .map(document -> new Sorting(keys.stream().map(key -> Utils.getSubdocumentValueCollectionAware(document, key)).toArray(), document))
                    .sorted((a, b) -> {
                        for (int i = 0; i < directions.size(); i++) {
                            int order = directions.get(i).compare(a.values()[i], b.values()[i]);
                            if (order != 0) return order;
                        }
                        return 0;
                    })
                    .map(Sorting::document);
            return super.matchDocumentsFromStream(sorted, new Document(), null, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                             Document fieldSelector) {
            if (fullScans != null) fullScans.incrementAndGet(); // null while the stock constructor opens the store
            Stream<Document> all = isNaturalDescending(orderBy)
                    ? streamAllDocumentsWithPosition().sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                            .map(DocumentWithPosition::getDocument)
                    : encoded.values().stream().map(BsonBytesType::decode);
            return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }

    /** An index entry's value that its key does not give back ({@link SecondaryIndex#valuesIn}): the count reads the documents. */
    private static final class NotReadBack extends RuntimeException {
        NotReadBack() {
            super(null, null, false, false);
        }
    }

    /**
     * The commands that only read. They run without the lock, beside a checkpoint: H2 reads a version while the store
     * writes another and while it compacts chunks, as its own background writer does. Under the lock, every read waited
     * for each checkpoint's commit and compaction (issue 13: at 100,000 cases under 8 clients, 210 ms at the median and up
     * to 3.9 s, JFR's {@code jdk.ThreadPark} on this lock), and a checkpoint waiting for a long read held up every
     * command queued behind it. A read sees the commands finished before it, as before; the checkpoint still sees only
     * whole writing commands. Any other command, and an aggregation with {@code $out} or {@code $merge}, takes the lock.
     */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes",
            "listDatabases", "killCursors", "endSessions", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
            "saslStart", "saslContinue", "dbStats", "collStats", "serverStatus", "whatsmyuri", "getLastError", "getlasterror");

    /** Whether {@code command} only reads (see {@link #READS}). */
    static boolean onlyReads(String command, Document query) {
        if (!command.equals("aggregate")) return READS.contains(command);
        return query.get("pipeline") instanceof List<?> stages
                && stages.stream().allMatch(stage -> stage instanceof Document d && !d.containsKey("$out") && !d.containsKey("$merge"));
    }

    /** What counts the documents the store is sent to write ({@link #countWrites}); none until set. */
    private volatile DocumentWrites documentWrites;

    /** Counts every document a write command sends from now on, the journal's collections' too. */
    void countWrites(DocumentWrites writes) {
        documentWrites = writes;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        DocumentWrites writes = documentWrites;
        if (writes != null) writes.count(command, query);
        if (journal != null) {
            if (journaled(command, query)) return journal.handleCommand(channel, database, command, query);
            if (command.equalsIgnoreCase("dropDatabase")) journal.handleCommand(channel, database, command, query);
        }
        boolean locked = !onlyReads(command, query);
        long[] written = new long[1];
        Document reply = handleInOrder(channel, database, command, query, locked, written);
        if (locked) {
            if (durableOnAcknowledgement(command, query)) commitNow(written[0]);
            else if (journal != null) commitSoonWhenLarge();
        }
        return reply;
    }

    /**
     * Past this much unsaved page memory (H2's estimate) the read models' store commits on the checkpoint's thread at once,
     * not at the next checkpoint. A commit holds every writing command while it writes what they changed since the last
     * one: at 100,000 cases under 8 clients a checkpoint stored 28-61 MB and held them 0.5-0.9 s, the tail of the feed's
     * and the public records' lag (issue 13, stop 45, once the keys' commits no longer committed this store between
     * checkpoints). Smaller commits hold them shorter.
     */
    static final int COMMIT_PAST_UNSAVED_BYTES = 8 << 20;

    /**
     * {@link #COMMIT_PAST_UNSAVED_BYTES} while the read models catch up with the ledger ({@link #catchingUpWhile}: a
     * processor of this node has not yet reached the head since it started, as in a rebuild, a restart after downtime or a
     * new node). Every commit writes each page changed since the last one whole, and a processor catching up changes the
     * same pages (an index's, a case's, a counter's) again and again within seconds: fewer, larger commits write each of
     * them once. At 10,000 cases a rebuild of every read model ran at 584-605 events/s with 8 MB and 609-697 with 32 MB
     * while catching up, the checkpoint's thread 4.7-5.1 % of the CPU against 7.7-8.4 % (32 MB at every commit: 630-682;
     * 16 MB: 640; 64 MB: 659-679; a checkpoint every 3 s instead of 1 s: no better); at 100,000 cases 654 against 631
     * (issue 13, ledger-bench, {@code 2026-12-04-catch-up-commits-s55}). Live, the feed's and the public records' lag
     * waits for each commit's hold, which grows with it, so caught up the store commits past 8 MB again.
     */
    static final int COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP = 32 << 20;

    /** Whether the read models are catching up with the ledger; asked at each checkpoint ({@link #catchingUpWhile}). */
    private volatile BooleanSupplier catchingUp = () -> false;

    /** What the unsaved writes may reach before {@link #commitSoonWhenLarge} asks for a commit: one of the two bounds above. */
    private volatile int commitPastUnsavedBytes = COMMIT_PAST_UNSAVED_BYTES;

    /**
     * Commits past {@link #COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP}, not {@link #COMMIT_PAST_UNSAVED_BYTES}, while
     * {@code catchingUp} says the read models are catching up with the ledger; asked now and at every checkpoint (a
     * supplier that fails counts as caught up).
     */
    void catchingUpWhile(BooleanSupplier catchingUp) {
        this.catchingUp = catchingUp;
        askWhetherCatchingUp();
    }

    /** Whether the store commits in the larger steps of a catch-up, as {@link #catchingUp} last answered. */
    public boolean committingAsCatchingUp() {
        return commitPastUnsavedBytes == COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP;
    }

    private void askWhetherCatchingUp() {
        boolean behind;
        try {
            behind = catchingUp.getAsBoolean();
        } catch (RuntimeException notKnownYet) { // the processors not yet configured, or being stopped
            behind = false;
        }
        int bound = behind ? COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP : COMMIT_PAST_UNSAVED_BYTES;
        if (bound != commitPastUnsavedBytes) {
            log.info(behind ? "Read models catching up with the ledger: their store commits past {} MB of changes"
                    : "Read models caught up with the ledger: their store commits past {} MB of changes", bound >> 20);
        }
        commitPastUnsavedBytes = bound;
    }

    /** Set while a commit {@link #commitSoonWhenLarge} asked for waits for the checkpoint's thread. */
    private final AtomicBoolean commitAsked = new AtomicBoolean();

    /** Asks the checkpoint's thread for a commit when the unsaved writes passed {@link #commitPastUnsavedBytes}. */
    private void commitSoonWhenLarge() {
        // what the commands wrote: a compaction's pages wait for the next checkpoint, with the writes that change many of them
        if (getMvStore().getUnsavedMemory() - rewritten < commitPastUnsavedBytes || !commitAsked.compareAndSet(false, true)) return;
        try {
            checkpoints.execute(() -> quietly(() -> {
                commitAsked.set(false);
                commitNow();
            }));
        } catch (RejectedExecutionException closing) {
            commitAsked.set(false);
        }
    }

    /**
     * Whether a writing command is committed before its reply, not at the next checkpoint: a write to the collections whose
     * every acknowledged write must survive a SIGKILL, as a real MongoDB's journal keeps it. A data subject's key is on disk
     * before the event sealed with it ({@code SubjectKeys}); a request's idempotency key and kept answer before the answer
     * is sent ({@code IdempotentCommands}); a signed tree head before anyone may read it ({@code TreeHeads}):
     * lost within the checkpoint interval, a case read as shredded, and the log served a smaller head than a mirror had
     * read. Only these: every read-model write is sent journaled for MongoDB (a token never durable ahead of its
     * documents), and committed one by one here they halved the rebuild and took the feed's lag from 62 ms to 2 s
     * (ledger-bench, 3,000 cases, 8 clients); the checkpoints keep the others in order. The keys and the idempotency keys
     * are committed in the journal's store ({@link #JOURNALED}), the pending heads in this one.
     */
    static boolean durableOnAcknowledgement(String command, Document query) {
        if (!WRITES.contains(command) || !(query.get(command) instanceof String collection)) return false;
        // a pending head's removal may be lost: the next signer publishes it again, as it was signed, and removes it; an
        // expired idempotency key's removal too. A key's claim and its kept answer may not: lost within the checkpoint
        // interval, a retry after a crash ran its command again (outside crash audit: a notice served twice, a decision
        // answered 409 instead of its first answer, for commands acknowledged up to ~0.6 s before the SIGKILL)
        return collection.equals(SubjectKeys.COLLECTION)
                || (collection.endsWith(TreeHeads.PENDING) || collection.equals(IdempotentCommands.COLLECTION)) && !command.equals("delete");
    }

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify");

    /**
     * Commits what the commands finished so far, between commands, without the checkpoint's compaction, and points the
     * file's header at the chunk it wrote. A commit alone was not enough: after a SIGKILL, H2 finds the newest chunk from
     * the header, the chunk at the file's end and the chain of predicted positions between them, and once chunks older
     * than its retention are written over (a server up for more than 45 s) the newest could lie outside all three, so
     * the store opened at an older chunk and a journaled write it had acknowledged was gone: a data subject's key, and
     * with it the case filed just before the kill (crash audit; {@code JournaledWriteTest} with a 1 s retention lost
     * acknowledged writes in most rounds): {@link StoreHeader}.
     */
    void commitNow() {
        commitNow(Long.MAX_VALUE);
    }

    /**
     * {@link #commitNow()} for writes of {@code version}, unless a commit since has stored them (group commit: the writes
     * of every command waiting here are stored by the first commit, which the others find done). In the journal's store
     * the file is forced to the disk too ({@link StoreHeader#pointAtNewestChunkAndForce}), as MongoDB's journal is: a
     * data subject's key and a kept answer survive a power loss, not only a SIGKILL, like the events sealed with that key
     * or answered so. Its commits write a few pages; the read models' store's write megabytes and are not forced.
     */
    void commitNow(long version) {
        long asked = System.nanoTime();
        exclusively(() -> {
            long held = System.nanoTime();
            MVStore store = getMvStore();
            // stored by a commit since (a checkpoint's or another command's), which pointed the header at it (and forced it)
            if (store.isClosed() || store.getCurrentVersion() > version || !store.hasUnsavedChanges()) return;
            int unsaved = store.getUnsavedMemory();
            store.commit();
            writtenSinceCheckpoint += Math.max(0, unsaved - rewritten); // the last compaction's pages are in this commit
            rewritten = 0;
            madeDurable(store);
            long done = System.nanoTime();
            if (done - asked >= SLOW_CHECKPOINT.toNanos() / 5) {
                log.info("Commit between checkpoints{}: waited {} ms for the writing commands, held them {} ms, committed {} KB",
                        journal == null ? " (journal)" : "", TimeUnit.NANOSECONDS.toMillis(held - asked),
                        TimeUnit.NANOSECONDS.toMillis(done - held), unsaved / 1024);
            }
        });
    }

    /** Points the file's header at the chunk a commit just wrote, and in the journal's store forces the file to the disk. */
    private void madeDurable(MVStore store) {
        if (journal == null) StoreHeader.pointAtNewestChunkAndForce(store);
        else StoreHeader.pointAtNewestChunk(store);
    }

    /**
     * Runs a command, under the lock when it writes ({@code locked}); {@code written[0]} is then the store's version its
     * writes belong to (read before the lock is let go: the commit that stores that version stores them).
     */
    private Document handleInOrder(Channel channel, String database, String command, Document query, boolean locked, long[] written) {
        // an index's build commits while it fills ({@link IndexedH2Collection#fillInSteps}): no other command may be half-way then
        java.util.concurrent.locks.Lock lock = command.equals("createIndexes") ? commands.writeLock() : commands.readLock();
        if (locked) lock.lock();
        try {
            if (command.equals("aggregate")) {
                Optional<LeadingMatch> match = LeadingMatch.of(database, query);
                Optional<Document> counted = match.flatMap(m -> countedByIndex(database, query, m));
                if (counted.isPresent()) return counted.get();
                match.ifPresent(LEADING_MATCH::set);
            }
            return super.handleCommand(channel, database, command, query);
        } finally {
            LEADING_MATCH.remove();
            if (locked) {
                written[0] = getMvStore().getCurrentVersion();
                lock.unlock();
            }
        }
    }

    /** The pipeline the driver's {@code countDocuments} sends after its {@code $match} (and its limit's {@code $limit}). */
    private static final List<Document> COUNT = List.of(new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1))));

    /**
     * The answer to {@code countDocuments} when an index's lookup is the whole of its filter: the count of the documents
     * indexed under it, none read ({@link IndexedH2Collection#countedByIndex}; issue 13: a division's or the public
     * listing's count read every record it counted). The reply is the aggregation's own: one {@code {_id: 1, n}}, none
     * for nothing; a count with a limit answers at most the limit.
     */
    private Optional<Document> countedByIndex(String database, Document command, LeadingMatch match) {
        if (!match.rest(command).equals(COUNT)) return Optional.empty();
        String collectionName = (String) command.get("aggregate");
        if (!(resolveDatabase(database).resolveCollection(collectionName, false) instanceof IndexedH2Collection collection)) {
            return Optional.empty();
        }
        OptionalLong count = collection.countedByIndex(match.query(), match.limit() > 0 ? match.limit() : Long.MAX_VALUE);
        if (count.isEmpty()) return Optional.empty();
        long n = count.getAsLong();
        List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", 1).append("n", n <= Integer.MAX_VALUE ? (Object) (int) n : n));
        Document cursor = new Document("id", 0L).append("ns", database + "." + collectionName).append("firstBatch", batch);
        Document reply = new Document("cursor", cursor);
        Utils.markOkay(reply);
        return Optional.of(reply);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        if (journal != null && JOURNALED.contains(query.getCollectionName())) return journal.handleQuery(query);
        commands.readLock().lock();
        try {
            return super.handleQuery(query);
        } finally {
            commands.readLock().unlock();
        }
    }

    /**
     * A checkpoint that holds the writing commands this long says so in the log, with what it committed and rewrote: the
     * feed's and the public records' lag tails under load are such pauses (issue 13; the bench counts these lines).
     */
    static final Duration SLOW_CHECKPOINT = Duration.ofMillis(500);
    /** The start of the slow checkpoint's log line, which the bench reads (ledger-bench {@code Bench.SLOW_CHECKPOINT}). */
    static final String SLOW_CHECKPOINT_LINE = "Read-model checkpoint held writing commands for ";

    /**
     * Makes every command finished so far durable, as one MVStore commit between commands, and compacts the file while
     * its chunks are sparse. The compaction stays under the lock although half of a long pause is its: run beside the
     * commands (tried 2026-12-02, issue 13, 100,000 cases), it competed with them for the two cores and took seconds,
     * a checkpoint's cycle grew with it and so did the writes each commit had to store, and within five minutes of a
     * rebuild one commit stored 1.7 GB of page changes and held the commands 2.7 s (H2's commit and compaction take the
     * same store lock, so a commit cannot run during a compaction on another thread either). Under the lock the
     * compaction also holds the writes back while it runs, which keeps every commit near what one interval writes.
     */
    void checkpoint() {
        askWhetherCatchingUp(); // outside the lock: it asks the processors
        exclusively(() -> {
            MVStore store = getMvStore();
            if (store.isClosed()) return;
            long start = System.nanoTime();
            int unsaved = 0;
            if (store.hasUnsavedChanges()) {
                unsaved = store.getUnsavedMemory();
                store.commit();
                // a journaled write this commit stored is acknowledged without a commit of its own ({@link #commitNow})
                madeDurable(store);
            }
            // what the commands wrote since the last checkpoint, without the pages its compaction rewrote
            long written = writtenSinceCheckpoint + Math.max(0, unsaved - rewritten);
            writtenSinceCheckpoint = 0;
            rewritten = 0;
            // at rest, a file mostly dead is tidied; otherwise chunks below the mark are compacted; at rest and the chunks
            // full enough, a checkpoint writes nothing
            if (written < QUIET_BYTES && !committingAsCatchingUp() && journal != null && tidying(store)) {
                tidy(store);
            } else if (store.getFileStore().getChunksFillRate() < COMPACT_BELOW_FILL_PERCENT) {
                store.compact(COMPACT_BELOW_FILL_PERCENT, compactionBytes(written));
                rewritten = store.getUnsavedMemory();
            }
            long held = System.nanoTime() - start;
            if (held >= SLOW_CHECKPOINT.toNanos()) {
                log.info(SLOW_CHECKPOINT_LINE + "{} ms: committed {} KB ({} KB the commands wrote since the last checkpoint),"
                        + " compaction rewrote {} KB", TimeUnit.NANOSECONDS.toMillis(held), unsaved / 1024, written / 1024, rewritten / 1024);
            }
        });
    }

    /**
     * At most this much written since the last checkpoint (bytes, the store's estimate) and no processor catching up: the
     * store is at rest, and may be tidied ({@link #tidy}). Idle processors still extend their claims now and then.
     */
    static final int QUIET_BYTES = 256 << 10;

    /**
     * At rest, the store's file is tidied when its live data is less than this share of it (%), until it is at least
     * {@link #TIDY_UNTIL_PERCENT}. A rebuild, a catch-up or a bulk load leaves the file several times its live data: the
     * checkpoints under load compact only chunks below {@link #COMPACT_BELOW_FILL_PERCENT}, and the space of freed chunks
     * is written again but never given back (10,000 cases after their read models were built: 1,132 MB for ~180 MB live, tidied to 251 MB;
     * a million public records 23.6 GB for ~5.4 GB).
     */
    static final int TIDY_BELOW_PERCENT = 40;
    /** Where tidying stops (%, live data of the file): some room for the next writes and the chunks H2 retains. */
    static final int TIDY_UNTIL_PERCENT = 60;
    /** The fill a tidying step compacts the chunks to, and moves the chunks in the file to (%). */
    static final int TIDY_FILL_PERCENT = 80;
    /**
     * What one checkpoint's tidying step rewrites (bytes, H2's measure): at 10,000 cases each held the store under 0.5 s (C1
     * only), at a million records 0.5-1.3 s, which a command arriving meanwhile waits for.
     */
    static final int TIDY_STEP_BYTES = 16 << 20;
    /**
     * What one tidying step moves at most (bytes): H2 moves whole chunks, and a bulk load's commits made chunks of tens of MB
     * (at a million records, 401 chunks in 22.5 GB): in steps of 16 or 64 MB none moved; in steps of 256 MB the file went
     * from 22,550 to 13,376 MB in about a minute, each step holding the writes 0.6-3.1 s (median 1.0 s).
     */
    static final int TIDY_MOVE_BYTES = 256 << 20;

    /** The map that counts tidying steps ({@link #tidy}). */
    private static final String TIDY_STEPS = "gongshi.tidying";

    /** Whether the store is being tidied at rest; only the checkpoint's thread changes it, under the lock. */
    private boolean tidying;

    /** The live data's share of the file (%): the chunks' share of the file times the live share of the chunks. */
    static int liveShareOfFile(MVStore store) {
        var files = store.getFileStore();
        return files.getFillRate() * files.getChunksFillRate() / 100;
    }

    /** Whether a checkpoint at rest tidies the file: it holds too little live data, or tidying has not yet reached its mark. */
    private boolean tidying(MVStore store) {
        var files = store.getFileStore();
        if (!stoppedShortRead) {
            stoppedShortRead = true;
            gaveUpAt = StoppedShort.in(store);
        }
        if (gaveUpAt != null) {
            // begins again only once there is more to tidy than when it stopped: the file a quarter larger, or its chunks a
            // tenth less live
            if (files.size() < gaveUpAt.fileSize() * 5 / 4 && files.getChunksFillRate() > gaveUpAt.chunksLive() - 10) return false;
            gaveUpAt = null;
            StoppedShort.forget(store);
        }
        int live = liveShareOfFile(store);
        boolean was = tidying;
        tidying = live < (was ? TIDY_UNTIL_PERCENT : TIDY_BELOW_PERCENT);
        if (tidying && !was) {
            lastTidyProgress = lastTidyLog = System.nanoTime();
            mostLiveChunks = files.getChunksFillRate();
            smallestTidyFile = files.size();
        }
        if (tidying != was) {
            log.info(tidying ? "Read-model store at rest, its file {} MB holding {} % live data: tidying it, a step a checkpoint"
                    : "Read-model store tidied: its file {} MB holds {} % live data", files.size() >> 20, live);
        }
        return tidying;
    }

    /**
     * One step of tidying the file at rest: the live pages of chunks below {@link #TIDY_FILL_PERCENT} rewritten (stored by the
     * next checkpoint's commit, where H2 writes them into the space freed chunks left), or where it finds none to rewrite,
     * chunks moved towards the file's start so H2 can cut its end (H2's own compactMoveChunks, as its background writer would,
     * which this store does not run). Each step rewrites at most {@link #TIDY_STEP_BYTES} or moves {@link #TIDY_MOVE_BYTES}.
     * H2 may count pages live that no map reaches any more (a million records, bulk-loaded, then given a new index: 40 % of
     * its chunks "live" that no step could rewrite): when for {@link #TIDY_GIVE_UP} no chunk has moved, the chunks have grown no
     * more live and the file no smaller, tidying stops until there is more to tidy.
     */
    private void tidy(MVStore store) {
        // a step is a version of its own: H2 frees a dead chunk only some versions after it died (versionsToKeep), and a
        // store at rest makes none, so the chunks a step emptied would stay in the file
        MVMap<String, Long> steps = store.openMap(TIDY_STEPS);
        steps.merge("steps", 1L, Long::sum);
        var files = store.getFileStore();
        long now = System.nanoTime(), size = files.size();
        // what the steps before did shows once H2 has freed the chunks they emptied: chunks more live, or a smaller file
        int chunksLive = files.getChunksFillRate();
        if (chunksLive > mostLiveChunks || size < smallestTidyFile) {
            mostLiveChunks = Math.max(mostLiveChunks, chunksLive);
            smallestTidyFile = Math.min(smallestTidyFile, size);
            lastTidyProgress = now;
        }
        if (now - lastTidyProgress > TIDY_GIVE_UP.toNanos()) {
            stopTidyingShort();
            log.info("Read-model store tidying stopped: {} s without a chunk moved, its chunks more live or its file smaller; its file {} MB, {} %"
                    + " of it chunks, {} % of those live", TIDY_GIVE_UP.toSeconds(), size >> 20, files.getFillRate(), chunksLive);
            return;
        }
        String step;
        if (files.getChunksFillRate() < TIDY_FILL_PERCENT && store.compact(TIDY_FILL_PERCENT, TIDY_STEP_BYTES)) {
            rewritten = store.getUnsavedMemory();
            step = "rewrote " + (rewritten >> 10) + " KB";
        } else if (files instanceof org.h2.mvstore.RandomAccessStore chunks) {
            long writes = files.getWriteCount();
            chunks.compactMoveChunks(TIDY_FILL_PERCENT, TIDY_MOVE_BYTES, store);
            // chunks moved from the file's end show as a smaller file only once the end is empty: a move is progress
            boolean moved = files.getWriteCount() > writes;
            if (moved) lastTidyProgress = now;
            step = moved ? "moved chunks" : "moved nothing";
        } else {
            step = "found nothing to do";
        }
        if (now - lastTidyLog >= TIDY_LOG_EVERY.toNanos()) {
            lastTidyLog = now;
            log.info("Read-model store tidying: its file {} MB, {} % of it chunks, {} % of those live; the last step {}", files.size() >> 20,
                    files.getFillRate(), files.getChunksFillRate(), step);
        }
    }

    /**
     * How long tidying goes on without moving a chunk, its chunks growing more live or the file smaller: twice H2's retention
     * of freed chunks (45 s), by when what a step freed counts.
     */
    static final Duration TIDY_GIVE_UP = Duration.ofSeconds(90);
    /** How often tidying says where it stands in the log. */
    private static final Duration TIDY_LOG_EVERY = Duration.ofSeconds(30);
    /**
     * When tidying last found the chunks more live or the file smaller than before, the most and the least it found, and
     * when it last logged; the checkpoint's thread's only.
     */
    private long lastTidyProgress, lastTidyLog, smallestTidyFile;
    private int mostLiveChunks;
    /**
     * Where tidying last stopped short of its mark; null when it did not. Kept in the store: a restart began the same
     * tidying again every time (a million bulk-loaded records: 2.5 minutes of steps each holding the writes 0.6-2.3 s and
     * rewriting 60-70 MB, 51 % of the server's samples while it answered its first searches, for a file 3 % smaller; issue
     * 13, stop 63).
     */
    private StoppedShort gaveUpAt;
    /** Whether {@link #gaveUpAt} was read from the store since it opened (the checkpoint's thread's only). */
    private boolean stoppedShortRead;

    /** Stops tidying short of its mark, where the file stands now, until there is more to tidy ({@link #tidying}). */
    void stopTidyingShort() {
        MVStore store = getMvStore();
        tidying = false;
        stoppedShortRead = true;
        gaveUpAt = new StoppedShort(store.getFileStore().size(), store.getFileStore().getChunksFillRate());
        gaveUpAt.keep(store);
    }

    /** The file's size (bytes) and its chunks' live share (%) when tidying stopped short of its mark. */
    private record StoppedShort(long fileSize, int chunksLive) {
        private static final String FILE_SIZE = "stopped-short-file-size", CHUNKS_LIVE = "stopped-short-chunks-live";

        /** Where tidying stopped short in {@code store}, kept by an earlier run; null if it did not. */
        static StoppedShort in(MVStore store) {
            if (!store.hasMap(TIDY_STEPS)) return null;
            MVMap<String, Long> kept = store.openMap(TIDY_STEPS);
            Long size = kept.get(FILE_SIZE), live = kept.get(CHUNKS_LIVE);
            return size == null || live == null ? null : new StoppedShort(size, live.intValue());
        }

        /** Kept in the store (committed with the next checkpoint's commit). */
        void keep(MVStore store) {
            MVMap<String, Long> kept = store.openMap(TIDY_STEPS);
            kept.put(FILE_SIZE, fileSize);
            kept.put(CHUNKS_LIVE, (long) chunksLive);
        }

        static void forget(MVStore store) {
            MVMap<String, Long> kept = store.openMap(TIDY_STEPS);
            kept.remove(FILE_SIZE);
            kept.remove(CHUNKS_LIVE);
        }
    }

    /** How many entries of a new index are sorted and put at once ({@link IndexedH2Collection#fillInSteps}): some 250 MB of keys. */
    private static final int INDEX_BUILD_RUN = 1_000_000;

    /** The maps of indexes being built ({@link IndexedH2Collection#fillInSteps}), by name. */
    private MVMap<String, Boolean> indexBuilds() {
        return getMvStore().openMap(INDEX_BUILDS);
    }

    private static final String INDEX_BUILDS = "gongshi.index-builds";

    /**
     * How much an index's build changes between its commits ({@link IndexedH2Collection#fillInSteps}): as a catch-up's
     * commits ({@link #COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP}), unless a test sets less ({@link #commitIndexBuildsPast}).
     */
    private volatile int indexBuildCommitBytes;

    void commitIndexBuildsPast(int bytes) {
        indexBuildCommitBytes = bytes;
    }

    /**
     * Commits an index's build so far once {@link #indexBuildCommitBytes} of changes wait, where no other command can be
     * half-way: its {@code createIndexes} holds the lock alone ({@link #handleInOrder}), and while the stock constructor
     * opens the store (re-keying an index) nothing else runs ({@code commands} is not yet set then).
     */
    private void commitWhileBuildingAnIndex() {
        MVStore store = getMvStore();
        int bound = indexBuildCommitBytes > 0 ? indexBuildCommitBytes : COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP; // 0 while constructed
        if (store.getUnsavedMemory() < bound || commands != null && !commands.isWriteLockedByCurrentThread()) return;
        store.commit();
        madeDurable(store);
    }

    /** Runs {@code work} while no command that writes runs (those that only read go on, {@link #READS}). */
    void exclusively(Runnable work) {
        commands.writeLock().lock();
        try {
            work.run();
        } finally {
            commands.writeLock().unlock();
        }
    }

    /** How many commands wait for the lock that {@link #exclusively} holds (tests). */
    int waitingForTheLock() {
        return commands.getQueueLength();
    }

    /** Runs a checkpoint's or a commit's {@code work} on the checkpoint's thread; a failure is retried at the next checkpoint. */
    private void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("read-model checkpoint failed; retrying at the next one", e);
        }
        stopWhenClosedUnderneath();
    }

    /**
     * H2 closes the store itself when it cannot write or read its file (a full disk, an I/O error, a commit out of
     * memory: {@code MVStore.panic}). The server then answered every read with "This store is closed", wrote no view
     * and no feed entry, and stayed UP (the ping answers without the store). It stops instead, as the event store does
     * when it cannot write ({@link CommitOrderedEventStorageEngine#STORE_WRITE_FAILED}): the restart opens the file at
     * its last checkpoint, and the processors replay the events after it from their tokens, so nothing is lost.
     */
    void stopWhenClosedUnderneath() {
        if (closing || !getMvStore().isClosed()) return;
        log.error("H2 closed the read-model store (it does when it cannot write or read the file; the cause is logged by H2"
                + " above): stopping, as a restart reopens it at its last checkpoint and the processors replay from their tokens");
        closedUnderneath.run();
    }

    /**
     * Stops the checkpoints, letting one that runs finish (interrupted, H2's file channel was closed under its write, the
     * stop's own commit failed with it, and the store reopened at the checkpoint before: a clean stop lost the writes since,
     * {@code JournaledWriteTest}), then commits what is left and closes the store.
     */
    @Override
    public void close() {
        closing = true;
        checkpoints.shutdown(); // a commit or checkpoint queued after this finds the store closed and does nothing
        commands.writeLock().lock(); // after a running checkpoint's commit
        try {
            MVStore store = getMvStore();
            if (!store.isClosed()) {
                log.info("Read-model store closing: page cache {} of {} MB used, {} % of page reads from the cache",
                        store.getCacheSizeUsed(), store.getCacheSize(), store.getFileStore().getCacheHitRatio());
            }
            super.close(); // commits what is left
        } finally {
            commands.writeLock().unlock();
            if (journal != null) journal.close();
        }
    }

    @Override
    public void handleClose(Channel channel) {
        super.handleClose(channel);
        if (journal != null) journal.handleClose(channel);
    }
}
