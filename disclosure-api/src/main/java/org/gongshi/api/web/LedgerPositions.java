package org.gongshi.api.web;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Where the ledger and its views stand, as any API node can learn it: the ledger's head from the
 * event store (the embedded store or Axon Server), and how far each view has come from its
 * processor's tokens in MongoDB, read with the serializer that wrote them, without claiming them.
 * An API node runs no processors, so the tokens are the one place that knows; a token is stored
 * after the documents its events wrote, so a view whose every segment has passed a position serves
 * everything up to it. Blocking (event store and MongoDB): call off the event loop.
 */
public class LedgerPositions {

    private final StreamableMessageSource<?> ledger;
    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    /**
     * @param ledger     the event store
     * @param tokens     the token store's collection (Axon's Mongo token store layout)
     * @param serializer the serializer the token store writes with
     */
    public LedgerPositions(StreamableMessageSource<?> ledger, MongoCollection<Document> tokens, Serializer serializer) {
        this.ledger = ledger;
        this.tokens = tokens;
        this.serializer = serializer;
    }

    /**
     * The position of the newest event in the ledger, or -1 when it holds none. Taken after a command
     * completed it is at or after the command's last event, on the commit-ordered embedded store (an
     * event's index is never below one committed earlier) and on Axon Server (tokens are given at commit).
     */
    public long head() {
        return position(ledger.createHeadToken());
    }

    /** Whether every segment of the processor {@code processor} has handled all events up to {@code position}. */
    public boolean passed(String processor, long position) {
        List<TrackingToken> segments = segments(processor);
        return !segments.isEmpty() && segments.stream().allMatch(token -> covers(token, position));
    }

    /** How far the processor has come: the lowest position over its segments, -1 if it has not started. */
    public long at(String processor) {
        List<TrackingToken> segments = segments(processor);
        return segments.isEmpty() ? -1 : segments.stream().mapToLong(LedgerPositions::position).min().orElse(-1);
    }

    /**
     * How far each processor of the cluster has come, by the furthest of its segments (-1 for one not started): every
     * processor with a token, whichever node runs it. A node that runs none (an API node) learns from it whether the read
     * models have passed the event store's head (an event store older than they are).
     */
    public java.util.Map<String, Long> furthest() {
        java.util.Map<String, Long> furthest = new java.util.TreeMap<>();
        for (Document entry : tokens.find()) {
            String processor = entry.getString("processorName");
            if (processor != null) furthest.merge(processor, position(token(entry)), Math::max);
        }
        return furthest;
    }

    private List<TrackingToken> segments(String processor) {
        List<TrackingToken> found = new ArrayList<>();
        for (Document entry : tokens.find(eq("processorName", processor))) {
            found.add(token(entry));
        }
        return found;
    }

    private TrackingToken token(Document entry) {
        Object data = entry.get("token");
        String type = entry.getString("tokenType");
        if (data == null || type == null) return null;
        if (!(data instanceof Binary binary)) {
            throw new IllegalStateException("token of " + entry.get("processorName") + " is stored as " + data.getClass().getSimpleName()
                    + "; the token store is expected to store serialized bytes");
        }
        return serializer.deserialize(new SimpleSerializedObject<>(binary.getData(), byte[].class, type, null));
    }

    /**
     * Whether a token has passed {@code position}: a replay counts by how far it has rebuilt, a
     * gap-aware token (the embedded store) not while {@code position} is one of its gaps.
     */
    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return position(current) >= position;
    }

    static long position(TrackingToken token) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return current == null ? -1 : current.position().orElse(-1);
    }
}
