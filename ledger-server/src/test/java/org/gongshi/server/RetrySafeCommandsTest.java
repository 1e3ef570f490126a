package org.gongshi.server;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retry-safe commands (issue 15 item 3): a retry with the same {@code Idempotency-Key} gets the
 * first answer and the ledger holds exactly one case, after a command that outlived the client's
 * wait and after a client that disconnected mid-request. The filing is held in its handler until
 * the test lets it go, so each path happens for certain, not by timing. (A server killed
 * mid-command: {@link CrashDurabilityTest}.)
 */
class RetrySafeCommandsTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext app;
    private WebTestClient web;
    private String token;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Registration hold;

    @BeforeEach
    void start() {
        // the client waits 1 s for a command; an attempt owns its key for 3 s
        app = LedgerEndToEndTest.start(dataDir, "--gongshi.commands.timeout=PT1S", "--gongshi.idempotency.lease=PT3S");
        web = LedgerEndToEndTest.client(app);
        token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
        hold = app.getBean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayloadType().getSimpleName().equals("FileCase")) {
                entered.countDown();
                if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released the filing");
            }
            return chain.proceed();
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (hold != null) hold.cancel();
        if (app != null) app.close();
    }

    @Test
    void a_command_that_outlives_the_clients_wait_answers_503_with_retry_after_and_the_retry_gets_the_one_case() throws Exception {
        var first = post("timeout-1").exchange().expectBody(String.class).returnResult();
        assertThat(first.getStatus().value()).isEqualTo(503);
        assertThat(Long.parseLong(first.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();

        // while the command still runs (its key holds a lease), a retry is told to come back
        var meanwhile = post("timeout-1").exchange().expectBody(String.class).returnResult();
        assertThat(meanwhile.getStatus().value()).isEqualTo(503);
        assertThat(meanwhile.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();

        release.countDown();
        Map<?, ?> answer = retryUntilCreated("timeout-1");
        assertThat(answer.get("caseId")).isNotNull();
        assertThat(caseFilings()).isEqualTo(1);
        assertThat(body(post("timeout-1").exchange().expectStatus().isCreated().expectBody(String.class).returnResult()))
                .as("every later retry gets the same first answer").isEqualTo(answer);
    }

    /**
     * API.md: a repeat with the same key and body returns the first response. One sent while the first attempt runs waits
     * for that answer instead of being told to retry (a sweep from outside: three of ten concurrent repeats got 503). The
     * first attempt's own wait ran out (503); the repeat, sent while the command is still held, gets the 201 once it is let go.
     */
    @Test
    void a_repeat_sent_while_the_first_attempt_runs_waits_for_its_answer() throws Exception {
        var first = post("concurrent-1").exchange().expectBody(String.class).returnResult();
        assertThat(first.getStatus().value()).isEqualTo(503);
        var repeat = java.util.concurrent.CompletableFuture.supplyAsync(() -> post("concurrent-1").exchange().expectBody(String.class).returnResult());
        // let the command go while the repeat waits (were the repeat slower to arrive, it would find the answer kept: 201 alike)
        Thread.sleep(200);
        release.countDown();
        var answered = repeat.get(30, TimeUnit.SECONDS);
        assertThat(answered.getStatus().value()).as(answered.getResponseBody()).isEqualTo(201);
        assertThat(caseFilings()).isEqualTo(1);
        assertThat(body(post("concurrent-1").exchange().expectStatus().isCreated().expectBody(String.class).returnResult()))
                .isEqualTo(body(answered));
    }

    /**
     * A sweep from outside, stop 79: a request refused with 400 (wrong as sent, nothing recorded) kept its key, and the
     * corrected request sent with it met 422 "reused". A 400 keeps no answer; what a 201 or a 409 answers is kept as before.
     */
    @Test
    void a_request_refused_with_400_keeps_no_answer_and_its_key_takes_the_corrected_request() {
        release.countDown();
        Map<String, Object> incomplete = new java.util.HashMap<>(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));
        incomplete.remove("party");
        web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).header("Idempotency-Key", "fixed-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(incomplete).exchange().expectStatus().isBadRequest();
        Map<?, ?> created = body(post("fixed-1").exchange().expectStatus().isCreated().expectBody(String.class).returnResult());
        assertThat(created.get("caseId")).isNotNull();
        post("fixed-1").exchange().expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(caseFilings()).isEqualTo(1);
        // once answered, the key is the first request's: the invalid one again is another request
        web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).header("Idempotency-Key", "fixed-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(incomplete).exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void a_client_that_disconnects_mid_request_does_not_jam_its_key_and_the_retry_gets_the_one_case() throws Exception {
        String request = JsonMapper.builder().build().writeValueAsString(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 2, 10)); // the raw request below does not move the clock
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: disconnect-1\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("the filing reached its handler").isTrue();
        } // the client hangs up while the command runs
        release.countDown();

        Map<?, ?> answer = retryUntilCreated("disconnect-1");
        assertThat(caseFilings()).isEqualTo(1);
        assertThat(body(post("disconnect-1").exchange().expectStatus().isCreated().expectBody(String.class).returnResult()))
                .isEqualTo(answer);
    }

    @Test
    void a_key_whose_attempt_died_is_taken_over_after_its_lease_and_the_creation_meets_the_first_stream() throws Exception {
        // the first attempt files the case but its answer is never kept (as if its node died after the commit)
        var first = post("lease-1").exchange().expectBody(String.class).returnResult();
        assertThat(first.getStatus().value()).isEqualTo(503);
        release.countDown();
        Map<?, ?> answer = retryUntilCreated("lease-1");
        var keys = app.getBean(com.mongodb.client.MongoDatabase.class).getCollection("idempotency_keys");
        keys.updateOne(new org.bson.Document("_id", LedgerEndToEndTest.BUREAU + "|lease-1"), new org.bson.Document("$set",
                new org.bson.Document("state", "PENDING").append("leaseUntil", new java.util.Date(System.currentTimeMillis() - 1))));

        var again = post("lease-1").exchange().expectBody(String.class).returnResult();
        assertThat(again.getStatus().value()).as(again.getResponseBody()).isEqualTo(201);
        assertThat(body(again).get("caseId")).isEqualTo(answer.get("caseId"));
        assertThat(caseFilings()).isEqualTo(1);
    }

    /**
     * Outside crash audit: a notice recorded, its answer lost with the node before it was kept, and its retry after the
     * lease served the notice a second time. The retry now finds the request's event in the ledger and answers as the first.
     */
    @Test
    void a_notice_whose_answer_a_crash_lost_is_answered_again_on_retry_never_served_twice() throws Exception {
        release.countDown(); // filings run at once
        String caseId = (String) retryUntilCreated("file-for-notice").get("caseId");
        LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 2, 12));
        Map<String, Object> notice = Map.of("servedOn", "2026-02-12", "hearingRightGranted", false, "waived", true,
                "proposedPenalties", java.util.List.of(Map.of("type", "FINE", "amount", 30000)));
        Map<?, ?> first = body(notice(caseId, "notice-1", notice).exchange().expectStatus().isOk().expectBody(String.class).returnResult());
        // the node died after the notice was recorded and before its answer was kept: the key is pending, its lease run out
        var keys = app.getBean(com.mongodb.client.MongoDatabase.class).getCollection("idempotency_keys");
        keys.updateOne(new org.bson.Document("_id", LedgerEndToEndTest.BUREAU + "|notice-1"), new org.bson.Document("$set",
                new org.bson.Document("state", "PENDING").append("leaseUntil", new java.util.Date(System.currentTimeMillis() - 1)))
                .append("$unset", new org.bson.Document("status", "").append("body", "").append("contentType", "")));

        Map<?, ?> again = body(notice(caseId, "notice-1", notice).exchange().expectStatus().isOk().expectBody(String.class).returnResult());
        assertThat(again.get("caseId")).isEqualTo(first.get("caseId"));
        assertThat(((Number) again.get("position")).longValue()).isGreaterThanOrEqualTo(((Number) first.get("position")).longValue());
        assertThat(events(caseId, "PenaltyNoticeServed")).as("the notice, served once").isEqualTo(1);
        // and a new request with another key is a new act, as before
        notice(caseId, "notice-2", notice).exchange().expectStatus().isOk();
        assertThat(events(caseId, "PenaltyNoticeServed")).isEqualTo(2);
    }

    private WebTestClient.RequestHeadersSpec<?> notice(String caseId, String key, Map<String, Object> notice) {
        return web.post().uri("/api/v1/cases/{id}/notices", caseId).headers(h -> h.setBearerAuth(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(notice);
    }

    /** Events of {@code type} the case recorded. */
    private long events(String caseId, String type) {
        return app.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(caseId).asStream()
                .filter(e -> e.getPayloadType().getSimpleName().equals(type)).count();
    }

    private WebTestClient.RequestHeadersSpec<?> post(String key) {
        return web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));
    }

    private Map<?, ?> retryUntilCreated(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        EntityExchangeResult<String> last = null;
        while (System.nanoTime() < deadline) {
            last = post(key).exchange().expectBody(String.class).returnResult();
            if (last.getStatus().value() == 201) return body(last);
            assertThat(last.getStatus().value()).as("a pending key answers 503 with Retry-After: %s", last.getResponseBody()).isEqualTo(503);
            Thread.sleep(200);
        }
        throw new AssertionError("no 201 for key " + key + "; last answer " + (last == null ? null : last.getResponseBody()));
    }

    private static Map<?, ?> body(EntityExchangeResult<String> result) {
        return JsonMapper.builder().build().readValue(result.getResponseBody(), Map.class);
    }

    /** CaseFiled events in the event store: one per case ever filed. */
    private long caseFilings() {
        try (var events = app.getBean(EventStorageEngine.class).readEvents(null, false)) {
            return events.filter(e -> e.getPayloadType().getSimpleName().equals("CaseFiled")).count();
        }
    }
}
