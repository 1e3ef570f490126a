package org.gongshi.server;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.identity.Uscc;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.ListingRepairApplied;
import org.gongshi.ledger.listings.event.ListingStatementRecorded;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionLifted;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.gongshi.projections.listings.ListingView;
import org.gongshi.projections.listings.ListingViews;
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
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit lists as the public meets them (API.md "Public"): the JSON list and a subject's
 * entries, and the zh-CN pages. Entries are seeded as listing events straight into the event store
 * (the bureau's listing API is tested in {@link ListingsEndToEndTest}); the read model follows.
 */
class PublicListsEndToEndTest {

    static final String POLICY = "CN-2026.1";
    static final String BUREAU = LedgerEndToEndTest.BUREAU;
    /** Private details of an entry: the basis case, the statement, a repair application, the acting officer. */
    static final String BASIS_CASE = "case-basis-private-4711";
    static final String STATEMENT = "当事人陈述：仅供机关内部审阅的申辩内容";
    static final String REPAIR_GROUNDS = "修复申请理由：内部材料编号XF-0099";
    static final String OFFICER = "officer-private-zhao";
    static final List<String> PRIVATE = List.of(BASIS_CASE, "basisCaseIds", STATEMENT, "statement", REPAIR_GROUNDS, "repairs",
            "applicationId", OFFICER, "statementDueOn", "proposedOn", "policyVersion", "lastGlobalIndex", "liftReason", "项目审查完毕");
    static final Set<String> ITEM_FIELDS = Set.of("listingId", "listType", "category", "subjectName", "uscc", "reason", "listedOn",
            "termEnd", "termEndProvisional", "authorityName", "authorityUscc", "division", "sanctions");
    static final Set<String> SANCTION_FIELDS = Set.of("measure", "scope", "imposedOn", "until");
    static final AtomicInteger SERIAL = new AtomicInteger(1000);

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static WebTestClient web;
    static EventStore events;
    static LocalDate today;

    @BeforeAll
    static void start() {
        app = LedgerEndToEndTest.start(dataDir);
        web = LedgerEndToEndTest.client(app);
        events = app.getBean(EventStore.class);
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void public_list_shows_only_public_fields() throws Exception {
        String uscc = newUscc("110105");
        LocalDate listedOn = today.minusDays(20);
        Entry entry = Entry.propose(ListType.SEVERE_DISHONESTY, ListingCategory.ILLEGAL_AGENCY, "北京公开字段示例商标代理有限公司", uscc,
                "110105", listedOn.minusDays(14));
        entry.statement(listedOn.minusDays(10));
        entry.add(listedOn, "违法从事商标代理，受到行政处罚");
        String fiscal = entry.sanction(SanctionMeasure.FISCAL_PROJECT_REVIEW, null, listedOn, listedOn.plusMonths(3));
        entry.sanction(SanctionMeasure.NO_AWARDS, null, listedOn, null);
        entry.sanction(SanctionMeasure.KEY_SUPERVISION, "每季度检查一次", listedOn, listedOn.plusMonths(6));
        entry.lift(fiscal, listedOn.plusDays(5), "项目审查完毕");
        entry.applyForRepair(listedOn.plusDays(7));

        Map<?, ?> item = awaitItem(ListType.SEVERE_DISHONESTY, entry.listingId, i -> measures(i).equals(Set.of("NO_AWARDS", "KEY_SUPERVISION")));
        awaitReadModel(entry.listingId, v -> !v.repairs().isEmpty() && v.statement() != null);
        assertThat(((Map<String, ?>) item).keySet()).as("an entry's public fields, and nothing else").isEqualTo(ITEM_FIELDS);
        assertThat(item.get("listType")).isEqualTo("SEVERE_DISHONESTY");
        assertThat(item.get("category")).isEqualTo("ILLEGAL_AGENCY");
        assertThat(item.get("subjectName")).isEqualTo("北京公开字段示例商标代理有限公司");
        assertThat(item.get("uscc")).isEqualTo(uscc);
        assertThat(item.get("reason")).isEqualTo("违法从事商标代理，受到行政处罚");
        assertThat(item.get("listedOn")).isEqualTo(listedOn.toString());
        assertThat(item.get("termEnd")).isEqualTo(entry.termEnd.toString());
        assertThat(item.get("termEndProvisional")).isEqualTo(false);
        assertThat(item.get("authorityUscc")).isEqualTo(BUREAU);
        // the listing bureau by its registered name too, as a record names its authority (a sweep from outside: code only)
        assertThat(item.get("authorityName")).isEqualTo("未登记机关（开发用，" + BUREAU + "）");
        assertThat(item.get("division")).isEqualTo("110105");

        List<Map<String, Object>> sanctions = (List<Map<String, Object>>) item.get("sanctions");
        assertThat(sanctions).as("only the sanctions that apply now").extracting(s -> s.get("measure"))
                .containsExactlyInAnyOrder("NO_AWARDS", "KEY_SUPERVISION");
        for (Map<String, Object> s : sanctions) {
            assertThat(s.keySet()).isEqualTo(SANCTION_FIELDS);
            assertThat(s.get("imposedOn")).isEqualTo(listedOn.toString());
        }
        Map<String, Object> awards = sanctions.stream().filter(s -> "NO_AWARDS".equals(s.get("measure"))).findFirst().orElseThrow();
        assertThat(awards.get("scope")).isEqualTo(SanctionMeasure.NO_AWARDS.defaultScope());
        assertThat(awards.get("until")).isEqualTo(entry.termEnd.toString());
        Map<String, Object> supervision = sanctions.stream().filter(s -> "KEY_SUPERVISION".equals(s.get("measure"))).findFirst().orElseThrow();
        assertThat(supervision.get("scope")).isEqualTo("每季度检查一次");
        assertThat(supervision.get("until")).isEqualTo(listedOn.plusMonths(6).toString());

        // the subject: no penalties, the entry in the same shape, the name from the entry; existing fields stay
        Map<?, ?> subject = json("/api/v1/public/subjects/" + uscc);
        assertThat(subject.get("uscc")).isEqualTo(uscc);
        assertThat(subject.get("name")).isEqualTo("北京公开字段示例商标代理有限公司");
        assertThat((List<?>) subject.get("penalties")).isEmpty();
        List<Map<String, Object>> entries = (List<Map<String, Object>>) subject.get("listEntries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).isEqualTo(item);

        // nothing private in any public output
        String list = text("/api/v1/public/lists/SEVERE_DISHONESTY?size=100");
        String subjectJson = text("/api/v1/public/subjects/" + uscc);
        String listPage = html("/lists/SEVERE_DISHONESTY", 200);
        String subjectPage = html("/subjects/" + uscc, 200);
        for (String output : List.of(list, subjectJson, listPage, subjectPage)) {
            for (String secret : PRIVATE) assertThat(output).as("public output leaks %s", secret).doesNotContain(secret);
        }
        assertThat(listPage).as("a lifted sanction is not shown").doesNotContain("财政资金项目申请从严审查");
        assertThat(listPage).as("the listing bureau by name").contains("未登记机关（开发用，" + BUREAU + "）");
        assertThat(subjectPage).as("the listing bureau by name").contains("未登记机关（开发用，" + BUREAU + "）");
        // a division with no entry says so, not that the list is empty (a sweep from outside)
        assertThat(html("/lists/SEVERE_DISHONESTY?division=650000", 200)).contains("没有符合条件的在列主体").doesNotContain("该名单目前没有在列主体");
    }

    @Test
    void removed_entries_leave_the_public_list_at_once() throws Exception {
        String uscc = newUscc("110108");
        LocalDate listedOn = today.minusDays(30);
        Entry entry = Entry.propose(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, "北京移出示例服饰有限公司", uscc,
                "110108", listedOn.minusDays(10));
        entry.add(listedOn, "五年内两次因侵犯注册商标专用权受到行政处罚");
        String sanction = entry.sanction(SanctionMeasure.KEY_SUPERVISION, null, listedOn, null);

        awaitItem(ListType.REPEATED_INFRINGER, entry.listingId, i -> true);
        assertThat(listEntries(uscc)).hasSize(1);
        assertThat(html("/lists/REPEATED_INFRINGER", 200)).contains("北京移出示例服饰有限公司").contains(uscc);
        assertThat(html("/subjects/" + uscc, 200)).contains("重复侵权企业名录").contains("列为重点监管对象")
                .doesNotContain("该主体目前不在任何信用名单上");

        entry.lift(sanction, today, "名单移出");
        entry.remove(RemovalReason.LISTED_IN_ERROR, today, "列入错误，予以移出");

        // once the list shows the removal, every public view shows it: one write ends the entry
        awaitAbsent(ListType.REPEATED_INFRINGER, entry.listingId);
        assertThat(listEntries(uscc)).isEmpty();
        assertThat(html("/lists/REPEATED_INFRINGER", 200)).doesNotContain("北京移出示例服饰有限公司").doesNotContain(uscc);
        assertThat(html("/subjects/" + uscc, 200)).contains("该主体目前不在任何信用名单上").doesNotContain("北京移出示例服饰有限公司");
        String subjectJson = text("/api/v1/public/subjects/" + uscc);
        assertThat(subjectJson).doesNotContain(entry.listingId).doesNotContain("列入错误");
    }

    @Test
    void list_and_subject_pages_show_entries_in_chinese_and_escape_every_stored_string() throws Exception {
        String name = "深圳<script>alert('名单')</script>示例有限公司";
        String uscc = newUscc("440305");
        LocalDate listedOn = today.minusDays(3);
        Entry entry = Entry.propose(ListType.BLACKLIST, ListingCategory.REFUSAL_TO_PERFORM, name, uscc, "440305", listedOn.minusDays(12));
        entry.add(listedOn, "拒不履行行政处罚决定<b>确认</b>");
        entry.sanction(SanctionMeasure.NO_CREDIT_COMMITMENT, null, listedOn, null);
        entry.sanction(SanctionMeasure.KEY_SUPERVISION, "每月检查<i>一次</i>", listedOn, listedOn.plusMonths(2));
        awaitItem(ListType.BLACKLIST, entry.listingId, i -> ((List<?>) i.get("sanctions")).size() == 2);

        String listPage = html("/lists/BLACKLIST", 200);
        assertThat(listPage).contains("<h1>黑名单</h1>")
                .contains("深圳&lt;script&gt;alert(&#39;名单&#39;)&lt;/script&gt;示例有限公司")
                .contains("href=\"/subjects/" + uscc + "\"").contains(uscc)
                .contains("有履行能力但拒不履行行政处罚、行政裁决")
                .contains(listedOn.toString()).contains(entry.termEnd.toString())
                .contains("不适用信用承诺制").contains("列为重点监管对象（每月检查&lt;i&gt;一次&lt;/i&gt;）")
                // a measure's own scope shows in the text, not only in a tooltip (a sweep from outside, stop 77)
                .contains(SanctionMeasure.NO_CREDIT_COMMITMENT.defaultScope()).doesNotContain("title=\"" + SanctionMeasure.NO_CREDIT_COMMITMENT.defaultScope())
                .contains(BUREAU);
        String subjectPage = html("/subjects/" + uscc, 200);
        assertThat(subjectPage).contains("信用名单").contains("黑名单")
                .contains("深圳&lt;script&gt;alert(&#39;名单&#39;)&lt;/script&gt;示例有限公司")
                .contains("拒不履行行政处罚决定&lt;b&gt;确认&lt;/b&gt;")
                .contains(SanctionMeasure.NO_CREDIT_COMMITMENT.defaultScope())
                .contains(listedOn.plusMonths(2).toString()).contains(entry.termEnd.toString());
        for (String page : List.of(listPage, subjectPage)) {
            assertThat(page).as("a stored name is never markup").doesNotContain("<script>alert").doesNotContain("<b>确认")
                    .doesNotContain("<i>一次");
        }
        assertThat(text("/api/v1/public/lists/BLACKLIST?size=100")).contains(entry.listingId);

        // the overview names the three lists by their legal names, with counts; home and header link there
        String overview = html("/lists", 200);
        assertThat(overview).contains("严重失信主体名单").contains("重复侵权企业名录").contains("黑名单")
                .contains("href=\"/lists/SEVERE_DISHONESTY\"").contains("href=\"/lists/REPEATED_INFRINGER\"")
                .contains("href=\"/lists/BLACKLIST\"").containsPattern("\\d+ 个主体");
        assertThat(html("/", 200)).contains("href=\"/lists\"").contains("href=\"/lists/BLACKLIST\"");
        assertThat(html("/penalties", 200)).as("the header links the lists on every page").contains("href=\"/lists\"");
        assertThat(html("/subjects/" + newUscc("110101"), 200)).contains("该主体目前不在任何信用名单上");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_division_prefix_narrows_a_list_and_the_newest_listing_comes_first() throws Exception {
        LocalDate listedOn = today.minusDays(40);
        Entry older = Entry.propose(ListType.BLACKLIST, ListingCategory.FALSE_MATERIALS, "南宁较早示例科技有限公司", newUscc("450102"),
                "450102", listedOn.minusDays(10));
        older.add(listedOn, "提交虚假材料");
        Entry newer = Entry.propose(ListType.BLACKLIST, ListingCategory.OTHER, "南宁较新示例科技有限公司", newUscc("450103"),
                "450103", listedOn.minusDays(5));
        newer.add(listedOn.plusDays(2), "其他失信行为");
        Entry elsewhere = Entry.propose(ListType.BLACKLIST, ListingCategory.OTHER, "桂林示例科技有限公司", newUscc("450302"),
                "450302", listedOn.minusDays(5));
        elsewhere.add(listedOn.plusDays(1), "其他失信行为");
        awaitItem(ListType.BLACKLIST, elsewhere.listingId, i -> true);
        awaitItem(ListType.BLACKLIST, newer.listingId, i -> true);
        awaitItem(ListType.BLACKLIST, older.listingId, i -> true);

        Map<?, ?> nanning = json("/api/v1/public/lists/BLACKLIST?division=4501");
        assertThat(((Number) nanning.get("total")).intValue()).isEqualTo(2);
        assertThat((List<Map<String, Object>>) nanning.get("items")).extracting(i -> i.get("listingId"))
                .containsExactly(newer.listingId, older.listingId);
        Map<?, ?> firstPage = json("/api/v1/public/lists/BLACKLIST?division=4501&page=0&size=1");
        assertThat(firstPage.get("page")).isEqualTo(0);
        assertThat(firstPage.get("size")).isEqualTo(1);
        assertThat(((Number) firstPage.get("total")).intValue()).isEqualTo(2);
        assertThat((List<Map<String, Object>>) firstPage.get("items")).extracting(i -> i.get("listingId")).containsExactly(newer.listingId);
        Map<?, ?> secondPage = json("/api/v1/public/lists/BLACKLIST?division=4501&page=1&size=1");
        assertThat((List<Map<String, Object>>) secondPage.get("items")).extracting(i -> i.get("listingId")).containsExactly(older.listingId);
        assertThat((List<?>) json("/api/v1/public/lists/BLACKLIST?division=4501&page=50000000&size=100").get("items")).isEmpty();
        assertThat(((Number) json("/api/v1/public/lists/BLACKLIST?division=450302").get("total")).intValue()).isEqualTo(1);
        assertThat(((Number) json("/api/v1/public/lists/SEVERE_DISHONESTY?division=4501").get("total")).intValue()).isZero();

        String page = html("/lists/BLACKLIST?division=4501", 200);
        assertThat(page).contains("南宁较新示例科技有限公司").contains("南宁较早示例科技有限公司").doesNotContain("桂林示例科技有限公司")
                .contains("共 2 个");
        assertThat(page.indexOf("南宁较新示例科技有限公司")).isLessThan(page.indexOf("南宁较早示例科技有限公司"));
        // past the last page, the way back keeps the region (a sweep from outside, stop 75: it led to the national list)
        assertThat(html("/lists/BLACKLIST?division=4501&page=5", 200)).contains("本页没有内容")
                .contains("href=\"/lists/BLACKLIST?division=4501&amp;page=0\">返回第一页");

        // a company looked up on a list by a part of its name or its code (a sweep from outside, stop 76: a listed subject whose
        // penalties had ended was found nowhere by its name)
        assertThat((List<Map<String, Object>>) json("/api/v1/public/lists/BLACKLIST?q=较新示例").get("items"))
                .extracting(i -> i.get("listingId")).containsExactly(newer.listingId);
        assertThat((List<Map<String, Object>>) json("/api/v1/public/lists/BLACKLIST?uscc=" + older.subject.uscc()).get("items"))
                .extracting(i -> i.get("listingId")).containsExactly(older.listingId);
        assertThat((List<Map<String, Object>>) json("/api/v1/public/lists/BLACKLIST?q=示例科技&division=4501").get("items"))
                .extracting(i -> i.get("listingId")).containsExactly(newer.listingId, older.listingId);
        assertThat(((Number) json("/api/v1/public/lists/SEVERE_DISHONESTY?q=南宁较新").get("total")).intValue()).isZero();
        web.get().uri("/api/v1/public/lists/BLACKLIST?uscc=91110000600037341X&q=" + "字".repeat(201)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(f -> assertThat((List<String>) f).containsExactlyInAnyOrder("q", "uscc"));
        // a name's part is bounded in characters, as every text is, and as long as a name may be (200: a sweep from outside,
        // stop 84, found a published name of 150 characters refused as a query): 200 of CJK Extension B are one query
        json("/api/v1/public/lists/BLACKLIST?q=" + "𠮷".repeat(200));
        web.get().uri("/api/v1/public/penalties?q={q}", "𠮷".repeat(200)).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/public/lists/BLACKLIST?q={q}", "𠮷".repeat(201)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        String byName = html("/lists/BLACKLIST?q=南宁较新", 200);
        assertThat(byName).contains("南宁较新示例科技有限公司").doesNotContain("南宁较早示例科技有限公司").contains("共 1 个")
                .contains("value=\"南宁较新\"");
        // a code typed into the name box is taken as one
        assertThat(html("/lists/BLACKLIST?q=" + older.subject.uscc(), 200)).contains("南宁较早示例科技有限公司")
                .doesNotContain("南宁较新示例科技有限公司").contains("value=\"" + older.subject.uscc() + "\"");
        assertThat(html("/lists/BLACKLIST?q=无此企业", 200)).contains("没有符合条件的在列主体");
        assertThat(html("/lists/BLACKLIST?q=南宁&page=5", 200)).contains("返回第一页").contains("q=%E5%8D%97%E5%AE%81");
        // what was typed is a value, never a URI template (a fuzz from outside: q={x} answered 500)
        assertThat(html("/lists/BLACKLIST?q={q}", 200, "{x}")).contains("没有符合条件的在列主体").contains("value=\"{x}\"");
        assertThat(html("/lists/BLACKLIST?page=3&q={q}", 200, "南宁{x}")).contains("value=\"南宁{x}\"");
        assertThat(html("/penalties?page=3&q={q}", 200, "南宁{x}")).contains("value=\"南宁{x}\"");
        // a kind typed otherwise (lower case, full width) is shown chosen, so the form sent again keeps it (a second fuzz)
        assertThat(html("/penalties?ipType=patent", 200)).containsPattern("<option value=\"PATENT\"\\s+selected");
        assertThat(html("/penalties?ipType=ＰＡＴＥＮＴ", 200)).containsPattern("<option value=\"PATENT\"\\s+selected");
        // the search of penalties by a name leads to the lists, where a subject may stand after its penalties ended
        assertThat(html("/penalties?q=南宁较新", 200)).contains("href=\"/lists/BLACKLIST?q=%E5%8D%97%E5%AE%81%E8%BE%83%E6%96%B0\"");
    }

    @Test
    void an_unknown_list_type_is_a_400_problem_naming_the_lists_and_a_404_page() {
        for (String bad : List.of("WHITELIST", "severe_dishonesty", "SEVERE-DISHONESTY")) {
            web.get().uri("/api/v1/public/lists/{t}", bad).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("listType")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                            .contains("SEVERE_DISHONESTY").contains("REPEATED_INFRINGER").contains("BLACKLIST"));
        }
        assertThat(html("/lists/WHITELIST", 404)).contains("未找到相关信息").contains("信用名单 WHITELIST");
        String notFound = web.get().uri("/lists/{t}", "<script>alert(1)").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(notFound).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert(1)");
    }

    @Test
    void a_bad_division_or_page_is_a_400_naming_the_field() {
        for (String division : List.of("11a", "1234567", "abcdef", "-1")) {
            web.get().uri("/api/v1/public/lists/BLACKLIST?division=" + division).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("division");
        }
        web.get().uri("/api/v1/public/lists/BLACKLIST?size=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        web.get().uri("/api/v1/public/lists/BLACKLIST?size=101").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        web.get().uri("/api/v1/public/lists/BLACKLIST?page=-1").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        web.get().uri("/api/v1/public/lists/BLACKLIST?page=abc").exchange().expectStatus().isBadRequest();
        assertThat(html("/lists/BLACKLIST?division=11a", 400)).contains("查询条件有误").contains("行政区划");
        assertThat(html("/lists/BLACKLIST?page=-3", 400)).contains("查询条件有误").contains("页码");
        web.get().uri("/api/v1/public/subjects/not-a-code").exchange().expectStatus().isBadRequest();
    }

    // --- seeding: listing events appended to the event store as the Listing aggregate would ---

    /** One entry's events, appended in order with the aggregate's sequence numbers. */
    static final class Entry {
        final String listingId = "lst-" + UUID.randomUUID();
        final ListType listType;
        final ListingCategory category;
        final Subject subject;
        final String division;
        final LocalDate proposedOn;
        final Deadline statementDeadline;
        final Map<String, SanctionMeasure> sanctions = new LinkedHashMap<>();
        LocalDate listedOn;
        LocalDate termEnd;
        String reason;
        long sequence;

        private Entry(ListType listType, ListingCategory category, Subject subject, String division, LocalDate proposedOn) {
            this.listType = listType;
            this.category = category;
            this.subject = subject;
            this.division = division;
            this.proposedOn = proposedOn;
            this.statementDeadline = new Deadline(proposedOn.plusDays(7), false);
        }

        static Entry propose(ListType listType, ListingCategory category, String name, String uscc, String division, LocalDate proposedOn) {
            Entry entry = new Entry(listType, category, new Subject(name, uscc), division, proposedOn);
            entry.append(new ListingProposed(entry.listingId, BUREAU, division, listType, category, entry.subject, List.of(BASIS_CASE),
                    "拟列入：" + name, proposedOn, entry.statementDeadline, POLICY));
            return entry;
        }

        void statement(LocalDate receivedOn) {
            append(new ListingStatementRecorded(listingId, receivedOn, STATEMENT));
        }

        void add(LocalDate on, String reason) {
            this.listedOn = on;
            this.termEnd = on.plusYears(1);
            this.reason = reason;
            append(new ListingAdded(listingId, BUREAU, division, listType, category, subject, List.of(BASIS_CASE), reason, on,
                    new Deadline(termEnd, false), new Deadline(on.plusMonths(6), false), statementDeadline, true, POLICY));
        }

        String sanction(SanctionMeasure measure, String scope, LocalDate imposedOn, LocalDate until) {
            String id = listingId + "/" + (sanctions.size() + 1);
            sanctions.put(id, measure);
            append(new SanctionImposed(listingId, id, subject.uscc(), measure, scope == null ? measure.defaultScope() : scope, imposedOn,
                    until == null ? termEnd : until, POLICY));
            return id;
        }

        void lift(String sanctionId, LocalDate on, String reason) {
            append(new SanctionLifted(listingId, sanctionId, subject.uscc(), sanctions.get(sanctionId), on, reason));
        }

        void applyForRepair(LocalDate on) {
            append(new ListingRepairApplied(listingId, listingId + "-repair-1", on, REPAIR_GROUNDS, new Deadline(listedOn.plusMonths(6), false),
                    POLICY));
        }

        void remove(RemovalReason why, LocalDate on, String detail) {
            append(new ListingRemoved(listingId, listType, subject, listedOn, why, on, detail, POLICY));
        }

        private void append(Object payload) {
            events.publish(new GenericDomainEventMessage<>("Listing", listingId, sequence++, payload,
                    MetaData.with("bureau", BUREAU).and("actor", OFFICER)));
        }
    }

    /** A valid USCC (GB 32100, with a valid GB 11714 organisation code) of a new organisation in {@code division}. */
    static String newUscc(String division) {
        String body = "91" + division + String.format("%07d", SERIAL.incrementAndGet()) + "1";
        for (char orgCheck : "0123456789X".toCharArray()) {
            for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                String candidate = body.substring(0, 16) + orgCheck + check;
                if (Uscc.isValid(candidate)) return candidate;
            }
        }
        throw new IllegalStateException("no valid USCC for " + body);
    }

    // --- reading ---

    static Map<?, ?> awaitItem(ListType list, String listingId, Predicate<Map<?, ?>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            last = json("/api/v1/public/lists/" + list + "?size=100");
            for (Object o : (List<?>) last.get("items")) {
                Map<?, ?> item = (Map<?, ?>) o;
                if (listingId.equals(item.get("listingId")) && ready.test(item)) return item;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("listing " + listingId + " never appeared ready on " + list
                + " (is the listing-views projection running?): " + last);
    }

    static Set<Object> measures(Map<?, ?> item) {
        return ((List<?>) item.get("sanctions")).stream().map(s -> ((Map<?, ?>) s).get("measure")).collect(Collectors.toSet());
    }

    /** Waits until the read model (not its public face) holds {@code ready}: private details are there and must stay inside. */
    static void awaitReadModel(String listingId, Predicate<ListingView> ready) throws InterruptedException {
        ListingViews views = app.getBean(ListingViews.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (views.find(listingId).filter(ready).isPresent()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("listing " + listingId + " never reached the expected state: " + views.find(listingId));
    }

    static void awaitAbsent(ListType list, String listingId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!text("/api/v1/public/lists/" + list + "?size=100").contains(listingId)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("listing " + listingId + " never left " + list);
    }

    static List<?> listEntries(String uscc) {
        return (List<?>) json("/api/v1/public/subjects/" + uscc).get("listEntries");
    }

    static Map<?, ?> json(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    static String text(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    static String html(String uri, int status, Object... variables) {
        return web.get().uri(uri, variables).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
