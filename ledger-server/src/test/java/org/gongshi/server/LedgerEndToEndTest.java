package org.gongshi.server;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.gongshi.projections.cases.CaseViewProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton, as a bureau's system uses it: boot the ledger on a temporary data directory,
 * get a dev token, file a case, serve a notice, decide a penalty over HTTP, read the case view, then
 * restart on the same directory and read it again.
 */
class LedgerEndToEndTest {

    static final String BUREAU = "91110000600037341L";
    static final String OTHER_BUREAU = "91310000132200004B";

    @TempDir
    Path dataDir;

    /** Where the tests' ledgers start their clock: before the first date any of them names. */
    static final String CLOCK_START = "2026-02-01T09:00:00+08:00";

    static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        LedgerServerApplication.disableUpdateChecker();
        List<String> args = new ArrayList<>(List.of("--gongshi.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        if (Arrays.stream(extra).noneMatch(a -> a.startsWith("--server.port="))) args.add("--server.port=0");
        // scenarios are played on the ledger's clock from before their first date (OnItsDay)
        if (Arrays.stream(extra).noneMatch(a -> a.startsWith("--gongshi.clock.start="))) args.add("--gongshi.clock.start=" + CLOCK_START);
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(LedgerServerApplication.class).run(args.toArray(String[]::new));
    }

    /** Moves the ledger's clock of {@code app} forward to 10:00 on {@code day} (Asia/Shanghai), if it is earlier. */
    static void clockTo(ConfigurableApplicationContext app, LocalDate day) {
        OnItsDay.clockTo("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"), day);
    }

