package org.gongshi.projections.ledger;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * How an event read back from the event store hands back its payload exactly as stored: through a serializer equal to
 * the one the store read it with. Axon's {@code SerializedMessage} returns its stored bytes only to such a serializer,
 * and serializes the payload afresh for any other. Afresh, a sealed personal field was sealed again under a fresh
 * nonce: the ledger tree's leaf then hashed bytes that no store holds, so an auditor's own check of the stored event
 * against its leaf failed, and once the subject's key was deleted the payload could not be given at all (the audit
 * history answered 500, and a replay of the ledger tree would stop on it). The embedded store reads with the event
 * serializer itself; Axon Server's connector reads with a wrapper of it of its own ({@code
 * GrpcMetaDataAwareSerializer}), equal to any other wrapper of the same serializer.
 *
 * @param readWith a serializer equal to the one the event store reads events with
 */
public record StoredForm(Serializer readWith) {

    /** The payload's bytes as stored. */
    public byte[] payload(EventMessage<?> message) {
        return serializedPayload(message).getData();
    }

    /** The payload as stored: its bytes, type and revision. */
    public SerializedObject<byte[]> serializedPayload(EventMessage<?> message) {
        return message.serializePayload(readWith, byte[].class);
    }
}
