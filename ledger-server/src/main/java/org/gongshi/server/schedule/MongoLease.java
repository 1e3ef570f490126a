package org.gongshi.server.schedule;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A named lease in MongoDB (collection {@code leases}), so a job runs on one node of a cluster at a
 * time: the holder renews it each run; when it stops renewing (a node died) another node takes it
 * once it has run out. Wall time, not the ledger's clock: a lease is about nodes, not legal days.
 */
public class MongoLease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final Duration ttl;
    private final String owner = "node-" + UUID.randomUUID();
    private final Clock wall;

    public MongoLease(MongoDatabase database, String name, Duration ttl, Clock wall) {
        this.leases = database.getCollection("leases");
        this.name = name;
        this.ttl = ttl;
        this.wall = wall;
    }

    /** Takes or renews the lease; true when this node holds it until {@code ttl} from now. */
    public boolean hold() {
        Instant now = wall.instant();
        try {
            Document held = leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name), Filters.or(Filters.eq("owner", owner), Filters.lte("until", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", Date.from(now.plus(ttl)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return held != null && owner.equals(held.getString("owner"));
        } catch (MongoException heldElsewhere) {
            // the upsert met the lease another node holds (duplicate key)
            return false;
        }
    }

    /** Gives the lease up if this node holds it (a clean stop), so another node or the next start takes it at once. */
    public void release() {
        try {
            leases.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
        } catch (MongoException | IllegalStateException stopping) {
            // the client is already closed: the lease runs out on its own
        }
    }
}
