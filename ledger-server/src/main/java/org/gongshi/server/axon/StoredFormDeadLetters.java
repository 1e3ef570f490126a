package org.gongshi.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEventEntry;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterMongoConverter;
import org.axonframework.extensions.mongo.eventhandling.deadletter.EventMessageDeadLetterMongoConverter;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.gongshi.projections.ledger.StoredForm;

import java.util.function.Supplier;

/**
 * Dead letters that keep an event's payload as the event store holds it ({@link StoredForm}), and otherwise Axon's own
 * conversion. Axon's queue serializes a dead letter's payload with its serializer, the event serializer, which on Axon
 * Server is not the one the connector read the event with: the payload was serialized afresh, a natural person's
 * sealed fields sealed again, and once the person's key was deleted not at all: the enqueue threw, and a bureau view that
 * failed on such an event stopped on it instead of parking it. Here the letter carries the stored bytes, which the queue's
 * serializer opens as it opens the store's.
 */
final class StoredFormDeadLetters implements DeadLetterMongoConverter<EventMessage<?>> {

    private final EventMessageDeadLetterMongoConverter axons = new EventMessageDeadLetterMongoConverter();
    private final Supplier<StoredForm> storedForm;

    StoredFormDeadLetters(Supplier<StoredForm> storedForm) {
        this.storedForm = storedForm;
    }

    @Override
    public DeadLetterEventEntry convert(EventMessage<?> message, Serializer serializer) {
        return axons.convert(withStoredPayload(message, serializer), serializer);
    }

    @Override
    public EventMessage<?> convert(DeadLetterEventEntry entry, Serializer serializer) {
        return axons.convert(entry, serializer);
    }

    @Override
    public boolean canConvert(DeadLetterEventEntry entry) {
        return axons.canConvert(entry);
    }

    @Override
    public boolean canConvert(EventMessage<?> message) {
        return axons.canConvert(message);
    }

    /**
     * The same message, of the same kind, whose payload {@code serializer} hands back as stored rather than serializing
     * it again; its metadata as read. A message not read from the store (no tracking token) as it is.
     */
    EventMessage<?> withStoredPayload(EventMessage<?> message, Serializer serializer) {
        if (!(message instanceof TrackedEventMessage<?> tracked)) return message;
        SerializedMessage<?> asStored = new SerializedMessage<>(message.getIdentifier(),
                new LazyDeserializingObject<>(storedForm.get().serializedPayload(message), serializer),
                new LazyDeserializingObject<>(message.getMetaData()));
        if (message instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage<>(tracked.trackingToken(), domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), asStored, message::getTimestamp);
        }
        return new GenericTrackedEventMessage<>(tracked.trackingToken(), asStored, message::getTimestamp);
    }
}
