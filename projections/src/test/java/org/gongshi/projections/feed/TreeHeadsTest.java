package org.gongshi.projections.feed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.transparency.NoteSigner;
import org.gongshi.projections.transparency.NoteVerifier;
import org.gongshi.projections.transparency.ProofVerifier;
import org.gongshi.projections.transparency.Rfc6962;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signer's rules: only a larger tree that extends the last signed head is signed, and every head is kept. */
class TreeHeadsTest {

    private static final String ORIGIN = "gongshi.test/feed";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private TreeHeads heads;
    private final NoteSigner signer = NoteSigner.generate(ORIGIN);
    private final List<byte[]> leaves = new ArrayList<>();
    private final MerkleProofs tree = new MerkleProofs(LeafHashes.of(leaves));

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        database = client.getDatabase("tree-heads-test");
        heads = new TreeHeads(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void every_signed_head_is_kept_and_any_two_are_provably_consistent() throws Exception {
        long[] sizes = {0, 1, 3, 8, 13, 21};
        for (int i = 0; i < sizes.length; i++) {
            growTo(sizes[i]);
            assertThat(sign(T0.plusSeconds(i))).isInstanceOf(TreeHeads.Signing.Signed.class);
        }
        List<TreeHeads.SignedTreeHead> all = heads.heads(-1, 100);
        assertThat(all).extracting(TreeHeads.SignedTreeHead::treeSize).containsExactly(0L, 1L, 3L, 8L, 13L, 21L);
        assertThat(heads.heads(3, 2)).extracting(TreeHeads.SignedTreeHead::treeSize).containsExactly(8L, 13L);
        assertThat(heads.head(13)).contains(all.get(4));
        assertThat(heads.latest()).contains(all.get(5));
        for (TreeHeads.SignedTreeHead a : all) {
            for (TreeHeads.SignedTreeHead b : all) {
                if (a.treeSize() > 0 && a.treeSize() <= b.treeSize()) {
                    ProofVerifier.verifyConsistency(a.treeSize(), b.treeSize(), root(a), root(b),
                            tree.consistencyProof(a.treeSize(), b.treeSize()));
                }
            }
        }
        assertThat(heads.integrityAlarm()).isEmpty();
    }

    @Test
    void the_signed_checkpoint_covers_the_heads_timestamp() {
        growTo(5);
        TreeHeads.SignedTreeHead head = sign(T0).latest().orElseThrow();

        assertThat(head.timestamp()).as("kept to the millisecond").isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
        Checkpoint checkpoint = Checkpoint.open(head.checkpoint(), List.of(signer.verifier()));
        assertThat(checkpoint.timestamp()).contains(head.timestamp());
        assertThat(checkpoint.body()).isEqualTo(ORIGIN + "\n5\n" + head.rootHash() + "\ntimestamp " + head.timestamp().toEpochMilli() + "\n");
        assertThat(signer.verifier().verify(checkpoint.body().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(head.signature())))
                .as("the tree-head signature is the checkpoint body's").isTrue();
        byte[] line = java.nio.ByteBuffer.allocate(4 + 64).putInt(signer.keyHash()).put(Base64.getDecoder().decode(head.signature())).array();
        assertThat(head.checkpoint()).as("the note's signature line holds the same signature: the head is signed once")
                .endsWith(" " + Base64.getEncoder().encodeToString(line) + "\n");

        String otherTime = head.checkpoint().replace("timestamp " + head.timestamp().toEpochMilli(),
                "timestamp " + head.timestamp().plusSeconds(60).toEpochMilli());
        assertThatThrownBy(() -> Checkpoint.open(otherTime, List.of(signer.verifier())))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class).hasMessageContaining("invalid signature");
    }