    static WebTestClient client(ConfigurableApplicationContext app) {
        String baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl(baseUrl).filter(OnItsDay.filter(baseUrl))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String token(WebTestClient web, String bureau, String... roles) {
        Map<?, ?> body = web.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", "officer-zhang", "bureau", bureau, "division", "110105", "roles", roles))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    static Map<?, ?> awaitCase(WebTestClient web, String token, String caseId, Predicate<Map<?, ?>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            var result = web.get().uri("/api/v1/cases/{id}", caseId).headers(h -> h.setBearerAuth(token))
                    .exchange().returnResult(Map.class);
            if (result.getStatus().value() == 200) {
                last = result.getResponseBody().blockFirst();
                if (ready.test(last)) return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("case " + caseId + " did not reach the expected state; last view: " + last);
    }

    @Test
    void files_notifies_decides_over_http_and_reads_the_case_back_after_a_restart() throws Exception {
        String caseId;
        TrackingToken tokenBeforeRestart;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertEmbeddedEngines(app);
            WebTestClient web = client(app);
            String token = token(web, BUREAU, "officer");

            Map<?, ?> filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", "file-1").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(fileCase("91110000600037341L"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            caseId = (String) filed.get("caseId");
            assertThat(caseId).isNotBlank();

            // the same key and body: the first response, nothing new recorded
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", "file-1").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(fileCase("91110000600037341L"))
                    .exchange().expectStatus().isCreated().expectBody().jsonPath("$.caseId").isEqualTo(caseId);
            // the same key and body sent as a historical import: another request (its acts count otherwise), 422, nothing
            // recorded (a sweep from outside, stop 76: it answered the live filing's response)
            web.post().uri("/api/v1/cases").headers(h -> { h.setBearerAuth(token); h.set("Gongshi-Historical-Import", "true"); })
                    .header("Idempotency-Key", "file-1").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(fileCase("91110000600037341L"))
                    .exchange().expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("first used with a different request"));
            // the same key with another body: 422
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", "file-1").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("filedOn", "2026-02-11", "ipType", "PATENT", "violationType", "x", "procedure", "ORDINARY",
                            "source", "y",
                            "party", Map.of("kind", "LEGAL_PERSON", "name", "n", "uscc", BUREAU)))
                    .exchange().expectStatus().isEqualTo(422)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            // and with another body that is invalid as well, or no JSON at all: 422 still, the key is the first thing wrong (a
            // sweep from outside: 400, as if the key were free); a new key with such a body is the body's 400
            for (Object invalid : new Object[] {Map.of("filedOn", "2026-02-11"), "{not json"}) {
                web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                        .header("Idempotency-Key", "file-1").contentType(MediaType.APPLICATION_JSON).bodyValue(invalid)
                        .exchange().expectStatus().isEqualTo(422)
                        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("first used with a different request"));
                web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                        .header("Idempotency-Key", "file-new").contentType(MediaType.APPLICATION_JSON).bodyValue(invalid)
                        .exchange().expectStatus().isBadRequest();
            }

            // a refusal is kept for its key as any answer, and its replay names the request as the first did
            for (boolean replay : new boolean[] {false, true}) {
                var refused = web.post().uri("/api/v1/cases/{id}/decisions", caseId).headers(h -> h.setBearerAuth(token))
                        .header("Idempotency-Key", "decide-early").contentType(MediaType.APPLICATION_JSON).bodyValue(decision())
                        .exchange().expectStatus().isEqualTo(409);
                if (replay) refused.expectHeader().valueEquals("Idempotent-Replayed", "true");
                else refused.expectHeader().doesNotExist("Idempotent-Replayed");
                refused.expectBody().jsonPath("$.rule").isEqualTo("notice-before-decision")
                        .jsonPath("$.instance").isEqualTo("/api/v1/cases/" + caseId + "/decisions");
            }

            web.post().uri("/api/v1/cases/{id}/notices", caseId).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("servedOn", "2026-02-12", "hearingRightGranted", true,
                            "proposedPenalties", java.util.List.of(Map.of("type", "FINE", "amount", 50000),
                                    Map.of("type", "CONFISCATION_OF_ILLEGAL_GAINS", "amount", "1200.50"))))
                    .exchange().expectStatus().isOk();

            String decisionId = (String) web.post().uri("/api/v1/cases/{id}/decisions", caseId).headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", "decide-1").contentType(MediaType.APPLICATION_JSON).bodyValue(decision())
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("decisionId");
            assertThat(decisionId).isNotBlank();
            // its retry with the amount written with its cents is the same request: the first answer (outside audit: 422)
            Map<String, Object> withCents = new java.util.HashMap<>(decision());
            withCents.put("penalties", java.util.List.of(Map.of("type", "FINE", "amount", new java.math.BigDecimal("50000.00"))));
            web.post().uri("/api/v1/cases/{id}/decisions", caseId).headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", "decide-1").contentType(MediaType.APPLICATION_JSON).bodyValue(withCents)
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.decisionId").isEqualTo(decisionId);
            // 送达: the 15 days to pay run from the party's receipt (received the day of the decision: due 03-17)
            web.post().uri("/api/v1/cases/{id}/service", caseId).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receivedOn", "2026-03-02", "method", "直接送达"))
                    .exchange().expectStatus().isOk();

            Map<?, ?> view = awaitCase(web, token, caseId, v -> "PENALTY_DECIDED".equals(v.get("status"))
                    && v.get("decision") instanceof Map<?, ?> d && d.get("paymentDeadline") != null);
            assertDecidedView(view, decisionId);

            // another bureau's officer may not act on or read the case
            String other = token(web, OTHER_BUREAU, "officer");
            web.post().uri("/api/v1/cases/{id}/closure", caseId).headers(h -> h.setBearerAuth(other))
                    // dated on the decision's day: a refused command must not move the ledger's clock past deadlines (they would fire)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("closedOn", "2026-03-02", "outcome", "x"))
                    .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("own-cases-only");
            // in the same division: told the record is another bureau's, not that it lies outside its division (outside audit)
            web.get().uri("/api/v1/cases/{id}", caseId).headers(h -> h.setBearerAuth(other))
                    .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.detail")
                    .value(d -> assertThat((String) d).contains("belongs to another bureau; a bureau reads its own records"));

            tokenBeforeRestart = app.getBean(TokenStore.class).fetchToken(CaseViewProjection.PROCESSING_GROUP, 0);
            assertThat(tokenBeforeRestart.position()).isPresent();
        }

        try (ConfigurableApplicationContext app = start(dataDir)) {
            WebTestClient web = client(app);
            // the token key survives in the data directory, and so do events and read models
            String token = token(web, BUREAU, "officer");
            Map<?, ?> view = awaitCase(web, token, caseId, v -> "PENALTY_DECIDED".equals(v.get("status")));
            assertThat(view.get("caseId")).isEqualTo(caseId);
            assertThat(((Map<?, ?>) view.get("decision")).get("decisionNumber")).isEqualTo("京朝市监罚〔2026〕1号");
            // the processor resumed from its stored token instead of replaying the store
            TrackingToken resumed = app.getBean(TokenStore.class).fetchToken(CaseViewProjection.PROCESSING_GROUP, 0);
            assertThat(resumed.position()).isEqualTo(tokenBeforeRestart.position());
            web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
            // its processors caught up, the read models' store commits in the small steps of live load again
            var readModels = app.getBean(org.gongshi.server.embedded.AuthenticatingMongoBackend.class);
            ProcessorFaultEndToEndTest.await(readModels::committingAsCatchingUp, catchingUp -> !catchingUp, "the processors to catch up");

            // a reset replays the whole store into the read model (Axon 4.13.0 needs the ReplayToken fix)
            var processor = app.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                    .eventProcessor(CaseViewProjection.PROCESSING_GROUP, org.axonframework.eventhandling.StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            // the stored token is a ReplayToken, read back through the Jackson 3 serializer
            assertThat(app.getBean(TokenStore.class).fetchToken(CaseViewProjection.PROCESSING_GROUP, 0))
                    .isInstanceOf(org.axonframework.eventhandling.ReplayToken.class);
            processor.start();
            // the replay passes through every earlier state of the case (PENALTY_DECIDED before the service is applied):
            // wait for it to arrive where the live view was
            Map<?, ?> rebuilt = awaitCase(web, token, caseId, view::equals);
            assertThat(rebuilt).isEqualTo(view);
            assertThat(processor.isError()).isFalse();

            // acting on the restored case still follows the rules (the aggregate was sourced from disk)
            web.post().uri("/api/v1/cases/{id}/decisions", caseId).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(decision())
                    .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("decided-once");
        }
    }

    @Test
    void malformed_input_gets_field_errors_and_a_missing_token_gets_401() throws Exception {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            WebTestClient web = client(app);
            String token = token(web, BUREAU, "officer");
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(fileCase("91110000600037341A"))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("party.uscc");
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("filedOn", "not-a-date"))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("filedOn");
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("procedure", "ORDINARY"))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(4));
            web.post().uri("/api/v1/cases/{id}/notices", "no-such-case").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("servedOn", "2026-02-12", "hearingRightGranted", false,
                            "proposedPenalties", java.util.List.of(Map.of("type", "WARNING"))))
                    .exchange().expectStatus().isNotFound();
            web.get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"gongshi\"");
            String supervisor = token(web, BUREAU, "supervisor");
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(supervisor)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(fileCase(BUREAU)).exchange().expectStatus().isForbidden();
        }
    }

    private static void assertEmbeddedEngines(ConfigurableApplicationContext app) {
        assertThat(app.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(app.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
        assertThat(app.getBean(TokenStore.class)).isInstanceOfSatisfying(org.gongshi.server.axon.ThrottledClaimExtensions.class,
                tokens -> assertThat(tokens.delegate()).isInstanceOf(MongoTokenStore.class));
        assertThat(app.getBean("eventSerializer", Serializer.class)).isInstanceOf(org.gongshi.projections.privacy.SealingSerializer.class);
        assertThat(app.getBean("serializer", Serializer.class)).isInstanceOf(Jackson3Serializer.class);
        assertThat(app.getBean("messageSerializer", Serializer.class)).isInstanceOf(Jackson3Serializer.class);
        assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    private static void assertDecidedView(Map<?, ?> view, String decisionId) {
        assertThat(view.get("bureau")).isEqualTo(BUREAU);
        assertThat(view.get("division")).isEqualTo("110105");
        Map<?, ?> deadline = (Map<?, ?>) view.get("decisionDeadline");
        assertThat(deadline.get("dueOn")).isEqualTo("2026-05-11");
        assertThat(deadline.get("met")).isEqualTo(true);
        Map<?, ?> notice = (Map<?, ?>) view.get("notice");
        assertThat(((Map<?, ?>) notice.get("hearingRequestDeadline")).get("dueOn")).isEqualTo("2026-02-26");
        Map<?, ?> decision = (Map<?, ?>) view.get("decision");
        assertThat(decision.get("decisionId")).isEqualTo(decisionId);
        assertThat(((Map<?, ?>) decision.get("paymentDeadline")).get("dueOn")).isEqualTo("2026-03-17");
        // 送达: the day the party received the decision, from which the payment deadline runs
        assertThat(decision.get("service")).isEqualTo(Map.of("receivedOn", "2026-03-02", "method", "直接送达"));
        assertThat(view.get("policyVersion")).isEqualTo("CN-2026.1");
        assertThat(view.get("overdue")).isEqualTo(false);
    }

    static Map<String, Object> fileCase(String uscc) {
        return Map.of("filedOn", "2026-02-10", "ipType", "TRADEMARK", "violationType", "销售侵犯注册商标专用权的商品",
                "procedure", "ORDINARY", "source", "权利人投诉",
                "party", Map.of("kind", "LEGAL_PERSON", "name", "北京某某贸易有限公司", "uscc", uscc, "legalRepresentative", "张三"));
    }

    static Map<String, Object> decision() {
        return Map.of("kind", "PENALTY", "decisionNumber", "京朝市监罚〔2026〕1号", "decidedOn", "2026-03-02",
                "penalties", java.util.List.of(Map.of("type", "FINE", "amount", 50000)),
                "legalBasis", "《中华人民共和国商标法》第六十条第二款", "facts", "当事人销售侵犯注册商标专用权的商品");
    }
}
