package org.gongshi.server.ops;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.ne;

/**
 * What every event processor is doing, as this node sees it: its segments, which node owns each,
 * how far each is behind the head of the ledger, whether it is stalled on an error, and how many
 * events it holds in its dead-letter queue. Health and metrics read it.
 */
public class Processors {

    /** MongoTokenStore's collection. */
    static final String TOKENS = "trackingtokens";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MongoDatabase database;
    private final Serializer serializer;

    public Processors(EventProcessingConfiguration processing, EventStore eventStore, MongoDatabase database, Serializer serializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.database = database;
        this.serializer = serializer;
    }

    /** One segment: its owner ({@code null} if unclaimed), the position its token has stored, the lag behind the head. */
    public record SegmentState(int segment, String owner, boolean ownedHere, Long position, Long lag, String error) {}

    /**
     * One processor. {@code state}: RUNNING (owns and processes segments here), STANDBY (running here
     * but another node owns every segment), STALLED (a segment here is retrying a failed event),
     * STOPPED. {@code lag} is the largest of its segments'.
     */
    public record ProcessorState(String name, String state, Long lag, long deadLetters, List<SegmentState> segments) {
        public boolean stalled() {
            return state.equals("STALLED") || state.equals("STOPPED");
        }
    }

    public OptionalLong head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    public List<ProcessorState> states() {
        OptionalLong head = head();
        List<ProcessorState> states = new ArrayList<>();
        for (String name : new TreeMap<>(processing.eventProcessors()).keySet()) state(name, head).ifPresent(states::add);
        return states;
    }

    /** The names of the streaming processors on this node. */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream().filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    public Optional<ProcessorState> state(String name) {
        return state(name, head());
    }

    /**
     * Why a processor's work cannot be done on this node, which does not run it: the node that holds one of its segments, from
     * the token store all nodes share, or that none does now (a review of the distributed profile, stop 77: an api node's
     * 409 did not say where to go).
     */
    public String notRunHere(String name) {
        Document held = database.getCollection(TOKENS).find(and(eq("processorName", name), gte("segment", 0), ne("owner", null))).first();
        return "processor " + name + " does not run on this node; " + (held == null
                ? "no node holds it now: ask a node of the projections role (README, Roles)"
                : "node '" + held.getString("owner") + "' holds its segment " + held.getInteger("segment") + ": ask that node");
    }

    private Optional<ProcessorState> state(String name, OptionalLong head) {
        if (!(processing.eventProcessors().get(name) instanceof StreamingEventProcessor processor)) return Optional.empty();
        Map<Integer, EventTrackerStatus> live = processor.processingStatus();
        List<SegmentState> segments = new ArrayList<>();
        Long maxLag = null;
        boolean error = processor.isError();
        for (Document token : database.getCollection(TOKENS).find(and(eq("processorName", name), gte("segment", 0)))) {
            int segment = token.getInteger("segment");
            EventTrackerStatus status = live.get(segment);
            Long position = status != null && status.getCurrentPosition().isPresent()
                    ? Long.valueOf(status.getCurrentPosition().getAsLong()) : storedPosition(token);
            Long lag = head.isPresent() ? Math.max(0, head.getAsLong() - (position == null ? -1 : position)) : null;
            if (lag != null) maxLag = maxLag == null ? lag : Math.max(maxLag, lag);
            String failure = status != null && status.isErrorState() ? String.valueOf(status.getError()) : null;
            error |= failure != null;
            segments.add(new SegmentState(segment, token.getString("owner"), status != null, position, lag, failure));
        }
        String state = !processor.isRunning() ? "STOPPED" : error ? "STALLED" : live.isEmpty() ? "STANDBY" : "RUNNING";
        return Optional.of(new ProcessorState(name, state, maxLag, deadLetters(name), segments));
    }

    public long deadLetters(String processingGroup) {
        return processing.deadLetterQueue(processingGroup).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private Long storedPosition(Document token) {
        try {
            Object raw = token.get("token");
            String type = token.getString("tokenType");
            if (raw == null || type == null) return null;
            byte[] bytes = raw instanceof Binary binary ? binary.getData() : raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            TrackingToken t = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
            return t == null ? null : t.position().isPresent() ? t.position().getAsLong() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
