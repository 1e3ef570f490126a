package org.gongshi.server.health;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.gongshi.server.embedded.AppendInProgress;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.gongshi.server.ops.Processors;
import org.gongshi.server.ops.Rebuilds;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/health} is UP only when the event store answers, the read-model MongoDB answers
 * and every event processor runs without error and without dead letters.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerHealth {

    /**
     * The event store: DOWN when it does not answer, or when an append has held it past {@link #STUCK_APPEND} (the embedded
     * default, {@link AppendInProgress}), a command's time many times over: no command can be recorded behind it, and a
     * restart ends it.
     */
    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore, org.springframework.beans.factory.ObjectProvider<AppendInProgress> appends) {
        return () -> {
            try {
                var head = eventStore.createHeadToken();
                Health.Builder health = Health.up().withDetail("engine", eventStore.getClass().getSimpleName())
                        .withDetail("head", head == null ? "empty" : String.valueOf(head.position().orElse(-1)));
                AppendInProgress watch = appends.getIfAvailable();
                var holder = watch == null ? java.util.Optional.<AppendInProgress.Holder>empty() : watch.current();
                if (holder.isPresent() && holder.get().held().compareTo(STUCK_APPEND) > 0) {
                    return health.down().withDetail("reason", "an append has held the event store for " + holder.get().held().toSeconds()
                            + " s (thread " + holder.get().thread() + "): no command can be recorded behind it; the log says what it"
                            + " waits on, and a restart ends it").build();
                }
                return health.build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    /** How long an append may hold the event store before health says it is stuck: twice a unit of work's timeout. */
    static final java.time.Duration STUCK_APPEND = java.time.Duration.ofSeconds(120);

    @Bean
    HealthIndicator readModelsHealthIndicator(MongoDatabase readModelDatabase) {
        return () -> {
            try {
                Document pong = readModelDatabase.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", readModelDatabase.getName()).withDetail("ping", pong.get("ok")).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    /**
     * Every processor: its state, lag behind the ledger's head, dead letters, and each segment with
     * the node that owns it. DOWN while a processor is stalled (retrying a failed event) or stopped, or
     * has passed an event the event store does not hold (its read model is ahead of the ledger: the event
     * store is older than the read models); DEGRADED while any holds dead letters; the reason names them.
     */
    @Bean
    HealthIndicator eventProcessorsHealthIndicator(Processors processors, org.springframework.beans.factory.ObjectProvider<Rebuilds> rebuilds) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            List<String> deadLettered = new ArrayList<>();
            List<Processors.ProcessorState> states;
            long head;
            try {
                states = processors.states();
                // the head read after the positions: an event appended meanwhile is no read model ahead of the ledger
                head = processors.head().orElse(-1);
            } catch (RuntimeException unreachable) {
                // the event store (Axon Server) does not answer: health says so, where the whole answer was the commands' 503 "no
                // command node" (a review of the distributed profile, stop 77)
                return Health.down().withDetail("reason", "the event store does not answer: " + unreachable.getMessage()).build();
            }
            for (Processors.ProcessorState state : states) {
                details.put(state.name(), state);
                if (state.deadLetters() > 0) deadLettered.add(state.name() + " holds " + state.deadLetters() + " dead letters");
            }
            Rebuilds running = rebuilds.getIfAvailable();
            List<String> switching = new ArrayList<>();
            List<String> stalled = stalled(states, name -> running != null && running.progress(name)
                    .map(p -> p.state().equals("SWITCHING")).orElse(false), switching);
            ahead(states, head).ifPresent(stalled::add);
            Health.Builder health = !stalled.isEmpty() ? Health.down() : !deadLettered.isEmpty() ? Health.status(DEGRADED) : Health.up();
            List<String> reasons = new ArrayList<>(stalled);
            reasons.addAll(deadLettered);
            reasons.addAll(switching);
            if (!reasons.isEmpty()) health.withDetail("reason", String.join("; ", reasons));
            return health.withDetails(details).build();
        };
    }

    /**
     * The processors stalled or stopped, but for one stopped while its rebuild switches in ({@code switchingIn}): that one is
     * said in {@code switching}, and leaves the node up (an operator's sweep, stop 74: readiness answered 503 through a
     * rebuild's switch, which the README says runs while the live view serves, and health named no rebuild).
     */
    static List<String> stalled(List<Processors.ProcessorState> states, java.util.function.Predicate<String> switchingIn, List<String> switching) {
        List<String> stalled = new ArrayList<>();
        for (Processors.ProcessorState state : states) {
            if (state.state().equals("STOPPED") && switchingIn.test(state.name())) switching.add(state.name() + " stopped while its rebuild switches in");
            else if (state.stalled()) stalled.add(state.name() + " " + state.state());
        }
        return stalled;
    }

    /**
     * Read models ahead of the event store, as found at start: said in the log, where an operator restoring a backup looks, and
     * held so that the ledger takes no command meanwhile ({@link #noCommandsWhileAhead}).
     */
    @Bean
    AheadAtStart readModelsAheadAtStart() {
        return new AheadAtStart();
    }

    /** What {@link #ahead} found when the node started, or null. */
    public static final class AheadAtStart {
        private volatile String problem;

        public String problem() {
            return problem;
        }
    }

    /**
     * Compares the read models with the event store once the node is ready: this node's processors, and every processor of the
     * cluster by its tokens where this node sends commands ({@link org.gongshi.api.web.LedgerPositions}: an API node runs no
     * processor, and the check of its own found nothing, so it took commands over read models ahead of a restored event store:
     * a review of the distributed profile, stop 77). An event store that does not answer yet (Axon Server starting) is asked
     * again every {@link #AHEAD_RETRY} until it does, where the check gave up at once.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> readModelsAheadLogged(
            Processors processors, AheadAtStart aheadAtStart, org.springframework.beans.factory.ObjectProvider<org.gongshi.api.web.LedgerPositions> positions) {
        return ready -> {
            if (compared(processors, positions.getIfAvailable(), aheadAtStart)) return;
            Thread retry = new Thread(() -> {
                try {
                    do Thread.sleep(AHEAD_RETRY.toMillis()); while (!compared(processors, positions.getIfAvailable(), aheadAtStart));
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }, "read-models-ahead-check");
            retry.setDaemon(true);
            retry.start();
        };
    }

    /** How often a node whose event store did not answer at start asks it again whether the read models are ahead of it. */
    static final java.time.Duration AHEAD_RETRY = java.time.Duration.ofSeconds(15);

    /** Whether the comparison could be made (the event store answered); what is ahead is held in {@code aheadAtStart} and logged. */
    private static boolean compared(Processors processors, org.gongshi.api.web.LedgerPositions positions, AheadAtStart aheadAtStart) {
        try {
            java.util.Map<String, Long> furthest = new java.util.TreeMap<>();
            for (Processors.ProcessorState state : processors.states()) furthest.merge(state.name(), furthest(state), Math::max);
            if (positions != null) positions.furthest().forEach((name, at) -> furthest.merge(name, at, Math::max));
            long head = positions != null ? positions.head() : processors.head().orElse(-1);
            ahead(furthest, head).ifPresent(problem -> {
                aheadAtStart.problem = problem;
                LoggerFactory.getLogger(LedgerHealth.class).error(problem);
            });
            return true;
        } catch (RuntimeException unavailable) {
            LoggerFactory.getLogger(LedgerHealth.class).warn("Could not compare the read models with the event store (asked again in {}): {}",
                    AHEAD_RETRY, unavailable.toString());
            return false;
        }
    }

    private static long furthest(Processors.ProcessorState state) {
        return state.segments().stream().map(Processors.SegmentState::position).filter(java.util.Objects::nonNull).max(Long::compare).orElse(-1L);
    }

    /**
     * No command while the read models found at start are ahead of the event store: a new event would take a position the
     * public feed and the ledger tree have passed, so it would be in neither, nor in any view not rebuilt (a sweep from outside,
     * stop 72: a case filed in that state was acknowledged, 201, and never appeared anywhere, and the signed tree no longer
     * covered every event). 503 naming the state; the operator restores the event store and the read models from one backup.
     */
    @Bean
    org.axonframework.messaging.MessageDispatchInterceptor<org.axonframework.commandhandling.CommandMessage<?>> noCommandsWhileAhead(
            AheadAtStart aheadAtStart) {
        return new org.axonframework.messaging.MessageDispatchInterceptor<>() {
            @Override
            public java.util.function.BiFunction<Integer, org.axonframework.commandhandling.CommandMessage<?>,
                    org.axonframework.commandhandling.CommandMessage<?>> handle(
                    List<? extends org.axonframework.commandhandling.CommandMessage<?>> messages) {
                return (index, command) -> {
                    String problem = aheadAtStart.problem();
                    if (problem != null) throw new org.gongshi.api.problem.LedgerNotServing("The ledger takes no commands: its " + problem);
                    return command;
                };
            }
        };
    }

    /**
     * What is wrong when processors have passed a position the event store does not reach: the event store was replaced by
     * an older one (a backup restored, its file lost) while the read models were kept. New events get positions those
     * processors believe they have passed, so their views would silently miss them. Empty when none has.
     */
    static java.util.Optional<String> ahead(List<Processors.ProcessorState> states, long head) {
        java.util.Map<String, Long> furthest = new java.util.TreeMap<>();
        for (Processors.ProcessorState state : states) furthest.put(state.name(), furthest(state));
        return ahead(furthest, head);
    }

    /** As {@link #ahead(List, long)}, of each processor's furthest position. */
    static java.util.Optional<String> ahead(java.util.Map<String, Long> furthest, long head) {
        List<String> ahead = new ArrayList<>();
        furthest.forEach((name, at) -> {
            if (at != null && at > head) ahead.add(name + " at " + at);
        });
        if (ahead.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of("read models ahead of the event store, which ends at " + head + ": " + String.join(", ", ahead)
                + "; the event store is older than the read models (restored from a backup?): restore the event store they were"
                + " built from, or the read models from the same backup as this event store, and restart; until then no command is"
                + " taken (a rebuild of a view, POST /api/v1/admin/rebuilds/{view}, mends that view, but the public feed and the"
                + " ledger tree are logs of record and are never rebuilt)");
    }

    /** A processor holds dead letters: the views it builds miss those events until they are retried. */
    public static final Status DEGRADED = new Status("DEGRADED", "a processor holds dead letters");
}
