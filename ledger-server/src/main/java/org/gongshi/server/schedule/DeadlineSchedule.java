package org.gongshi.server.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.projections.writes.BatchedWrites;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's deadlines, due on the ledger's clock, in MongoDB beside the read models (collection
 * {@code deadlines}): what falls due when, for which aggregate. An entry is claimed with a lease by
 * one atomic {@code findOneAndUpdate}, so across a cluster one node fires it; it is marked done after
 * its command succeeded, and a node that dies mid-way leaves a lease that runs out, after which
 * another node fires it again (the aggregate's check is idempotent, so a repeat changes nothing).
 * Scheduling the same deadline twice (a replay) keeps one entry and never revives a done one.
 */
public class DeadlineSchedule {

    /** What a due entry asks for: check a case's deadlines, end a list entry's term, or lift a list entry's sanctions whose term ended. */
    public enum Kind { CASE, LISTING, SANCTION }

    /** A claimed entry. */
    public record Due(String id, Kind kind, String target, Instant dueAt) {}

    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";

    private final MongoCollection<Document> entries;

    public DeadlineSchedule(MongoDatabase database) {
        this.entries = database.getCollection("deadlines");
        // a claim reads the pending entries only (MongoDB: and those due, by the range on dueAt; the embedded store
        // serves the equality on state): without it each claim read every entry ever scheduled, done ones too, and
        // after a rebuild of a 2,000-case ledger the claims were a fifth of the server's samples (issue 13)
        entries.createIndex(Indexes.ascending("state", "dueAt"));
        // a case's other entries, claimed and marked done with the one fired ({@link #claimRestOfCase})
        entries.createIndex(Indexes.ascending("target", "state"));
    }

    /**
     * Schedules {@code kind} for {@code target} at {@code dueAt} (ledger time); idempotent. Within a batch of events the
     * entries are written together at its end ({@link BatchedWrites}).
     */
    public void schedule(Kind kind, String target, Instant dueAt) {
        String id = kind + ":" + target + ":" + dueAt;
        BatchedWrites.write(entries, new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                        Updates.setOnInsert("kind", kind.name()), Updates.setOnInsert("target", target),
                        Updates.setOnInsert("dueAt", Date.from(dueAt)), Updates.setOnInsert("state", PENDING),
                        Updates.setOnInsert("leaseUntil", new Date(0))),
                new UpdateOptions().upsert(true)));
    }

    /**
     * Claims one pending entry due at {@code ledgerNow} whose lease (wall time) ran out, for {@code lease}
     * from {@code wallNow}, in the name of {@code owner}.
     */
    public Optional<Due> claim(Instant ledgerNow, Instant wallNow, Duration lease, String owner) {
        return claimWhere(claimable(ledgerNow, wallNow), wallNow, lease, owner);
    }

    /**
     * The ids of up to {@code max} entries that {@link #claim} could claim now, read in one query, for the caller to claim
     * one by one ({@link #claim(String, Instant, Instant, Duration, String)}, by {@code _id}): a claim reads the pending
     * entries (the embedded store serves the equality on state, not the range on dueAt), so claiming each of many due
     * entries with its own query read them all again each time (after a rebuild of a 1,000-case ledger, 1,000 entries:
     * a tenth of the embedded MongoDB's samples, and growing with the square of the entries).
     */
    public List<String> claimable(Instant ledgerNow, Instant wallNow, int max) {
        return entries.find(claimable(ledgerNow, wallNow)).projection(Projections.include("_id")).limit(max)
                .map(entry -> entry.getString("_id")).into(new ArrayList<>());
    }

    /** {@link #claim(Instant, Instant, Duration, String)} of entry {@code id} only: empty if it is no longer claimable. */
    public Optional<Due> claim(String id, Instant ledgerNow, Instant wallNow, Duration lease, String owner) {
        return claimWhere(Filters.and(Filters.eq("_id", id), claimable(ledgerNow, wallNow)), wallNow, lease, owner);
    }

    private static Bson claimable(Instant ledgerNow, Instant wallNow) {
        return Filters.and(Filters.eq("state", PENDING), Filters.lte("dueAt", Date.from(ledgerNow)), Filters.lte("leaseUntil", Date.from(wallNow)));
    }

    private Optional<Due> claimWhere(Bson filter, Instant wallNow, Duration lease, String owner) {
        Document claimed = entries.findOneAndUpdate(filter,
                Updates.combine(Updates.set("leaseUntil", Date.from(wallNow.plus(lease))), Updates.set("owner", owner)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (claimed == null) return Optional.empty();
        return Optional.of(new Due(claimed.getString("_id"), Kind.valueOf(claimed.getString("kind")), claimed.getString("target"),
                claimed.getDate("dueAt").toInstant()));
    }

    /**
     * Claims, with the case entry {@code due} that {@code owner} holds, every other entry of the same case claimable now:
     * one check of a case ({@code CheckDeadlines}) records every deadline of it that has passed by the day it runs, so
     * the case's entries due by now are fired together, as one command (after a rebuild every past entry is pending
     * again: 1,540 checks for 1,000 cases, each a command). They exist before the command is sent, so the case it
     * loads holds the events that scheduled them. A list entry's expiry names its term's end, and the end of its sanctions
     * theirs: each is fired alone.
     */
    public void claimRestOfCase(Due due, Instant ledgerNow, Instant wallNow, Duration lease, String owner) {
        if (due.kind() != Kind.CASE) return;
        entries.updateMany(Filters.and(Filters.eq("target", due.target()), Filters.eq("kind", Kind.CASE.name()), claimable(ledgerNow, wallNow)),
                Updates.combine(Updates.set("leaseUntil", Date.from(wallNow.plus(lease))), Updates.set("owner", owner)));
    }

    /** Marks a claimed entry done, if {@code owner} still holds it, and with a case's entry the others of its case it holds. */
    public void done(Due due, String owner) {
        entries.updateMany(Filters.and(due.kind() == Kind.CASE
                        ? Filters.and(Filters.eq("target", due.target()), Filters.eq("kind", Kind.CASE.name()), Filters.eq("state", PENDING))
                        : Filters.eq("_id", due.id()),
                Filters.eq("owner", owner)), Updates.set("state", DONE));
    }

    /** How many entries wait (due or not). */
    public long pending() {
        return entries.countDocuments(Filters.eq("state", PENDING));
    }
}
