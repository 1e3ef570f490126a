package org.gongshi.server;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.gongshi.api.cases.CaseCommandController;
import org.gongshi.api.dev.DevTokenController;
import org.gongshi.api.security.JwtKeys;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.server.roles.RoleConfigurations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongshi.server.axon.KeyedSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.gongshi.api.listings.ListingCommandController;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.PenaltyHistoryProjection;
import org.gongshi.server.schedule.DeadlineRunner;
import org.gongshi.projections.ledger.StoredForm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The distributed profile (docker-compose, production) wires Axon Server and an external MongoDB and
 * starts no embedded store; {@code gongshi.roles} switches command, projections and api on and off.
 * No Axon Server runs here: the connector is pointed at a closed port and the test asserts the wiring.
 */
class DistributedProfileTest {

    static final String JWT_SECRET = "distributed-profile-test-secret-0123456789";

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
        return start(roles, "/gongshi", List.of("--axon.axonserver.token=distributed-profile-test-axon-token"));
    }

    static ConfigurableApplicationContext start(String roles, String databasePath, List<String> more) {
        LedgerServerApplication.disableUpdateChecker();
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=distributed",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--axon.axonserver.servers=127.0.0.1:1",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + externalMongo.getLocalAddress().getPort() + databasePath,
                "--gongshi.security.jwt-secret=" + JWT_SECRET));
        args.addAll(more);
        if (roles != null) args.add("--gongshi.roles=" + roles);
        if (roles == null || roles.contains("projections")) { // the profile signs with configured keys only: the signing node gets them
            args.add("--gongshi.feed.signer-key=" + FEED_KEY.signerKey());
            args.add("--gongshi.ledger.signer-key=" + LEDGER_KEY.signerKey());
        }
        return new SpringApplicationBuilder(LedgerServerApplication.class).run(args.toArray(String[]::new));
    }

    static final org.gongshi.projections.transparency.NoteSigner FEED_KEY = org.gongshi.projections.transparency.NoteSigner.generate("gongshi.example/feed"),
            LEDGER_KEY = org.gongshi.projections.transparency.NoteSigner.generate("gongshi.example/ledger");

    @Test
    void distributed_profile_uses_axon_server_and_external_mongodb_and_starts_no_embedded_store() {
        try (ConfigurableApplicationContext app = start(null)) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(app.getBean(TokenStore.class)).isInstanceOfSatisfying(org.gongshi.server.axon.ThrottledClaimExtensions.class,
                tokens -> assertThat(tokens.delegate()).isInstanceOf(MongoTokenStore.class));
            assertThat(app.getBean(SagaStore.class)).as("process managers are stored in MongoDB").isInstanceOf(KeyedSagaStore.class);
            assertThat(app.getBean(StoredForm.class).readWith()).as("the ledger reads payloads as the connector read them")
                    .isInstanceOf(GrpcMetaDataAwareSerializer.class);
            assertThat(app.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(app.getBeansOfType(MongoServer.class)).isEmpty();
            assertThat(app.containsBean(RoleConfigurations.AGGREGATE_CACHE)).as("no node keeps aggregates: another may move them on").isFalse();
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

    /**
     * A rebuild asked of a node that does not run the view's processor names the node that holds it, from the token store all
     * nodes share, or says that none does (a review of the distributed profile, stop 77: the 409 did not say where to go).
     */
    @Test
    void an_api_node_asked_to_rebuild_names_the_node_that_holds_the_processor() {
        try (ConfigurableApplicationContext app = start("api");
             com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(
                     "mongodb://127.0.0.1:" + externalMongo.getLocalAddress().getPort())) {
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")).build();
            String admin = adminToken();
            var tokens = client.getDatabase("gongshi").getCollection("trackingtokens");
            tokens.deleteMany(new org.bson.Document("processorName", "case-views"));
            web.post().uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail))
                            .contains("processor case-views does not run on this node").contains("no node holds it now"));
            tokens.insertOne(new org.bson.Document("processorName", "case-views").append("segment", 0).append("owner", "7@ledger-projections-1"));
            try {
                web.post().uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isEqualTo(409)
                        .expectBody().jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail))
                                .contains("node '7@ledger-projections-1' holds its segment 0: ask that node"));
            } finally {
                tokens.deleteMany(new org.bson.Document("processorName", "case-views"));
            }
        }
    }

    private static String adminToken() {
        Instant now = Instant.now();
        return NimbusJwtEncoder.withSecretKey(JwtKeys.fromSecret(JWT_SECRET)).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), JwtClaimsSet.builder().subject("operator")
                        .issuedAt(now).expiresAt(now.plusSeconds(600)).claim("roles", List.of("admin")).build())).getTokenValue();
    }

    /**
     * A deployer's sweep, stop 80: a node without Axon Server's token started and tried to connect for ever; a node whose
     * MongoDB URI named another database wrote into {@code gongshi}, so two ledgers on one cluster shared their read models.
     */
    @Test
    void a_node_needs_axon_servers_token_and_keeps_its_read_models_in_the_database_its_mongodb_uri_names() {
        assertThatThrownBy(() -> start("api", "/gongshi", List.of()).close()).hasStackTraceContaining("No Axon Server token: set AXONSERVER_TOKEN");
        try (ConfigurableApplicationContext app = start("api", "/gongshi_province_a",
                List.of("--axon.axonserver.token=distributed-profile-test-axon-token"))) {
            assertThat(app.getBean(com.mongodb.client.MongoDatabase.class).getName()).isEqualTo("gongshi_province_a");
        }
        assertThatThrownBy(() -> start("api", "/gongshi_province_a", List.of("--axon.axonserver.token=distributed-profile-test-axon-token",
                "--gongshi.mongodb.database=gongshi")).close())
                .hasStackTraceContaining("named twice, as 'gongshi_province_a' in the MongoDB URI").hasStackTraceContaining("'gongshi' in gongshi.mongodb.database");
    }

    /** A node without the api role still answers its own endpoints' refusals as problems that say why (API.md: 409 with the rule). */
    @Test
    void a_projections_node_answers_a_refused_administration_request_as_a_problem_that_says_why() {
        try (ConfigurableApplicationContext app = start("projections")) {
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")).build();
            String admin = adminToken();
            web.post().uri("/api/v1/admin/rebuilds/public-feed").headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail)).contains("log of record"));
            // Axon Server does not answer (nothing listens on port 1): health says so, as health, not as a command's 503 (a review, stop 77)
            web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.eventProcessors.details.reason").value(reason -> assertThat(String.valueOf(reason))
                            .startsWith("the event store does not answer"));
        }
    }
}
