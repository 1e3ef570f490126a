package org.gongshi.projections;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.List;

/** mongo-java-server in memory on a free loopback port, and a client of it: the read models' store in their tests. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    public InMemoryMongo() {
        this(List.of());
    }

    /** With {@code listeners} told of every command the client sends (e.g. to count round trips). */
    public InMemoryMongo(List<CommandListener> listeners) {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
        listeners.forEach(settings::addCommandListener);
        client = MongoClients.create(settings.build());
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
