package org.gongshi.server;

import org.gongshi.server.schedule.DeadlineRunner;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public case-information disclosure as a bureau, a member of the public and a browser meet it:
 * decide, publish with redactions, search, read, revise (the record answers 410 with the reason),
 * expire by the scheduler — through the JSON API and the zh-CN pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicDisclosureEndToEndTest {

    static final String ID_NUMBER = "440305198506123021";
    /** Private data the decision below contains; none may reach a public output. */
    static final List<String> SECRETS = List.of(ID_NUMBER, "198506", "13912345678", "0755-83456789",
            "6222021234567890123", "liu.shili@example.com", "南山区示例路88号", "患有糖尿病", "张第三人");
    static final String LEAKY_FACTS = "当事人刘示例（身份证号" + ID_NUMBER + "，住深圳市南山区示例路88号3栋1201，电话13912345678，"
            + "座机0755-83456789，邮箱liu.shili@example.com）通过网店销售侵权手提包15个，货款经银行账户6222021234567890123收取；"
            + "其同住人张第三人协助发货；当事人自述患有糖尿病。<script>alert('x')</script>";

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static WebTestClient web;
    static String officer;

    @BeforeAll
    static void start() {
        app = LedgerEndToEndTest.start(dataDir);
        web = LedgerEndToEndTest.client(app);
        officer = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String decidedCase(Map<String, Object> party, String filedOn, List<Map<String, Object>> penalties, String facts) {
        Map<?, ?> filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(officer)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("filedOn", filedOn, "ipType", "TRADEMARK", "violationType", "销售侵犯注册商标专用权的商品",
                        "procedure", "ORDINARY", "source", "网络巡查", "party", party))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String caseId = (String) filed.get("caseId");
        LocalDate filed0 = LocalDate.parse(filedOn);
        post(caseId, "notices", Map.of("servedOn", filed0.plusDays(2).toString(), "hearingRightGranted", true, "waived", true,
                "proposedPenalties", penalties));
        post(caseId, "decisions", Map.of("kind", "PENALTY", "decisionNumber", "京朝市监罚〔2026〕" + caseId.substring(0, 4) + "号",
                "decidedOn", filed0.plusDays(10).toString(), "penalties", penalties, "legalBasis", "《商标法》第六十条第二款", "facts", facts));
        return caseId;
    }

    static void post(String caseId, String act, Map<String, Object> body) {
        web.post().uri("/api/v1/cases/{id}/" + act, caseId).headers(h -> h.setBearerAuth(officer)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    static Map<?, ?> awaitPublic(String query, Predicate<Map<?, ?>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            last = web.get().uri(query).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            if (ready.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError(query + " never became ready: " + last);
    }

    static int total(Map<?, ?> page) {
        return ((Number) page.get("total")).intValue();
    }

    @Test
    @Order(1) // the tests share one ledger, whose clock moves forward only: in the order of their dates
    @SuppressWarnings("unchecked")
    void a_published_decision_is_searchable_and_its_revision_withdraws_it_with_the_reason() throws Exception {
        String caseId = decidedCase(Map.of("kind", "LEGAL_PERSON", "name", "北京锦绣示范商贸有限公司", "uscc", "91110000600037341L",
                "legalRepresentative", "王示例"), "2026-02-02", List.of(Map.of("type", "FINE", "amount", 150000)), "销售侵权服装120件。");
        // a publish before nothing else: the decision is ordinary and not warning-only
        post(caseId, "disclosure", Map.of("action", "PUBLISH", "decidedOn", "2026-02-20"));
        web.post().uri("/api/v1/cases/{id}/disclosure", caseId).headers(h -> h.setBearerAuth(officer)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "PUBLISH", "decidedOn", "2026-02-21"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("disclosure-after-decision");

        Map<?, ?> found = awaitPublic("/api/v1/public/penalties?q=锦绣示范", p -> total(p) == 1);
        Map<?, ?> record = (Map<?, ?>) ((List<?>) found.get("items")).get(0);
        String recordId = (String) record.get("recordId");
        assertThat(record.get("subjectName")).isEqualTo("北京锦绣示范商贸有限公司");
        assertThat(record.get("uscc")).isEqualTo("91110000600037341L");
        // ¥150,000 is not a lower amount for an organisation (below ¥100,000): public for 3 years
        assertThat(((Number) record.get("fineAmountTenThousandYuan")).doubleValue()).isEqualTo(15.0);
        assertThat(record.get("authorityUscc")).isEqualTo(LedgerEndToEndTest.BUREAU);
        // the embedded default's stand-in for an unregistered bureau, read from its .properties as written (not as ISO-8859-1),
        // published as registered: the authority's name is no free text and passes no redaction (its code is public)
        assertThat(record.get("authorityName")).isEqualTo("未登记机关（开发用，" + LedgerEndToEndTest.BUREAU + "）");
        assertThat(record.get("division")).isEqualTo("110105");
        assertThat(record.get("publicUntil")).isEqualTo("2029-02-20");
        for (String field : List.of("recordId", "subjectName", "subjectKind", "uscc", "legalRepresentative", "idNumberMasked",
                "decisionNumber", "violationType", "facts", "legalBasis", "penaltyTypes", "penaltyContent", "fineAmountTenThousandYuan",
                "confiscatedAmountTenThousandYuan", "decidedOn", "publicUntil", "authorityName", "authorityUscc", "ipType", "division")) {
            assertThat((Map<String, ?>) record).as("Credit China field %s", field).containsKey(field);
        }

        // every search shape finds it; a non-matching one does not
        assertThat(total(get("/api/v1/public/penalties?q=示范商"))).isEqualTo(1);
        assertThat(total(get("/api/v1/public/penalties?q=锦"))).isEqualTo(1);
        assertThat(total(get("/api/v1/public/penalties?q=锦示"))).isZero();
        assertThat(total(get("/api/v1/public/penalties?uscc=91110000600037341L"))).isGreaterThanOrEqualTo(1);
        assertThat(total(get("/api/v1/public/penalties?q=锦绣&division=1101&ipType=TRADEMARK&from=2026-02-12&to=2026-02-12"))).isEqualTo(1);
        assertThat(total(get("/api/v1/public/penalties?q=锦绣&division=31"))).isZero();
        assertThat(total(get("/api/v1/public/penalties?q=锦绣&from=2026-02-13"))).isZero();
        web.get().uri("/api/v1/public/penalties?from=yesterday").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        web.get().uri("/api/v1/public/penalties/{id}", recordId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.decisionNumber").exists();
        web.get().uri("/api/v1/public/subjects/91110000600037341L").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.penalties[0].uscc").isEqualTo("91110000600037341L");
        // a subject's penalties come a page at a time (the first 100 unless asked), with how many there are (sweep: every one
        // of them was in one answer, however many)
        int ofSubject = total(get("/api/v1/public/penalties?uscc=91110000600037341L"));
        web.get().uri("/api/v1/public/subjects/91110000600037341L").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.size").isEqualTo(100).jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.penaltiesTotal").isEqualTo(ofSubject).jsonPath("$.penaltiesTotalIsLowerBound").isEqualTo(false)
                .jsonPath("$.penalties.length()").isEqualTo(ofSubject);
        web.get().uri("/api/v1/public/subjects/91110000600037341L?size=1&page=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.penalties.length()").isEqualTo(ofSubject > 1 ? 1 : 0).jsonPath("$.penaltiesTotal").isEqualTo(ofSubject);
        web.get().uri("/api/v1/public/subjects/91110000600037341X?size=0").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2).jsonPath("$.errors[1].field").isEqualTo("size");
        web.get().uri("/api/v1/public/penalties/no-such-record").exchange().expectStatus().isNotFound();
        // a code with a wrong check character names nobody: refused with what is wrong, not answered with nothing (GB 32100)
        web.get().uri("/api/v1/public/subjects/91110000600037341X").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("uscc").jsonPath("$.errors[0].message").value(m ->
                        assertThat((String) m).contains("check character must be 'L'"));
        web.get().uri("/api/v1/public/penalties?uscc=91110000600037341X").exchange().expectStatus().isBadRequest();

        // the pages: search results, the record
        String results = html("/penalties?q=锦绣", 200);
        assertThat(results).contains("北京锦绣示范商贸有限公司").contains("共 1 条");
        // audit: a query is normalised as input text is (NFKC, zero-width and format characters removed), as the names are
        assertThat(total(get("/api/v1/public/penalties?q=锦\u200B绣"))).isEqualTo(1);
        assertThat(total(get("/api/v1/public/penalties?q=锦\u200B绣示范商贸&division=11"))).isEqualTo(1);
        assertThat(total(get("/api/v1/public/penalties?q=北京锦绣示范商贸有限公司\uFEFF"))).isEqualTo(1);
        assertThat(html("/penalties?q=锦\u200B绣示范", 200)).contains("北京锦绣示范商贸有限公司").contains("共 1 条");
        assertThat(html("/penalties/" + recordId, 200)).contains("统一社会信用代码").contains("91110000600037341L").contains("2029年2月20日").contains("datetime=\"2029-02-20\"")
                .containsPattern("<dt>处罚决定日期</dt><dd><time datetime=\"\\d{4}-\\d{2}-\\d{2}\">").containsPattern("<dt>公示日期</dt><dd><time datetime=");
        // sweeps from outside, stop 77: a USCC typed into the name box is searched as one and leads to the subject's page (its list
        // entries too); the record says whom to ask for a correction and when credit repair may end it; its facts keep their lines
        assertThat(html("/penalties?q=91110000600037341l", 200)).contains("北京锦绣示范商贸有限公司").contains("共 1 条")
                .contains("href=\"/subjects/91110000600037341L\"");
        assertThat(html("/penalties/" + recordId, 200)).contains("异议、更正与信用修复", "第十二条", "第十四条").contains("class=\"text\"");
        assertThat(html("/", 200)).contains("<form").contains("name=\"q\"");
        assertThat(html("/penalties?from=nope", 400)).contains("查询条件有误").contains("起始日期").doesNotContain("must be");
        // the fields at fault are marked and described by the error, which comes before the form, and a date typed wrong is
        // shown as typed (a sweep from outside, stop 73: nothing marked the fields, and a date field could not hold the value)
        String marked = html("/penalties?from=2026-13-01&division=abc", 400);
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("<input id=\"from\"[^>]*>").matcher(marked);
        assertThat(from.find()).isTrue();
        assertThat(from.group()).contains("type=\"text\"", "value=\"2026-13-01\"", "aria-invalid=\"true\"", "aria-describedby=\"form-error\"");
        assertThat(marked).containsPattern("<input id=\"division\"[^>]*aria-invalid=\"true\"")
                .doesNotContainPattern("<input id=\"q\"[^>]*aria-invalid");
        assertThat(marked.indexOf("id=\"form-error\"")).isPositive().isLessThan(marked.indexOf("<form"));
        // audit of the pages: the record shows its division; a first day after the last is said as such, every bad field
        // at once (the API names them all too); a mistyped code is a bad request, not a subject without records; size as the API
        assertThat(html("/penalties/" + recordId, 200)).contains("行政区划代码").contains("110105");
        assertThat(html("/penalties?from=2026-12-01&to=2026-01-01", 400)).contains("起始日期：不能晚于截止日期")
                .contains("<title>查询条件有误 - ");
        assertThat(html("/penalties?from=nope&ipType=FOO&size=0", 400)).contains("起始日期：应为有效日期").contains("知识产权类型：")
                .contains("每页条数：应为 1 至 100 的整数");
        web.get().uri("/api/v1/public/penalties?from=nope&ipType=FOO&uscc=1").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
        assertThat(html("/subjects/91110000600037341X", 400)).contains("查询条件有误").contains("统一社会信用代码：应为 18 位统一社会信用代码");
        assertThat(html("/penalties?q=锦绣&size=1", 200)).contains("北京锦绣示范商贸有限公司").contains("共 1 条");
        // a name part of middle dots only searches for nothing: a 400 naming q, not every record as names holding it (a public
        // pages sweep, stop 85: q=• answered all 25); the lists' filter the same
        for (String dots : List.of("•", "··", " · ")) {
            web.get().uri("/api/v1/public/penalties?q={q}", dots).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("q")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("middle dots"));
            web.get().uri("/api/v1/public/lists/SEVERE_DISHONESTY?q={q}", dots).exchange().expectStatus().isBadRequest();
        }
        assertThat(html("/penalties?q=•", 400)).contains("查询条件有误").contains("名称：请输入名称中的文字").doesNotContain("共 ");
        // codes as a Chinese input method types them: full-width, lower-case (audit: refused with a wrong check character)
        assertThat(html("/penalties?uscc=９１１１００００６０００３７３４１Ｌ&division=１１０１", 200))
                .contains("北京锦绣示范商贸有限公司");
        assertThat(html("/penalties?uscc=91110000600037341l&from=２０２６-０１-０１", 200)).contains("北京锦绣示范商贸有限公司");
        assertThat(html("/subjects/91110000600037341l", 200)).contains("北京锦绣示范商贸有限公司").contains("共 " + ofSubject + " 条");
        String firstPage = html("/subjects/91110000600037341L", 200);
        String heading = firstPage.substring(firstPage.indexOf("<h1>"), firstPage.indexOf("</h1>"));
        assertThat(heading).as("named by its newest record").doesNotContain("91110000600037341L");
        assertThat(html("/subjects/91110000600037341L?page=999", 200)).contains("本页没有内容").contains("返回第一页")
                .as("named past the last page too").contains(heading);
        Object name = get("/api/v1/public/subjects/91110000600037341L").get("name");
        assertThat(name).isNotNull();
        web.get().uri("/api/v1/public/subjects/91110000600037341L?page=999").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.penalties.length()").isEqualTo(0).jsonPath("$.name").isEqualTo(name);
        assertThat(html("/subjects/91110000600037341L?size=0", 400)).contains("每页条数：应为 1 至 100 的整数");
        assertThat(html("/stats?year=２０２６", 200)).contains("2026");
        // dates as people write them, and a year with 年 (audit: refused, though the pages print 2026年3月2日)
        assertThat(html("/penalties?uscc=91110000600037341L&from=2026年1月1日&to=２０２６/１２/３１", 200)).contains("北京锦绣示范商贸有限公司")
                .contains("value=\"2026-01-01\"").contains("value=\"2026-12-31\"");
        assertThat(html("/penalties?from=2026-3-2", 200)).contains("value=\"2026-03-02\"");
        assertThat(html("/stats?year=2026年", 200)).contains("2026");
        assertThat(html("/stats?year=0000", 400)).contains("年份");
        // the live feed's HEAD answers its headers at once (audit: it never answered, and held a stream's place)
        web.head().uri("/feed/v1/events").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM).expectBody().isEmpty();
        // HEAD of a page: its GET's length, no body (audit: no Content-Length)
        int length = html("/penalties/" + recordId, 200).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        web.head().uri("/penalties/" + recordId).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().contentLength(length).expectBody().isEmpty();
        web.get().uri("/penalties/" + recordId).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().value("Cache-Control", c -> assertThat(c).contains("no-store"));
        // the stylesheet may be kept (audit: fetched again on every page); the pages and the API are not
        web.get().uri("/css/gongshi.css").exchange().expectStatus().isOk()
                .expectHeader().value("Cache-Control", c -> assertThat(c).contains("max-age=3600").doesNotContain("no-store"));

        // the decision is revoked: the record is withdrawn at once, with the reason, in JSON and HTML
        post(caseId, "revision", Map.of("kind", "REVOKED", "by", "RECONSIDERATION", "documentNumber", "京复〔2026〕7号",
                "effectiveOn", "2026-02-25", "reason", "复议机关撤销原处罚决定"));
        awaitPublic("/api/v1/public/penalties?q=锦绣示范", p -> total(p) == 0);
        web.get().uri("/api/v1/public/penalties/{id}", recordId).exchange().expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo("复议机关撤销原处罚决定");
        assertThat(html("/penalties/" + recordId, 410)).contains("撤回理由").contains("复议机关撤销原处罚决定")
                .containsPattern("于 <time datetime=\"\\d{4}-\\d{2}-\\d{2}\">"); // machine-readable, as every date (a public pages sweep, stop 79)
        Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, officer, caseId,
                v -> v.get("disclosure") instanceof Map<?, ?> d && "WITHDRAWN".equals(d.get("state")));
        Map<?, ?> withdrawal = (Map<?, ?>) ((Map<?, ?>) view.get("disclosure")).get("withdrawalDeadline");
        assertThat(withdrawal.get("met")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void no_private_data_reaches_any_public_output_and_stored_strings_are_escaped() throws Exception {
        String caseId = decidedCase(Map.of("kind", "NATURAL_PERSON", "name", "刘示例", "idNumber", ID_NUMBER), "2026-06-01",
                List.of(Map.of("type", "FINE", "amount", 8000, "description", "联系电话13912345678")), LEAKY_FACTS);
        // the officer lists nothing to hide: the redaction policy finds the address, the co-resident's name and the illness
        post(caseId, "disclosure", Map.of("action", "PUBLISH", "decidedOn", "2026-06-15"));
        Map<?, ?> found = awaitPublic("/api/v1/public/penalties?q=刘示例", p -> total(p) == 1);
        String recordId = (String) ((Map<?, ?>) ((List<?>) found.get("items")).get(0)).get("recordId");

        String json = web.get().uri("/api/v1/public/penalties/{id}", recordId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String list = web.get().uri("/api/v1/public/penalties?q=刘示例").exchange().expectBody(String.class).returnResult().getResponseBody();
        String page = html("/penalties/" + recordId, 200);
        String results = html("/penalties?q=刘示例", 200);
        for (String output : List.of(json, list, page, results)) {
            for (String secret : SECRETS) assertThat(output).as("public output leaks %s", secret).doesNotContain(secret);
        }
        assertThat(json).contains("440305********3021");
        assertThat(page).contains("440305********3021").doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    @Order(2) // moves the shared ledger's clock to 2026-06-03
    void a_record_expires_as_an_event_when_its_publicity_period_ends() throws Exception {
        // a lower-amount fine is public for 3 months from publication: 2026-03-02 → 2026-06-02
        String caseId = decidedCase(Map.of("kind", "LEGAL_PERSON", "name", "北京到期示例文化有限公司", "uscc", "91110000600037341L"),
                "2026-02-09", List.of(Map.of("type", "FINE", "amount", 5000)), "销售盗版图书。");
        post(caseId, "disclosure", Map.of("action", "PUBLISH", "decidedOn", "2026-03-02"));
        Map<?, ?> found = awaitPublic("/api/v1/public/penalties?q=到期示例", p -> total(p) == 1);
        String recordId = (String) ((Map<?, ?>) ((List<?>) found.get("items")).get(0)).get("recordId");
        assertThat(((Map<?, ?>) ((List<?>) found.get("items")).get(0)).get("publicUntil")).isEqualTo("2026-06-02");

        // on the ledger's clock: still public on its last public day, expired (an event) the day after
        LedgerEndToEndTest.clockTo(app, LocalDate.of(2026, 6, 2));
        app.getBean(DeadlineRunner.class).fireDue();
        assertThat(total(get("/api/v1/public/penalties?q=到期示例"))).as("not due on its last public day").isEqualTo(1);
        LedgerEndToEndTest.clockTo(app, LocalDate.of(2026, 6, 3));
        awaitPublic("/api/v1/public/penalties?q=到期示例", p -> total(p) == 0);
        web.get().uri("/api/v1/public/penalties/{id}", recordId).exchange().expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.state").isEqualTo("EXPIRED");
    }

    /** A decision changed on review is published again as a new record, {@code <decisionId>/2}: its id holds a slash. */
    @Test
    @Order(4)
    void a_changed_decision_published_again_is_served_under_its_record_id_with_the_slash() throws Exception {
        List<Map<String, Object>> fine = List.of(Map.of("type", "FINE", "amount", 200000));
        String caseId = decidedCase(Map.of("kind", "LEGAL_PERSON", "name", "北京再版示例贸易有限公司", "uscc", "91110000600037341L"),
                "2026-07-01", fine, "销售侵权箱包80件。");
        post(caseId, "disclosure", Map.of("action", "PUBLISH", "decidedOn", "2026-07-13"));
        awaitPublic("/api/v1/public/penalties?q=再版示例", p -> total(p) == 1);
        post(caseId, "revision", Map.of("kind", "CHANGED", "by", "RECONSIDERATION", "documentNumber", "京复〔2026〕21号",
                "effectiveOn", "2026-07-20", "reason", "复议变更罚款数额", "penalties", List.of(Map.of("type", "FINE", "amount", 120000))));
        post(caseId, "disclosure", Map.of("action", "PUBLISH", "decidedOn", "2026-07-21"));
        Map<?, ?> found = awaitPublic("/api/v1/public/penalties?q=再版示例", p -> total(p) == 1
                && String.valueOf(((Map<?, ?>) ((List<?>) p.get("items")).get(0)).get("recordId")).endsWith("/2"));
        String recordId = (String) ((Map<?, ?>) ((List<?>) found.get("items")).get(0)).get("recordId");

        web.get().uri("/api/v1/public/penalties/" + recordId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.recordId").isEqualTo(recordId).jsonPath("$.fineAmountTenThousandYuan").isEqualTo(12.0);
        assertThat(html("/penalties/" + recordId, 200)).contains("北京再版示例贸易有限公司");
        web.get().uri("/api/v1/public/penalties/" + recordId.replace("/2", "/3")).exchange().expectStatus().isNotFound();
        // a client that encodes the id as one path segment, as URI templates do ("/" as %2F), is served the same (audit: 400,
        // empty body)
        var api = web.get().uri("/api/v1/public/penalties/{recordId}", recordId).exchange();
        api.expectStatus().isOk().expectBody().jsonPath("$.recordId").isEqualTo(recordId);
        var page = web.get().uri("/penalties/{recordId}", recordId).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(page.getUrl().getRawPath()).as("sent as one segment").endsWith(recordId.replace("/", "%2F"));
        assertThat(page.getResponseBody()).contains("北京再版示例贸易有限公司");

        // the trail between them (a sweep from outside, stop 73: the withdrawn record's page led nowhere, the new one did not
        // say it replaced one): the withdrawn record says the decision was changed and leads to the record in force, which
        // says it replaced one and leads back
        String first = recordId.substring(0, recordId.length() - "/2".length());
        String withdrawn = html("/penalties/" + first, 410);
        assertThat(withdrawn).contains("该行政处罚决定已被依法<strong>变更</strong>").contains("复议变更罚款数额")
                .contains("href=\"/penalties/" + recordId + "\"");
        assertThat(html("/penalties/" + recordId, 200)).contains("依法变更后重新公示").contains("href=\"/penalties/" + first + "\"");
    }

    /**
     * A wrong link and a refused path are zh-CN pages in the site's frame for a browser (a sweep from outside, stop 73: the catch-all
     * 404 had no header, navigation or skip link, and a path the firewall refused was the API's English problem).
     */
    @Test
    void a_wrong_link_and_a_refused_path_are_pages_of_the_site() {
        String missing = html("/nothing-here", 404);
        assertThat(missing).contains("页面不存在").contains("class=\"site-header\"").contains("跳到主要内容").contains("class=\"site-footer\"");
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        var refused = web.get().uri(java.net.URI.create(base + "/penalties/%2e%2e")).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("链接有误").contains("class=\"site-header\"");
        // the API's clients keep their problem
        web.get().uri(java.net.URI.create(base + "/api/v1/public/penalties/%2e%2e")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The public figures are a page as well as {@code GET /api/v1/public/stats}, with the same numbers. */
    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void the_public_target_figures_are_a_page_with_the_numbers_of_the_json() throws Exception {
        Map<String, Object> json = (Map<String, Object>) get("/api/v1/public/stats?division=11&year=2026");
        Map<String, Object> disclosure = (Map<String, Object>) json.get("disclosureRate");
        assertThat(((Number) disclosure.get("denominator")).longValue()).as("this class's decisions of 2026").isPositive();
        String page = html("/stats?division=11&year=2026", 200);
        assertThat(page).contains("2026 年（行政区划 11）").contains("案件信息公示率").contains("按期结案率")
                .contains(disclosure.get("numerator") + " / " + disclosure.get("denominator"));
        assertThat(html("/", 200)).contains("href=\"/stats\"");
        assertThat(html("/stats?year=26", 400)).contains("查询条件有误").contains("年份").contains("四位数字");
        // the pager links the first and the last page too (audit: only 上一页/下一页, eleven clicks to the last of twelve)
        long published = total(get("/api/v1/public/penalties"));
        assertThat(published).as("public records by now").isGreaterThanOrEqualTo(2);
        String first = "<a href=\"/penalties?size=1&amp;page=0\">第一页</a>";
        String last = "<a href=\"/penalties?size=1&amp;page=" + (published - 1) + "\">末页</a>";
        assertThat(html("/penalties?size=1", 200)).doesNotContain(first).contains(">下一页</a>").contains(last);
        assertThat(html("/penalties?size=1&page=" + (published - 1), 200)).contains(first).contains(">上一页</a>")
                .doesNotContain(last).doesNotContain(">下一页</a>");
        assertThat(html("/stats?division=abc", 400)).contains("查询条件有误");
        // a list's refusal says so in its title too, as every other page's (a public pages sweep, stop 79)
        assertThat(html("/lists/SEVERE_DISHONESTY?division=abc", 400)).contains("<title>查询条件有误 - 严重失信主体名单");
        // every field at fault named and marked, the error before the form, and no control or format character written back
        // (a re-test, stop 73: a bad division hid a bad year, and ESC, BEL and U+200B stood in the fields' values)
        String both = html("/stats?year=abc&division=11x", 400);
        assertThat(both).contains("行政区划：", "年份：").containsPattern("<input id=\"year\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<input id=\"division\"[^>]*aria-invalid=\"true\"");
        assertThat(both.indexOf("id=\"form-error\"")).isPositive().isLessThan(both.indexOf("<form"));
        for (String echoed : List.of("/stats?division=11%1B%E2%80%8B&year=2026%07", "/lists/SEVERE_DISHONESTY?division=11%1B%E2%80%8B%E2%80%A8")) {
            String body = web.get().uri(java.net.URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + echoed))
                    .accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).as(echoed).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u200b").doesNotContain("\u2028");
        }
    }

    /**
     * DESIGN.md: the public pages are zh-CN; they say so in Content-Language, whatever language the browser asks for (audit:
     * they were sent as en). JSON answers are not pages and keep what they had.
     */
    @Test
    @Order(6)
    void zh_cn_pages_are_sent_with_content_language_zh_cn() {
        for (String language : List.of("en-US,en;q=0.9", "zh-CN,zh;q=0.9", "")) {
            for (String page : List.of("/", "/penalties?q=示例", "/penalties?from=yesterday", "/lists", "/lists/BLACKLIST", "/stats",
                    "/penalties/no-such-record", "/no/such/page", "/audit/login")) {
                var answer = web.get().uri(page).accept(MediaType.TEXT_HTML).headers(h -> {
                    if (!language.isEmpty()) h.set("Accept-Language", language);
                }).exchange().expectBody(String.class).returnResult();
                assertThat(answer.getResponseBody()).as(page).contains("lang=\"zh-CN\"");
                assertThat(answer.getResponseHeaders().getFirst("Content-Language")).as(page + " asked for '" + language + "'").isEqualTo("zh-CN");
            }
        }
        web.get().uri("/api/v1/public/penalties").header("Accept-Language", "en").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Language");
    }

    /**
     * Audit: {@code /penalties?q=+}, {@code q=%09}, {@code /stats?division=%20} and {@code /lists/…?division=%00} were answered
     * with the API's English problem (the query guard's) where every other bad value gets the page with 查询条件有误. Now a bad
     * query of a page is its page with the notice, 400 as before; a field of only blanks is a field left blank: no query.
     */
    @Test
    @Order(7)
    void every_bad_query_of_a_page_is_its_zh_cn_page_with_the_notice_and_a_blank_field_asks_for_nothing() {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("/penalties?q=%09", "名称");
        refused.put("/penalties?q=%E5%81%87%1B", "名称");
        refused.put("/penalties?q=" + "x".repeat(600), "名称");
        refused.put("/penalties?division=%00", "行政区划");
        refused.put("/penalties?uscc=%E2%80%8Bx", "统一社会信用代码");
        refused.put("/stats?division=%0A11", "行政区划");
        refused.put("/stats?year=%1B", "年份");
        refused.put("/lists/SEVERE_DISHONESTY?division=%00", "行政区划");
        refused.put("/lists/SEVERE_DISHONESTY?page=99999999999", "0 至 100000");
        refused.put("/penalties?page=abc", "0 至 100000");
        refused.put("/penalties/some-record?x=%00", "控制字符"); // pages without a form: a page with the notice
        refused.put("/?q=%07", "控制字符");
        refused.put("/penalties/" + "r".repeat(600), "控制字符");
        refused.put("/audit/login?next=%00", "控制字符");
        refused.forEach((uri, field) -> {
            var answer = raw(uri);
            assertThat(answer.getStatus().value()).as(uri).isEqualTo(400);
            assertThat(answer.getResponseHeaders().getContentType()).as(uri + " " + answer.getResponseBody()).isNotNull();
            assertThat(answer.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(uri).isTrue();
            assertThat(answer.getResponseHeaders().getFirst("Content-Language")).as(uri).isEqualTo("zh-CN");
            assertThat(answer.getResponseBody()).as(uri).contains("查询条件有误").contains(field).contains("lang=\"zh-CN\"")
                    .doesNotContain("must ").doesNotContain("Fix these fields");
        });
        for (String blank : List.of("/penalties?q=+", "/penalties?q=%E3%80%80", "/penalties?q=%E2%80%8B&division=%20", "/stats?division=%20",
                "/lists/SEVERE_DISHONESTY?division=+&page=+")) {
            var answer = raw(blank);
            assertThat(answer.getStatus().value()).as(blank).isEqualTo(200);
            assertThat(answer.getResponseBody()).as(blank).doesNotContain("查询条件有误");
        }
        assertThat(raw("/penalties?q=+").getResponseBody()).as("no query: every public record").doesNotContain("没有符合条件");
        // a parameter given twice on the API is refused, naming it (it was joined with a comma: ?q=a&q=b searched "a,b")
        for (String twice : List.of("/api/v1/public/penalties?q=a&q=b", "/api/v1/public/penalties?page=1&page=2", "/feed/v1/entries?after=1&after=2")) {
            var answer = raw(twice);
            assertThat(answer.getStatus().value()).as(twice).isEqualTo(400);
            assertThat(answer.getResponseBody()).as(twice).contains("is given 2 times; send it once");
        }
        // and on a page, the form says so in its words, searching nothing (a sweep from outside, stop 75: ?q=a&q=b searched
        // "a,b", ?page=1&page=0 was "not a whole number")
        for (String twice : List.of("/penalties?q=%E6%B5%8B%E8%AF%95&q=Acme", "/penalties?page=1&page=0", "/lists/BLACKLIST?division=11&division=31")) {
            var answer = raw(twice);
            assertThat(answer.getStatus().value()).as(twice).isEqualTo(400);
            assertThat(answer.getResponseBody()).as(twice).contains("查询条件有误").contains("只能填写一次").doesNotContain("没有符合条件");
        }
        // a page without a form says so too, never that the query held control characters (a re-test from outside)
        var subjectTwice = raw("/subjects/91110000600037341L?page=0&page=1");
        assertThat(subjectTwice.getStatus().value()).isEqualTo(400);
        assertThat(subjectTwice.getResponseBody()).contains("同一查询参数只能出现一次").doesNotContain("控制字符");
        // the API keeps answering a program with its problem
        var api = raw("/api/v1/public/penalties?q=+");
        assertThat(api.getStatus().value()).isEqualTo(400);
        assertThat(api.getResponseBody()).contains("\"field\":\"q\"").contains("visible text");
    }

    static org.springframework.test.web.reactive.server.EntityExchangeResult<String> raw(String uri) {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        return web.get().uri(java.net.URI.create(base + uri)).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
                .exchange().expectBody(String.class).returnResult();
    }

    static Map<?, ?> get(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    static String html(String uri, int status) {
        return web.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
