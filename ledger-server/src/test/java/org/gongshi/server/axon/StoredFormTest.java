package org.gongshi.server.axon;

import com.google.protobuf.ByteString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.event.axon.GrpcBackedDomainEventData;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.projections.ledger.StoredEvents;
import org.gongshi.projections.ledger.StoredForm;
import org.gongshi.projections.privacy.PersonalDataSeal;
import org.gongshi.projections.privacy.SealingSerializer;
import org.gongshi.projections.privacy.SubjectKeys;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's leaves and the auditors' histories take an event's payload as the store holds it, in both profiles. Against a real
 * Axon Server (SE 2023.2.1, 2026-12-05) a natural person's events had leaves that matched no stored bytes (their sealed fields were
 * sealed again under a fresh nonce: {@code leafMatches} false in the audit history) and, once the person's key was deleted, the
 * audit history answered 500: Axon Server's connector reads events with its own wrapper of the event serializer, and Axon hands the
 * stored bytes only to a serializer equal to the one that read them. The bureau views' dead letters keep the payload as stored too:
 * serialized again, a shredded person's event could not be parked at all. The messages here are read as the connector reads them.
 */
class StoredFormTest {

    static final String SUBJECT = "case-stored-form";

    MongoServer server;
    MongoClient client;
    SubjectKeys keys;
    Serializer eventSerializer;
    byte[] stored;

    @BeforeEach
    void storeANaturalPersonsFiling() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        keys = new SubjectKeys(client.getDatabase("keys"), Clock.systemUTC());
        eventSerializer = new SealingSerializer(Jackson3Serializer.builder().build(), new PersonalDataSeal(keys));
        CaseFiled filed = new CaseFiled(SUBJECT, "11110105MB0000000X", "北京市朝阳区市场监督管理局", "110105", LocalDate.of(2026, 2, 10),
                IpType.COPYRIGHT, "销售盗版图书", Procedure.ORDINARY, "举报",
                new Party(PartyKind.NATURAL_PERSON, "刘示例", null, "440305198506123021", null),
                new Deadline(LocalDate.of(2026, 5, 11), false), LocalDate.of(2026, 8, 9), "v");
        stored = eventSerializer.serialize(filed, byte[].class).getData();
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains(PersonalDataSeal.PREFIX).doesNotContain("刘示例");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void an_event_read_from_axon_server_gives_its_stored_payload_to_the_ledger_before_and_after_its_subjects_key_is_deleted() {
        DomainEventMessage<?> read = readAsAxonServerDoes();
        StoredForm storedForm = AxonWiring.storedForm(eventSerializer, true);

        assertThat(storedForm.payload(read)).isEqualTo(stored);
        assertThat(read.serializePayload(eventSerializer, byte[].class).getData())
                .as("the event serializer itself is not the one the connector read with: it seals the name again, under a fresh nonce")
                .isNotEqualTo(stored);
        assertThat(StoredEvents.leafOf(read, 7, storedForm).leafHash()).as("the leaf is reproducible from the stored event")
                .isEqualTo(StoredEvents.leafOf(readAsAxonServerDoes(), 7, storedForm).leafHash());

        assertThat(keys.delete(SUBJECT)).isTrue();
        DomainEventMessage<?> readAfterShredding = readAsAxonServerDoes();
        assertThat(storedForm.payload(readAfterShredding)).as("still the stored bytes, sealed as they always were").isEqualTo(stored);
        assertThatThrownBy(() -> readAfterShredding.serializePayload(eventSerializer, byte[].class))
                .as("what the audit history answered 500 for").hasMessageContaining("shredded");
    }

    @Test
    void an_event_read_from_the_embedded_store_gives_its_stored_payload_through_the_event_serializer_itself() {
        DomainEventData<byte[]> entry = new GenericDomainEventEntry<>("Case", SUBJECT, 0, "event-1", Instant.parse("2026-02-10T01:00:00Z"),
                CaseFiled.class.getName(), null, stored, "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(entry), eventSerializer,
                NoOpEventUpcaster.INSTANCE).next();

        assertThat(AxonWiring.storedForm(eventSerializer, false).payload(read)).isEqualTo(stored);
        assertThat(keys.delete(SUBJECT)).isTrue();
        assertThat(AxonWiring.storedForm(eventSerializer, false).payload(read)).isEqualTo(stored);
    }

    @Test
    void a_bureau_view_parks_an_event_read_from_axon_server_with_its_stored_payload_after_its_subjects_key_is_deleted() {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("views"))
                .deadLetterCollectionName(ProcessorErrorHandling.DEAD_LETTERS).build();
        StoredForm storedForm = AxonWiring.storedForm(eventSerializer, true);
        var queue = ProcessorErrorHandling.deadLetterQueue("cases", template, eventSerializer, () -> storedForm);
        var axonsOwn = MongoSequencedDeadLetterQueue.<EventMessage<?>>builder().processingGroup("cases").mongoTemplate(template)
                .serializer(eventSerializer).build();
        assertThat(keys.delete(SUBJECT)).isTrue();

        assertThatThrownBy(() -> axonsOwn.enqueue(SUBJECT, letterOf(readAsAxonServerDoes())))
                .as("Axon's own conversion serializes the payload again, which it cannot once the key is deleted").hasMessageContaining("shredded");
        queue.enqueue(SUBJECT, letterOf(readAsAxonServerDoes()));

        Document letter = client.getDatabase("views").getCollection(ProcessorErrorHandling.DEAD_LETTERS).find().first();
        assertThat(letter).isNotNull();
        assertThat(letter.get("message", Document.class).getString("serializedPayload")).as("the letter's payload: the stored bytes, sealed")
                .isEqualTo(new String(stored, StandardCharsets.UTF_8));
        DeadLetter<? extends EventMessage<?>> parked = queue.deadLetterSequence(SUBJECT).iterator().next();
        assertThat(parked.message().getPayload()).isInstanceOfSatisfying(CaseFiled.class,
                filed -> assertThat(filed.party().name()).isEqualTo(PersonalData.SHREDDED));
        assertThat(parked.message()).isInstanceOfSatisfying(TrackedEventMessage.class,
                tracked -> assertThat(tracked.trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(7)));
    }

    /** As a processor hands a failed event to its dead-letter queue: tracked, at position 7. */
    private static GenericDeadLetter<EventMessage<?>> letterOf(DomainEventMessage<?> read) {
        return new GenericDeadLetter<>(SUBJECT, new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(7), read),
                new IllegalStateException("a handler failed"));
    }

    /** As Axon Server's connector reads an aggregate's event: gRPC event data, deserialized through a wrapper of its own. */
    private DomainEventMessage<?> readAsAxonServerDoes() {
        Event event = Event.newBuilder().setMessageIdentifier("event-1").setAggregateType("Case").setAggregateIdentifier(SUBJECT)
                .setAggregateSequenceNumber(0).setTimestamp(Instant.parse("2026-02-10T01:00:00Z").toEpochMilli())
                .setPayload(SerializedObject.newBuilder().setType(CaseFiled.class.getName()).setData(ByteString.copyFrom(stored)))
                .build();
        return EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(new GrpcBackedDomainEventData(event)),
                new GrpcMetaDataAwareSerializer(eventSerializer), NoOpEventUpcaster.INSTANCE).next();
    }
}
