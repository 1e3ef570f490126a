package org.gongshi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * A bureau takes subjects from proposal to listing to removal over the HTTP API; the read models,
 * the review queue and the feed follow each step; a revoked basis removes a listing through the
 * process manager; the scheduler ends an entry whose term is over.
 */
class ListingsEndToEndTest {

    static final String AGENCY = "91110000600037341L";
    static final String INFRINGER = "91310000132200004B";

    @TempDir
    Path dataDir;
    ConfigurableApplicationContext app;
    WebTestClient web;
    String token;
    BureauClient bureau;

    @BeforeEach
    void start() {
        app = LedgerEndToEndTest.start(dataDir);
        web = LedgerEndToEndTest.client(app);
        token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
        bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void a_subject_goes_from_proposal_to_listing_with_sanctions_to_removal_and_stays_in_the_history() throws Exception {
        String basis = bureau.decidedCase("北京某某商标代理有限公司", AGENCY, 50000);
        // the subject is named as its basis penalty names the party (a credit listings sweep, stop 75: 别的公司 was listed)
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("SEVERE_DISHONESTY", "ILLEGAL_AGENCY", "别的公司", AGENCY, List.of(basis), "2026-04-01"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("listing-basis")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("the subject is named 别的公司")
                        .contains("北京某某商标代理有限公司"));
        String listingId = propose("SEVERE_DISHONESTY", "ILLEGAL_AGENCY", "北京某某商标代理有限公司", AGENCY, List.of(basis), "2026-04-01");
        Map<?, ?> proposed = awaitListing(listingId, v -> "PROPOSED".equals(v.get("status")));
        assertThat(proposed.get("statementDueOn")).as("5 working days from 2026-04-01 over the Qingming holiday").isEqualTo("2026-04-09");

        ok("/api/v1/listings/{id}/statements", listingId, Map.of("receivedOn", "2026-04-03", "summary", "当事人称已整改。"));
        ok("/api/v1/listings/{id}/decision", listingId, Map.of("decidedOn", "2026-04-15", "list", true, "reason", "违法从事商标代理",
                "measures", List.of(Map.of("type", "NO_AWARDS"), Map.of("type", "KEY_SUPERVISION", "scope", "每季度检查一次"))));
        Map<?, ?> listed = awaitListing(listingId, v -> "ACTIVE".equals(v.get("status")) && ((List<?>) v.get("sanctions")).size() == 2);
        assertThat(listed.get("listedOn")).isEqualTo("2026-04-15");
        assertThat(listed.get("termEnd")).as("default term: 1 year").isEqualTo("2027-04-15");
        assertThat(((Map<?, ?>) listed.get("statement")).get("summary")).isEqualTo("当事人称已整改。");
        // the public list and the subject page show the entry as soon as the bureau's view does
        assertThat(publicGet("/api/v1/public/lists/SEVERE_DISHONESTY")).contains(listingId).contains("KEY_SUPERVISION").doesNotContain("当事人称已整改");
        assertThat(publicGet("/api/v1/public/subjects/" + AGENCY)).contains(listingId);
        assertThat(publicGet("/lists/SEVERE_DISHONESTY")).contains("北京某某商标代理有限公司");

        // one active entry per list: a second proposal for the same subject on the same list is refused, naming the rule
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("SEVERE_DISHONESTY", "FALSE_MATERIALS", "北京某某商标代理有限公司", AGENCY, List.of(basis), "2026-05-01"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("one-active-entry-per-list").contains(listingId));

        // a measure already in force on the entry is not imposed again (audit: two NO_AWARDS went to the feed)
        web.post().uri("/api/v1/listings/{id}/sanctions", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "NO_AWARDS", "imposedOn", "2026-05-06", "scope", "省级评优"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("sanction-measures")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("NO_AWARDS is already in force"));

        Map<?, ?> sanction = web.post().uri("/api/v1/listings/{id}/sanctions", listingId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "FISCAL_PROJECT_REVIEW", "imposedOn", "2026-05-06", "until", "2026-12-31"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String number = ((String) sanction.get("sanctionId")).substring(listingId.length() + 1);
        ok("/api/v1/listings/{id}/sanctions/" + number + "/lifting", listingId, Map.of("liftedOn", "2026-06-01", "reason", "项目审查完毕"));
        awaitListing(listingId, v -> ((List<?>) v.get("sanctions")).stream().anyMatch(s -> "2026-06-01".equals(((Map<?, ?>) s).get("liftedOn"))));

        // repair: too early is refused naming the rule; after six months it can be applied for and granted
        web.post().uri("/api/v1/listings/{id}/repair", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "APPLY", "on", "2026-07-01", "grounds", "已履行全部义务"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("listing-repair").contains("6 months"));
        // the ledger names the application: one sent with APPLY is refused, not replaced without a word (a law sweep, stop 73)
        web.post().uri("/api/v1/listings/{id}/repair", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "APPLY", "on", "2026-11-02", "grounds", "已履行全部义务", "applicationId", "A1"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("applicationId");
        Map<?, ?> applied = web.post().uri("/api/v1/listings/{id}/repair", listingId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "APPLY", "on", "2026-11-02", "grounds", "已履行全部义务"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        // REPAIRED is a reason of the contract (API.md), recorded only by a granted repair: asked for directly, the ledger refuses
        // it naming its rule, not as an unknown value (a sweep from outside: it was a 400)
        web.post().uri("/api/v1/listings/{id}/removal", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("removedOn", "2026-11-02", "reason", "REPAIRED"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("listing-removal")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("only by granting a repair application"));
        // not while the basis penalty's fine is unpaid: the ledger has no execution of it (audit: a repair was granted so)
        web.post().uri("/api/v1/listings/{id}/repair", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "GRANT", "on", "2026-11-04", "applicationId", applied.get("applicationId"), "reason", "当事人称已缴纳罚款"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("listing-repair")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("OBLIGATIONS_NOT_FULFILLED").contains(basis));
        bureau.act(basis, "execution", Map.of("executedOn", "2026-11-04", "paidAmount", 50000, "method", "银行转账"));
        ok("/api/v1/listings/{id}/repair", listingId, Map.of("action", "GRANT", "on", "2026-11-05",
                "applicationId", applied.get("applicationId"), "reason", "符合信用修复条件"));
        Map<?, ?> removed = awaitListing(listingId, v -> "REMOVED".equals(v.get("status")));
        assertThat(((Map<?, ?>) removed.get("removal")).get("reason")).isEqualTo("REPAIRED");
        assertThat(((Map<?, ?>) removed.get("removal")).get("removedOn")).isEqualTo("2026-11-05");
        assertThat(((List<?>) removed.get("sanctions"))).allSatisfy(s -> assertThat(((Map<?, ?>) s).get("liftedOn")).isNotNull());
        assertThat(publicGet("/api/v1/public/lists/SEVERE_DISHONESTY")).as("removed entries leave the public list").doesNotContain(listingId);
        assertThat(publicGet("/api/v1/public/subjects/" + AGENCY)).doesNotContain(listingId);

        // the feed carries every public step, each removal naming the entry it retracts
        List<String> feed = awaitFeed(lines -> lines.stream().anyMatch(l -> l.contains("listing.removed")));
        List<String> types = feed.stream().map(l -> l.replaceAll(".*\"type\":\"org\\.gongshi\\.([a-z.]+)\\.v1\".*", "$1")).toList();
        assertThat(types).containsSubsequence("listing.added", "sanction.imposed", "sanction.imposed", "sanction.imposed",
                "sanction.lifted", "sanction.lifted", "sanction.lifted", "listing.removed");
        // the listing authority by name, as its basis case's filing recorded it from the registration (a credit platform's sweep, stop 74)
        assertThat(feed.stream().filter(l -> l.contains("listing.added")).findFirst().orElseThrow()).contains("\"division\":\"110105\"")
                .containsPattern("\"authorityName\":\"[^\"]+\",\"authorityUscc\":\"");
        assertThat(feed.stream().filter(l -> l.contains("listing.removed")).findFirst().orElseThrow()).containsPattern("\"retracts\":\\d+");

        // a place freed by the removal can be taken again
        String again = created(proposal("SEVERE_DISHONESTY", "FALSE_MATERIALS", "北京某某商标代理有限公司", AGENCY, List.of(basis), "2026-11-10"));

        // the basis case's history holds its listings' acts, and the list place each took and left, naming that listing only
        // (a sweep from outside, stop 72: the place's events were in no history)
        String auditor = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "auditor");
        List<Map<?, ?>> slotEvents = ProcessorFaultEndToEndTest.await(() -> ((List<?>) web.get().uri("/api/v1/audit/cases/{id}/events", basis)
                        .headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                        .getResponseBody().get("items")).stream().<Map<?, ?>>map(e -> (Map<?, ?>) e)
                .filter(e -> ((String) e.get("type")).contains(".ListEntrySlot")).toList(), events -> events.size() == 3,
                "the list places in the basis case's history");
        assertThat(slotEvents).extracting(e -> ((String) e.get("type")).replaceAll(".*\\.", ""))
                .containsExactly("ListEntrySlotOccupied", "ListEntrySlotVacated", "ListEntrySlotOccupied");
        assertThat(slotEvents).extracting(e -> (String) ((Map<?, ?>) e.get("payload")).get("listingId")).containsExactly(listingId, listingId, again);
    }

    @Test
    void a_listing_whose_basis_decision_is_revoked_is_removed_by_policy() throws Exception {
        String basis = bureau.decidedCase("上海某某医疗器械有限公司", INFRINGER, 30000);
        String listingId = propose("BLACKLIST", "REFUSAL_TO_PERFORM", "上海某某医疗器械有限公司", INFRINGER, List.of(basis), "2026-04-01");
        ok("/api/v1/listings/{id}/decision", listingId, Map.of("decidedOn", "2026-04-15", "list", true,
                "measures", List.of(Map.of("type", "NO_CREDIT_COMMITMENT"))));
        awaitListing(listingId, v -> "ACTIVE".equals(v.get("status")));

        // the process manager's state is durable: it still watches the basis after a restart
        app.close();
        start();
        bureau.revoke(basis, "复议撤销原处罚决定", "2026-04-20");
        Map<?, ?> removed = awaitListing(listingId, v -> "REMOVED".equals(v.get("status")));
        assertThat(((Map<?, ?>) removed.get("removal")).get("reason")).isEqualTo("BASIS_REVOKED");
        assertThat(((Map<?, ?>) removed.get("basisRevoked")).get("caseId")).isEqualTo(basis);
    }

    /**
     * Fail closed on identity (issue 10 item 3): the process manager acts as
     * {@code system:listing-basis-watch}, which a revoked basis lets flag any listing resting on it,
     * whichever bureau listed the subject; before, it acted in the revising bureau's name and the
     * listing's bureau refused it.
     */
    @Test
    void a_revocation_by_another_bureau_takes_the_subject_off_the_listing_bureaus_public_list() throws Exception {
        // a repeated-infringer listing may rest on another bureau's penalties (Trademark Law Art 60
        // counts them wherever decided) beside one of the bureau's own; blacklists rest on the bureau's own cases only
        BureauClient other = new BureauClient(web, LedgerEndToEndTest.OTHER_BUREAU);
        String basis = other.decidedCase("上海某某跨区示例有限公司", "91440300192345678M", 30000);
        String second = other.decidedCase("上海某某跨区示例有限公司", "91440300192345678M", 35000);
        String own = bureau.decidedCase("上海某某跨区示例有限公司", "91440300192345678M", 40000);
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("BLACKLIST", "REFUSAL_TO_PERFORM", "上海某某跨区示例有限公司", "91440300192345678M", List.of(basis), "2026-04-01"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("listing-basis");
        // none of its own (a sweep from outside, stop 74: a bureau listed a subject on another's cases, and locked it out)
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("REPEATED_INFRINGER", "REPEATED_INFRINGEMENT", "上海某某跨区示例有限公司", "91440300192345678M",
                        List.of(basis, second), "2026-04-01"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("none of the basis cases was filed by the proposing bureau"));
        String listingId = propose("REPEATED_INFRINGER", "REPEATED_INFRINGEMENT", "上海某某跨区示例有限公司", "91440300192345678M",
                List.of(basis, own), "2026-04-01");
        ok("/api/v1/listings/{id}/decision", listingId, Map.of("decidedOn", "2026-04-15", "list", true,
                "measures", List.of(Map.of("type", "KEY_SUPERVISION"))));
        awaitListing(listingId, v -> "ACTIVE".equals(v.get("status")));
        awaitPublicList("REPEATED_INFRINGER", entries -> entries.contains("上海某某跨区示例有限公司"));

        other.revoke(basis, "行政诉讼判决撤销原处罚决定", "2026-04-20");
        Map<?, ?> removed = awaitListing(listingId, v -> "REMOVED".equals(v.get("status")));
        assertThat(((Map<?, ?>) removed.get("removal")).get("reason")).isEqualTo("BASIS_REVOKED");
        awaitPublicList("REPEATED_INFRINGER", entries -> !entries.contains("上海某某跨区示例有限公司"));
    }

    /**
     * DOMAIN.md, repeated infringer (audit: an entry on three penalties was removed as BASIS_REVOKED when one was revoked): two
     * standing penalties still make a candidate, so neither the bureau nor the process manager removes the entry until a
     * second basis is revoked.
     */
    @Test
    void a_repeated_infringer_stays_listed_while_its_standing_basis_still_makes_a_candidate() throws Exception {
        String first = bureau.decidedCase("上海重复侵权三次有限公司", INFRINGER, 20000);
        String second = bureau.decidedCase("上海重复侵权三次有限公司", INFRINGER, 25000);
        String third = bureau.decidedCase("上海重复侵权三次有限公司", INFRINGER, 30000);
        String listingId = propose("REPEATED_INFRINGER", "REPEATED_INFRINGEMENT", "上海重复侵权三次有限公司", INFRINGER,
                List.of(first, second, third), "2026-04-01");
        ok("/api/v1/listings/{id}/decision", listingId, Map.of("decidedOn", "2026-04-15", "list", true,
                "measures", List.of(Map.of("type", "KEY_SUPERVISION"))));
        awaitListing(listingId, v -> "ACTIVE".equals(v.get("status")));

        bureau.revoke(first, "复议撤销原处罚决定", "2026-04-20");
        awaitProcessManager();
        assertThat(awaitListing(listingId, v -> true).get("status")).isEqualTo("ACTIVE");
        web.post().uri("/api/v1/listings/{id}/removal", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("removedOn", "2026-04-20", "reason", "BASIS_REVOKED", "detail", "京知复决〔2026〕3号"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("listing-removal")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("repeated-infringer candidate").contains(second).contains(third));

        bureau.revoke(second, "诉讼撤销原处罚决定", "2026-04-21");
        Map<?, ?> removed = awaitListing(listingId, v -> "REMOVED".equals(v.get("status")));
        assertThat(((Map<?, ?>) removed.get("removal")).get("reason")).isEqualTo("BASIS_REVOKED");
        assertThat(((Map<?, ?>) removed.get("basisRevoked")).get("caseId")).as("the first revocation left the entry listed").isEqualTo(second);
    }

    /** Waits until the process manager of listings has handled every event recorded so far. */
    private void awaitProcessManager() throws InterruptedException {
        long head = app.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).createHeadToken().position().orElseThrow();
        var processor = app.getBean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(p -> p.getName().contains("ListingBasisWatch")).map(org.axonframework.eventhandling.StreamingEventProcessor.class::cast)
                .findFirst().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var segments = processor.processingStatus().values();
            if (!segments.isEmpty() && segments.stream().allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the process manager did not reach position " + head + ": " + processor.processingStatus());
    }

    private void awaitPublicList(String listType, java.util.function.Predicate<String> ready) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = web.get().uri("/api/v1/public/lists/{type}", listType).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            if (ready.test(last)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the public list " + listType + " never became as expected: " + last);
    }

    @Test
    void an_entry_whose_term_has_ended_is_removed_on_the_ledger_clock() throws Exception {
        String basis = bureau.decidedCase("北京某某专利代理有限公司", AGENCY, 10000);
        String listingId = propose("SEVERE_DISHONESTY", "ABNORMAL_PATENT_APPLICATION", "北京某某专利代理有限公司", AGENCY, List.of(basis), "2026-04-01");
        ok("/api/v1/listings/{id}/decision", listingId, Map.of("decidedOn", "2026-04-15", "list", true, "termEnd", "2026-06-30",
                "measures", List.of(Map.of("type", "FEE_REDUCTION_REVIEW"))));
        awaitListing(listingId, v -> "ACTIVE".equals(v.get("status")));

        // the term's last day is 06-30: on the ledger's clock the deadline mechanism ends the entry on 07-01
        LedgerEndToEndTest.clockTo(app, LocalDate.of(2026, 7, 1));
        Map<?, ?> removed = awaitListing(listingId, v -> "REMOVED".equals(v.get("status")));
        assertThat(((Map<?, ?>) removed.get("removal")).get("reason")).isEqualTo("TERM_EXPIRED");
        assertThat(((Map<?, ?>) removed.get("removal")).get("removedOn")).isEqualTo("2026-07-01");
    }

    /**
     * Audit: KEY_SUPERVISION until 2026-06-30 was still on the public list on 07-01, and no sanction.lifted reached the feed
     * until an officer lifted it. The deadline mechanism lifts it on 07-01 on the ledger's clock, as it ends a term.
     */
    @Test
    void a_sanction_past_its_until_date_is_lifted_on_the_ledger_clock() throws Exception {
        String basis = bureau.decidedCase("北京某某知识产权代理有限公司", AGENCY, 10000);
        String listingId = propose("SEVERE_DISHONESTY", "ILLEGAL_AGENCY", "北京某某知识产权代理有限公司", AGENCY, List.of(basis), "2026-04-01");
        ok("/api/v1/listings/{id}/decision", listingId, Map.of("decidedOn", "2026-04-15", "list", true,
                "measures", List.of(Map.of("type", "NO_AWARDS"), Map.of("type", "KEY_SUPERVISION", "until", "2026-06-30"))));
        awaitListing(listingId, v -> "ACTIVE".equals(v.get("status")) && ((List<?>) v.get("sanctions")).size() == 2);

        // its last day: the measure still applies
        LedgerEndToEndTest.clockTo(app, LocalDate.of(2026, 6, 30));
        awaitPublicList("SEVERE_DISHONESTY", entries -> entries.contains(listingId) && entries.contains("KEY_SUPERVISION"));

        LedgerEndToEndTest.clockTo(app, LocalDate.of(2026, 7, 1));
        Map<?, ?> lifted = awaitListing(listingId, v -> ((List<?>) v.get("sanctions")).stream()
                .anyMatch(s -> "KEY_SUPERVISION".equals(((Map<?, ?>) s).get("measure")) && ((Map<?, ?>) s).get("liftedOn") != null));
        Map<?, ?> keySupervision = ((List<?>) lifted.get("sanctions")).stream().map(Map.class::cast)
                .filter(s -> "KEY_SUPERVISION".equals(s.get("measure"))).findFirst().orElseThrow();
        assertThat(keySupervision.get("liftedOn")).isEqualTo("2026-07-01");
        assertThat(keySupervision.get("liftReason")).isEqualTo("term of the measure ended on 2026-06-30");
        assertThat(lifted.get("status")).as("the entry itself runs to its term's end").isEqualTo("ACTIVE");
        awaitPublicList("SEVERE_DISHONESTY", entries -> entries.contains(listingId) && !entries.contains("KEY_SUPERVISION"));

        // the feed's sanction.lifted names the sanction.imposed entry it retracts
        List<String> feed = awaitFeed(lines -> lines.stream().anyMatch(l -> l.contains("sanction.lifted")));
        String imposed = feed.stream().filter(l -> l.contains("sanction.imposed") && l.contains("KEY_SUPERVISION")).findFirst().orElseThrow();
        String seq = imposed.replaceAll(".*\"sequence\":(\\d+).*", "$1");
        List<String> liftedEntries = feed.stream().filter(l -> l.contains("sanction.lifted")).toList();
        assertThat(liftedEntries).singleElement().satisfies(l -> assertThat(l).contains("KEY_SUPERVISION")
                .contains("\"retracts\":" + seq).contains("term of the measure ended on 2026-06-30"));
    }

    @Test
    void two_standing_penalties_within_five_years_make_a_repeated_infringer_candidate_and_nothing_more() throws Exception {
        String first = bureau.decidedCase("上海重复侵权示例有限公司", INFRINGER, 20000);
        String second = bureau.decidedCase("上海重复侵权示例有限公司", INFRINGER, 25000);
        String once = bureau.decidedCase("北京单次示例有限公司", AGENCY, 20000);
        String revokedLater = bureau.decidedCase("北京单次示例有限公司", AGENCY, 21000);
        bureau.revoke(revokedLater, "诉讼撤销");
        awaitCase(revokedLater, v -> ((List<?>) v.get("revisions")).size() == 1);

        Map<?, ?> queue = awaitCandidates(q -> ((Number) q.get("total")).intValue() == 1);
        Map<?, ?> candidate = (Map<?, ?>) ((List<?>) queue.get("items")).get(0);
        assertThat(candidate.get("uscc")).as("a revoked penalty does not count").isEqualTo(INFRINGER);
        assertThat(((Number) candidate.get("count")).intValue()).isEqualTo(2);
        List<Object> caseIds = ((List<?>) candidate.get("penalties")).stream().map(p -> ((Map<?, ?>) p).get("caseId")).map(Object.class::cast).toList();
        assertThat(caseIds).containsExactlyInAnyOrder(first, second);
        assertThat(once).isNotBlank();

        // the queue lists nobody by itself: no listing exists until a bureau proposes one
        Map<?, ?> listings = web.get().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) listings.get("total")).intValue()).isZero();

        // a repeated-infringer listing rests on at least two basis cases
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("REPEATED_INFRINGER", "REPEATED_INFRINGEMENT", "上海重复侵权示例有限公司", INFRINGER, List.of(first), "2026-04-01"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("listing-category"));
        // ... and only on penalties that stand: a revoked decision is no basis
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("REPEATED_INFRINGER", "REPEATED_INFRINGEMENT", "北京单次示例有限公司", AGENCY, List.of(once, revokedLater), "2026-11-20"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("listing-basis").contains(revokedLater).contains("revoked"));
        created(proposal("REPEATED_INFRINGER", "REPEATED_INFRINGEMENT", "上海重复侵权示例有限公司", INFRINGER, List.of(first, second), "2026-11-20"));
        awaitCandidates(q -> ((Number) q.get("total")).intValue() == 0);
    }

    @Test
    void bad_listing_requests_are_400_with_the_field_and_another_bureau_is_403() throws Exception {
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("SEVERE_DISHONESTY", "ILLEGAL_AGENCY", "某公司", "91110000600037341X", List.of("c-1"), "2026-04-01"))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).value(b -> assertThat(b).contains("subject.uscc"));
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("listType", "GREYLIST", "category", "ILLEGAL_AGENCY"))
                .exchange().expectStatus().isBadRequest();
        // a listing on a case that does not exist is refused, naming the rule (it used to reach the public list)
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(proposal("SEVERE_DISHONESTY", "ILLEGAL_AGENCY", "北京某某商标代理有限公司", AGENCY, List.of("case-1"), "2026-04-01"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("listing-basis")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("case-1 does not exist"));
        String basis = bureau.decidedCase("北京某某商标代理有限公司", AGENCY, 20000);
        String listingId = created(proposal("SEVERE_DISHONESTY", "ILLEGAL_AGENCY", "北京某某商标代理有限公司", AGENCY, List.of(basis), "2026-04-01"));
        web.post().uri("/api/v1/listings/{id}/decision", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decidedOn", "2026-04-15", "list", true))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).value(b -> assertThat(b).contains("measures"));
        // a measure named twice in one decision is bad input, named by its field (it gave two sanction.imposed entries)
        web.post().uri("/api/v1/listings/{id}/decision", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decidedOn", "2026-04-15", "list", true, "measures", List.of(Map.of("type", "NO_AWARDS"), Map.of("type", "NO_AWARDS"))))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("measures")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("NO_AWARDS"));
        ok("/api/v1/listings/{id}/decision", listingId, Map.of("decidedOn", "2026-04-15", "list", true, "measures", List.of(Map.of("type", "NO_AWARDS"))));
        // whether the basis was in fact revoked is the ledger's rule, with a detail or without (API.md's body is {removedOn, reason})
        for (Map<String, String> body : List.of(Map.of("removedOn", "2026-04-20", "reason", "BASIS_REVOKED"),
                Map.of("removedOn", "2026-04-20", "reason", "BASIS_REVOKED", "detail", "京知复决〔2026〕3号"))) {
            web.post().uri("/api/v1/listings/{id}/removal", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("listing-removal")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("still stands"));
        }
        String other = LedgerEndToEndTest.token(web, LedgerEndToEndTest.OTHER_BUREAU, "officer");
        web.post().uri("/api/v1/listings/{id}/removal", listingId).headers(h -> h.setBearerAuth(other)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("removedOn", "2026-04-20", "reason", "LISTED_IN_ERROR", "detail", "主体识别错误"))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/listings/{id}/removal", "no-such-listing").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("removedOn", "2026-04-20", "reason", "LISTED_IN_ERROR", "detail", "主体识别错误"))
                .exchange().expectStatus().isNotFound();
        // a removal with API.md's fields only, no detail: recorded (a contract sweep from outside, stop 80, was refused a 400)
        web.post().uri("/api/v1/listings/{id}/removal", listingId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("removedOn", "2026-04-20", "reason", "LISTED_IN_ERROR"))
                .exchange().expectStatus().isOk();
        Map<?, ?> removed = awaitListing(listingId, v -> "REMOVED".equals(v.get("status")));
        assertThat(((Map<?, ?>) removed.get("removal")).get("reason")).isEqualTo("LISTED_IN_ERROR");
    }

    // ---- helpers

    String publicGet(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    static Map<String, Object> proposal(String listType, String category, String name, String uscc, List<String> basis, String on) {
        return Map.of("listType", listType, "category", category, "subject", Map.of("name", name, "uscc", uscc),
                "basisCaseIds", basis, "reason", "经查实，当事人存在失信行为。", "proposedOn", on);
    }

    String propose(String listType, String category, String name, String uscc, List<String> basis, String on) {
        return created(proposal(listType, category, name, uscc, basis, on));
    }

    String created(Map<String, Object> body) {
        Map<?, ?> created = web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("listingId");
    }

    void ok(String uri, String id, Map<String, Object> body) {
        web.post().uri(uri, id).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    Map<?, ?> awaitListing(String listingId, Predicate<Map<?, ?>> ready) throws InterruptedException {
        return await("listing " + listingId, "/api/v1/listings/" + listingId, ready);
    }

    Map<?, ?> awaitCase(String caseId, Predicate<Map<?, ?>> ready) throws InterruptedException {
        return await("case " + caseId, "/api/v1/cases/" + caseId, ready);
    }

    Map<?, ?> awaitCandidates(Predicate<Map<?, ?>> ready) throws InterruptedException {
        return await("candidates", "/api/v1/listings/candidates", ready);
    }

    Map<?, ?> await(String what, String uri, Predicate<Map<?, ?>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            var result = web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().returnResult(Map.class);
            if (result.getStatus().value() == 200) {
                last = result.getResponseBody().blockFirst();
                if (last != null && ready.test(last)) return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not reach the expected state; last: " + last);
    }

    List<String> awaitFeed(Predicate<List<String>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            String body = web.get().uri("/feed/v1/entries?limit=1000").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            lines = body == null ? List.of() : body.lines().filter(l -> !l.isBlank()).toList();
            if (ready.test(lines)) return lines;
            Thread.sleep(100);
        }
        throw new AssertionError("feed did not reach the expected state: " + lines);
    }
}
