package org.gongshi.server;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.gongshi.projections.RebuildableView;
import org.gongshi.server.ops.Processors;
import org.gongshi.server.ops.Rebuilds;
import org.gongshi.server.tools.RebuildCommandAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model is rebuilt from the event store as an operation: into a collection of its own, then
 * switched in document by document while the live view keeps serving, with progress to poll.
 */
class RebuildEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void an_administrator_rebuilds_one_view_from_the_ledger_and_it_replaces_what_drifted_without_going_blank(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String admin = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "admin");
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String caseId = ProcessorFaultEndToEndTest.file(web, officer);
                ProcessorFaultEndToEndTest.notice(web, officer, caseId);
                cases.add(caseId);
            }
            for (String caseId : cases) LedgerEndToEndTest.awaitCase(web, officer, caseId, v -> "NOTICE_SERVED".equals(v.get("status")));

            // the view drifts from the ledger: one document changed by hand, more than two switch chunks that no event made
            MongoDatabase db = app.getBean(MongoDatabase.class);
            db.getCollection("case_views").updateOne(eq("_id", cases.get(0)), set("status", "CLOSED"));
            int strays = 2 * Rebuilds.SWITCH_CHUNK + 1;
            List<Document> notInTheLedger = new ArrayList<>();
            for (int i = 0; i < strays; i++) {
                notInTheLedger.add(new Document("_id", "not-in-the-ledger-" + i).append("bureau", LedgerEndToEndTest.BUREAU));
            }
            db.getCollection("case_views").insertMany(notInTheLedger);

            web.post().uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(officer)).exchange().expectStatus().isForbidden();
            web.post().uri("/api/v1/admin/rebuilds/public-feed").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isEqualTo(409);
            web.post().uri("/api/v1/admin/rebuilds/no-such-view").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
            web.post().uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isAccepted()
                    .expectBody().jsonPath("$.state").isEqualTo("REPLAYING");

            Map<?, ?> done = ProcessorFaultEndToEndTest.await(() -> ProcessorFaultEndToEndTest.body(web.get()
                    .uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin))),
                    p -> "DONE".equals(p.get("state")) || "FAILED".equals(p.get("state")), "the rebuild to finish");
            assertThat(done.get("state")).as("rebuild %s", done).isEqualTo("DONE");
            assertThat(((Number) done.get("eventsDone")).longValue()).isGreaterThanOrEqualTo(6);
            assertThat(((Number) done.get("eventsPerSecond")).doubleValue()).isPositive();
            assertThat(done.get("documentsRebuilt")).as("the documents the replay made").isEqualTo(3);
            assertThat(done.get("documentsCompared")).as("the rebuilt documents, each compared with its live one").isEqualTo(3);
            assertThat(done.get("documentsReplaced")).isEqualTo(1);
            assertThat(done.get("documentsRemoved")).isEqualTo(strays);
            assertThat(db.getCollection("case_views").find(eq("_id", cases.get(0))).first().getString("status")).isEqualTo("NOTICE_SERVED");
            assertThat(db.getCollection("case_views").countDocuments()).isEqualTo(3);
            assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("case_views_rebuild");

            // the live view goes on after the switch
            ProcessorFaultEndToEndTest.decide(web, officer, cases.get(1));
            LedgerEndToEndTest.awaitCase(web, officer, cases.get(1), v -> "PENALTY_DECIDED".equals(v.get("status")));

            // and from the command line, against the running node
            String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            // (its base URL with a trailing slash as well: a sweep from outside found "//dev/tokens" refused)
            assertThat(RebuildCommandAccess.run("public-records", url + "/")).isZero();
            assertThat(output.getAll()).contains("public-records rebuilt");
        }
        // a node that cannot be reached: one line naming it, no stack trace (a sweep from outside)
        assertThat(RebuildCommandAccess.run("public-records", "http://127.0.0.1:1")).isEqualTo(1);
        assertThat(output.getAll()).contains("rebuild of public-records: cannot connect to http://127.0.0.1:1")
                .contains("is the ledger running at --url?");
        // a rebuild drops only what exists (a sweep from outside: the embedded store logged an ERROR for every rebuild's start)
        assertThat(output.getAll()).doesNotContain("ns not found");
    }

    /**
     * The event store replaced by an older one (here: none) while the read models were kept: new events would get positions
     * the processors believe they have passed. Health says so, naming them and the fix; a rebuild mends a rebuildable view, and
     * the ledger takes no command until the event store and the read models are one backup's again.
     */
    @Test
    void read_models_ahead_of_an_older_event_store_show_in_health_until_rebuilt() throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String caseId = ProcessorFaultEndToEndTest.file(web, officer);
            ProcessorFaultEndToEndTest.notice(web, officer, caseId);
            LedgerEndToEndTest.awaitCase(web, officer, caseId, v -> "NOTICE_SERVED".equals(v.get("status")));
            String admin = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "admin");
            assertThat(((Map<?, ?>) eventProcessorsHealth(web, admin).get("details")).get("reason")).as("before").isNull();
            web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
            // the disk the ledger writes to is the one watched, and its stores are the owner's alone (sweeps from outside, stop 72)
            Map<?, ?> disk = (Map<?, ?>) ((Map<?, ?>) web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectBody(Map.class).returnResult().getResponseBody().get("components")).get("diskSpace");
            assertThat((String) ((Map<?, ?>) disk.get("details")).get("path")).startsWith(dataDir.toString());
            for (String store : List.of("eventstore", "readmodels")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(dataDir.resolve(store))))
                        .as(store).isEqualTo("rwx------");
            }
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir.resolve("eventstore"));
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String admin = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "admin");
            Map<?, ?> health = eventProcessorsHealth(web, admin);
            assertThat(health.get("status")).isEqualTo("DOWN");
            // and not ready to serve: a probe sees what health sees (it was "ready" while DOWN: a sweep from outside)
            web.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            assertThat((String) ((Map<?, ?>) health.get("details")).get("reason"))
                    .contains("read models ahead of the event store, which ends at -1").contains("case-views at ")
                    .contains("restore the event store").contains("POST /api/v1/admin/rebuilds/");

            web.post().uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isAccepted();
            ProcessorFaultEndToEndTest.await(() -> ProcessorFaultEndToEndTest.body(web.get()
                    .uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin))),
                    p -> "DONE".equals(p.get("state")), "the rebuild to finish");
            assertThat((String) ((Map<?, ?>) eventProcessorsHealth(web, admin).get("details")).get("reason")).doesNotContain("case-views at ");
            // but no command is taken: a new event would take a position the feed and the ledger tree (logs of record, never
            // rebuilt) have passed, and be in neither (a sweep from outside, stop 72: a filing was acknowledged and appeared nowhere)
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(officer)).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU)).exchange().expectStatus().isEqualTo(503)
                    .expectHeader().doesNotExist("Retry-After") // a retry does not help: the operator restores the node
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("The ledger takes no commands")
                            .contains("read models ahead of the event store").contains("public-feed at ").contains("from the same backup"));
        }
        // a node that runs no processor (the api role: the distributed profile's API replicas) learns it from the processors'
        // tokens and takes no command either (a review of the distributed profile, stop 77: its check of its own found nothing)
        try (ConfigurableApplicationContext api = LedgerEndToEndTest.start(dataDir, "--gongshi.roles=api")) {
            WebTestClient web = LedgerEndToEndTest.client(api);
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(officer)).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU)).exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("The ledger takes no commands")
                            .contains("public-feed at "));
        }
    }

    /**
     * On several nodes (the distributed profile) a view's processor runs on each, one of them holding its segment. A rebuild
     * asked of a node that does not hold it is refused, naming the node that does: its switch would otherwise race that
     * node's processor writing the live view. Once the segment is this node's, the rebuild runs.
     */
    @Test
    void a_rebuild_asked_of_a_node_while_another_node_holds_the_views_segment_is_refused_naming_that_node() throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String admin = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "admin");
            String caseId = ProcessorFaultEndToEndTest.file(web, officer);
            LedgerEndToEndTest.awaitCase(web, officer, caseId, v -> v.get("status") != null);

            TokenStore otherNode = MongoTokenStore.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(app.getBean(MongoDatabase.class)).build())
                    .serializer(app.getBean("serializer", Serializer.class)).nodeId("node-b").claimTimeout(Duration.ofSeconds(10)).build();
            StreamingEventProcessor here = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("case-views", StreamingEventProcessor.class).orElseThrow();
            here.shutDown();
            otherNode.fetchToken("case-views", 0); // node B holds the segment (this node's processor stays stopped meanwhile,
            try {                                   // so that it cannot take the segment back however slow the machine)
                web.post().uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin)).exchange()
                        .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                                .contains("segment 0 of processor case-views is held by another node ('node-b')"));
            } finally {
                otherNode.releaseClaim("case-views", 0);
                here.start();
            }

            Processors processors = app.getBean(Processors.class);
            ProcessorFaultEndToEndTest.await(() -> processors.state("case-views").orElseThrow(),
                    state -> state.segments().stream().allMatch(Processors.SegmentState::ownedHere), "this node to take the segment");
            web.post().uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isAccepted();
            Map<?, ?> done = ProcessorFaultEndToEndTest.await(() -> ProcessorFaultEndToEndTest.body(web.get()
                    .uri("/api/v1/admin/rebuilds/case-views").headers(h -> h.setBearerAuth(admin))),
                    p -> "DONE".equals(p.get("state")) || "FAILED".equals(p.get("state")), "the rebuild to finish");
            assertThat(done.get("state")).as("rebuild %s", done).isEqualTo("DONE");
        }
    }

    /**
     * Another node takes the view's segment in the moment between this node's processor stopping and the rebuild claiming
     * it (here: a token store that refuses the claim as the other node's would). The rebuild fails naming it, switches
     * nothing in, drops what it replayed, and this node's processor runs on.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void a_segment_taken_by_another_node_as_the_rebuild_stops_its_processor_fails_the_rebuild_with_nothing_switched_in(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String caseId = ProcessorFaultEndToEndTest.file(web, officer);
            LedgerEndToEndTest.awaitCase(web, officer, caseId, v -> v.get("status") != null);
            MongoDatabase db = app.getBean(MongoDatabase.class);
            db.getCollection("case_views").updateOne(eq("_id", caseId), set("status", "CLOSED")); // drifted: a switch-in would mend it

            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            TokenStore tokens = processing.tokenStore("case-views");
            TokenStore takenInTheGap = delegating(TokenStore.class, tokens, (method, args) -> {
                if (method.getName().equals("fetchToken")) throw new UnableToClaimTokenException("claimed by node-b meanwhile");
                return NOT_HANDLED;
            });
            EventProcessingConfiguration seeingIt = delegating(EventProcessingConfiguration.class, processing,
                    (method, args) -> method.getName().equals("tokenStore") ? takenInTheGap : NOT_HANDLED);
            Rebuilds rebuilds = new Rebuilds(db, app.getBean(EventStore.class), seeingIt, app.getBean(Processors.class), 1000);

            rebuilds.start(RebuildableView.CASE_VIEWS);
            Rebuilds.Progress failed = ProcessorFaultEndToEndTest.await(() -> rebuilds.progress("case-views").orElseThrow(),
                    p -> p.state().equals("FAILED") || p.state().equals("DONE"), "the rebuild to end");

            assertThat(failed.state()).isEqualTo("FAILED");
            assertThat(failed.error()).contains("segment 0 of processor case-views is held by another node");
            assertThat(failed.documentsCompared()).isZero();
            assertThat(db.getCollection("case_views").find(eq("_id", caseId)).first().getString("status")).as("nothing switched in")
                    .isEqualTo("CLOSED");
            assertThat(db.listCollectionNames().into(new ArrayList<>())).as("what it replayed, dropped").doesNotContain("case_views_rebuild");
            // the log says what the live view holds by the phase it failed in (a sweep from outside, stop 76: "as it was, or has some
            // documents switched in", whatever the phase)
            assertThat(output.getAll()).contains("Rebuild of case-views failed while SWITCHING; the live view has 0 of its documents replaced and 0 removed");
            StreamingEventProcessor here = processing.eventProcessor("case-views", StreamingEventProcessor.class).orElseThrow();
            assertThat(here.isRunning()).as("this node's processor started again").isTrue();
            String next = ProcessorFaultEndToEndTest.file(web, officer);
            LedgerEndToEndTest.awaitCase(web, officer, next, v -> v.get("status") != null);
        }
    }

    /**
     * A sweep from outside, stop 76: a rebuild cut short by a crash said nothing at the next start, and its collection, as large
     * as the view, stayed until the next rebuild; one running as the node stopped logged an ERROR saying documents might have
     * been switched in, stack traces and an uncaught exception. The start names the collection left; a stop ends the rebuild
     * in one line, saying the live view is untouched.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void a_rebuild_cut_short_is_named_at_the_next_start_and_one_running_as_the_node_stops_ends_in_one_line(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            MongoDatabase db = app.getBean(MongoDatabase.class);
            db.getCollection("penalty_history_rebuild").insertOne(new Document("_id", "left-by-a-crash"));
            // the node stops while a rebuild replays: its event store closes under it
            EventStore closing = delegating(EventStore.class, app.getBean(EventStore.class), (method, args) -> {
                if (method.getName().equals("openStream")) throw new IllegalStateException("HikariDataSource (event-store) has been closed");
                return NOT_HANDLED;
            });
            Rebuilds stopped = new Rebuilds(db, closing, app.getBean(EventProcessingConfiguration.class), app.getBean(Processors.class), 1000);
            stopped.stopping();
            stopped.start(RebuildableView.LISTING_VIEWS);
            Rebuilds.Progress ended = ProcessorFaultEndToEndTest.await(() -> stopped.progress("listing-views").orElseThrow(),
                    p -> !p.state().equals("REPLAYING"), "the rebuild to end");
            assertThat(ended.error()).isEqualTo("stopped by the node's shutdown");
            assertThat(output.getAll()).contains("Rebuild of listing-views stopped by the node's shutdown after 0 events (REPLAYING); the live"
                    + " view is untouched; start it again once the node is up").doesNotContain("Rebuild of listing-views failed");
        }
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            assertThat(output.getAll()).contains("A rebuild of penalty-history was cut short (a crash or a stop) or runs on another node: its"
                    + " collection penalty_history_rebuild holds 1 documents");
        }
    }

    private static final Object NOT_HANDLED = new Object();

    /** {@code target} behind {@code type}, except where {@code override} answers something other than {@link #NOT_HANDLED}. */
    @SuppressWarnings("unchecked")
    private static <T> T delegating(Class<T> type, T target,
                                    java.util.function.BiFunction<java.lang.reflect.Method, Object[], Object> override) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object answer = override.apply(method, args);
            if (answer != NOT_HANDLED) return answer;
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** The eventProcessors component of /actuator/health, as an administrator sees it. */
    static Map<?, ?> eventProcessorsHealth(WebTestClient web, String admin) {
        Map<?, ?> health = web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("eventProcessors");
    }
}
