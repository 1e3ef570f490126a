package org.gongshi.projections.writes;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.Function;

/**
 * What a single-writer projection works out once per batch of events (the tracking processor's unit of work) rather
 * than once per event: which of the batch's events it has already applied, where its log stands. One lookup a batch
 * where there was one an event (issue 13).
 */
public final class Batches {

    private Batches() {
    }

    /**
     * The {@code type} state of the current batch, made by {@code make} from the identifiers of the batch's events the
     * first time it is asked for; outside a unit of work (a handler called directly) made afresh, from no identifiers.
     */
    public static <T> T state(Class<T> type, Function<List<String>, T> make) {
        if (!CurrentUnitOfWork.isStarted()) return make.apply(List.of());
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        T existing = root.getResource(type.getName());
        if (existing != null) return existing;
        // made, then kept: making it may keep resources of its own in the unit of work (BatchedWrites.atBatchEnd)
        T made = make.apply(root instanceof BatchingUnitOfWork<?> batch ? batch.getMessages().stream().map(m -> m.getIdentifier()).toList()
                : List.of(root.getMessage().getIdentifier()));
        root.resources().put(type.getName(), made);
        return made;
    }
}
