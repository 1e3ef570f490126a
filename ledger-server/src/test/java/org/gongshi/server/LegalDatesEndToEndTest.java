package org.gongshi.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's rules where dates matter, played through the HTTP API on one ledger whose clock moves
 * forward only ({@code /dev/clock}, moved by {@link OnItsDay} to each act's day): the tests run in
 * the order of their dates. Expected dates are computed by hand on the State Council's 2026 calendar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegalDatesEndToEndTest {

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static WebTestClient web;
    static String token;
    static BureauClient bureau;

    @BeforeAll
    static void start() {
        app = LedgerEndToEndTest.start(dataDir, "--gongshi.clock.start=2026-03-02T09:00:00+08:00");
        web = LedgerEndToEndTest.client(app);
        token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
        bureau = BureauClient.withToken(web, token);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    /**
     * Item 8: a case names its authority (处罚机关) from the bureau's registration, never from the
     * request: a filing shaped as API.md has it (no authority) takes the registered name, and a
     * request naming another authority is 400 naming the field.
     */
    @Test
    @Order(0) // dated on the clock's start, before the other scenarios move it on
    void item_8_the_authority_name_comes_from_the_bureaus_registration_never_from_the_request() throws Exception {
        var filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(filing("2026-03-02", company("北京登记机关示例有限公司", "91110000600037341L")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        var view = LedgerEndToEndTest.awaitCase(web, token, (String) filed.get("caseId"), v -> v.get("authorityName") != null);
        String registered = app.getBean(org.gongshi.api.security.BureauRegistry.class).authorityName(LedgerEndToEndTest.BUREAU).orElseThrow();
        assertThat(view.get("authorityName")).isEqualTo(registered);

        Map<String, Object> freeText = new java.util.HashMap<>(filing("2026-03-02", company("北京登记机关示例有限公司", "91110000600037341L")));
        freeText.put("authorityName", "某某自称执法局");
        web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(freeText)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("authorityName");
    }

    /**
     * A registered bureau files and reads only in the division its code was issued in (a sweep from outside, stop 84: an
     * officer of Chaoyang, 110105, whose token claimed Pudong's 310115 filed a case into Shanghai's view and figures; a
     * re-test: such a token still read the bureau's cases): /dev/tokens mints no such token, and one signed elsewhere is a
     * 403 naming both divisions for a command and a read alike, nothing recorded; its own division files and reads.
     */
    @Test
    @Order(0)
    void a_registered_bureau_files_and_reads_only_in_the_division_its_code_was_issued_in() throws InterruptedException {
        String chaoyang = "111101050000000191";
        web.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", "officer-wang", "bureau", chaoyang, "division", "310115", "roles", List.of("officer")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("division");
        java.time.Instant now = java.time.Instant.now();
        String elsewhere = app.getBean(org.springframework.security.oauth2.jwt.JwtEncoder.class).encode(
                org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
                        org.springframework.security.oauth2.jwt.JwsHeader.with(org.springframework.security.oauth2.jose.jws.MacAlgorithm.HS256).build(),
                        org.springframework.security.oauth2.jwt.JwtClaimsSet.builder().subject("officer-wang").issuer("gongshi-dev")
                                .issuedAt(now).expiresAt(now.plus(java.time.Duration.ofHours(1))).claim("bureau", chaoyang)
                                .claim("division", "310115").claim("roles", List.of("officer")).build())).getTokenValue();
        web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(elsewhere)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(filing("2026-03-02", company("北京登记机关示例有限公司", "91110000600037341L")))
                .exchange().expectStatus().isForbidden().expectBody(String.class)
                .value(body -> assertThat(body).contains("division 310115 lies outside bureau 111101050000000191's").contains("110105"));
        String own = (String) web.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", "officer-wang", "bureau", chaoyang, "division", "110105", "roles", List.of("officer")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
        var filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(own)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(filing("2026-03-02", company("北京登记机关示例有限公司", "91110000600037341L")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        var view = LedgerEndToEndTest.awaitCase(web, own, (String) filed.get("caseId"), v -> v.get("division") != null);
        assertThat(view.get("division")).isEqualTo("110105");
        assertThat(web.get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(own)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("total")).as("the refused filing recorded nothing").isEqualTo(1);
        for (String read : List.of("/api/v1/cases", "/api/v1/cases/" + filed.get("caseId"), "/api/v1/stats")) {
            web.get().uri(read).headers(h -> h.setBearerAuth(elsewhere)).exchange().expectStatus().isForbidden()
                    .expectBody(String.class).value(body -> assertThat(body).contains("lies outside bureau 111101050000000191's"));
        }
        web.get().uri("/api/v1/public/penalties").headers(h -> h.setBearerAuth(elsewhere)).exchange().expectStatus().isOk();
    }

    static Map<String, Object> filing(String filedOn, Map<String, Object> party) {
        return Map.of("filedOn", filedOn, "ipType", "TRADEMARK", "violationType", "销售侵犯注册商标专用权的商品", "procedure", "ORDINARY",
                "source", "权利人投诉", "party", party);
    }

    static Map<String, Object> company(String name, String uscc) {
        return Map.of("kind", "LEGAL_PERSON", "name", name, "uscc", uscc);
    }

    static Map<String, Object> notice(String servedOn, List<Map<String, Object>> penalties, boolean hearing, boolean waived) {
        return Map.of("servedOn", servedOn, "hearingRightGranted", hearing, "waived", waived, "proposedPenalties", penalties);
    }

    static Map<String, Object> decision(String number, String decidedOn, List<Map<String, Object>> penalties) {
        return Map.of("kind", "PENALTY", "decisionNumber", number, "decidedOn", decidedOn, "penalties", penalties,
                "legalBasis", "《商标法》第六十条第二款", "facts", "当事人销售侵犯注册商标专用权的商品。");
    }

    static List<Map<String, Object>> fine(int yuan) {
        return List.of(Map.of("type", "FINE", "amount", yuan));
    }

    /** The one public record of {@code uscc}, once it is public. */
    static Map<?, ?> publicRecordOf(String uscc, Predicate<Map<?, ?>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            Map<?, ?> page = web.get().uri("/api/v1/public/penalties?uscc={u}", uscc).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            List<?> items = (List<?>) page.get("items");
            if (items.size() == 1) {
                last = (Map<?, ?>) items.get(0);
                if (ready.test(last)) return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no public record of " + uscc + " as expected; last: " + last);
    }

    @Test
    @Order(1)
    void item_1_no_ordinary_decision_inside_the_5_WD_statement_window() {
        String caseId = bureau.file(filing("2026-03-02", company("北京示例陈述商贸有限公司", "911101057123456131")));
        bureau.act(caseId, "notices", notice("2026-03-04", fine(30000), false, false));
        // served Wednesday 03-04: the 5 WD are 03-05, 06, 09, 10, 11; a decision on 03-05 is voidable
        Map<?, ?> problem = bureau.refused(caseId, "decisions", decision("京朝市监罚〔2026〕201号", "2026-03-05", fine(30000)));
        assertThat(problem.get("rule")).isEqualTo("statement-window");
        assertThat((String) problem.get("detail")).contains("2026-03-11");
        bureau.act(caseId, "decisions", decision("京朝市监罚〔2026〕201号", "2026-03-12", fine(30000)));
    }

    @Test
    @Order(2)
    void item_2_the_15_CD_to_pay_run_from_the_day_the_party_received_the_decision() throws Exception {
        String caseId = bureau.file(filing("2026-03-13", company("北京示例送达商贸有限公司", "91110105712345621U")));
        bureau.act(caseId, "notices", notice("2026-03-13", fine(30000), false, true));
        bureau.act(caseId, "decisions", decision("京朝市监罚〔2026〕202号", "2026-03-16", fine(30000)));
        // received Wednesday 03-18 (Art 61): 15 CD from the next day end on 04-02, not 15 CD from the decision (03-31)
        bureau.act(caseId, "service", Map.of("receivedOn", "2026-03-18", "method", "直接送达"));
        Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, token, caseId, v -> v.get("decision") instanceof Map<?, ?> d
                && d.get("paymentDeadline") != null);
        Map<?, ?> payment = (Map<?, ?>) ((Map<?, ?>) view.get("decision")).get("paymentDeadline");
        assertThat(payment.get("dueOn")).isEqualTo("2026-04-02");

        // a challenge's answer names its number, which ends it (audit: only the case view said it)
        Map<?, ?> challenge = bureau.answer(caseId, "challenges", Map.of("kind", "RECONSIDERATION", "filedOn", "2026-03-20"));
        assertThat(challenge.get("number")).isEqualTo(1);
        assertThat(challenge.get("position")).isNotNull();
        bureau.act(caseId, "challenges/" + challenge.get("number") + "/end", Map.of("endedOn", "2026-03-25", "outcome", "维持"));
    }

    @Test
    @Order(3)
    void item_4_a_restriction_longer_than_3_years_stays_public_until_its_term_ends() throws Exception {
        String uscc = "9111010571234563XK";
        String caseId = bureau.file(filing("2026-03-20", company("北京示例限制经营有限公司", uscc)));
        var restriction = List.<Map<String, Object>>of(Map.of("type", "BUSINESS_RESTRICTION", "until", "2030-06-30",
                "description", "限制开展生产经营活动至2030年6月30日"));
        // a restriction without the last day of its term is a bad request
        web.post().uri("/api/v1/cases/{id}/notices", caseId).headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(notice("2026-03-20", List.of(Map.of("type", "BUSINESS_RESTRICTION", "description", "限制开展生产经营活动")), true, true))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).value(body -> assertThat(body).contains("until"));
        bureau.act(caseId, "notices", notice("2026-03-20", restriction, true, true));
        bureau.act(caseId, "decisions", decision("京朝市监罚〔2026〕203号", "2026-03-23", restriction));
        bureau.publish(caseId);
        // published 03-23: 3 years would end 2029-03-23, but the restriction runs to 2030-06-30
        Map<?, ?> record = publicRecordOf(uscc, r -> true);
        assertThat(record.get("publicUntil")).isEqualTo("2030-06-30");
    }

    @Test
    @Order(4)
    void item_16_a_decision_on_the_18th_birthday_is_a_minors_and_is_never_published() {
        // born 2008-03-25: 18 周岁 is reached on 2026-03-26, the day after the birthday
        Map<String, Object> minor = Map.of("kind", "NATURAL_PERSON", "name", "李示例", "idNumber", "110105200803251233");
        String caseId = bureau.file(filing("2026-03-24", minor));
        bureau.act(caseId, "notices", notice("2026-03-24", fine(5000), false, true));
        bureau.act(caseId, "decisions", decision("京朝市监罚〔2026〕204号", "2026-03-25", fine(5000)));
        Map<?, ?> problem = bureau.refused(caseId, "disclosure", Map.of("action", "PUBLISH"));
        assertThat(problem.get("rule")).isEqualTo("disclosure-scope");
        assertThat((String) problem.get("detail")).contains("minor");
    }

    @Test
    @Order(5)
    void item_12_publication_repair_starts_the_day_after_the_6_month_anniversary() throws Exception {
        String uscc = "91110105712345648K";
        String caseId = bureau.file(filing("2026-03-26", company("北京示例修复商贸有限公司", uscc)));
        // ¥150,000 is neither a lower amount (below ¥100,000) nor without a hearing right (Art 63)
        bureau.act(caseId, "notices", notice("2026-03-26", fine(150000), true, true));
        bureau.act(caseId, "decisions", decision("京朝市监罚〔2026〕205号", "2026-03-27", fine(150000)));
        bureau.publish(caseId);
        bureau.act(caseId, "service", Map.of("receivedOn", "2026-03-27", "method", "直接送达"));
        bureau.act(caseId, "execution", Map.of("executedOn", "2026-03-30", "paidAmount", 150000, "method", "银行转账"));
        String recordId = (String) publicRecordOf(uscc, r -> "2026-03-27".equals(r.get("publishedOn"))).get("recordId");
        // published 03-27: the 6-month anniversary 09-27 is still inside the period; repair from 09-28
        Map<?, ?> problem = bureau.refused(caseId, "repair", Map.of("decidedOn", "2026-09-27", "harmRemoved", true));
        assertThat(problem.get("rule")).isEqualTo("credit-repair");
        assertThat((String) problem.get("detail")).contains("2026-09-28");
        bureau.act(caseId, "repair", Map.of("decidedOn", "2026-09-28", "harmRemoved", true));
        // the record's page says where the early end comes from, the regulation named (a sweep from outside, stop 75: 第十四条 alone)
        assertThat(pageOnceItAnswers("/penalties/" + recordId, 410)).contains("经信用修复").contains("《市场监督管理行政处罚信息公示规定》第十四条");
    }

    /** A public page once it answers {@code status} (the read models follow the ledger). */
    static String pageOnceItAnswers(String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var answer = web.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult();
            if (answer.getStatus().value() == status) return answer.getResponseBody();
            if (System.nanoTime() > deadline) throw new AssertionError(path + " answered " + answer.getStatus() + ", not " + status);
            Thread.sleep(100);
        }
    }

    @Test
    @Order(6)
    void item_20_a_public_until_date_in_2027_is_provisional_until_its_notice_is_loaded() throws Exception {
        String uscc = "91110105712345656E";
        String caseId = bureau.file(filing("2026-10-09", company("北京示例公示期商贸有限公司", uscc)));
        bureau.act(caseId, "notices", notice("2026-10-09", fine(30000), false, true));
        bureau.act(caseId, "decisions", decision("京朝市监罚〔2026〕206号", "2026-10-12", fine(30000)));
        bureau.publish(caseId);
        // a lower-amount fine: 3 months from 10-12 end on 2027-01-12, a year with no State Council notice loaded
        Map<?, ?> record = publicRecordOf(uscc, r -> true);
        assertThat(record.get("publicUntil")).isEqualTo("2027-01-12");
        assertThat(record.get("publicUntilProvisional")).isEqualTo(true);
        assertThat(record.get("publishedOn")).isEqualTo("2026-10-12");
        // and the case view says so too (README: "visibly: in the case view and as publicUntilProvisional on public records")
        Map<?, ?> disclosure = (Map<?, ?>) LedgerEndToEndTest.awaitCase(web, token, caseId, v -> v.get("disclosure") != null).get("disclosure");
        assertThat(disclosure.get("publicUntil")).isEqualTo("2027-01-12");
        assertThat(disclosure.get("publicUntilProvisional")).isEqualTo(true);
    }
}
