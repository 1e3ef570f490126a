package org.gongshi.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read checks role and scope (issue 11 item 3; API.md "Authentication and roles"): each caller
 * (role x own or foreign scope) against each read endpoint, on one embedded server. Bureau A
 * (Beijing, 110105) owns a case, a listing and a repeated-infringer candidate; Shanghai's officers,
 * supervisors and auditors are the foreign scope; platform, admin, an unknown role and {@code roles: []}
 * (each with bureau A's claims) read nothing private; without a token, public data only.
 */
class AccessMatrixTest {

    static final String BUREAU_A = LedgerEndToEndTest.BUREAU;           // Beijing, 110105
    static final String BUREAU_B = LedgerEndToEndTest.OTHER_BUREAU;     // Shanghai, 310101
    static final String INFRINGER = "91310000132200004B";

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static WebTestClient web;
    static final Map<String, String> tokens = new LinkedHashMap<>();
    static String caseId, listingId, caseOfB;

    /** A caller: a token with these claims, or none. */
    record Caller(String name, String bureau, String division, List<String> roles) {}

    static final List<Caller> CALLERS = List.of(
            new Caller("officer A", BUREAU_A, "110105", List.of("officer")),
            new Caller("officer B", BUREAU_B, "310101", List.of("officer")),
            new Caller("reviewer A", BUREAU_A, "110105", List.of("reviewer")),
            new Caller("reviewer B", BUREAU_B, "310101", List.of("reviewer")),
            new Caller("supervisor Beijing", "11100000000013127D", "110000", List.of("supervisor")),
            new Caller("supervisor Shanghai", "11310115000000027Q", "310000", List.of("supervisor")),
            new Caller("auditor Chaoyang", "111101050000000191", "110105", List.of("auditor")),
            new Caller("auditor Shanghai", "11310115000000027Q", "310000", List.of("auditor")),
            new Caller("platform with A's claims", BUREAU_A, "110105", List.of("platform")),
            new Caller("admin with A's claims", BUREAU_A, "110105", List.of("admin")),
            new Caller("unknown role with A's claims", BUREAU_A, "110105", List.of("superuser")),
            new Caller("no roles with A's claims", BUREAU_A, "110105", List.of()),
            new Caller("officer without bureau claim", null, "110105", List.of("officer")),
            new Caller("no token", null, null, null));

    /** What the caller may read of A's data: "own" sees it, "foreign" is refused or sees none of it, "none" reads nothing private. */
    static String scopeOf(Caller c) {
        return switch (c.name()) {
            case "officer A", "reviewer A", "supervisor Beijing", "auditor Chaoyang" -> "own";
            case "officer B", "reviewer B", "supervisor Shanghai", "auditor Shanghai" -> "foreign";
            case "no token" -> "anonymous";
            default -> "none";
        };
    }

    @BeforeAll
    static void start() throws Exception {
        app = LedgerEndToEndTest.start(dataDir);
        web = LedgerEndToEndTest.client(app);
        JwtEncoder encoder = app.getBean(JwtEncoder.class);
        for (Caller c : CALLERS) {
            if (c.roles() != null) tokens.put(c.name(), token(encoder, c));
        }
        BureauClient bureau = new BureauClient(web, BUREAU_A);
        caseId = bureau.decidedCase("上海重复侵权示例有限公司", INFRINGER, 20000);
        bureau.decidedCase("上海重复侵权示例有限公司", INFRINGER, 25000);
        // another bureau's penalty against the same subject: part of the candidate's count, never shown to A
        // (recorded under a name of B's own, decided last: the latest name of the subject's penalties)
        caseOfB = BureauClient.withToken(web, tokens.get("officer B")).decidedCase(NAME_B_RECORDED, INFRINGER, 15000);
        String officerA = tokens.get("officer A");
        Map<?, ?> proposed = web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(officerA)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("listType", "SEVERE_DISHONESTY", "category", "REFUSAL_TO_PERFORM",
                        "subject", Map.of("name", "上海重复侵权示例有限公司", "uscc", INFRINGER),
                        "basisCaseIds", List.of(caseId), "reason", "拒不履行行政处罚决定", "proposedOn", "2026-04-01"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        listingId = (String) proposed.get("listingId");
        await(() -> get("/api/v1/listings/" + listingId, officerA));
        await(() -> get("/api/v1/listings/candidates", officerA), "\"count\":3");
        await(() -> get("/api/v1/cases/" + caseId, officerA), "decision");
    }

    static final String NAME_B_RECORDED = "乙局登记示例名称有限公司";

    /**
     * A security sweep, stop 73: the queue named a subject as the latest penalty of any bureau recorded it, so an officer saw
     * the name another bureau recorded on a decision it withheld. Each reader sees the name its own penalties record.
     */
    @org.junit.jupiter.api.Test
    void the_candidate_queue_names_a_subject_as_the_readers_own_penalties_record_it() {
        Answer ofA = get("/api/v1/listings/candidates", tokens.get("officer A"));
        assertThat(ofA.body()).contains("\"subjectName\":\"上海重复侵权示例有限公司\"").doesNotContain(NAME_B_RECORDED)
                .contains("\"penaltiesOutsideYourScope\":1");
        Answer ofB = get("/api/v1/listings/candidates", tokens.get("officer B"));
        assertThat(ofB.body()).contains("\"subjectName\":\"" + NAME_B_RECORDED + "\"").doesNotContain("上海重复侵权示例有限公司");
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    static String token(JwtEncoder encoder, Caller c) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject("matrix-" + c.name().replace(' ', '-'))
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).claim("roles", c.roles());
        if (c.bureau() != null) claims.claim("bureau", c.bureau());
        if (c.division() != null) claims.claim("division", c.division());
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    record Answer(int status, String body) {}

    static Answer get(String path, String token) {
        var result = web.get().uri(path).headers(h -> {
            if (token != null) h.setBearerAuth(token);
        }).exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody() == null ? "" : result.getResponseBody());
    }

    static void await(Supplier<Answer> read, String... contains) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (last.status() == 200 && Stream.of(contains).allMatch(last.body()::contains)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("view not ready: " + last);
    }

    /** One read endpoint: its path, whether it names one of A's records (else it lists), and what marks A's data in it. */
    record Endpoint(String name, String path, boolean single, String marker) {}

    /** A's two decided cases counted in the handling rate: only a reader of A's scope sees them. */
    static final String A_FIGURES = "\"handlingRate\":{\"numerator\":2,";

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("case", "/api/v1/cases/" + caseId, true, caseId),
                new Endpoint("case list", "/api/v1/cases", false, caseId),
                new Endpoint("listing", "/api/v1/listings/" + listingId, true, listingId),
                new Endpoint("listing list", "/api/v1/listings", false, listingId),
                new Endpoint("candidate queue", "/api/v1/listings/candidates", false, caseId),
                new Endpoint("figures", "/api/v1/stats", false, A_FIGURES),
                new Endpoint("case list of Beijing", "/api/v1/cases?division=11", false, caseId),
                new Endpoint("listing list of Beijing", "/api/v1/listings?division=11", false, listingId),
                new Endpoint("candidate queue of Beijing", "/api/v1/listings/candidates?division=11", false, caseId),
                new Endpoint("figures of Beijing", "/api/v1/stats?division=11", false, A_FIGURES));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Caller c : CALLERS) {
                String scope = scopeOf(c);
                int status;
                boolean seesA;
                boolean namesDivision = e.path().contains("division=11");
                boolean divisionReader = c.roles() != null && (c.roles().contains("supervisor") || c.roles().contains("auditor"));
                switch (scope) {
                    case "anonymous" -> { status = 401; seesA = false; }
                    case "none" -> { status = 403; seesA = false; }
                    case "own" -> { status = 200; seesA = true; }
                    default -> {
                        // foreign: a single record is refused; a list shows none of A's; a division outside one's own is refused,
                        // to a bureau's reader too (outside audit: an empty answer labelled with the other division)
                        status = e.single() || namesDivision ? 403 : 200;
                        seesA = false;
                    }
                }
                if (scope.equals("own") && namesDivision && c.division().equals("110105") && divisionReader) {
                    // an auditor of 110105 may not widen its scope to all of Beijing
                    status = 403;
                    seesA = false;
                }
                if (c.name().equals("officer without bureau claim")) status = e.path().startsWith("/api/v1/") ? 403 : status;
                cases.add(Arguments.of(c.name(), e.name(), e.path(), status, seesA, e.marker()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} reads {1}: {3}")
    @MethodSource("matrix")
    void every_read_checks_role_and_scope(String caller, String endpoint, String path, int status, boolean seesA, String marker) {
        Answer answer = get(path, tokens.get(caller));
        assertThat(answer.status()).as(caller + " GET " + path + " -> " + answer.body()).isEqualTo(status);
        if (status == 200) {
            if (seesA) assertThat(answer.body()).as(caller + " sees A's data on " + endpoint).contains(marker);
            else assertThat(answer.body()).as(caller + " sees none of A's data on " + endpoint).doesNotContain(marker)
                    .doesNotContain(BUREAU_A);
        } else {
            assertThat(answer.body()).as("refusals are problems that name no record").contains("\"status\":" + status)
                    .doesNotContain("110101").doesNotContain("上海重复侵权示例有限公司");
        }
    }

    @org.junit.jupiter.api.Test
    void the_candidate_queue_shows_another_bureaus_penalties_only_as_a_count() {
        Answer ofA = get("/api/v1/listings/candidates", tokens.get("officer A"));
        assertThat(ofA.body()).contains(caseId).contains("\"count\":3").contains("\"penaltiesOutsideYourScope\":1")
                .doesNotContain(caseOfB).doesNotContain("\"bureau\":\"" + BUREAU_B + "\"");
        Answer ofB = get("/api/v1/listings/candidates", tokens.get("officer B"));
        assertThat(ofB.body()).contains(caseOfB).contains("\"penaltiesOutsideYourScope\":2").doesNotContain(caseId)
                .doesNotContain(BUREAU_A);
        Answer platform = get("/api/v1/listings/candidates", tokens.get("platform with A's claims"));
        assertThat(platform.status()).isEqualTo(403);
        assertThat(platform.body()).doesNotContain(caseId).doesNotContain(caseOfB);
    }

    static Stream<Arguments> publicReads() {
        List<Arguments> cases = new ArrayList<>();
        for (Caller c : CALLERS) {
            for (String path : List.of("/api/v1/public/penalties", "/api/v1/public/lists/SEVERE_DISHONESTY", "/feed/v1/entries",
                    "/api/v1/public/subjects/" + INFRINGER, "/")) {
                cases.add(Arguments.of(c.name(), path));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} reads public {1}")
    @MethodSource("publicReads")
    void public_data_is_open_to_every_role_and_to_no_token(String caller, String path) {
        Answer answer = get(path, tokens.get(caller));
        assertThat(answer.status()).as(caller + " GET " + path).isEqualTo(200);
        assertThat(answer.body()).as("nothing private on a public read").doesNotContain(caseId);
    }
}
