package org.gongshi.projections.cases;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.gongshi.projections.writes.BatchedWrites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A case as it stood: the {@link CaseViewProjection} itself, run in memory over the case's events up
 * to a moment, into a scratch database of its own that is dropped afterwards. The fold is the
 * projection's; nothing of it is repeated here.
 */
public final class CaseViewReplay {

    private final Supplier<MongoDatabase> scratch;

    /** @param scratch a fresh, empty database for each replay (dropped when the replay ends) */
    public CaseViewReplay(Supplier<MongoDatabase> scratch) {
        this.scratch = scratch;
    }

    /**
     * The view of {@code caseId} after {@code events}, the case's own events in their order (its
     * aggregate stream), or empty if they do not file it.
     */
    public Optional<CaseView> replay(String caseId, List<? extends EventMessage<?>> events) {
        MongoDatabase database = scratch.get();
        try {
            CaseViews views = new CaseViews(database);
            AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(views.collection()));
            List<EventMessage<?>> tracked = new ArrayList<>(events.size());
            long position = 0;
            for (EventMessage<?> event : events) {
                position++; // the stream's order stands for the global order within one case
                tracked.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), event));
            }
            BatchedWrites.handleAsOneBatch(tracked, projection); // the case folded in memory, written once
            return views.find(caseId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot replay case " + caseId + ": " + e.getMessage(), e);
        } finally {
            database.drop();
        }
    }
}
