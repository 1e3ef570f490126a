package org.gongshi.projections.feed;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.InvalidProofException;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.transparency.NoteSigner;
import org.gongshi.projections.transparency.ProofVerifier;
import org.gongshi.projections.transparency.Rfc6962;
import org.gongshi.projections.transparency.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * Signed tree heads of the public feed. The projections role signs a new head whenever the feed
 * has grown (a C2SP checkpoint signed with Ed25519, its time included) and keeps every head it ever
 * signed, so that any two can be proved consistent; every API node serves them, and the verifier
 * keys, current and retired, from the same database.
 *
 * <p>A new head is signed only for a larger tree that provably extends the last signed head: the
 * consistency proof between the two sizes, computed over the stored leaves, must verify against the
 * last signed root. Otherwise nothing is signed and the {@linkplain #integrityAlarm() integrity
 * alarm} is raised, where every node can read it; it stays up until an operator has looked into it
 * and removed it from {@value #INTEGRITY}.
 */
public class TreeHeads {

    public static final String HEADS = "feed_tree_heads";
    public static final String KEYS = "feed_keys";
    public static final String INTEGRITY = "feed_integrity";
    /** The suffix of a log's collection of heads signed but perhaps not yet readable ({@link #pending}). */
    public static final String PENDING = "_pending_tree_heads";
    private static final String ALARM_ID = "alarm";

    private final MongoCollection<Document> heads;
    /**
     * Heads signed and stored durably (journaled) but perhaps not yet in {@link #heads}: a head is written here first,
     * acknowledged only once it is on disk, and only then into {@link #heads}, where it can be read. A head anyone read is
     * therefore never lost: on the embedded store a SIGKILL lost the last second's writes, a head a mirror had read among
     * them, and the log served a smaller head than one it had published (the mirror reported a fork). What a crash left
     * here is published by the next signer ({@link #publishPending()}).
     */
    private final MongoCollection<Document> pending;
    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> integrity;

    /** The public feed's heads, keys and alarm ({@value #HEADS}, {@value #KEYS}, {@value #INTEGRITY}). */
    public TreeHeads(MongoDatabase database) {
        this(database, "feed");
    }

    /**
     * The heads, keys and alarm of another log in its own collections {@code <log>_tree_heads},
     * {@code <log>_keys} and {@code <log>_integrity} (the event ledger's tree is {@code ledger}).
     */
    public TreeHeads(MongoDatabase database, String log) {
        this.heads = database.getCollection(log + "_tree_heads");
        this.pending = database.getCollection(log + PENDING).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.keys = database.getCollection(log + "_keys");
        this.integrity = database.getCollection(log + "_integrity");
    }

    /** A signed tree head: {@code signature} is the Ed25519 signature of the checkpoint body, which carries the timestamp. */
    public record SignedTreeHead(long treeSize, String rootHash, Instant timestamp, String signature, String keyId,
                                 String checkpoint) {}

    public record VerifierKey(String verifierKey, String status) {}

    /**
     * The feed's leaves no longer extend the last signed head: what was signed, what the log holds
     * now, why they disagree, when it was first and last seen, and how many signings were refused.
     */
    public record IntegrityAlarm(long signedSize, String signedRoot, long treeSize, String treeRoot, String reason,
                                 Instant since, Instant lastSeen, long refusals) {}

    /** What a signing round did. */
    public sealed interface Signing {
        /** The latest signed head after this round. */
        Optional<SignedTreeHead> latest();

        /** A new head was signed and stored. */
        record Signed(SignedTreeHead head) implements Signing {
            @Override
            public Optional<SignedTreeHead> latest() {
                return Optional.of(head);
            }
        }

        /** Nothing new to sign: the log has not grown past the last signed head (which it still matches). */
        record Unchanged(Optional<SignedTreeHead> latest) implements Signing {}

        /** Signing was refused because the log does not extend the last signed head; the alarm is raised. */
        record Refused(SignedTreeHead last, IntegrityAlarm alarm) implements Signing {
            @Override
            public Optional<SignedTreeHead> latest() {
                return Optional.of(last);
            }
        }
    }

    /**
     * Publishes the signer's verifier key as current and the retired ones, so API nodes can list them. Refuses a signer key
     * published as retired before: a later key signed after it, and a key once replaced signs no new head (a sweep from
     * outside, stop 76: a node restarted without its new key's setting signed again with the old one, quietly, and listed
     * the new one as retired).
     */
    public void publishKeys(SigningKeys signingKeys) {
        Document known = keys.find(eq("_id", signingKeys.currentVerifierKey())).first();
        if (known != null && "retired".equals(known.getString("status"))) {
            List<String> current = new ArrayList<>();
            keys.find(eq("status", "current")).forEach(d -> current.add(d.getString("_id")));
            throw new IllegalStateException("the signer key " + signingKeys.currentVerifierKey() + " was retired: a later key signed"
                    + " after it, and a key once replaced signs no new head. Sign with the key in use" + (current.isEmpty() ? ""
                    : " (" + String.join(", ", current) + ")") + ", or make a new one with keygen and list this one as retired");
        }
        keys.replaceOne(eq("_id", signingKeys.currentVerifierKey()),
                new Document("_id", signingKeys.currentVerifierKey()).append("status", "current"), new ReplaceOptions().upsert(true));
        for (String retired : signingKeys.retiredVerifierKeys()) {
            keys.replaceOne(eq("_id", retired), new Document("_id", retired).append("status", "retired"), new ReplaceOptions().upsert(true));
        }
        keys.updateMany(new Document("_id", new Document("$nin", allOf(signingKeys))).append("status", "current"),
                new Document("$set", new Document("status", "retired")));
    }

    private static List<String> allOf(SigningKeys signingKeys) {
        List<String> all = new ArrayList<>(signingKeys.retiredVerifierKeys());
        all.add(signingKeys.currentVerifierKey());
        return all;
    }

    public List<VerifierKey> keys() {
        List<VerifierKey> result = new ArrayList<>();
        keys.find().sort(Sorts.ascending("status", "_id")).forEach(d -> result.add(new VerifierKey(d.getString("_id"), d.getString("status"))));
        return result;
    }

    /**
     * Signs and stores the head of the first {@code size} leaves of {@code tree} if that is more than the
     * last signed head and consistent with it; a smaller or equal tree is never signed as a new head.
     * The head's time is {@code now} to the millisecond, and the signed checkpoint carries it.
     */
    public Signing signIfGrown(MerkleProofs tree, long size, NoteSigner signer, String origin, Instant now) {
        publishPending();
        Optional<SignedTreeHead> latest = latest();
        if (latest.isPresent()) {
            SignedTreeHead last = latest.get();
            if (size < last.treeSize()) {
                return refuse(last, size, null, "the feed has " + size + " entries, fewer than the " + last.treeSize()
                        + " of the last signed head", now);
            }
            byte[] root = tree.rootHash(size);
            try {
                requireExtends(tree, last, size, root);
            } catch (InvalidProofException e) {
                return refuse(last, size, root, e.getMessage(), now);
            }
            if (size == last.treeSize()) {
                return new Signing.Unchanged(latest);
            }
            return sign(size, root, signer, origin, now);
        }
        return sign(size, tree.rootHash(size), signer, origin, now);
    }

    /** That the first {@code size ≥ last.treeSize()} leaves, with root {@code root}, extend the signed head. */
    private static void requireExtends(MerkleProofs tree, SignedTreeHead last, long size, byte[] root) throws InvalidProofException {
        byte[] signedRoot = Base64.getDecoder().decode(last.rootHash());
        if (last.treeSize() == 0) {
            // every tree extends the empty tree; only its root can be wrong
            if (!Arrays.equals(signedRoot, Rfc6962.emptyRoot())) {
                throw new InvalidProofException("root mismatch at size 0: the signed root " + last.rootHash()
                        + " is not the empty tree's " + b64(Rfc6962.emptyRoot()));
            }
            return;
        }
        ProofVerifier.verifyConsistency(last.treeSize(), size, signedRoot, root, tree.consistencyProof(last.treeSize(), size));
    }

    private Signing sign(long size, byte[] root, NoteSigner signer, String origin, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Checkpoint checkpoint = Checkpoint.timestamped(origin, size, root, at);
        // one signature serves both forms: they sign the same body, and Ed25519 signs deterministically (RFC 8032)
        byte[] signature = signer.signature(checkpoint.body().getBytes(StandardCharsets.UTF_8));
        String note = signer.note(checkpoint.body(), signature);
        SignedTreeHead head = new SignedTreeHead(size, b64(root), at, b64(signature), String.format("%08x", signer.keyHash()), note);
        Document document = new Document("_id", size).append("rootHash", head.rootHash()).append("timestamp", Date.from(at))
                .append("signature", head.signature()).append("keyId", head.keyId()).append("checkpoint", note);
        try {
            pending.replaceOne(eq("_id", size), document, new ReplaceOptions().upsert(true)); // durable before it is readable
            heads.insertOne(document);
            pending.deleteOne(eq("_id", size));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            // another signer stored a head of this size first: a head, once stored, is never replaced
            SignedTreeHead stored = head(size).orElseThrow();
            if (!stored.rootHash().equals(head.rootHash())) {
                return refuse(stored, size, root, "root mismatch at size " + size + ": another signer signed "
                        + stored.rootHash() + " for the same size", now);
            }
            return new Signing.Unchanged(Optional.of(stored));
        }
        return new Signing.Signed(head);
    }

    /**
     * Makes readable the heads a crash left signed and durable but not yet readable (see {@link #pending}), each as it was
     * signed; a head of the same size already readable stays as it is. Signers call it before each signing round, and a
     * restarted signer before the node serves.
     */
    public void publishPending() {
        for (Document head : pending.find().sort(Sorts.ascending("_id"))) {
            try {
                heads.insertOne(head);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            }
            pending.deleteOne(eq("_id", head.get("_id")));
        }
    }

    private Signing refuse(SignedTreeHead last, long size, byte[] root, String reason, Instant now) {
        String treeRoot = root == null ? "" : b64(root);
        integrity.updateOne(eq("_id", ALARM_ID), combine(
                        setOnInsert("since", Date.from(now)),
                        set("signedSize", last.treeSize()), set("signedRoot", last.rootHash()),
                        set("treeSize", size), set("treeRoot", treeRoot), set("reason", reason),
                        set("lastSeen", Date.from(now)), inc("refusals", 1L)),
                new UpdateOptions().upsert(true));
        return new Signing.Refused(last, integrityAlarm().orElseThrow());
    }

    /** The raised integrity alarm, if any: the log was found not to extend a signed head. */
    public Optional<IntegrityAlarm> integrityAlarm() {
        Document d = integrity.find(eq("_id", ALARM_ID)).first();
        if (d == null) return Optional.empty();
        return Optional.of(new IntegrityAlarm(((Number) d.get("signedSize")).longValue(), d.getString("signedRoot"),
                ((Number) d.get("treeSize")).longValue(), d.getString("treeRoot"), d.getString("reason"),
                d.getDate("since").toInstant(), d.getDate("lastSeen").toInstant(), ((Number) d.get("refusals")).longValue()));
    }

    public Optional<SignedTreeHead> latest() {
        return Optional.ofNullable(heads.find().sort(Sorts.descending("_id")).limit(1).first()).map(TreeHeads::fromDocument);
    }

    /** The head signed for exactly {@code treeSize} leaves, if one was. */
    public Optional<SignedTreeHead> head(long treeSize) {
        return Optional.ofNullable(heads.find(eq("_id", treeSize)).first()).map(TreeHeads::fromDocument);
    }

    /**
     * Keeps a witness's cosignature line (C2SP tlog-cosignature) of the head signed for {@code treeSize} leaves, in place of
     * any line of the same witness ({@code sameWitness}) the head held: one a witness, its latest (a witness that lost its
     * state cosigns a head again, at another time: the lines piled up, a sweep from outside). The caller has verified it.
     * False if no head of that size was signed.
     */
    public boolean addCosignature(long treeSize, String signatureLine, java.util.function.Predicate<String> sameWitness) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Document d = heads.find(eq("_id", treeSize)).first();
            if (d == null) return false;
            List<String> had = d.getList("cosignatures", String.class);
            List<String> kept = new ArrayList<>();
            if (had != null) had.stream().filter(line -> !sameWitness.test(line)).forEach(kept::add);
            kept.add(signatureLine);
            // written only over the lines read: a witness's line arriving meanwhile is read again, not lost
            Bson unchanged = had == null ? exists("cosignatures", false) : eq("cosignatures", had);
            if (heads.updateOne(and(eq("_id", treeSize), unchanged), set("cosignatures", kept)).getMatchedCount() > 0) return true;
        }
        throw new IllegalStateException("the cosignatures of the head of size " + treeSize + " changed under eight writes in a row");
    }

    /** The witnesses' cosignature lines of the head of {@code treeSize} leaves, in the order they came. */
    public List<String> cosignatures(long treeSize) {
        Document d = heads.find(eq("_id", treeSize)).first();
        return d == null || d.getList("cosignatures", String.class) == null ? List.of() : d.getList("cosignatures", String.class);
    }

    /**
     * The largest head the witness named {@code witness} has cosigned, if any (its cosignature line begins with its name:
     * C2SP signed-note); the largest head any witness cosigned may carry only another's.
     */
    public Optional<SignedTreeHead> latestCosignedBy(String witness) {
        return Optional.ofNullable(heads.find(com.mongodb.client.model.Filters.regex("cosignatures",
                        "^" + java.util.regex.Pattern.quote("\u2014 " + witness + " "))).sort(Sorts.descending("_id")).limit(1).first())
                .map(TreeHeads::fromDocument);
    }

    /** The largest head a witness has cosigned, if any. */
    public Optional<SignedTreeHead> latestCosigned() {
        return Optional.ofNullable(heads.find(exists("cosignatures")).sort(Sorts.descending("_id")).limit(1).first())
                .map(TreeHeads::fromDocument);
    }

    /** Every head signed for more than {@code afterSize} leaves, smallest first, at most {@code limit}. */
    public List<SignedTreeHead> heads(long afterSize, int limit) {
        List<SignedTreeHead> result = new ArrayList<>();
        heads.find(gt("_id", afterSize)).sort(Sorts.ascending("_id")).limit(limit).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    private static SignedTreeHead fromDocument(Document d) {
        return new SignedTreeHead(((Number) d.get("_id")).longValue(), d.getString("rootHash"),
                d.getDate("timestamp").toInstant(), d.getString("signature"), d.getString("keyId"), d.getString("checkpoint"));
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
