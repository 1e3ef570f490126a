package org.gongshi.server;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

/** A bureau's system in tests: files, decides, publishes and revises cases over the HTTP API. */
final class BureauClient {

    private final WebTestClient web;
    private final String token;
    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    BureauClient(WebTestClient web, String bureau) {
        this.web = web;
        this.token = LedgerEndToEndTest.token(web, bureau, "officer");
    }

    private BureauClient(String token, WebTestClient web) {
        this.web = web;
        this.token = token;
    }

    /** A bureau's system acting with the given officer token (its bureau and division claims). */
    static BureauClient withToken(WebTestClient web, String token) {
        return new BureauClient(token, web);
    }

    /**
     * Files a trademark infringement case against a company, serves the notice (rights waived) and decides a
     * fine (ordinary procedure: it counts towards the repeated-infringer list); returns the case id.
     */
    String decidedCase(String companyName, String uscc, int fine) {
        int n = COUNTER.incrementAndGet();
        Map<?, ?> filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("filedOn", "2026-03-02", "ipType", "TRADEMARK", "violationType", "销售侵犯注册商标专用权的商品", "procedure", "ORDINARY",
                        "source", "日常检查",
                        "party", Map.of("kind", "LEGAL_PERSON", "name", companyName, "uscc", uscc)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String caseId = (String) filed.get("caseId");
        var penalties = List.of(Map.of("type", "FINE", "amount", fine));
        act(caseId, "notices", Map.of("servedOn", "2026-03-04", "hearingRightGranted", false, "waived", true, "proposedPenalties", penalties));
        act(caseId, "decisions", Map.of("kind", "PENALTY", "decisionNumber", "京朝知罚〔2026〕" + n + "号", "decidedOn", "2026-03-10",
                "penalties", penalties, "legalBasis", "《商标法》第六十条第二款", "facts", "销售侵犯注册商标专用权的商品。"));
        return caseId;
    }

    /** Publishes on the day the ledger records it (publication takes the recording day). */
    void publish(String caseId) {
        act(caseId, "disclosure", Map.of("action", "PUBLISH"));
    }

    /** Revokes the decision on 2026-03-13, after the decisions of {@link #decidedCase}: the ledger's clock moves there, not further. */
    void revoke(String caseId, String reason) {
        revoke(caseId, reason, "2026-03-13");
    }

    /** Revokes the decision, effective (and recorded) on {@code effectiveOn}, unless the ledger's clock is already later. */
    void revoke(String caseId, String reason, String effectiveOn) {
        act(caseId, "revision", Map.of("kind", "REVOKED", "by", "LITIGATION", "documentNumber", "(2026)京0105行初9号",
                "effectiveOn", effectiveOn, "reason", reason));
    }

    /** Files a case with this body (API.md's fields); returns the case id. */
    String file(Map<String, Object> body) {
        Map<?, ?> filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) filed.get("caseId");
    }

    /** An act the ledger refuses with 409: returns the problem, whose {@code rule} names the rule broken. */
    Map<?, ?> refused(String caseId, String act, Map<String, Object> body) {
        return web.post().uri("/api/v1/cases/{id}/" + act, caseId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(409).expectBody(Map.class).returnResult().getResponseBody();
    }

    void act(String caseId, String act, Map<String, Object> body) {
        answer(caseId, act, body);
    }

    /** The 200 answer of {@code act}. */
    Map<?, ?> answer(String caseId, String act, Map<String, Object> body) {
        return web.post().uri("/api/v1/cases/{id}/" + act, caseId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
