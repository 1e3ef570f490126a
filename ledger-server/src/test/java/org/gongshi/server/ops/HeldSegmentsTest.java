package org.gongshi.server.ops;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * While a rebuild switches a view in, no other node's processor of that view may take its segments; a rebuild asked of
 * a node while another holds a segment is refused, naming that node, and leaves nothing claimed.
 */
class HeldSegmentsTest {

    private MongoServer server;
    private MongoClient client;
    private TokenStore nodeA;
    private TokenStore nodeB;

    @BeforeEach
    void twoNodesOnOneTokenStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        nodeA = tokens("node-a");
        nodeB = tokens("node-b");
        nodeA.initializeTokenSegments("case-views", 2, new GlobalSequenceTrackingToken(7));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void while_a_rebuild_holds_a_views_segments_no_other_node_takes_them_and_afterwards_it_can() {
        try (HeldSegments held = HeldSegments.claim(nodeA, "case-views", segment -> null)) {
            assertThatThrownBy(() -> nodeB.fetchToken("case-views", 0)).isInstanceOf(UnableToClaimTokenException.class);
            assertThatThrownBy(() -> nodeB.fetchToken("case-views", 1)).isInstanceOf(UnableToClaimTokenException.class);
            held.keep(); // extending claims it holds succeeds
            held.resumeFrom(new GlobalSequenceTrackingToken(3));
            assertThatThrownBy(() -> nodeB.fetchToken("case-views", 1)).as("storing the tokens keeps the claims")
                    .isInstanceOf(UnableToClaimTokenException.class);
        }
        assertThat(nodeB.fetchToken("case-views", 0)).as("released when closed").isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThat(nodeB.fetchToken("case-views", 1)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    @Test
    void a_segment_another_node_holds_refuses_the_hold_naming_the_node_and_leaves_nothing_claimed() {
        nodeB.fetchToken("case-views", 1);

        assertThatThrownBy(() -> HeldSegments.claim(nodeA, "case-views", segment -> segment == 1 ? "node-b" : null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("segment 1 of processor case-views is held by another node ('node-b')");

        assertThat(nodeB.fetchToken("case-views", 0)).as("segment 0, claimed before segment 1 was refused, was let go")
                .isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void a_hold_on_an_empty_ledger_removes_the_segments_so_the_processor_starts_them_from_the_first_event() {
        try (HeldSegments held = HeldSegments.claim(nodeA, "case-views", segment -> null)) {
            held.resumeFrom(null);
        }
        assertThat(nodeB.fetchSegments("case-views")).isEmpty();
    }

    @Test
    void a_hold_that_lost_its_claim_refuses_to_be_kept() {
        try (HeldSegments held = HeldSegments.claim(nodeA, "case-views", segment -> null)) {
            nodeA.releaseClaim("case-views", 0); // as if the claim had run out
            nodeB.fetchToken("case-views", 0);   // and another node had taken it
            assertThatThrownBy(held::keep).isInstanceOf(UnableToClaimTokenException.class);
        }
    }

    @Test
    void a_store_that_fails_while_the_segments_are_claimed_leaves_nothing_claimed() {
        List<Integer> released = new ArrayList<>();
        TokenStore failingAtSegmentOne = new InMemoryTokenStore() {
            @Override
            public TrackingToken fetchToken(String processorName, int segment) {
                if (segment == 1) throw new IllegalStateException("the token store did not answer");
                return super.fetchToken(processorName, segment);
            }

            @Override
            public void releaseClaim(String processorName, int segment) {
                released.add(segment);
                super.releaseClaim(processorName, segment);
            }
        };
        failingAtSegmentOne.initializeTokenSegments("case-views", 2);

        assertThatThrownBy(() -> HeldSegments.claim(failingAtSegmentOne, "case-views", segment -> null))
                .hasMessage("the token store did not answer");
        assertThat(released).as("segment 0, claimed before the store failed, let go").containsExactly(0);
    }

    private TokenStore tokens(String node) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("held-segments")).build())
                .serializer(Jackson3Serializer.builder().build())
                .nodeId(node)
                .claimTimeout(Duration.ofMinutes(10)) // no claim here runs out, however long a busy machine stalls a test
                .build();
    }
}
