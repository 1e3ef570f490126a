package org.gongshi.projections.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.MerkleTree;
import org.gongshi.projections.transparency.NoteSigner;
import org.gongshi.projections.transparency.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Signed tree heads of the public feed. The projections role signs a new head whenever the feed
 * has grown (a C2SP checkpoint signed with Ed25519) and stores it; every API node serves the latest
 * one, and the verifier keys, current and retired, from the same database.
 */
public class TreeHeads {

    public static final String HEADS = "feed_tree_heads";
    public static final String KEYS = "feed_keys";

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> keys;

    public TreeHeads(MongoDatabase database) {
        this.heads = database.getCollection(HEADS);
        this.keys = database.getCollection(KEYS);
    }

    /** A signed tree head: {@code signature} is the Ed25519 signature of the checkpoint body. */
    public record SignedTreeHead(long treeSize, String rootHash, Instant timestamp, String signature, String keyId,
                                 String checkpoint) {}

    public record VerifierKey(String verifierKey, String status) {}

    /** Publishes the signer's verifier key as current and the retired ones, so API nodes can list them. */
    public void publishKeys(SigningKeys signingKeys) {
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

    /** Signs and stores the head of the first {@code size} entries, unless that size is already signed. */
    public SignedTreeHead signIfGrown(MerkleTree tree, long size, NoteSigner signer, String origin, Instant now) {
        Optional<SignedTreeHead> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() >= size) return latest.get();
        Checkpoint checkpoint = new Checkpoint(origin, size, tree.rootHash(size));
        String note = checkpoint.sign(signer);
        SignedTreeHead head = new SignedTreeHead(size, Base64.getEncoder().encodeToString(checkpoint.rootHash()), now,
                Base64.getEncoder().encodeToString(signer.signature(checkpoint.body().getBytes(StandardCharsets.UTF_8))),
                String.format("%08x", signer.keyHash()), note);
        heads.replaceOne(eq("_id", size), new Document("_id", size).append("rootHash", head.rootHash())
                .append("timestamp", Date.from(now)).append("signature", head.signature()).append("keyId", head.keyId())
                .append("checkpoint", note), new ReplaceOptions().upsert(true));
        return head;
    }

    public Optional<SignedTreeHead> latest() {
        Document d = heads.find().sort(Sorts.descending("_id")).limit(1).first();
        if (d == null) return Optional.empty();
        return Optional.of(new SignedTreeHead(((Number) d.get("_id")).longValue(), d.getString("rootHash"),
                d.getDate("timestamp").toInstant(), d.getString("signature"), d.getString("keyId"), d.getString("checkpoint")));
    }

    void clear() {
        heads.deleteMany(new Document());
    }
}
