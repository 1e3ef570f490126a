package org.gongshi.server;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.server.embedded.KeptAggregates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 items 1–2 on the embedded server: a corpus of realistic personal data typed into every
 * free-text field a bureau can make public never reaches a public output (JSON API, HTML pages, SSE,
 * entries, snapshot, lists and subjects); and a data subject's personal data, sealed in the event
 * store, reads as shredded everywhere once its key is deleted.
 */
class PersonalDataEndToEndTest {

    static final String COMPANY = "91110000600037341L";
    static final String OTHER_COMPANY = "91310000132200004B";

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

    // ---- the corpus

    /** Personal data of every kind, in every common format; {@code probes} are what must never appear (digits compared without separators). */
    static final class Corpus {
        final Random random = new Random(20261129L);
        final List<String> texts = new ArrayList<>();
        final Set<String> probes = new LinkedHashSet<>();
        final Set<String> digitProbes = new LinkedHashSet<>();
        final List<String> names = new ArrayList<>();
        String personId;

        Corpus() {
            for (String region : List.of("110101", "440305", "310104", "510107")) {
                String id = idNumber(region);
                if (personId == null) personId = id;
                texts.add(id);
                texts.add(id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14));
                texts.add(fullWidth(id));
                digitProbes.add(id.substring(0, 17));
                digitProbes.add(id.substring(6, 14) + id.substring(14, 17)); // the birth date and sequence
                String old = region + String.format("%02d%02d%02d%03d", 60 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28),
                        random.nextInt(1000));
                texts.add(old);
                digitProbes.add(old);
            }
            for (int i = 0; i < 4; i++) {
                String m = "1" + (3 + random.nextInt(7)) + digits(9);
                digitProbes.add(m);
                texts.addAll(List.of(m, m.substring(0, 3) + "-" + m.substring(3, 7) + "-" + m.substring(7), m.substring(0, 3) + " " + m.substring(3, 7)
                        + " " + m.substring(7), m.substring(0, 3) + "." + m.substring(3, 7) + "." + m.substring(7), "+86 " + m, "+86" + m,
                        "(+86)" + m, fullWidth(m)));
            }
            for (String area : List.of("010", "021", "0755")) {
                String local = (2 + random.nextInt(7)) + digits(7);
                digitProbes.add(local);
                String a = area.substring(1);
                texts.addAll(List.of("(" + area + ") " + local.substring(0, 4) + "-" + local.substring(4), area + "-" + local.substring(0, 4) + "-"
                        + local.substring(4), area + "-" + local, area + " " + local, "+86 " + a + " " + local.substring(0, 4) + " " + local.substring(4),
                        fullWidth("(" + area + ")" + local.substring(0, 4) + "-" + local.substring(4))));
            }
            for (String prefix : List.of("6222", "4111", "6217")) {
                for (int length : new int[]{16, 19}) {
                    String card = luhn(prefix + digits(length - prefix.length() - 1));
                    digitProbes.add(card);
                    texts.add(card);
                    texts.add(card.replaceAll("(\\d{4})(?=\\d)", "$1 "));
                }
            }
            for (int i = 0; i < 3; i++) {
                int n = 1 + random.nextInt(300);
                String road = List.of("科技南路", "建国路", "漕溪北路").get(i) + n + "号";
                String flat = (1 + random.nextInt(9)) + "栋" + (1 + random.nextInt(5)) + "单元" + (100 + random.nextInt(2900)) + "室";
                texts.add(List.of("广东省深圳市南山区", "北京市朝阳区", "上海市徐汇区").get(i) + road + flat);
                probes.add(road);
                probes.add(flat);
            }
            for (String email : List.of("zhang.san" + digits(3) + "@example.com", "li_si@mail.example.cn")) {
                texts.add(email);
                probes.add(email);
                probes.add(email.substring(0, email.indexOf('@')) + "@");
            }
            texts.add(fullWidth("wang@example.org"));
            probes.add("wang@example.org");
            for (String name : List.of("周小梅", "吴建国", "郑晓丽")) {
                names.add(name);
                probes.add(name);
            }
            texts.add("举报人钱多多称");
            probes.add("钱多多");
        }

        /** A free text carrying every item of the corpus from {@code from}, every {@code step}-th, with the third parties' names. */
        String text(int from, int step) {
            return text(from, step, 1800);
        }

        /** The same, at most {@code max} characters long (a field's bound), whole items only. */
        String text(int from, int step, int max) {
            StringBuilder b = new StringBuilder("经查，当事人");
            for (int i = from; i < texts.size() && b.length() + texts.get(i).length() + 60 < max; i += step) {
                b.append("（").append(texts.get(i)).append("）");
            }
            for (String name : names) b.append("，证人").append(name).append("在场");
            return b.append("。").toString();
        }

        String idNumber(String region) {
            LocalDate birth = LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String body = region + birth.toString().replace("-", "") + digits(3);
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) sum += (body.charAt(i) - '0') * weights[i];
            return body + "10X98765432".charAt(sum % 11);
        }

        String digits(int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) b.append(random.nextInt(10));
            return b.toString();
        }

        static String luhn(String body) {
            int sum = 0;
            for (int i = 0; i < body.length(); i++) {
                int d = body.charAt(body.length() - 1 - i) - '0';
                if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                sum += d;
            }
            return body + (10 - sum % 10) % 10;
        }

        static String fullWidth(String ascii) {
            StringBuilder b = new StringBuilder();
            for (char c : ascii.toCharArray()) b.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
            return b.toString();
        }

        /** What of the corpus {@code output} shows (full-width read as ASCII, digits compared without separators). */
        List<String> leaksIn(String output) {
            String ascii = ascii(output);
            List<String> leaks = new ArrayList<>();
            for (String probe : probes) if (ascii.contains(probe)) leaks.add(probe);
            Matcher runs = Pattern.compile("[0-9][0-9 .()+\\-]*[0-9]").matcher(ascii);
            List<String> numbers = new ArrayList<>();
            while (runs.find()) numbers.add(runs.group().replaceAll("[^0-9]", ""));
            for (String probe : digitProbes) if (numbers.stream().anyMatch(n -> n.contains(probe))) leaks.add(probe);
            return leaks;
        }

        static String ascii(String text) {
            StringBuilder b = new StringBuilder();
            for (char c : text.toCharArray()) b.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
            return b.toString();
        }
    }

    // ---- item 1: one redaction boundary

    @Test
    void no_personal_data_of_the_corpus_reaches_any_public_output() throws Exception {
        Corpus corpus = new Corpus();
        assertThat(corpus.texts).hasSizeGreaterThan(60);
        assertThat(corpus.leaksIn(corpus.text(0, 1, Integer.MAX_VALUE))).as("the checker finds every item typed in clear")
                .hasSize(corpus.probes.size() + corpus.digitProbes.size());

        // a natural person's case: every text field carries the corpus; published, then corrected twice
        String person = decidedCase(Map.of("kind", "NATURAL_PERSON", "name", "刘示例", "idNumber", corpus.personId),
                corpus.text(0, 3), corpus.text(1, 4), "罚款，联系" + corpus.texts.get(12));
        post(person, "disclosure", Map.of("action", "PUBLISH", "redactions", List.of("周小梅")));
        post(person, "disclosure", Map.of("action", "CORRECT", "reason", "更正：" + corpus.text(2, 5),
                "facts", corpus.text(1, 2), "redactions", List.of("吴建国")));
        post(person, "disclosure", Map.of("action", "CORRECT", "reason", "再次更正",
                "facts", corpus.text(0, 2) + "周小梅、吴建国", "violationType", "销售侵权商品，联系" + corpus.texts.get(20)));

        // a company's case: published, then revoked with a reason full of personal data (withdrawn, 410 with the reason)
        String company = decidedCase(Map.of("kind", "LEGAL_PERSON", "name", "北京示例商贸有限公司", "uscc", COMPANY, "legalRepresentative", "王示例"),
                corpus.text(3, 3), corpus.text(0, 5), corpus.text(4, 6, 1000));
        post(company, "disclosure", Map.of("action", "PUBLISH"));
        post(company, "revision", Map.of("kind", "REVOKED", "by", "LITIGATION", "documentNumber", "(2026)京0105行初9号",
                "effectiveOn", today().toString(), "reason", "判决撤销：" + corpus.text(5, 4)));

        // another company: published, listed with reasons and sanction scopes full of personal data; a second entry removed in error
        String other = decidedCase(Map.of("kind", "LEGAL_PERSON", "name", "上海示例医疗器械有限公司", "uscc", OTHER_COMPANY, "legalRepresentative", "赵示例"),
                corpus.text(6, 5), "《商标法》第六十条", "罚款");
        post(other, "disclosure", Map.of("action", "PUBLISH"));
        String listing = listing("SEVERE_DISHONESTY", "BAD_FAITH_TRADEMARK_APPLICATION", corpus.text(0, 4), other);
        act("/api/v1/listings/{id}/decision", listing, Map.of("decidedOn", "2026-04-15", "list", true, "reason", corpus.text(2, 3),
                "measures", List.of(Map.of("type", "KEY_SUPERVISION", "scope", corpus.text(1, 3, 500)), Map.of("type", "NO_AWARDS"))));
        String removed = listing("BLACKLIST", "REFUSAL_TO_PERFORM", corpus.text(3, 4), other);
        act("/api/v1/listings/{id}/decision", removed, Map.of("decidedOn", "2026-04-15", "list", true,
                "measures", List.of(Map.of("type", "NO_CREDIT_COMMITMENT", "scope", corpus.text(0, 6, 500)))));
        act("/api/v1/listings/{id}/removal", removed, Map.of("removedOn", "2026-05-01", "reason", "LISTED_IN_ERROR", "detail", corpus.text(5, 3)));

        // the feed has every public change: 3 published, 2 corrections (a retraction and a record each), 1 withdrawal, 2 listings,
        // 3 sanctions, 1 lift and 1 removal
        String entries = await("/feed/v1/entries?after=-1&limit=1000", body -> body.lines().count() >= 15
                && body.contains("listing.removed") && body.contains("disclosure.withdrawn"));
        assertThat(entries).contains("org.gongshi.disclosure.retracted.v1").contains("\"retracts\"");
        long lastSeq = entries.lines().count() - 1;

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("/feed/v1/entries", entries);
        outputs.put("/feed/v1/snapshot", get("/feed/v1/snapshot"));
        outputs.put("/feed/v1/events", sse(lastSeq));
        for (String path : List.of("/api/v1/public/penalties?size=100", "/api/v1/public/penalties?q=刘示例", "/api/v1/public/subjects/" + COMPANY,
                "/api/v1/public/subjects/" + OTHER_COMPANY, "/api/v1/public/lists/SEVERE_DISHONESTY", "/api/v1/public/lists/BLACKLIST",
                "/api/v1/public/lists/REPEATED_INFRINGER", "/", "/penalties", "/penalties?q=刘示例", "/subjects/" + COMPANY,
                "/subjects/" + OTHER_COMPANY, "/lists", "/lists/SEVERE_DISHONESTY", "/lists/BLACKLIST")) {
            outputs.put(path, get(path));
        }
        for (String recordId : recordIds(entries)) {
            outputs.put("/api/v1/public/penalties/" + recordId, getAny("/api/v1/public/penalties/" + recordId));
            outputs.put("/penalties/" + recordId, getAny("/penalties/" + recordId));
        }
        assertThat(outputs.get("/feed/v1/events")).contains("id:" + lastSeq);
        // the party's own ID number shows masked; every other ID number of the corpus (440305…, 310104…) is a third party's, hidden whole
        String partyIdMasked = corpus.personId.substring(0, 6) + "********" + corpus.personId.substring(14);
        assertThat(String.join("\n", outputs.values())).as("the outputs show the records at all").contains("刘示例").contains(partyIdMasked)
                .contains("北京示例商贸有限公司").contains("***");

        Map<String, List<String>> leaks = new LinkedHashMap<>();
        outputs.forEach((path, body) -> {
            List<String> found = corpus.leaksIn(body);
            if (!found.isEmpty()) leaks.put(path, found);
        });
        assertThat(leaks).as("personal data of the corpus in public outputs (%d outputs, %d corpus items)", outputs.size(), corpus.texts.size())
                .isEmpty();
    }

    // ---- item 2: crypto-shredding

    @Test
    void deleting_a_data_subjects_key_shreds_its_personal_data_in_the_event_store_and_the_views_while_the_public_record_and_its_proofs_stand()
            throws Exception {
        String id = new Corpus().idNumber("320102");
        String caseId = decidedCase(Map.of("kind", "NATURAL_PERSON", "name", "孙示例", "idNumber", id), "孙示例在其摊位销售侵权商品。", "《商标法》第六十条", "罚款");
        post(caseId, "disclosure", Map.of("action", "PUBLISH", "redactions", List.of("孙小红")));
        Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, officer, caseId, v -> v.get("party") != null && v.get("decision") != null);
        assertThat(((Map<?, ?>) view.get("party")).get("idNumber")).isEqualTo(id);
        assertThat(((Map<?, ?>) view.get("decision")).get("facts")).isEqualTo("孙示例在其摊位销售侵权商品。");

        // the event store holds no personal data in clear (a backup of it shows none); the public record it holds is public
        // by law (the name, the masked ID number: DOMAIN.md "public fields"), as the signed feed holds it for good
        String stored = storedPayloads(caseId);
        assertThat(stored).contains("gongshi-sealed:v1:" + caseId + ":").doesNotContain(id).doesNotContain("孙小红");
        assertThat(stored.lines().findFirst().orElseThrow()).as("CaseFiled").doesNotContain("孙示例");
        // the bureau's free texts about a natural person are sealed with its key too (audit: the facts kept the name and ID
        // number in clear after shredding); the decision's is the only one that holds 摊位 (the public record's facts are redacted)
        assertThat(stored.lines().filter(line -> line.contains("decisionNumber") && line.contains("legalBasis") && !line.contains("recordId")))
                .as("PenaltyDecided").singleElement().satisfies(line -> assertThat(line).doesNotContain("摊位").contains("gongshi-sealed:v1:"));
        String entriesBefore = await("/feed/v1/entries?after=-1&limit=1000", body -> body.contains("孙示例"));

        // only an admin deletes a key; an unknown subject is 404
        String admin = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "admin");
        web.delete().uri("/api/v1/admin/subjects/{id}/key", caseId).headers(h -> h.setBearerAuth(officer)).exchange().expectStatus().isForbidden();
        web.delete().uri("/api/v1/admin/subjects/{id}/key", "no-such-case").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
        KeptAggregates kept = app.getBean(KeptAggregates.class);
        assertThat(kept.forKind(org.gongshi.ledger.cases.Case.class).containsKey(caseId)).as("the case, kept in memory since its last act, with its data in clear").isTrue();
        web.delete().uri("/api/v1/admin/subjects/{id}/key", caseId).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.shredded").isEqualTo(true);
        assertThat(kept.forKind(org.gongshi.ledger.cases.Case.class).containsKey(caseId)).as("a deleted key empties the kept aggregates").isFalse();
        Map<?, ?> again = web.delete().uri("/api/v1/admin/subjects/{id}/key", caseId).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        // the case view reads shredded; the event store's own copy does too, its bytes unchanged; the shredding is recorded once
        // in the case's own stream, naming only the subject (so no command on the case comes after it unseen)
        // at once, read right after the answer, with no position: the erasure answered once the case view had folded it (a sweep
        // from outside, stop 84: under load a read right after the 200 still answered the name and ID number); only an answer that
        // says the view is still catching up (a busy machine, past the reads' wait) sends the read after its position, as documented
        String read = again.containsKey("caseView") ? "/api/v1/cases/{id}?position=" + again.get("position") : "/api/v1/cases/{id}";
        Map<?, ?> shredded = web.get().uri(read, caseId).headers(h -> h.setBearerAuth(officer)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) shredded.get("party")).get("idNumber")).isEqualTo(PersonalData.SHREDDED);
        assertThat(((Map<?, ?>) shredded.get("party")).get("name")).isEqualTo(PersonalData.SHREDDED);
        assertThat(storedPayloads(caseId)).startsWith(stored);
        assertThat(storedPayloads(caseId).substring(stored.length()).lines().toList()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("{\"subjectId\":\"" + caseId + "\",\"shreddedAt\":"));
        CaseFiled replayed = (CaseFiled) app.getBean(EventStore.class).readEvents(caseId).asStream()
                .map(DomainEventMessage::getPayload).filter(CaseFiled.class::isInstance).findFirst().orElseThrow();
        assertThat(replayed.party().idNumber()).isEqualTo(PersonalData.SHREDDED);
        assertThat(replayed.party().name()).isEqualTo(PersonalData.SHREDDED);
        // read from the ledger's start as a processor reads it (a view's rebuild): shredded too, though the processors had read
        // and deserialized this event with the name in clear before the deletion (the store forgets what they shared)
        try (var events = app.getBean(EventStore.class).openStream(null)) {
            CaseFiled tracked = null;
            while (tracked == null && events.hasNextAvailable(10, java.util.concurrent.TimeUnit.SECONDS)) {
                if (events.nextAvailable().getPayload() instanceof CaseFiled filed && filed.caseId().equals(caseId)) tracked = filed;
            }
            assertThat(tracked).as("the case's filing, read from the start").isNotNull();
            assertThat(tracked.party().name()).isEqualTo(PersonalData.SHREDDED);
            assertThat(tracked.party().idNumber()).isEqualTo(PersonalData.SHREDDED);
        }
        PenaltyDecided decided = (PenaltyDecided) app.getBean(EventStore.class).readEvents(caseId).asStream()
                .map(DomainEventMessage::getPayload).filter(PenaltyDecided.class::isInstance).findFirst().orElseThrow();
        assertThat(decided.facts()).isEqualTo(PersonalData.SHREDDED);
        Map<?, ?> textsShredded = LedgerEndToEndTest.awaitCase(web, officer, caseId,
                v -> PersonalData.SHREDDED.equals(((Map<?, ?>) v.get("decision")).get("facts")));
        // the legal basis is sealed too (it may name the person): the live view reads it shredded, as a rebuild does (a sweep
        // from outside, stop 72: the view kept it in clear where the audit history and a rebuild read shredded)
        assertThat(((Map<?, ?>) textsShredded.get("decision")).get("legalBasis")).isEqualTo(PersonalData.SHREDDED);
        // the audit history shows the stored payload (sealed, as its leaf hashes it) and what the ledger reads beside it
        String auditor = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "auditor");
        Map<?, ?> history = web.get().uri("/api/v1/audit/cases/{id}/events", caseId).headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> decidedEntry = ((List<?>) history.get("items")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> ((String) e.get("type")).endsWith("PenaltyDecided")).findFirst().orElseThrow();
        assertThat((String) ((Map<?, ?>) decidedEntry.get("payload")).get("facts")).startsWith("gongshi-sealed:v1:" + caseId + ":");
        assertThat(((Map<?, ?>) decidedEntry.get("payloadOpened")).get("facts")).isEqualTo(PersonalData.SHREDDED);
        assertThat(decidedEntry.get("leafMatches")).isNotEqualTo(false);
        // and the erasure itself, recorded in the case's own stream (in the data subject's own before stop 76), is part of the
        // case's history, once: when, by whom
        Map<?, ?> erasure = ((List<?>) history.get("items")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> ((String) e.get("type")).endsWith("SubjectShredded")).reduce((a, b) -> { throw new AssertionError("two erasures"); })
                .orElseThrow();
        assertThat(erasure.get("aggregateId")).isEqualTo(caseId);
        assertThat(erasure.get("actor")).isNotNull();

        // the public record (public by law, masked) and the signed feed stand as they were: no proof breaks
        String entriesAfter = get("/feed/v1/entries?after=-1&limit=1000");
        assertThat(entriesAfter).startsWith(entriesBefore.strip());
        assertThat(entriesAfter).doesNotContain(id).contains(id.substring(0, 6) + "********" + id.substring(14));
    }

    /**
     * An organisation's free texts are sealed only once it has a key (made for its first redaction terms): its erasure shreds
     * those in the live case view, as a rebuild reads them, and leaves the ones written before in clear, as a rebuild keeps
     * them (a sweep from outside, stop 76: the view kept them all in clear until a rebuild).
     */
    @Test
    void an_organisation_s_erasure_shreds_in_its_case_view_the_texts_sealed_with_its_key_and_only_those() throws Exception {
        String caseId = decidedCase(Map.of("kind", "LEGAL_PERSON", "name", "北京密封示例有限公司", "uscc", COMPANY, "legalRepresentative", "钱示例"),
                "该公司仓库存放侵权商品。", "《商标法》第六十条", "罚款");
        post(caseId, "disclosure", Map.of("action", "PUBLISH", "redactions", List.of("钱小保")));
        post(caseId, "service", Map.of("receivedOn", today().toString(), "method", "直接送达，由仓库保管员钱小保签收"));
        String stored = storedPayloads(caseId);
        assertThat(stored).as("the service's method, sealed with the key the redaction terms made").doesNotContain("钱小保签收");
        Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, officer, caseId, v -> v.get("decision") != null
                && ((Map<?, ?>) v.get("decision")).get("service") != null);
        assertThat(((Map<?, ?>) ((Map<?, ?>) view.get("decision")).get("service")).get("method")).isEqualTo("直接送达，由仓库保管员钱小保签收");

        String admin = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "admin");
        web.delete().uri("/api/v1/admin/subjects/{id}/key", caseId).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk();
        Map<?, ?> erased = LedgerEndToEndTest.awaitCase(web, officer, caseId,
                v -> PersonalData.SHREDDED.equals(((Map<?, ?>) ((Map<?, ?>) v.get("decision")).get("service")).get("method")));
        assertThat(((Map<?, ?>) erased.get("decision")).get("facts")).as("written before the key: in clear, as a rebuild keeps it")
                .isEqualTo("该公司仓库存放侵权商品。");
        assertThat(((Map<?, ?>) erased.get("party")).get("name")).isEqualTo("北京密封示例有限公司");
    }

    // ---- helpers

    /**
     * A case filed, noticed and decided in the days up to the ledger's today: the tests of this class
     * share one ledger, whose clock moves forward with the acts each plays, in whatever order they run.
     */
    static String decidedCase(Map<String, Object> party, String facts, String legalBasis, String description) {
        LocalDate today = today();
        Map<?, ?> filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(officer)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("filedOn", today.minusDays(8).toString(), "ipType", "TRADEMARK", "violationType", "销售侵犯注册商标专用权的商品",
                        "procedure", "ORDINARY", "source", "举报", "party", party))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String caseId = (String) filed.get("caseId");
        var penalties = List.of(Map.of("type", "FINE", "amount", 50000, "description", description));
        // ¥50,000 is a large fine for a natural person (Art 63): the notice grants a hearing, which the party waives
        post(caseId, "notices", Map.of("servedOn", today.minusDays(6).toString(), "hearingRightGranted", true, "waived", true, "proposedPenalties", penalties));
        post(caseId, "decisions", Map.of("kind", "PENALTY", "decisionNumber", "京朝市监罚〔2026〕" + caseId.substring(0, 4) + "号",
                "decidedOn", today.toString(), "penalties", penalties, "legalBasis", legalBasis, "facts", facts));
        return caseId;
    }

    /** The ledger's today (its clock, Asia/Shanghai). */
    static LocalDate today() {
        return LocalDate.parse(((String) web.get().uri("/dev/clock").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("ledgerDay")));
    }

    static String listing(String listType, String category, String reason, String basisCase) {
        Map<?, ?> created = web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(officer)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("listType", listType, "category", category, "subject", Map.of("name", "上海示例医疗器械有限公司", "uscc", OTHER_COMPANY),
                        "basisCaseIds", List.of(basisCase), "reason", reason, "proposedOn", "2026-04-01"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("listingId");
    }

    static void post(String caseId, String act, Map<String, Object> body) {
        act("/api/v1/cases/{id}/" + act, caseId, body);
    }

    static void act(String path, String id, Map<String, Object> body) {
        web.post().uri(path, id).headers(h -> h.setBearerAuth(officer)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
    }

    static String get(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    static String getAny(String path) {
        String body = web.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
        return body == null ? "" : body;
    }

    static String await(String path, Predicate<String> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (ready.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not become ready; last: " + last);
    }

    /** The SSE stream from the beginning up to and including {@code lastSeq}, as its raw ids and data. */
    static String sse(long lastSeq) {
        List<ServerSentEvent<String>> events = web.get().uri("/feed/v1/events?after=-1").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {}).getResponseBody()
                .filter(e -> e.id() != null).takeUntil(e -> Long.parseLong(e.id()) >= lastSeq).collectList().block(Duration.ofSeconds(60));
        StringBuilder b = new StringBuilder();
        for (ServerSentEvent<String> e : events) b.append("id:").append(e.id()).append('\n').append("data:").append(e.data()).append('\n');
        return b.toString();
    }

    static List<String> recordIds(String entries) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\"recordId\":\"([^\"]+)\"").matcher(entries);
        while (m.find()) ids.add(m.group(1));
        return List.copyOf(ids);
    }

    /** The event payloads of an aggregate exactly as the event store keeps them (what a backup holds). */
    static String storedPayloads(String aggregateId) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = app.getBean(DataSource.class).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            s.setString(1, aggregateId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) b.append(new String(rows.getBytes(1), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return b.toString();
    }
}
