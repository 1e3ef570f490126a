package org.gongshi.server.health;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.gongshi.server.embedded.AppendInProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append that holds the event store far past any command's time makes the node's health DOWN and names its thread (CI,
 * 2026-12-07: after a SIGKILL an append spun in H2 for minutes while health said UP and every command waited behind it).
 */
class StuckAppendHealthTest {

    @Test
    void an_append_holding_the_event_store_past_twice_a_unit_of_work_s_timeout_makes_health_down_and_names_its_thread() {
        assertThat(health(Optional.empty()).getStatus()).isEqualTo(Status.UP);
        assertThat(health(Optional.of(new AppendInProgress.Holder("boundedElastic-2", Duration.ofSeconds(3)))).getStatus()).isEqualTo(Status.UP);
        Health stuck = health(Optional.of(new AppendInProgress.Holder("boundedElastic-2", LedgerHealth.STUCK_APPEND.plusSeconds(33))));
        assertThat(stuck.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(stuck.getDetails().get("reason"))).contains("153 s", "boundedElastic-2", "restart");
    }

    private static Health health(Optional<AppendInProgress.Holder> holder) {
        var store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            AppendInProgress watch = () -> holder;
            HealthIndicator indicator = new LedgerHealth().eventStoreHealthIndicator(store,
                    new StaticListableBeanFactory(Map.of("appendInProgress", watch)).getBeanProvider(AppendInProgress.class));
            return indicator.health();
        } finally {
            store.shutDown();
        }
    }
}
