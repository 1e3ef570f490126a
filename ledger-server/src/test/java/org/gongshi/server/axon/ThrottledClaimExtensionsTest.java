package org.gongshi.server.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.gongshi.projections.writes.BatchedWrites;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.gongshi.ledger.calendar.LedgerClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An idle processor's claim is written once per third of the claim timeout, not each second it waits; a token is stored
 * only after the read-model writes of its batch; a batch that outlasts the claim timeout keeps its claim.
 */
class ThrottledClaimExtensionsTest {

    /** Records every extension that reaches the store. */
    static final class CountingStore extends InMemoryTokenStore {
        final List<String> extensions = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void extendClaim(String processorName, int segment) {
            extensions.add(processorName + "/" + segment);
            super.extendClaim(processorName, segment);
        }
    }

    @Test
    void a_claim_written_less_than_a_third_of_the_claim_timeout_ago_is_not_written_again() {
        CountingStore store = new CountingStore();
        LedgerClock clock = LedgerClock.settable(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC), Duration.ZERO);
        ThrottledClaimExtensions tokens = new ThrottledClaimExtensions(store, Duration.ofSeconds(3), clock);
        tokens.initializeTokenSegments("case-views", 1);
        tokens.fetchToken("case-views", 0); // claims it: a write

        for (int second = 1; second <= 10; second++) { // an idle processor: an extension each second
            clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(1)));
            tokens.extendClaim("case-views", 0);
        }
        assertThat(store.extensions).as("written at 3, 6 and 9 s").hasSize(3);

        tokens.storeToken(new GlobalSequenceTrackingToken(5), "case-views", 0); // a batch handled: the token write claims too
        clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(2)));
        tokens.extendClaim("case-views", 0);
        assertThat(store.extensions).hasSize(3);

        tokens.releaseClaim("case-views", 0); // released: the next extension (after a new claim) is written
        tokens.extendClaim("case-views", 0);
        assertThat(store.extensions).hasSize(4);
        assertThat(tokens.fetchToken("case-views", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void a_token_is_stored_only_after_the_read_model_writes_its_batch_held_back() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> leaves = client.getDatabase("tokens-test").getCollection("ledger_leaves");
            List<Long> documentsWhenStored = new ArrayList<>();
            InMemoryTokenStore store = new InMemoryTokenStore() {
                @Override
                public void storeToken(TrackingToken token, String processorName, int segment) {
                    documentsWhenStored.add(leaves.countDocuments());
                    super.storeToken(token, processorName, segment);
                }
            };
            ThrottledClaimExtensions tokens = new ThrottledClaimExtensions(store, Duration.ofSeconds(3), Clock.systemUTC());
            tokens.initializeTokenSegments("ledger-tree", 1);
            tokens.fetchToken("ledger-tree", 0);

            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
            // as Axon's tracking processor does: the token's step registered first, before any handler ran
            batch.onPrepareCommit(u -> tokens.storeToken(new GlobalSequenceTrackingToken(1), "ledger-tree", 0));
            BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", 0L)));
            BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", 1L)));
            batch.commit();

            assertThat(documentsWhenStored).as("documents in the store as the token was stored").containsExactly(2L);
            assertThat(leaves.countDocuments()).isEqualTo(2);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void a_claim_whose_batch_outlasts_the_claim_timeout_is_kept_from_another_node() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            Duration claimTimeout = Duration.ofSeconds(2);
            TokenStore nodeA = mongoTokens(client, "node-a", claimTimeout), nodeB = mongoTokens(client, "node-b", claimTimeout);
            ThrottledClaimExtensions a = new ThrottledClaimExtensions(nodeA, claimTimeout.dividedBy(3), Duration.ofMinutes(10), Clock.systemUTC(), false);
            a.initializeTokenSegments("public-feed", 1);
            nodeA.initializeTokenSegments("unkept", 1);
            a.fetchToken("public-feed", 0); // node A claims both and begins a batch on each
            nodeA.fetchToken("unkept", 0);
            Instant claimed = Instant.now();

            while (Instant.now().isBefore(claimed.plus(claimTimeout).plusMillis(500))) Thread.sleep(50); // the batches outlast the timeout
            a.keepRunningBatchesClaimed();

            // node B tries the kept claim first, right after it was kept (2 s before it could run out again)
            assertThatThrownBy(() -> nodeB.fetchToken("public-feed", 0)).isInstanceOf(UnableToClaimTokenException.class);
            assertThat(nodeB.fetchToken("unkept", 0)).as("a claim nobody kept is taken once it has run out").isNull();
            a.storeToken(new GlobalSequenceTrackingToken(1_000), "public-feed", 0); // node A's batch ends: its token is stored
            assertThat(a.fetchToken("public-feed", 0)).isEqualTo(new GlobalSequenceTrackingToken(1_000));
            assertThatThrownBy(() -> nodeA.storeToken(new GlobalSequenceTrackingToken(1_000), "unkept", 0))
                    .as("the unkept batch is thrown away at its end").isInstanceOf(UnableToClaimTokenException.class);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void a_processor_not_heard_from_for_longer_than_its_longest_batch_lets_its_claim_run_out() {
        CountingStore store = new CountingStore();
        LedgerClock clock = LedgerClock.settable(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC), Duration.ZERO);
        ThrottledClaimExtensions tokens = new ThrottledClaimExtensions(store, Duration.ofSeconds(3), Duration.ofSeconds(20), clock, false);
        tokens.initializeTokenSegments("case-views", 1);
        tokens.fetchToken("case-views", 0);

        for (int second = 1; second <= 25; second++) { // a batch running 25 s, the keeper looking each second
            clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(1)));
            tokens.keepRunningBatchesClaimed();
        }
        assertThat(store.extensions).as("kept at 3, 6, ... 18 s, not from 20 s on").hasSize(6);

        tokens.storeToken(new GlobalSequenceTrackingToken(7), "case-views", 0); // heard from again: kept again
        clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(3)));
        tokens.keepRunningBatchesClaimed();
        assertThat(store.extensions).hasSize(7);

        tokens.releaseClaim("case-views", 0); // released: nothing to keep
        clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(3)));
        tokens.keepRunningBatchesClaimed();
        assertThat(store.extensions).hasSize(7);
    }

    @Test
    void a_claim_another_node_took_is_let_go_and_one_the_store_did_not_answer_for_is_tried_again() {
        List<String> tried = new ArrayList<>();
        RuntimeException[] answer = {new UnableToClaimTokenException("owned by node-b")};
        InMemoryTokenStore store = new InMemoryTokenStore() {
            @Override
            public void extendClaim(String processorName, int segment) {
                tried.add(processorName);
                throw answer[0];
            }
        };
        LedgerClock clock = LedgerClock.settable(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC), Duration.ZERO);
        ThrottledClaimExtensions tokens = new ThrottledClaimExtensions(store, Duration.ofSeconds(3), Duration.ofMinutes(10), clock, false);
        tokens.initializeTokenSegments("public-feed", 1);
        tokens.initializeTokenSegments("case-views", 1);
        tokens.fetchToken("public-feed", 0);
        clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(4)));
        tokens.keepRunningBatchesClaimed();
        tokens.keepRunningBatchesClaimed();
        assertThat(tried).as("taken: tried once, then left to the processor's next write").containsExactly("public-feed");

        answer[0] = new com.mongodb.MongoSocketReadTimeoutException("no answer", new com.mongodb.ServerAddress(), new java.io.IOException());
        tokens.fetchToken("case-views", 0);
        clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(4)));
        tokens.keepRunningBatchesClaimed();
        tokens.keepRunningBatchesClaimed();
        assertThat(tried).as("no answer: tried at each look").containsExactly("public-feed", "case-views", "case-views");
    }

    @Test
    void the_keeper_runs_on_its_own_until_closed() throws Exception {
        CountingStore store = new CountingStore();
        try (ThrottledClaimExtensions tokens = new ThrottledClaimExtensions(store, Duration.ofMillis(100), Duration.ofMinutes(10), Clock.systemUTC(), true)) {
            tokens.initializeTokenSegments("penalty-history", 1);
            tokens.fetchToken("penalty-history", 0);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (store.extensions.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(store.extensions).as("extended by the keeper alone").isNotEmpty().allMatch("penalty-history/0"::equals);
        }
    }

    /**
     * Two nodes, one tracking processor each on one segment, one token store with a 2 s claim timeout, batches of 10
     * events handled in 300 ms each (3 s a batch). Without the keeper the other node takes the segment 2–2.5 s into
     * every batch and the first node's token write fails at its end: the first batch was handled 55 times in 2 minutes
     * and no token was ever stored (stop 48, {@code results/2026-12-03-claims-and-hangups-s48/TwoNodes.java}). With it
     * the catch-up finishes; the test asks no more than that, so a stall of the machine that lets one claim run out
     * costs a repeated batch, not the test.
     */
    @Test
    void two_nodes_finish_a_catch_up_whose_batches_outlast_the_claim_timeout() throws Exception {
        Duration claimTimeout = Duration.ofSeconds(2);
        int events = 20;
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore eventStore = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore
                .builder().storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        for (int i = 0; i < events; i++) eventStore.publish(GenericEventMessage.asEventMessage(i));
        java.util.Map<Integer, java.util.List<String>> handled = new java.util.concurrent.ConcurrentHashMap<>();
        List<org.axonframework.eventhandling.TrackingEventProcessor> nodes = new ArrayList<>();
        List<ThrottledClaimExtensions> keepers = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            for (String node : List.of("node-a", "node-b")) {
                ThrottledClaimExtensions tokens = new ThrottledClaimExtensions(mongoTokens(client, node, claimTimeout),
                        claimTimeout.dividedBy(3), Duration.ofMinutes(10), Clock.systemUTC(), true);
                keepers.add(tokens);
                org.axonframework.eventhandling.EventMessageHandler slow = new org.axonframework.eventhandling.EventMessageHandler() {
                    @Override
                    public Object handle(org.axonframework.eventhandling.EventMessage<?> event) throws Exception {
                        handled.computeIfAbsent((Integer) event.getPayload(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(node);
                        Thread.sleep(300); // the handler's work
                        return null;
                    }
                };
                nodes.add(org.axonframework.eventhandling.TrackingEventProcessor.builder().name("public-feed")
                        .eventHandlerInvoker(org.axonframework.eventhandling.SimpleEventHandlerInvoker.builder().eventHandlers(slow).build())
                        .messageSource(eventStore).tokenStore(tokens)
                        .transactionManager(org.axonframework.common.transaction.NoTransactionManager.INSTANCE)
                        .trackingEventProcessorConfiguration(org.axonframework.eventhandling.TrackingEventProcessorConfiguration
                                .forSingleThreadedProcessing().andBatchSize(10)
                                .andTokenClaimInterval(500, java.util.concurrent.TimeUnit.MILLISECONDS)
                                .andInitialTrackingToken(source -> source.createTailToken()))
                        .build());
            }
            nodes.forEach(org.axonframework.eventhandling.TrackingEventProcessor::start);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!storedPast(client, events - 1) && System.nanoTime() < deadline) Thread.sleep(100);

            assertThat(storedPast(client, events - 1)).as("the token stored past the last event; handlings: %s", handled).isTrue();
            assertThat(handled).as("every event handled").hasSize(events);
        } finally {
            nodes.forEach(org.axonframework.eventhandling.TrackingEventProcessor::shutDown);
            keepers.forEach(ThrottledClaimExtensions::close);
            server.shutdownNow();
        }
    }

    /** The segment's token as stored has reached {@code index} (read from the collection: fetching it would claim it). */
    private static boolean storedPast(MongoClient client, long index) {
        Document stored = client.getDatabase("claims-test").getCollection("trackingtokens").find(new Document("processorName", "public-feed")).first();
        if (stored == null || !(stored.get("token") instanceof org.bson.types.Binary token)) return false;
        TrackingToken tracked = Jackson3Serializer.builder().build().deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                token.getData(), byte[].class, stored.getString("tokenType"), null));
        return tracked != null && tracked.position().orElse(-1) >= index;
    }

    private static TokenStore mongoTokens(MongoClient client, String node, Duration claimTimeout) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("claims-test")).build())
                .serializer(Jackson3Serializer.builder().build())
                .nodeId(node)
                .claimTimeout(claimTimeout)
                .build();
    }
}
