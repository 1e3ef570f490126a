package org.gongshi.server.axon;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message identifiers that sort by the time they were made (UUID version 7, RFC 9562: 48 bits of Unix milliseconds, then
 * a counter within the millisecond, then random bits), Axon's {@link IdentifierFactory} for this process
 * ({@code META-INF/services}). The event table's unique index on the event identifier then grows at its end, as the
 * global index does, instead of taking every event into a random page of the whole index: one commit changes a few
 * pages of that index instead of one page per event, and the embedded store writes every changed page whole on each
 * commit (issue 13).
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private long lastMillis;
    private int counter;

    @Override
    public String generateIdentifier() {
        long millis;
        int sequence;
        synchronized (this) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis && ++counter > 0xFFF) { // 4,096 in one millisecond: borrow the next one
                millis++;
                counter = 0;
            } else if (millis != lastMillis) {
                counter = 0;
            }
            lastMillis = millis;
            sequence = counter;
        }
        long high = millis << 16 | 0x7000L | sequence;
        long low = ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
