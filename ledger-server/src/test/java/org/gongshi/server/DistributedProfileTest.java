package org.gongshi.server;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.gongshi.api.cases.CaseCommandController;
import org.gongshi.api.dev.DevTokenController;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import org.gongshi.server.axon.KeyedSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.gongshi.api.listings.ListingCommandController;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.PenaltyHistoryProjection;
import org.gongshi.server.schedule.DeadlineRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed profile (docker-compose, production) wires Axon Server and an external MongoDB and
 * starts no embedded store; {@code gongshi.roles} switches command, projections and api on and off.
 * No Axon Server runs here: the connector is pointed at a closed port and the test asserts the wiring.
 */
class DistributedProfileTest {

    static MongoServer externalMongo;

    @BeforeAll
    static void startMongo() {
        externalMongo = new MongoServer(new MemoryBackend());
        externalMongo.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMongo() {
        externalMongo.shutdownNow();
    }

    static ConfigurableApplicationContext start(String roles) {
        LedgerServerApplication.disableUpdateChecker();
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=distributed",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--axon.axonserver.servers=127.0.0.1:1",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + externalMongo.getLocalAddress().getPort() + "/gongshi",
                "--gongshi.security.jwt-secret=distributed-profile-test-secret-0123456789"));
        if (roles != null) args.add("--gongshi.roles=" + roles);
        return new SpringApplicationBuilder(LedgerServerApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void distributed_profile_uses_axon_server_and_external_mongodb_and_starts_no_embedded_store() {
        try (ConfigurableApplicationContext app = start(null)) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(app.getBean(TokenStore.class)).isInstanceOfSatisfying(org.gongshi.server.axon.ThrottledClaimExtensions.class,
                tokens -> assertThat(tokens.delegate()).isInstanceOf(MongoTokenStore.class));
            assertThat(app.getBean(SagaStore.class)).as("process managers are stored in MongoDB").isInstanceOf(KeyedSagaStore.class);
            assertThat(app.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(app.getBeansOfType(MongoServer.class)).isEmpty();
            assertThat(app.getBeansOfType(DevTokenController.class)).as("POST /dev/tokens exists only in the embedded default").isEmpty();
            assertThat(app.getBeansOfType(CaseViewProjection.class)).hasSize(1);
            assertThat(app.getBeansOfType(CaseCommandController.class)).hasSize(1);
            assertThat(app.getBeansOfType(ConfigurerModule.class)).containsKey("caseAggregate");
            assertThat(app.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("true");
        }
    }

    @Test
    void roles_switch_parts_on_and_off() {
        try (ConfigurableApplicationContext app = start("api")) {
            assertThat(app.getBeansOfType(CaseCommandController.class)).hasSize(1);
            assertThat(app.getBeansOfType(CaseViews.class)).hasSize(1);
            assertThat(app.getBeansOfType(CaseViewProjection.class)).isEmpty();
            assertThat(app.getBeansOfType(ConfigurerModule.class)).doesNotContainKey("caseAggregate").doesNotContainKey("creditLists");
            assertThat(app.getBeansOfType(ListingCommandController.class)).hasSize(1);
            assertThat(app.getBeansOfType(ListingViewProjection.class)).isEmpty();
            assertThat(app.getBeansOfType(DeadlineRunner.class)).isEmpty();
        }
        try (ConfigurableApplicationContext app = start("command,projections")) {
            assertThat(app.getBeansOfType(CaseCommandController.class)).isEmpty();
            assertThat(app.getBeansOfType(CaseViewProjection.class)).hasSize(1);
            assertThat(app.getBeansOfType(ConfigurerModule.class)).containsKey("caseAggregate").containsKey("creditLists");
            assertThat(app.getBeansOfType(ListingViewProjection.class)).hasSize(1);
            assertThat(app.getBeansOfType(PenaltyHistoryProjection.class)).hasSize(1);
            assertThat(app.getBeansOfType(DeadlineRunner.class)).hasSize(1);
        }
    }
}
