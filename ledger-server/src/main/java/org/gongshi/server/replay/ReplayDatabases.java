package org.gongshi.server.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Scratch databases for replays (a case as it stood at an instant): each replay gets a database of its
 * own on the read models' MongoDB, through the same authenticated client, dropped when the replay
 * ends; scratch databases a crash left behind are dropped at start. Nothing of a replay reaches the
 * read models' database, and no other port is opened (a scratch server without authentication would
 * hold personal data of the replayed case).
 */
public final class ReplayDatabases implements Supplier<MongoDatabase> {

    static final String PREFIX = "gongshi-replay-";

    private final MongoClient client;

    public ReplayDatabases(MongoClient client) {
        this.client = client;
        for (String name : client.listDatabaseNames()) {
            if (name.startsWith(PREFIX)) client.getDatabase(name).drop();
        }
    }

    @Override
    public MongoDatabase get() {
        return scratch(client);
    }

    /** A fresh scratch database on {@code client}'s server, named as the ones a start drops. */
    public static MongoDatabase scratch(MongoClient client) {
        return client.getDatabase(PREFIX + UUID.randomUUID());
    }
}
