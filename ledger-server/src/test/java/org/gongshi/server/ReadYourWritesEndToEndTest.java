package org.gongshi.server;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.gongshi.projections.cases.CaseViewProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes (API.md, "Bureau commands"): every command answers the ledger {@code position} of
 * its last event, and a read that sends it back ({@code ?position=} or {@code Ledger-Position}) sees
 * the command's effect on its first try, or, when its view is late, a 503 with {@code Retry-After},
 * never a 404 for what is on its way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadYourWritesEndToEndTest {

    static final String COMPANY = "91110000600037341L";

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext app;
    static WebTestClient web;
    static String token;

    @BeforeAll
    static void start() {
        app = LedgerEndToEndTest.start(dataDir, "--gongshi.read-your-writes.wait=PT1S");
        web = LedgerEndToEndTest.client(app);
        token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer", "supervisor");
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    @Order(2) // the tests share one ledger, whose clock moves forward only: this one moves it to 2026-04-01
    void a_read_that_sends_the_position_a_command_answered_sees_that_command_on_its_first_try() {
        Map<?, ?> filed = post("/api/v1/cases", LedgerEndToEndTest.fileCase(COMPANY), 201, "file-ryw");
        String caseId = (String) filed.get("caseId");
        long filedAt = position(filed);
        assertThat(get("/api/v1/cases/" + caseId + "?position=" + filedAt).get("status")).isEqualTo("FILED");
        // a repeat of the command answers the first response, position included
        assertThat(position(post("/api/v1/cases", LedgerEndToEndTest.fileCase(COMPANY), 201, "file-ryw"))).isEqualTo(filedAt);

        Map<?, ?> notified = post("/api/v1/cases/" + caseId + "/notices", Map.of("servedOn", "2026-02-12", "hearingRightGranted", false,
                "waived", true, "proposedPenalties", List.of(Map.of("type", "FINE", "amount", 50000))), 200, null);
        long notifiedAt = position(notified);
        assertThat(notifiedAt).isGreaterThan(filedAt);
        Map<?, ?> view = web.get().uri("/api/v1/cases/{id}", caseId).headers(h -> h.setBearerAuth(token))
                .header("Ledger-Position", Long.toString(notifiedAt))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(view.get("notice")).as("the notice served, read back with the Ledger-Position header").isNotNull();

        Map<?, ?> decided = post("/api/v1/cases/" + caseId + "/decisions", LedgerEndToEndTest.decision(), 200, null);
        long decidedAt = position(decided);
        assertThat(get("/api/v1/cases/" + caseId + "?position=" + decidedAt).get("status")).isEqualTo("PENALTY_DECIDED");
        assertThat(total(get("/api/v1/cases?status=PENALTY_DECIDED&position=" + decidedAt))).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/stats?position=" + decidedAt)).isNotEmpty();

        Map<?, ?> published = post("/api/v1/cases/" + caseId + "/disclosure", Map.of("action", "PUBLISH"), 200, null);
        long publishedAt = position(published);
        Map<?, ?> found = get("/api/v1/public/penalties?uscc=" + COMPANY + "&position=" + publishedAt);
        assertThat(total(found)).isEqualTo(1);
        String recordId = (String) ((Map<?, ?>) ((List<?>) found.get("items")).get(0)).get("recordId");
        assertThat(get("/api/v1/public/penalties/" + recordId + "?position=" + publishedAt).get("decisionNumber"))
                .isEqualTo("京朝市监罚〔2026〕1号");
        assertThat((List<?>) get("/api/v1/public/subjects/" + COMPANY + "?position=" + publishedAt).get("penalties")).hasSize(1);
        assertThat(get("/api/v1/public/stats?position=" + publishedAt).get("disclosureRate")).isNotNull();
        // the feed's reads wait for it too (a sweep from outside, stop 71: entries and the snapshot ignored the position)
        assertThat(web.get().uri("/feed/v1/entries?after=-1&position=" + publishedAt).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains(recordId);
        assertThat(web.get().uri("/feed/v1/snapshot?position=" + publishedAt).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains(recordId);
        web.get().uri("/feed/v1/tree-head?position=" + publishedAt).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/audit/ledger/checkpoint?position=" + publishedAt).exchange().expectStatus().isOk();

        Map<?, ?> proposed = post("/api/v1/listings", ListingsEndToEndTest.proposal("SEVERE_DISHONESTY", "ILLEGAL_AGENCY",
                "北京某某贸易有限公司", COMPANY, List.of(caseId), "2026-04-01"), 201, null);
        long proposedAt = position(proposed);
        assertThat(get("/api/v1/listings/" + proposed.get("listingId") + "?position=" + proposedAt).get("status")).isEqualTo("PROPOSED");
        assertThat(total(get("/api/v1/listings?position=" + proposedAt))).isEqualTo(1);
        // views that handle none of these events have passed the position too: their tokens move on regardless
        assertThat(get("/api/v1/listings/candidates?position=" + proposedAt).get("rule")).isNotNull();
        assertThat(total(get("/api/v1/public/lists/SEVERE_DISHONESTY?position=" + proposedAt))).isZero();
    }

    @Test
    @Order(1)
    void a_view_that_has_not_passed_the_position_in_time_answers_503_with_retry_after_never_404() throws Exception {
        StreamingEventProcessor caseViews = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(CaseViewProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        // a processor stopped while it is still starting can ignore the next start (its launcher is winding
        // down): stop it once it has claimed its segment, and restart it until it has claimed it again
        awaitUntil("case-views claims its segment", () -> !caseViews.processingStatus().isEmpty());
        caseViews.shutdownAsync().get(30, java.util.concurrent.TimeUnit.SECONDS);
        try {
            Map<?, ?> filed = post("/api/v1/cases", LedgerEndToEndTest.fileCase("91310000132200004B"), 201, null);
            String caseId = (String) filed.get("caseId");
            long position = position(filed);
            web.get().uri("/api/v1/cases/{id}?position={p}", caseId, position).headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.position").isEqualTo(position)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .contains("has not yet passed ledger position " + position).contains(CaseViewProjection.PROCESSING_GROUP));

            awaitUntil("case-views runs again", () -> {
                if (!caseViews.isRunning()) caseViews.start();
                return !caseViews.processingStatus().isEmpty();
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status;
            do {
                status = web.get().uri("/api/v1/cases/{id}?position={p}", caseId, position).headers(h -> h.setBearerAuth(token))
                        .exchange().returnResult(Map.class).getStatus().value();
                assertThat(status).as("a late view answers 503 until it has passed the position, never 404").isIn(200, 503);
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(200);
        } finally {
            if (!caseViews.isRunning()) caseViews.start();
        }
    }

    static void awaitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 60 s: " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void a_position_that_is_malformed_or_beyond_the_ledger_head_is_a_400_naming_it() {
        web.get().uri("/api/v1/cases?position=abc").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("position");
        web.get().uri("/api/v1/public/penalties").header("Ledger-Position", "-1")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Ledger-Position");
        web.get().uri("/api/v1/public/penalties?position=" + Long.MAX_VALUE)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("position")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("beyond the ledger's newest position"));
        // the feed's reads too (sweeps from outside: stop 71, entries and the snapshot ignored it; stop 72, the stream, the tree
        // heads and checkpoints of both logs did)
        for (String feed : List.of("/feed/v1/entries?after=-1&position=", "/feed/v1/snapshot?position=", "/feed/v1/tree-head?position=",
                "/feed/v1/tree-heads?position=", "/feed/v1/checkpoint?position=", "/feed/v1/events?position=",
                "/api/v1/audit/ledger/tree-head?position=", "/api/v1/audit/ledger/tree-heads?position=",
                "/api/v1/audit/ledger/checkpoint?position=")) {
            for (String wrong : List.of(Long.toString(Long.MAX_VALUE), "abc")) {
                web.get().uri(feed + wrong).exchange().expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo("position");
            }
        }
        web.get().uri("/feed/v1/tree-head").header("Ledger-Position", "abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Ledger-Position");
    }

    private static Map<?, ?> post(String uri, Map<String, Object> body, int status, String idempotencyKey) {
        return web.post().uri(uri).headers(h -> {
                    h.setBearerAuth(token);
                    if (idempotencyKey != null) h.set("Idempotency-Key", idempotencyKey);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A read that must succeed on its first try: no polling. */
    private static Map<?, ?> get(String uri) {
        EntityExchangeResult<Map> result = web.get().uri(uri).headers(h -> h.setBearerAuth(token))
                .exchange().expectBody(Map.class).returnResult();
        assertThat(result.getStatus().value()).as("GET " + uri + " answered " + result.getResponseBody()).isEqualTo(200);
        return result.getResponseBody();
    }

    private static long position(Map<?, ?> answer) {
        assertThat(answer.get("position")).as("the command's answer carries its ledger position: " + answer).isInstanceOf(Number.class);
        return ((Number) answer.get("position")).longValue();
    }

    private static int total(Map<?, ?> page) {
        return ((Number) page.get("total")).intValue();
    }
}
