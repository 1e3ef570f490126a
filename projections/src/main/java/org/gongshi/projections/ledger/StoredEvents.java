package org.gongshi.projections.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.gongshi.ledger.policy.Recording;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/** An event as the event store holds it, read for the ledger: its leaf and its stored payload. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /**
     * The payload exactly as stored, as JSON ({@link StoredForm}: the stored bytes of an event read from the store, never
     * serialized afresh).
     *
     * @throws IllegalArgumentException if the stored payload is not JSON
     */
    public static JsonNode payload(EventMessage<?> message, StoredForm storedForm) {
        byte[] stored = storedForm.payload(message);
        try {
            return LedgerLeaf.parsePayload(new String(stored, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the stored payload of event " + message.getIdentifier() + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The leaf of an event read from the store at {@code globalIndex}. */
    public static LedgerLeaf leafOf(EventMessage<?> message, long globalIndex, StoredForm storedForm) {
        String aggregateType = null, aggregateId = null;
        long sequence = -1;
        if (message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Recording recording = recording(message);
        return new LedgerLeaf(globalIndex, message.getIdentifier(), aggregateType, aggregateId, sequence,
                message.getPayloadType().getName(), recording.recordedAt(), recording.bureau(), recording.actor(),
                payload(message, storedForm));
    }

    /**
     * Who caused a stored event and when the ledger recorded it, from the metadata its command carried
     * ({@link Recording}: {@code actor}, {@code bureau}, {@code recordedAt} stamped by the ledger's clock
     * at dispatch). An event stored without {@code recordedAt} (before the ledger's clock stamped every
     * event) is recorded at its store timestamp, which the ledger's clock set too.
     */
    public static Recording recording(EventMessage<?> message) {
        Recording recording = Recording.from(message.getMetaData());
        return recording.recordedAt() != null ? recording
                : new Recording(recording.actor(), recording.bureau(), message.getTimestamp(), recording.historicalImport());
    }

    /** A metadata value as text, or null. */
    public static String metadata(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
