package org.gongshi.server.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

/**
 * A child process for {@link ReadModelCrashConsistencyTest}: writers that behave like projections
 * (write a document, then their token) against an embedded read-model store that commits as often as
 * it can, until the parent kills it. Arguments: the store file, {@code consistent} or {@code stock}.
 */
public final class ReadModelWriter {

    static final String DATABASE = "crash";
    static final int WRITERS = 4;
    /** Where the journaled writer writes: a collection of pending signed heads, one the store commits on acknowledgement. */
    static final String ACKED = "acked" + org.gongshi.projections.feed.TreeHeads.PENDING;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (args[1].equals("journaled")) {
            journaled(file);
            return;
        }
        boolean consistent = args[1].equals("consistent");
        Runnable commit;
        MongoServer server;
        if (consistent) {
            CrashConsistentH2Backend backend = new CrashConsistentH2Backend(file, Duration.ofHours(1));
            // emptied chunks written again at once, so that the checkpoints compact between the writers' commands within the test's seconds
            backend.getMvStore().setRetentionTime(0);
            server = new MongoServer(backend);
            commit = backend::checkpoint;
        } else {
            MVStore store = MVStore.open(file.toString());
            server = new MongoServer(new H2Backend(store));
            commit = store::commit;
        }
        writersOn(server);
        Thread committer = new Thread(() -> {
            while (true) commit.run(); // commits at every possible moment, as a crash may come at any
        }, "committer");
        committer.setDaemon(true);
        committer.start();
        System.out.println("writing");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Writers as above against the store as the server runs it (a checkpoint each second), and one that writes pending
     * heads (committed on acknowledgement, as the signed tree heads and the data subjects' keys are) and prints {@code acked <id>}
     * once each write is acknowledged: every one printed must be in the file after a SIGKILL.
     */
    private static void journaled(Path file) throws Exception {
        CrashConsistentH2Backend backend = new CrashConsistentH2Backend(file, Duration.ofSeconds(1));
        backend.getMvStore().setRetentionTime(Integer.getInteger("retention", 1_000)); // chunks written over within seconds
        MongoDatabase db = writersOn(new MongoServer(backend));
        MongoCollection<Document> acked = db.getCollection(ACKED).withWriteConcern(com.mongodb.WriteConcern.MAJORITY.withJournal(true));
        System.out.println("writing");
        System.out.flush();
        while (true) {
            String id = "acked-" + UUID.randomUUID(); // unique across the rounds of one file
            acked.insertOne(new Document("_id", id));
            System.out.println("acked " + id);
            System.out.flush();
        }
    }

    /** Serves {@code server} on loopback and starts the {@link #WRITERS} writers against it; the database they write. */
    private static MongoDatabase writersOn(MongoServer server) {
        server.bind("127.0.0.1", 0);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoDatabase db = client.getDatabase(DATABASE);
        db.getCollection("entries").createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> write(db, writer), "writer-" + w);
            t.setDaemon(true);
            t.start();
        }
        return db;
    }

    private static void write(MongoDatabase db, int writer) {
        MongoCollection<Document> entries = db.getCollection("entries");
        MongoCollection<Document> tokens = db.getCollection("tokens");
        for (long i = 0; ; i++) {
            entries.insertOne(new Document("_id", writer + "-" + i).append("eventId", UUID.randomUUID().toString()).append("n", i));
            // and an earlier document written again, as the projections do: the chunks grow sparse and are compacted
            entries.updateOne(eq("_id", writer + "-" + ThreadLocalRandom.current().nextLong(i + 1)), set("seen", i));
            tokens.updateOne(eq("_id", "writer-" + writer), set("upTo", i), new UpdateOptions().upsert(true));
        }
    }
}
