package org.gongshi.server;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongshi.ledger.cases.event.PenaltyNoticeServed;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.feed.FeedLogProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No handler failure moves a token past the event it failed on. A bureau view dead-letters the
 * failing case (and every later event of it) while other cases go on; the fault shows in health and
 * metrics; a retry applies the case's events in order. The public feed instead stalls and retries.
 */
class ProcessorFaultEndToEndTest {

    /** Cases whose notice the injected case-view handler refuses. */
    static final Set<String> FAULTY_CASES = ConcurrentHashMap.newKeySet();
    /** Records whose publication the injected feed handler refuses. */
    static final Set<String> FAULTY_RECORDS = ConcurrentHashMap.newKeySet();
    /** How often the injected feed handler has refused. */
    static final java.util.concurrent.atomic.AtomicInteger FEED_REFUSALS = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    static class Faults {
        @Bean
        FaultyCaseView faultyCaseView() {
            return new FaultyCaseView();
        }

        @Bean
        FaultyFeed faultyFeed() {
            return new FaultyFeed();
        }
    }

    @ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
    static class FaultyCaseView {
        @EventHandler
        void on(PenaltyNoticeServed e) {
            if (FAULTY_CASES.contains(e.caseId())) throw new IllegalStateException("injected fault for case " + e.caseId());
        }
    }

    @ProcessingGroup(FeedLogProjection.PROCESSING_GROUP)
    static class FaultyFeed {
        @EventHandler
        void on(DisclosureDecided e) {
            if (FAULTY_RECORDS.contains(e.caseId())) {
                FEED_REFUSALS.incrementAndGet();
                throw new IllegalStateException("injected fault for record of " + e.caseId());
            }
        }
    }

    private ConfigurableApplicationContext start() {
        LedgerServerApplication.disableUpdateChecker();
        return new SpringApplicationBuilder(LedgerServerApplication.class, Faults.class)
                .run("--gongshi.data-dir=" + dataDir, "--server.port=0", "--management.endpoint.health.show-details=always",
                        "--gongshi.clock.start=" + LedgerEndToEndTest.CLOCK_START);
    }

