package org.gongshi.server.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;

import java.nio.file.Path;
import java.time.Duration;

/** A {@link CrashConsistentH2Backend} on {@code file}, served on a free loopback port, with a client of it (tests). */
record ServedStore(CrashConsistentH2Backend backend, MongoServer server, MongoClient client) implements AutoCloseable {

    static ServedStore open(Path file, Duration checkpointInterval) {
        return open(file, checkpointInterval, () -> {
            throw new AssertionError("H2 closed the read-model store underneath the test");
        });
    }

    /** {@code closedUnderneath}: what the backend does instead of halting when H2 closes its store. */
    static ServedStore open(Path file, Duration checkpointInterval, Runnable closedUnderneath) {
        CrashConsistentH2Backend backend = new CrashConsistentH2Backend(file, checkpointInterval, closedUnderneath);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new ServedStore(backend, server, MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
    }

    /** Closes the client, then the server, which closes the store (its last commit). */
    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
