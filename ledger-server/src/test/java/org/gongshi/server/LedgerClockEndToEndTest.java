package org.gongshi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenarios played on the ledger's clock (issue 15 items 1-2): a disclosure deadline across the 2026
 * Spring Festival is missed, recorded as events and counted in the figures; a backdated disclosure can
 * no longer look on time; the clock only moves forward, survives a restart, and refuses an earlier
 * start; the historical import takes older acts and marks them.
 */
class LedgerClockEndToEndTest {

    @TempDir
    Path dataDir;

    private static final String COMPANY = "北京春节逾期示例有限公司";

    @Test
    @SuppressWarnings("unchecked")
    void a_disclosure_deadline_missed_across_the_spring_festival_is_an_event_in_the_figures_and_backdating_cannot_hide_it()
            throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-02-02T09:00:00+08:00",
                "--gongshi.deadlines.poll=PT1S")) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            BureauClient bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
            assertThat(now(web)).isEqualTo("2026-02-02T09");

            // filed 02-02, decided Tuesday 02-10: 7 WD end 02-26, 20 WD end 03-16 (02-15..23 off, 02-14 and 02-28 worked)
            String caseId = (String) web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("filedOn", "2026-02-02", "ipType", "TRADEMARK", "violationType", "销售侵犯注册商标专用权的商品",
                            "procedure", "ORDINARY", "source", "权利人投诉",
                            "party", Map.of("kind", "LEGAL_PERSON", "name", COMPANY, "uscc", "91110000600037341L")))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId");
            var fine = List.of(Map.of("type", "FINE", "amount", 50000));
            bureau.act(caseId, "notices", Map.of("servedOn", "2026-02-03", "hearingRightGranted", false, "waived", true, "proposedPenalties", fine));
            bureau.act(caseId, "decisions", Map.of("kind", "PENALTY", "decisionNumber", "京朝市监罚〔2026〕77号", "decidedOn", "2026-02-10",
                    "penalties", fine, "legalBasis", "《商标法》第六十条", "facts", "销售侵权商品。"));

            // the clock passes the 20 WD deadline with nothing published: the ledger records both misses
            LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 3, 17));
            Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, token, caseId, v -> missed(v).size() == 2);
            assertThat(missed(view)).extracting(m -> m.get("kind") + " " + m.get("dueOn"))
                    .containsExactlyInAnyOrder("DOUBLE_PUBLICITY 2026-02-26", "DISCLOSURE 2026-03-16");
            Map<?, ?> stats = web.get().uri("/api/v1/stats?from=2026-01-01&to=2026-12-31").headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat((Map<String, Object>) stats.get("missedDeadlines")).containsEntry("DISCLOSURE", 1).containsEntry("DOUBLE_PUBLICITY", 1);

            // a backdated publication is refused; published today, it is late, whatever the client would like
            web.post().uri("/api/v1/cases/{id}/disclosure", caseId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("action", "PUBLISH", "decidedOn", "2026-03-10")).exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.rule").isEqualTo("recorded-on-its-day");
            bureau.act(caseId, "disclosure", Map.of("action", "PUBLISH"));
            view = LedgerEndToEndTest.awaitCase(web, token, caseId, v -> v.get("disclosure") != null);
            assertThat(view.get("historicalImport")).as("filed live").isEqualTo(false);
            Map<?, ?> disclosure = (Map<?, ?>) view.get("disclosure");
            assertThat(disclosure.get("decidedOn")).isEqualTo("2026-03-17");
            assertThat(((Map<?, ?>) disclosure.get("deadline")).get("met")).isEqualTo(false);
            stats = web.get().uri("/api/v1/stats?from=2026-01-01&to=2026-12-31").headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((Map<?, ?>) stats.get("disclosureOnTime")).get("numerator")).isEqualTo(0);

            // its instant in UTC, as API.md writes instants, beside the same in the legal zone and the ledger's day
            Map<?, ?> clockNow = web.get().uri("/dev/clock").exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat((String) clockNow.get("now")).endsWith("Z");
            assertThat(java.time.Instant.parse((String) clockNow.get("now")))
                    .isEqualTo(java.time.OffsetDateTime.parse((String) clockNow.get("local")).toInstant());
            assertThat((String) clockNow.get("local")).endsWith("+08:00").startsWith((String) clockNow.get("ledgerDay"));

            // the clock never goes back
            web.post().uri("/dev/clock").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("now", "2026-03-01T10:00:00+08:00"))
                    .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("clock-moves-forward");

            // an act older than the tolerance enters only through the historical import, marked, never on time
            Map<String, Object> oldFiling = Map.of("filedOn", "2025-06-02", "ipType", "PATENT", "violationType", "假冒专利",
                    "procedure", "ORDINARY", "source", "档案录入", "party", Map.of("kind", "LEGAL_PERSON", "name", "北京档案示例有限公司",
                            "uscc", "91110000600037341L"));
            web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(oldFiling)
                    .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("backdating-tolerance");
            web.post().uri("/api/v1/cases").headers(h -> { h.setBearerAuth(token); h.set("Gongshi-Historical-Import", "true"); })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(oldFiling).exchange().expectStatus().isCreated();
            web.post().uri("/api/v1/cases").headers(h -> { h.setBearerAuth(token); h.set("Gongshi-Historical-Import", "maybe"); })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(oldFiling).exchange().expectStatus().isBadRequest();
        }
    }

    /**
     * An import sends a case's acts one after the other, most of them past their deadlines: a deadline is checked a day (on the
     * ledger's clock) after the imported act that set it, so a case imported whole is judged by its own dates and records no miss,
     * and one the import leaves open is recorded missed a day on (a law sweep from outside, stop 73: a publication imported on
     * time showed both disclosure deadlines missed, and whether a miss was recorded depended on how fast the import ran).
     */
    @Test
    @SuppressWarnings("unchecked")
    void an_imported_case_is_judged_by_its_own_dates_and_one_left_open_is_missed_a_day_on() throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-03-31T09:00:00+08:00")) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            java.util.function.BiFunction<String, Object, Map<String, Object>> imported = (path, body) ->
                    web.post().uri(path).headers(h -> { h.setBearerAuth(token); h.set("Gongshi-Historical-Import", "true"); })
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().is2xxSuccessful()
                            .expectBody(Map.class).returnResult().getResponseBody();
            String whole = (String) imported.apply("/api/v1/cases", LegalDatesEndToEndTest.filing("2025-01-10",
                    LegalDatesEndToEndTest.company("北京档案完整示例有限公司", "91110000600037341L"))).get("caseId");
            imported.apply("/api/v1/cases/" + whole + "/notices", LegalDatesEndToEndTest.notice("2025-03-20",
                    LegalDatesEndToEndTest.fine(50000), false, true));
            String decisionId = (String) imported.apply("/api/v1/cases/" + whole + "/decisions", LegalDatesEndToEndTest.decision(
                    "京朝市监罚〔2025〕301号", "2025-03-31", LegalDatesEndToEndTest.fine(50000))).get("decisionId");
            // published on 2025-04-03, within 7 WD (04-10) and 20 WD (04-29) of the decision
            Object published = imported.apply("/api/v1/cases/" + whole + "/disclosure", Map.of("action", "PUBLISH", "decidedOn", "2025-04-03"))
                    .get("position");
            // a lower-amount fine, public for 3 months (to 2025-07-03): ended on the ledger's day, before its expiry is recorded a
            // day on (a sweep from outside, stop 74: such a record was public, searched and on its subject's page until then)
            web.get().uri("/api/v1/public/penalties/{id}?position={p}", decisionId, published).exchange().expectStatus().isEqualTo(410)
                    .expectBody().jsonPath("$.state").isEqualTo("EXPIRED").jsonPath("$.detail").value(d -> assertThat((String) d).contains("2025-07-03"));
            web.get().uri("/api/v1/public/subjects/91110000600037341L?position={p}", published).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.penaltiesTotal").isEqualTo(0);
            // in no search nor its count, and the auditor's state as it stood answers as the public API did (two sweeps from
            // outside, stop 76: a search answered total 1 with no record, and the state showed the record public, 200)
            web.get().uri("/api/v1/public/penalties?uscc=91110000600037341L&position={p}", published).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items.length()").isEqualTo(0);
            String auditor = AuditEndToEndTest.token(web, "auditor", "110000");
            String now = app.getBean(org.gongshi.ledger.calendar.LedgerClock.class).instant().toString();
            web.get().uri("/api/v1/audit/cases/{id}/state?asOf={at}&position={p}", whole, now, published).headers(h -> h.setBearerAuth(auditor))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.publicRecord.status").isEqualTo(410).jsonPath("$.publicRecord.body.state").isEqualTo("EXPIRED")
                    .jsonPath("$.publicRecord.versions[0].status").isEqualTo(410);
            String open = (String) imported.apply("/api/v1/cases", LegalDatesEndToEndTest.filing("2025-01-10",
                    LegalDatesEndToEndTest.company("北京档案未结示例有限公司", "91110000600037341L"))).get("caseId");
            Map<?, ?> opened = LedgerEndToEndTest.awaitCase(web, token, open, v -> v.get("decisionDeadline") != null);
            assertThat(missed(opened)).as("not at once: the import may send the decision next").isEmpty();
            // the bureau's view says the case came through the import (a sweep from outside, stop 84: only the audit history did)
            assertThat(opened.get("historicalImport")).isEqualTo(true);

            LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 4, 2));
            Map<?, ?> left = LedgerEndToEndTest.awaitCase(web, token, open, v -> !missed(v).isEmpty());
            assertThat(missed(left)).extracting(m -> m.get("kind") + " " + m.get("dueOn") + " recorded " + m.get("recordedOn"))
                    .containsExactly("DECISION 2025-04-10 recorded 2026-04-02");
            Map<?, ?> judged = LedgerEndToEndTest.awaitCase(web, token, whole, v -> v.get("disclosure") != null);
            assertThat(missed(judged)).as("published on time by its own dates").isEmpty();
        }
    }

    /**
     * Withdrawal (DOMAIN.md, 3 WD): a decision revoked while its record was public, the revision recorded only after the record's
     * publicity period ended, stayed public revised past the withdrawal deadline: the miss is recorded and the figure counts it
     * 0/1 (a sweep from outside, stop 84: such a revision left the figure, 0/0, and recorded no miss).
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_revision_recorded_after_its_record_expired_counts_the_withdrawal_missed_where_the_record_stayed_public_past_it() throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-03-02T09:00:00+08:00")) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            BureauClient bureau = BureauClient.withToken(web, token);
            // a lower-amount fine decided on 03-10 and published that day: public for 3 months, to 06-10
            String caseId = bureau.decidedCase("北京撤销示例有限公司", "91110000600037341L", 50000);
            bureau.publish(caseId);
            LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 6, 20));
            LedgerEndToEndTest.awaitCase(web, token, caseId, v -> "EXPIRED".equals(((Map<?, ?>) v.get("disclosure")).get("state")));
            // revoked from Mon 06-01 (3 WD: 06-04), recorded 06-20
            bureau.revoke(caseId, "人民法院判决撤销该处罚决定", "2026-06-01");
            Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, token, caseId, v -> !missed(v).isEmpty());
            assertThat(missed(view)).extracting(m -> m.get("kind") + " " + m.get("dueOn") + " recorded " + m.get("recordedOn"))
                    .containsExactly("WITHDRAWAL 2026-06-04 recorded 2026-06-20");
            assertThat((List<Map<String, Object>>) view.get("withdrawals")).singleElement()
                    .satisfies(w -> assertThat((Map<String, Object>) w.get("deadline")).containsEntry("dueOn", "2026-06-04").containsEntry("met", false));
            Map<?, ?> figures = web.get().uri("/api/v1/stats?from=2026-06-01&to=2026-06-30").headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat((Map<String, Object>) figures.get("withdrawalOnTime")).containsEntry("numerator", 0).containsEntry("denominator", 1);
        }
    }

    /**
     * A move of the clock answers once what fell due by then is recorded, on that day: moved on twice in quick succession,
     * a deadline missed before the first move is recorded on the first move's day (audit: recorded weeks late, at the next
     * poll, when the case was filed just before the move; the schedule had not yet read the filing).
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_deadline_passed_by_a_move_of_the_clock_is_recorded_on_the_day_moved_to_before_the_move_answers() throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-02-02T09:00:00+08:00",
                "--gongshi.deadlines.poll=PT1H")) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String caseId = (String) web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("filedOn", "2026-02-02", "ipType", "TRADEMARK", "violationType", "销售侵犯注册商标专用权的商品",
                            "procedure", "ORDINARY", "source", "权利人投诉",
                            "party", Map.of("kind", "LEGAL_PERSON", "name", COMPANY, "uscc", "91110000600037341L")))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId");
            // Art 60: filed 02-02, decided by 05-03 (90 CD), a holiday: by 05-06; the clock passes it at once, then moves on a month
            LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 5, 8));
            LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 6, 5));

            Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, token, caseId, v -> !missed(v).isEmpty());
            assertThat(missed(view)).extracting(m -> m.get("kind") + " " + m.get("dueOn") + " recorded " + m.get("recordedOn"))
                    .containsExactly("DECISION 2026-05-06 recorded 2026-05-08");
            // the deadlines' sweep and the two logs' signers each have a thread of the schedule's own: with one thread for all,
            // a sweep of 2,523 deadlines held both tree heads unsigned for 95 s (a crash and audit sweep from outside, stop 73)
            int tasks = app.getBean(org.springframework.scheduling.config.ScheduledTaskHolder.class).getScheduledTasks().size();
            assertThat(tasks).as("the sweep and the feed's and the ledger's signers").isGreaterThanOrEqualTo(3);
            assertThat(app.getBean(org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler.class).getPoolSize())
                    .isGreaterThanOrEqualTo(tasks);
        }
    }

    @Test
    void the_clock_survives_a_restart_and_refuses_a_start_before_the_last_event(@TempDir Path fresh) throws Exception {
        String before;
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-02-02T09:00:00+08:00")) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            new BureauClient(web, LedgerEndToEndTest.BUREAU).decidedCase("北京重启示例有限公司", "91110000600037341L", 5000);
            LedgerEndToEndTest.clockTo(app, java.time.LocalDate.of(2026, 4, 1));
            before = now(web);
        }
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-02-02T09:00:00+08:00")) {
            assertThat(now(LedgerEndToEndTest.client(app))).as("the same start continues the persisted clock").isGreaterThanOrEqualTo(before);
        }
        assertThatThrownBy(() -> LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-01-01T09:00:00+08:00").close())
                .hasStackTraceContaining("is before the last recorded event of this ledger");
        // the demo flag is true or false, as the demo data reads it ("yes" started the demo's clock and seeded nothing: a sweep)
        assertThatThrownBy(() -> LedgerEndToEndTest.start(dataDir, "--gongshi.demo=yes").close())
                .hasStackTraceContaining("The setting gongshi.demo has the value 'yes', which is neither true nor false");
        // the demo on a fresh ledger whose clock starts after the scenario's first day is refused at once, naming both settings
        assertThatThrownBy(() -> LedgerEndToEndTest.start(fresh, "--gongshi.demo=true", "--gongshi.clock.start=2026-03-02T09:00:00+08:00").close())
                .hasStackTraceContaining("gongshi.demo plays its scenario from 2026-01-05T09:00:00+08:00 on a fresh ledger, and gongshi.clock.start=2026-03-02T09:00:00+08:00 is more than 30 CD after it");
    }

    /** The ledger's clock, to the hour (Asia/Shanghai): 2026-02-02T09 */
    private static String now(WebTestClient web) {
        Map<?, ?> body = web.get().uri("/dev/clock").exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((String) body.get("local")).substring(0, 13);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> missed(Map<?, ?> view) {
        Object missed = view.get("missedDeadlines");
        return missed == null ? List.of() : (List<Map<?, ?>>) missed;
    }
}
