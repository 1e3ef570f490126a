import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.*;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

/**
 * Two nodes, one tracking processor each, one segment, one MongoTokenStore (claim timeout 2 s) on an embedded
 * mongo-java-server and one event store: 40 events, each handled in 300 ms, batches of 10 (3 s, longer than the claim
 * timeout). Prints how often each event was handled, with and without the ledger's claim keeper
 * (ThrottledClaimExtensions, as AxonWiring builds it: extensions every third of the timeout).
 * usage (in the repository, after a build): ./mvnw -q dependency:build-classpath -pl ledger-server
 *   -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test; java -cp ledger-server/target/classes:$(cat ledger-server/cp.txt)
 *   ledger-bench/results/2026-12-03-claims-and-hangups-s48/TwoNodes.java keep|nokeep
 */
public class TwoNodes {
    public static void main(String[] args) throws Exception {
        boolean keep = args[0].equals("keep");
        Duration claimTimeout = Duration.ofSeconds(2);
        int events = 40;
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int i = 0; i < events; i++) store.publish(GenericEventMessage.asEventMessage(i));
        Map<Integer, List<String>> handled = new ConcurrentHashMap<>();
        List<TrackingEventProcessor> processors = new ArrayList<>();
        List<TokenStore> tokenStores = new ArrayList<>();
        long start = System.nanoTime();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            for (String node : List.of("node-a", "node-b")) {
                TokenStore mongo = MongoTokenStore.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("two-nodes")).build())
                        .serializer(Jackson3Serializer.builder().build()).nodeId(node).claimTimeout(claimTimeout).build();
                Class<?> type = Class.forName("org.gongshi.server.axon.ThrottledClaimExtensions");
                Constructor<?> c = type.getDeclaredConstructor(TokenStore.class, Duration.class, Duration.class, Clock.class, boolean.class);
                c.setAccessible(true);
                TokenStore tokens = (TokenStore) c.newInstance(mongo, claimTimeout.dividedBy(3), Duration.ofMinutes(10), Clock.systemUTC(), keep);
                tokenStores.add(tokens);
                EventMessageHandler handler = new EventMessageHandler() {
                    @Override
                    public Object handle(EventMessage<?> event) throws Exception {
                        handled.computeIfAbsent((Integer) event.getPayload(), k -> new CopyOnWriteArrayList<>()).add(node);
                        Thread.sleep(300);
                        return null;
                    }
                };
                TrackingEventProcessor p = TrackingEventProcessor.builder().name("slow")
                        .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                        .messageSource(store).tokenStore(tokens).transactionManager(NoTransactionManager.INSTANCE)
                        .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(10).andTokenClaimInterval(500, TimeUnit.MILLISECONDS)
                                .andInitialTrackingToken(s -> s.createTailToken()))
                        .build();
                processors.add(p);
            }
            processors.forEach(TrackingEventProcessor::start);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && !done(tokenStores.get(0), events)) Thread.sleep(100);
            double seconds = (System.nanoTime() - start) / 1e9;
            processors.forEach(TrackingEventProcessor::shutDown);
            long handlings = handled.values().stream().mapToLong(List::size).sum();
            long repeated = handled.values().stream().filter(l -> l.size() > 1).count();
            System.out.printf("%s: all %d events' token stored: %s after %.1f s; %d handlings, %d events handled more than once, by node: %s%n",
                    keep ? "keeper" : "no keeper", events, done(tokenStores.get(0), events), seconds, handlings, repeated,
                    handled.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.groupingBy(n -> n, TreeMap::new, java.util.stream.Collectors.counting())));
        } finally {
            server.shutdownNow();
        }
    }

    /** The segment's stored token has passed the last event (read without claiming: the collection's document). */
    private static boolean done(TokenStore tokens, int events) throws Exception {
        TokenStore mongo = (TokenStore) tokens.getClass().getMethod("delegate").invoke(tokens);
        // fetchToken would claim; the stored document is read through the template instead
        var field = MongoTokenStore.class.getDeclaredField("mongoTemplate");
        field.setAccessible(true);
        var template = (org.axonframework.extensions.mongo.MongoTemplate) field.get(mongo);
        var doc = template.trackingTokensCollection().find(new org.bson.Document("processorName", "slow")).first();
        if (doc == null || doc.get("token") == null) return false;
        String json = new String(((org.bson.types.Binary) doc.get("token")).getData());
        var m = java.util.regex.Pattern.compile("\"globalIndex\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() && Long.parseLong(m.group(1)) >= events - 1;
    }
}
