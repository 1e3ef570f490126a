package org.gongshi.projections.ledger;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.gongshi.projections.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger tree's leaves, appended a batch at a time: numbered in event order without a gap, each event once however
 * often it is delivered, and a batch costs a few round trips to the store, not a few per event.
 */
class LedgerTreeProjectionTest {

    private InMemoryMongo mongo;
    private LedgerLeaves leaves;
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        leaves = new LedgerLeaves(mongo.database("ledger-tree"));
        leaves.ensureIndexes();
        projection = new AnnotationEventHandlerAdapter(new LedgerTreeProjection(leaves, new StoredForm(Jackson3Serializer.builder().build())));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static List<TrackedEventMessage<?>> events(int from, int toExclusive) {
        return IntStream.range(from, toExclusive).<TrackedEventMessage<?>>mapToObj(i -> new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(i), new GenericDomainEventMessage<>("Case", "case-" + (i % 7), i / 7, Map.of("amount", i),
                Map.of("bureau", "11110105MB0000001X"), "event-" + i, Instant.parse("2026-03-02T02:00:00Z").plusSeconds(i)))).toList();
    }

    /** Delivers {@code batch} as a tracking processor does: one unit of work, the handler once per event, then commit. */
    private void deliver(List<TrackedEventMessage<?>> batch) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        unit.executeWithResult(() -> {
            projection.handle(unit.getMessage());
            return null;
        });
    }

    @Test
    void a_batch_appends_its_leaves_in_event_order_and_a_redelivered_event_adds_none() throws Exception {
        int before = mongo.commandsSent();
        deliver(events(0, 60));
        int trips = mongo.commandsSent() - before;
        deliver(events(40, 100)); // a batch restarted midway: 20 events it has, 40 new ones

        List<LedgerLeaves.Leaf> stored = leaves.range(0, 1000);
        assertThat(stored).extracting(LedgerLeaves.Leaf::leafIndex).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> (long) i).toList());
        assertThat(stored).extracting(LedgerLeaves.Leaf::eventId).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "event-" + i).toList());
        assertThat(stored).extracting(LedgerLeaves.Leaf::globalIndex).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> (long) i).toList());
        assertThat(trips).as("round trips for a batch of 60 events").isLessThanOrEqualTo(4);
    }

    @Test
    void a_leaf_is_the_same_whether_its_event_came_alone_or_in_a_batch() throws Exception {
        deliver(events(0, 10));
        List<LedgerLeaves.Leaf> batched = leaves.range(0, 100);
        leaves.clear();
        for (TrackedEventMessage<?> event : events(0, 10)) projection.handle(event); // no unit of work: one at a time

        assertThat(leaves.range(0, 100)).usingRecursiveFieldByFieldElementComparator().isEqualTo(batched);
    }

    /**
     * Events as the store hands them over: payload and metadata serialized, deserialised only when asked for. The stored
     * payloads here are JSON objects named as {@code java.lang.Integer}, which no serializer can read back: a tree that
     * deserialised them (as it did while its handler took the payload as a parameter) fails on the first event.
     */
    @Test
    void a_leaf_is_made_from_the_stored_payload_without_deserialising_it() throws Exception {
        Jackson3Serializer json = Jackson3Serializer.builder().build();
        projection = new AnnotationEventHandlerAdapter(new LedgerTreeProjection(leaves, new StoredForm(json))); // the store's own serializer
        List<TrackedEventMessage<?>> stored = new ArrayList<>();
        for (TrackedEventMessage<?> event : events(0, 5)) {
            GenericDomainEventMessage<?> domain = (GenericDomainEventMessage<?>) event;
            SerializedObject<byte[]> payload = new SimpleSerializedObject<>(("{\"amount\":" + domain.getSequenceNumber() + "}")
                    .getBytes(StandardCharsets.UTF_8), byte[].class, Integer.class.getName(), null);
            SerializedMessage<?> serialized = new SerializedMessage<>(event.getIdentifier(), payload,
                    json.serialize(event.getMetaData(), byte[].class), json);
            stored.add(new GenericTrackedDomainEventMessage<>(event.trackingToken(), domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), serialized, event::getTimestamp));
        }
        deliver(stored);

        assertThat(leaves.range(0, 100)).extracting(LedgerLeaves.Leaf::eventId)
                .containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
    }
}
