package org.gongshi.server.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Scratch databases for replays (a case as it stood at an instant): an in-memory MongoDB-wire server
 * in this JVM, bound to loopback on a free port, started on first use; each replay gets a database
 * of its own, dropped when it ends. Nothing of a replay reaches the read models.
 */
public final class ReplayDatabases implements Supplier<MongoDatabase>, AutoCloseable {

    private MongoServer server;
    private MongoClient client;

    @Override
    public synchronized MongoDatabase get() {
        if (client == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }
        return client.getDatabase("replay-" + UUID.randomUUID());
    }

    @Override
    public synchronized void close() {
        if (client != null) client.close();
        if (server != null) server.shutdownNow();
    }
}