    @Test
    void a_failing_view_event_is_dead_lettered_with_the_rest_of_its_case_shows_in_health_and_metrics_and_applies_in_order_on_retry()
            throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String admin = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "admin");
            String poisoned = file(web, officer);
            String healthy = file(web, officer);
            FAULTY_CASES.add(poisoned);
            for (String caseId : List.of(poisoned, healthy)) {
                notice(web, officer, caseId);
                decide(web, officer, caseId);
            }

            // the other case is not blocked
            LedgerEndToEndTest.awaitCase(web, officer, healthy, v -> "PENALTY_DECIDED".equals(v.get("status")));
            // the poisoned case's notice and its later decision wait in the dead-letter queue
            Map<?, ?> health = await(() -> body(web.get().uri("/actuator/health")), h -> "DEGRADED".equals(h.get("status"))
                    && deadLetters(h, CaseViewProjection.PROCESSING_GROUP) == 2, "health DEGRADED with 2 dead letters");
            assertThat((String) processorHealth(health).get("reason")).contains("case-views holds 2 dead letters");
            assertThat(metric(web, admin, "gongshi.processor.dead.letters", "processor:case-views")).isEqualTo(2.0);
            assertThat(metric(web, admin, "gongshi.command.latency", "command:ServePenaltyNotice")).as("notices timed").isEqualTo(2.0);
            assertThat(metric(web, admin, "gongshi.processor.lag", "processor:public-feed")).isGreaterThanOrEqualTo(0.0);
            assertThat(metric(web, admin, "gongshi.feed.subscribers", null)).isZero();
            assertThat(metric(web, admin, org.gongshi.server.embedded.DocumentWrites.METER, "collection:case_views"))
                    .as("the healthy case's view, read above, counted as written").isGreaterThanOrEqualTo(1.0);
            Map<?, ?> view = body(web.get().uri("/api/v1/cases/{id}", poisoned).headers(h -> h.setBearerAuth(officer)));
            assertThat(view.get("status")).as("the decision is not applied ahead of the notice").isNotEqualTo("PENALTY_DECIDED");
            assertThat(view.get("decision")).isNull();

            web.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(officer)).exchange().expectStatus().isForbidden();
            web.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$[?(@.processor=='case-views')].deadLetters").isEqualTo(List.of(2))
                    .jsonPath("$[?(@.processor=='case-views')].first[0].sequence").isEqualTo(List.of(poisoned))
                    .jsonPath("$[?(@.processor=='case-views')].first[0].letters[0].type").isEqualTo(List.of("PenaltyNoticeServed"))
                    .jsonPath("$[?(@.processor=='case-views')].first[0].letters[1].type").isEqualTo(List.of("PenaltyDecided"));

            // still failing: the retry puts the letters back
            web.post().uri("/api/v1/admin/dead-letters/case-views/{seq}/retry", poisoned).headers(h -> h.setBearerAuth(admin))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.succeeded").isEqualTo(false).jsonPath("$.remaining").isEqualTo(2);

            FAULTY_CASES.remove(poisoned);
            web.post().uri("/api/v1/admin/dead-letters/case-views/{seq}/retry", poisoned).headers(h -> h.setBearerAuth(admin))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.succeeded").isEqualTo(true).jsonPath("$.remaining").isEqualTo(0);
            LedgerEndToEndTest.awaitCase(web, officer, poisoned, v -> "PENALTY_DECIDED".equals(v.get("status")) && v.get("notice") != null);
            await(() -> body(web.get().uri("/actuator/health")), h -> "UP".equals(h.get("status")), "health UP after the retry");
            assertThat(metric(web, admin, "gongshi.processor.dead.letters", "processor:case-views")).isEqualTo(0.0);
            web.post().uri("/api/v1/admin/dead-letters/case-views/{seq}/retry", poisoned).headers(h -> h.setBearerAuth(admin))
                    .exchange().expectStatus().isNotFound();
        } finally {
            FAULTY_CASES.clear();
        }
    }

    @Test
    void a_failing_feed_event_stalls_the_feed_shows_down_and_is_retried_without_skipping_it() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String first = file(web, officer);
            String second = file(web, officer);
            FAULTY_RECORDS.add(first);
            for (String caseId : List.of(first, second)) {
                notice(web, officer, caseId);
                decide(web, officer, caseId);
                web.post().uri("/api/v1/cases/{id}/disclosure", caseId).headers(h -> h.setBearerAuth(officer))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "PUBLISH", "decidedOn", "2026-03-05"))
                        .exchange().expectStatus().isOk();
            }
            Map<?, ?> health = await(() -> body(web.get().uri("/actuator/health")), h -> "DOWN".equals(h.get("status")),
                    "health DOWN while the feed retries");
            assertThat((String) processorHealth(health).get("reason")).contains("public-feed STALLED");
            // the public records go on; the feed does not move past the failed publication
            await(() -> body(web.get().uri("/api/v1/public/penalties?size=10")), p -> ((Number) p.get("total")).intValue() == 2,
                    "both records public in the API");
            // the processor retries the same event (back-off 1 s, then 2 s) and nothing after it is appended;
            // the feed's own handler for that event may have run before the injected one
            await(FEED_REFUSALS::get, n -> n >= 3, "two retries of the failed event");
            String firstRecord = (String) ((Map<?, ?>) body(web.get().uri("/api/v1/cases/{id}", first)
                    .headers(h -> h.setBearerAuth(officer))).get("disclosure")).get("recordId");
            assertThat(feed(web)).as("nothing appended past the failed event").allMatch(l -> l.contains(firstRecord)).hasSizeLessThan(2);
            assertThat((String) processorHealth(body(web.get().uri("/actuator/health"))).get("reason")).contains("public-feed STALLED");

            FAULTY_RECORDS.remove(first); // the processor's next retry (back-off from 1 s) succeeds
            List<String> lines = await(() -> feed(web), l -> l.size() == 2, "both publications in the feed");
            assertThat(lines.get(0)).contains("\"sequence\":0").contains(firstRecord);
            assertThat(lines.get(1)).contains("\"sequence\":1").doesNotContain(firstRecord);
            await(() -> body(web.get().uri("/actuator/health")), h -> "UP".equals(h.get("status")), "health UP after the retry");
        } finally {
            FAULTY_RECORDS.clear();
            FEED_REFUSALS.set(0);
        }
    }

    private static List<String> feed(WebTestClient web) {
        String body = web.get().uri("/feed/v1/entries?limit=100").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return body == null ? List.of() : body.lines().filter(l -> !l.isBlank()).toList();
    }

    static String file(WebTestClient web, String token) {
        Map<?, ?> filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) filed.get("caseId");
    }

    static void notice(WebTestClient web, String token, String caseId) {
        web.post().uri("/api/v1/cases/{id}/notices", caseId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("servedOn", "2026-02-12", "hearingRightGranted", false,
                        "proposedPenalties", List.of(Map.of("type", "FINE", "amount", 50000))))
                .exchange().expectStatus().isOk();
    }

    /** The end-to-end decision under a number of its own (decision numbers are unique per bureau). */
    static Map<String, Object> decision(String caseId) {
        Map<String, Object> decision = new java.util.HashMap<>(LedgerEndToEndTest.decision());
        decision.put("decisionNumber", "京朝市监罚〔2026〕" + caseId.substring(0, 8) + "号");
        return decision;
    }

    static void decide(WebTestClient web, String token, String caseId) {
        web.post().uri("/api/v1/cases/{id}/decisions", caseId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(decision(caseId)).exchange().expectStatus().isOk();
    }

    static Map<?, ?> body(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().returnResult(Map.class).getResponseBody().blockFirst();
    }

    /** The event processors' part of {@code /actuator/health}: one entry per processor, and the reason when not UP. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> processorHealth(Map<?, ?> health) {
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        return (Map<String, Object>) ((Map<String, Object>) components.get("eventProcessors")).get("details");
    }

    @SuppressWarnings("unchecked")
    static long deadLetters(Map<?, ?> health, String processor) {
        return ((Number) ((Map<String, Object>) processorHealth(health).get(processor)).get("deadLetters")).longValue();
    }

    /** The first measurement of a metric (a timer's: its count), narrowed by one tag if given. */
    static double metric(WebTestClient web, String admin, String name, String tag) {
        Map<?, ?> body = tag == null ? body(web.get().uri("/actuator/metrics/{name}", name).headers(h -> h.setBearerAuth(admin)))
                : body(web.get().uri("/actuator/metrics/{name}?tag={tag}", name, tag).headers(h -> h.setBearerAuth(admin)));
        return ((Number) ((Map<?, ?>) ((List<?>) body.get("measurements")).get(0)).get("value")).doubleValue();
    }

    static <T> T await(Supplier<T> read, Predicate<T> ready, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = read.get();
                if (last != null && ready.test(last)) return last;
            } catch (RuntimeException notYet) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited 60 s for " + what + "; last: " + last);
    }
}
