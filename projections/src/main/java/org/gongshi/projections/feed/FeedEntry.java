package org.gongshi.projections.feed;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * One entry of the public feed: sequence number {@code seq} (0, 1, 2, … gapless, never reused), the
 * CloudEvent it serves as one JSON line, exactly the bytes that are hashed into the Merkle tree
 * ({@code leafHash} = SHA-256(0x00 || line)). {@code eventId} is the ledger event it came from (the
 * CloudEvent's {@code id}), so a redelivered event is recognised and appended only once;
 * {@code globalIndex} is that event's position in the ledger.
 */
public record FeedEntry(
        @BsonId Long seq,
        String eventId,
        Long globalIndex,
        String type,
        String subject,
        String division,
        Instant time,
        String line,
        byte[] leafHash) {
}
