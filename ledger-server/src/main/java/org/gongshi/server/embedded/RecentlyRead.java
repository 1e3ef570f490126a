package org.gongshi.server.embedded;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The events read from the store most recently, by global index, so that processors catching up side by side share
 * one message per event, and with it one deserialization of its payload and metadata and one parse of its timestamp
 * (each is done lazily, once, by whichever processor asks first). Without it every processor of a rebuild deserialized
 * every event for itself: 6.5 % of a rebuild's JFR samples at 10,000 cases, and Axon's timestamp parse 4.2 % (5.9 and
 * 1.4 % with it and the engine's tokens; issue 13, stop 58). Processors at the head already share one message per event
 * (the event store's producer); this serves those reading behind it, each on a stream of its own.
 *
 * <p>A message handed out again carries the reading stream's own tracking token; only its content is shared, which is
 * immutable (the payloads are records, the metadata an immutable map, and a message's lazy parts are set once). It is
 * the event as the store's serializer reads it, as each processor read it before: nothing is seen that was not.
 * A slot holds one event; one that a later event has taken over is read and deserialized again. Deleting a data subject's
 * key empties every slot ({@link #clear}): a message deserialized before showed the subject's data in clear.
 */
final class RecentlyRead {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecentlyRead.class);

    /**
     * Events kept. The processors of a rebuild run far apart (the ledger tree ahead, the case views behind): of the
     * reads of a rebuild of 56,495 events, 8,192 kept served 23 % an event already read, 16,384 kept 45 %, 32,768 kept
     * 68 % (issue 13, stop 58).
     */
    static final int EVENTS = 16384;

    private final AtomicReferenceArray<Read> slots = new AtomicReferenceArray<>(EVENTS);
    private final LongAdder shared = new LongAdder();
    private final LongAdder read = new LongAdder();

    private record Read(long globalIndex, String eventId, TrackedEventMessage<?> message) {}

    /**
     * The message already read for {@code fresh}'s event, with {@code fresh}'s tracking token; else {@code fresh}, kept
     * for the next reader. An event without a global position is passed through.
     */
    TrackedEventMessage<?> share(TrackedEventMessage<?> fresh) {
        var position = fresh.trackingToken().position();
        if (position.isEmpty()) return fresh;
        long globalIndex = position.getAsLong();
        int slot = (int) Math.floorMod(globalIndex, (long) EVENTS);
        Read earlier = slots.get(slot);
        read.increment();
        if (log.isDebugEnabled() && read.sum() % 100_000 == 0) log.debug("Events read {}, of them shared {}", read.sum(), shared.sum());
        if (earlier != null && earlier.globalIndex() == globalIndex && earlier.eventId().equals(fresh.getIdentifier())) {
            shared.increment();
            return earlier.message().withTrackingToken(fresh.trackingToken());
        }
        slots.set(slot, new Read(globalIndex, fresh.getIdentifier(), fresh));
        return fresh;
    }

    /**
     * Forgets every event kept: called once a data subject's key is deleted ({@code SubjectKeys#onDelete}), as an event
     * kept here may have been deserialized with the subject's data in clear; read again, it shows them shredded.
     */
    void clear() {
        for (int slot = 0; slot < EVENTS; slot++) slots.set(slot, null);
    }

    /** How many reads were served a message already read, of all reads (for the log and tests). */
    long shared() {
        return shared.sum();
    }

    long reads() {
        return read.sum();
    }
}