    @Test
    void a_head_a_crash_left_durable_but_unreadable_is_published_as_signed_before_anything_smaller_is_served() {
        growTo(5);
        sign(T0);
        growTo(8);
        TreeHeads.SignedTreeHead published = sign(T0.plusSeconds(2)).latest().orElseThrow();
        assertThat(database.getCollection("feed_pending_tree_heads").countDocuments()).as("none left pending").isZero();
        // what a SIGKILL after the journaled write and before the readable one leaves on disk
        Document stored = database.getCollection("feed_tree_heads").findOneAndDelete(new Document("_id", 8L));
        database.getCollection("feed_pending_tree_heads").insertOne(stored);

        TreeHeads restarted = new TreeHeads(database);
        assertThat(restarted.latest().orElseThrow().treeSize()).isEqualTo(5);
        restarted.publishPending();

        assertThat(restarted.latest()).as("the head as it was signed and read").contains(published);
        assertThat(database.getCollection("feed_pending_tree_heads").countDocuments()).isZero();
        growTo(9);
        assertThat(restarted.signIfGrown(tree, 9, signer, ORIGIN, T0.plusSeconds(4))).isInstanceOf(TreeHeads.Signing.Signed.class);
        assertThat(restarted.heads(-1, 10)).extracting(TreeHeads.SignedTreeHead::treeSize).containsExactly(5L, 8L, 9L);
    }

    @Test
    void a_tampered_leaf_between_two_signings_is_refused_and_raises_the_integrity_alarm() {
        growTo(5);
        TreeHeads.SignedTreeHead signed = sign(T0).latest().orElseThrow();
        leaves.set(2, Rfc6962.leafHash("rewritten".getBytes(StandardCharsets.UTF_8)));
        growTo(8);

        TreeHeads.Signing refused = sign(T0.plusSeconds(2));

        assertThat(refused).isInstanceOf(TreeHeads.Signing.Refused.class);
        assertThat(heads.latest()).as("nothing new is signed").contains(signed);
        assertThat(heads.heads(-1, 10)).hasSize(1);
        TreeHeads.IntegrityAlarm alarm = new TreeHeads(database).integrityAlarm().orElseThrow(); // as any other node reads it
        assertThat(alarm.signedSize()).isEqualTo(5);
        assertThat(alarm.signedRoot()).isEqualTo(signed.rootHash());
        assertThat(alarm.treeSize()).isEqualTo(8);
        assertThat(alarm.treeRoot()).isEqualTo(Base64.getEncoder().encodeToString(tree.rootHash(8)));
        assertThat(alarm.reason()).startsWith("root mismatch at size ");
        assertThat(alarm.refusals()).isEqualTo(1);

        growTo(9);
        assertThat(sign(T0.plusSeconds(4))).as("still refused as the log grows").isInstanceOf(TreeHeads.Signing.Refused.class);
        TreeHeads.IntegrityAlarm again = heads.integrityAlarm().orElseThrow();
        assertThat(again.refusals()).isEqualTo(2);
        assertThat(again.treeSize()).isEqualTo(9);
        assertThat(again.since()).as("first seen, to the millisecond").isEqualTo(T0.plusSeconds(2).truncatedTo(ChronoUnit.MILLIS));
        assertThat(again.lastSeen()).isEqualTo(T0.plusSeconds(4).truncatedTo(ChronoUnit.MILLIS));
        assertThat(heads.latest()).contains(signed);
    }

    @Test
    void a_leaf_rewritten_without_growth_raises_the_integrity_alarm() {
        growTo(6);
        TreeHeads.SignedTreeHead signed = sign(T0).latest().orElseThrow();
        leaves.set(5, Rfc6962.leafHash("regenerated by newer code".getBytes(StandardCharsets.UTF_8)));

        assertThat(sign(T0.plusSeconds(1))).isInstanceOf(TreeHeads.Signing.Refused.class);
        assertThat(heads.integrityAlarm().orElseThrow().reason()).startsWith("root mismatch at size 6");
        assertThat(heads.latest()).contains(signed);
    }

    @Test
    void a_tree_no_larger_than_the_last_signed_head_is_never_signed_as_a_new_head() {
        growTo(7);
        TreeHeads.SignedTreeHead signed = sign(T0).latest().orElseThrow();

        TreeHeads.Signing same = sign(T0.plusSeconds(5));
        assertThat(same).isInstanceOf(TreeHeads.Signing.Unchanged.class);
        assertThat(same.latest()).contains(signed);
        assertThat(heads.integrityAlarm()).as("an unchanged feed is no alarm").isEmpty();

        TreeHeads.Signing smaller = heads.signIfGrown(tree, 4, signer, ORIGIN, T0.plusSeconds(6));
        assertThat(smaller).isInstanceOf(TreeHeads.Signing.Refused.class);
        assertThat(heads.integrityAlarm().orElseThrow().reason()).isEqualTo("the feed has 4 entries, fewer than the 7 of the last signed head");
        assertThat(heads.heads(-1, 10)).containsExactly(signed);
    }

