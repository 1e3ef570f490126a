package org.gongshi.server.health;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.transparency.NoteSigner;
import org.gongshi.projections.transparency.Rfc6962;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A feed that no longer extends its signed head shows in health, on every node that reads the alarm. */
class FeedIntegrityHealthTest {

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void feed_integrity_is_down_with_both_heads_once_the_signer_refused() {
        TreeHeads signerSide = new TreeHeads(client.getDatabase("health-test"));
        HealthIndicator health = new FeedIntegrityHealth().feedIntegrityHealthIndicator(new TreeHeads(client.getDatabase("health-test")));
        List<byte[]> leaves = new ArrayList<>();
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(leaves));
        NoteSigner signer = NoteSigner.generate("gongshi.test/feed");
        for (int i = 0; i < 4; i++) leaves.add(Rfc6962.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        signerSide.signIfGrown(tree, 4, signer, "gongshi.test/feed", Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        leaves.set(0, Rfc6962.leafHash("rewritten".getBytes(StandardCharsets.UTF_8)));
        leaves.add(Rfc6962.leafHash("entry 4".getBytes(StandardCharsets.UTF_8)));
        signerSide.signIfGrown(tree, 5, signer, "gongshi.test/feed", Instant.parse("2026-03-01T00:00:02Z"));

        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("signedSize", 4L).containsEntry("treeSize", 5L).containsEntry("refusals", 1L)
                .containsKeys("signedRoot", "treeRoot", "reason", "since");
    }
}
