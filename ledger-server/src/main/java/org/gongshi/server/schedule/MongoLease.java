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
 * time: the holder renews it once half of it has passed; when it stops renewing (a node died) another
 * node takes it once it has run out. Wall time, not the ledger's clock: a lease is about nodes, not legal days.
 *
 * <p>A job that runs every 2 s asked MongoDB on each run; now a holder asks once per half lease: no other node can
 * take the lease before the end this node wrote, so knowing it locally is enough (the idle cost, issue 13).
 */
public class MongoLease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final Duration ttl;
    private final String owner = "node-" + UUID.randomUUID();
    private final Clock wall;
    /** The end of the lease this node last wrote, or null when it does not hold it. */
    private Instant heldUntil;

    public MongoLease(MongoDatabase database, String name, Duration ttl, Clock wall) {
        this.leases = database.getCollection("leases");
        this.name = name;
        this.ttl = ttl;
        this.wall = wall;
    }

    /** Takes or renews the lease; true when this node holds it for at least half of {@code ttl} from now. */
    public synchronized boolean hold() {
        Instant now = wall.instant();
        if (heldUntil != null && now.isBefore(heldUntil.minus(ttl.dividedBy(2)))) return true;
        heldUntil = null;
        try {
            // renew this node's lease or take one that ran out; an upsert here would meet the lease another node holds
            // as a duplicate key, which the server reports as an error on every try (68 in 7 starts after a crash)
            Document held = leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name), Filters.or(Filters.eq("owner", owner), Filters.lte("until", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", Date.from(now.plus(ttl)))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (held == null) {
                if (leases.countDocuments(Filters.eq("_id", name)) > 0) return false; // another node holds it
                held = new Document("_id", name).append("owner", owner).append("until", Date.from(now.plus(ttl)));
                leases.insertOne(held); // a duplicate key if another node created it meanwhile
            }
            boolean mine = held != null && owner.equals(held.getString("owner"));
            if (mine) heldUntil = held.getDate("until").toInstant();
            return mine;
        } catch (MongoException heldElsewhere) {
            // another node created the lease between the look and the insert (duplicate key)
            return false;
        }
    }

    /** Gives the lease up if this node holds it (a clean stop), so another node or the next start takes it at once. */
    public synchronized void release() {
        heldUntil = null;
        try {
            leases.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
        } catch (MongoException | IllegalStateException stopping) {
            // the client is already closed: the lease runs out on its own
        }
    }
}
