package org.gongshi.server.health;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health} is UP only when the event store answers, the read-model MongoDB answers
 * and every event processor runs without error.
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

    @Bean
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            boolean up = true;
            for (var entry : processing.eventProcessors().entrySet()) {
                if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                    boolean ok = streaming.isRunning() && !streaming.isError();
                    up &= ok;
                    details.put(entry.getKey(), streaming.isError() ? "ERROR" : streaming.isRunning() ? "RUNNING" : "STOPPED");
                }
            }
            return (up ? Health.up() : Health.down()).withDetails(details).build();
        };
    }
}
