package org.gongshi.server.health;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.gongshi.server.ops.Processors;
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

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return () -> {
            try {
                var head = eventStore.createHeadToken();
                return Health.up().withDetail("engine", eventStore.getClass().getSimpleName())
                        .withDetail("head", head == null ? "empty" : String.valueOf(head.position().orElse(-1))).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

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
     * the node that owns it. DOWN while a processor is stalled (retrying a failed event) or stopped;
     * DEGRADED while any holds dead letters; the reason names them.
     */
    @Bean
    HealthIndicator eventProcessorsHealthIndicator(Processors processors) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            List<String> stalled = new ArrayList<>();
            List<String> deadLettered = new ArrayList<>();
            for (Processors.ProcessorState state : processors.states()) {
                details.put(state.name(), state);
                if (state.stalled()) stalled.add(state.name() + " " + state.state());
                if (state.deadLetters() > 0) deadLettered.add(state.name() + " holds " + state.deadLetters() + " dead letters");
            }
            Health.Builder health = !stalled.isEmpty() ? Health.down() : !deadLettered.isEmpty() ? Health.status(DEGRADED) : Health.up();
            List<String> reasons = new ArrayList<>(stalled);
            reasons.addAll(deadLettered);
            if (!reasons.isEmpty()) health.withDetail("reason", String.join("; ", reasons));
            return health.withDetails(details).build();
        };
    }

    /** A processor holds dead letters: the views it builds miss those events until they are retried. */
    public static final Status DEGRADED = new Status("DEGRADED", "a processor holds dead letters");
}