    @Test
    void a_head_once_stored_is_never_replaced_by_a_concurrent_signer() {
        growTo(5);
        TreeHeads.SignedTreeHead first = sign(T0).latest().orElseThrow();
        TreeHeads raced = new TreeHeads(database) { // a second signer that read the heads before the first stored its own
            @Override
            public Optional<SignedTreeHead> latest() {
                return Optional.empty();
            }
        };

        TreeHeads.Signing same = raced.signIfGrown(tree, 5, signer, ORIGIN, T0.plusSeconds(1));
        assertThat(same).isInstanceOf(TreeHeads.Signing.Unchanged.class);
        assertThat(same.latest()).contains(first);

        leaves.set(0, Rfc6962.leafHash("another history".getBytes(StandardCharsets.UTF_8)));
        assertThat(raced.signIfGrown(tree, 5, signer, ORIGIN, T0.plusSeconds(2))).isInstanceOf(TreeHeads.Signing.Refused.class);
        assertThat(heads.integrityAlarm().orElseThrow().reason()).startsWith("root mismatch at size 5: another signer signed");
        assertThat(heads.heads(-1, 10)).containsExactly(first);
    }

    @Test
    void a_signed_empty_tree_is_extended_by_any_first_entries() {
        assertThat(sign(T0)).isInstanceOf(TreeHeads.Signing.Signed.class);
        assertThat(heads.latest().orElseThrow().rootHash()).isEqualTo(Base64.getEncoder().encodeToString(Rfc6962.emptyRoot()));
        growTo(3);
        assertThat(sign(T0.plusSeconds(1))).isInstanceOf(TreeHeads.Signing.Signed.class);
        assertThat(heads.latest().orElseThrow().treeSize()).isEqualTo(3);
    }

    private TreeHeads.Signing sign(Instant now) {
        return heads.signIfGrown(tree, leaves.size(), signer, ORIGIN, now);
    }

    private void growTo(long size) {
        while (leaves.size() < size) {
            leaves.add(Rfc6962.leafHash(("{\"sequence\":" + leaves.size() + "}").getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static byte[] root(TreeHeads.SignedTreeHead head) {
        return Base64.getDecoder().decode(head.rootHash());
    }

    /**
     * A sweep from outside, stop 76: a node restarted without its new key's setting signed again with the key it had retired,
     * quietly, and listed the new one as retired. A key once published as retired is refused as the signer, naming the key
     * in use; a rotation to a new key retires the old one.
     */
    @Test
    void a_key_once_retired_never_signs_again() {
        org.gongshi.projections.transparency.NoteSigner old = NoteSigner.generate(ORIGIN), replacement = NoteSigner.generate(ORIGIN);
        heads.publishKeys(org.gongshi.projections.transparency.SigningKeys.fromSignerKey(old.signerKey(), List.of()));
        heads.publishKeys(org.gongshi.projections.transparency.SigningKeys.fromSignerKey(replacement.signerKey(), List.of(old.verifierKey())));
        org.assertj.core.api.Assertions.assertThat(heads.keys()).extracting(k -> k.verifierKey() + " " + k.status())
                .containsExactlyInAnyOrder(old.verifierKey() + " retired", replacement.verifierKey() + " current");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> heads.publishKeys(
                        org.gongshi.projections.transparency.SigningKeys.fromSignerKey(old.signerKey(), List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the signer key " + old.verifierKey() + " was retired")
                .hasMessageContaining("Sign with the key in use (" + replacement.verifierKey() + ")");
        org.assertj.core.api.Assertions.assertThat(heads.keys()).extracting(k -> k.verifierKey() + " " + k.status())
                .as("nothing changed").containsExactlyInAnyOrder(old.verifierKey() + " retired", replacement.verifierKey() + " current");
    }
}
