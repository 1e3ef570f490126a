package org.gongshi.server.schedule;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.gongshi.projections.feed.FeedLog;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.Rfc6962;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signer reads the log it signs through its own subtree cache: a leaf rewritten inside a memoised
 * subtree is caught once the log is read again, after the log shrank or at the full-check interval.
 */
class TreeHeadSignerTest {

    @TempDir
    Path dataDir;
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final List<byte[]> leaves = new ArrayList<>();

    /** The feed's leaves, held in memory: what the signer reads through {@link FeedLog}'s reading side. */
    private final class ListedFeed extends FeedLog {
        ListedFeed() {
            super(database);
        }

        @Override
        public long size() {
            return leaves.size();
        }

        @Override
        public byte[] leafHash(long index) {
            return leaves.get(Math.toIntExact(index));
        }

        @Override
        public List<byte[]> leafHashes(long from, long toExclusive) {
            return List.copyOf(leaves.subList(Math.toIntExact(from), Math.toIntExact(toExclusive)));
        }
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        database = client.getDatabase("signer-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_log_that_shrank_and_came_back_with_a_rewritten_old_leaf_is_never_signed() {
        TreeHeadSigner signer = signer(Duration.ofHours(1));
        append(600); // subtrees [0, 256) and [256, 512) are memoised
        assertThat(signer.signNow()).isInstanceOf(TreeHeads.Signing.Signed.class);

        leaves.clear(); // a rebuild empties the log ...
        assertThat(signer.signNow()).isInstanceOf(TreeHeads.Signing.Refused.class);
        append(700); // ... and regenerates it, one old leaf different
        leaves.set(10, Rfc6962.leafHash("regenerated".getBytes(StandardCharsets.UTF_8)));

        TreeHeads.Signing again = signer.signNow();
        assertThat(again).isInstanceOf(TreeHeads.Signing.Refused.class);
        TreeHeads.IntegrityAlarm alarm = ((TreeHeads.Signing.Refused) again).alarm();
        assertThat(alarm.signedSize()).isEqualTo(600);
        assertThat(alarm.treeSize()).isEqualTo(700);
        assertThat(alarm.reason()).startsWith("root mismatch at size");
        assertThat(new TreeHeads(database).latest().orElseThrow().treeSize()).isEqualTo(600);
    }

    @Test
    void a_rewritten_old_leaf_is_caught_at_the_full_check_interval() {
        TreeHeadSigner signer = signer(Duration.ZERO); // every round reads the whole log again
        append(600);
        assertThat(signer.signNow()).isInstanceOf(TreeHeads.Signing.Signed.class);
        leaves.set(10, Rfc6962.leafHash("rewritten".getBytes(StandardCharsets.UTF_8)));
        append(650);

        assertThat(signer.signNow()).isInstanceOf(TreeHeads.Signing.Refused.class);
        assertThat(new TreeHeads(database).integrityAlarm()).isPresent();
    }

    @Test
    void an_extended_log_is_signed_round_after_round() {
        TreeHeadSigner signer = signer(Duration.ofHours(1));
        for (int size = 100; size <= 1000; size += 300) {
            append(size);
            TreeHeads.Signing signing = signer.signNow();
            assertThat(signing).isInstanceOf(TreeHeads.Signing.Signed.class);
            assertThat(signing.latest().orElseThrow().treeSize()).isEqualTo(size);
        }
        assertThat(signer.signNow()).isInstanceOf(TreeHeads.Signing.Unchanged.class);
        assertThat(new TreeHeads(database).heads(-1, 10)).hasSize(4);
        assertThat(new TreeHeads(database).integrityAlarm()).isEmpty();
    }

    private TreeHeadSigner signer(Duration fullCheck) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        return new TreeHeadSigner(new ListedFeed(), new TreeHeads(database), clock, "gongshi.test/feed", "", "", fullCheck,
                dataDir.toString(), true);
    }

    private void append(int size) {
        while (leaves.size() < size) {
            leaves.add(Rfc6962.leafHash(("{\"sequence\":" + leaves.size() + "}").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
