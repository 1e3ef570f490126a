package org.gongshi.projections.feed;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * One entry of the public feed: sequence number {@code seq} (0, 1, 2, … gapless, never reused), the
 * CloudEvent it serves as one JSON line, exactly the bytes that are hashed into the Merkle tree
 * ({@code leafHash} = SHA-256(0x00 || line)). {@code globalIndex} is the ledger event it came from,
 * so a redelivered event is recognised and appended only once.
 */
public record FeedEntry(
        @BsonId Long seq,
        Long globalIndex,
        String type,
        String subject,
        String division,
        Instant time,
        String line,
        byte[] leafHash) {
}
