package org.gongshi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The target figures of DOMAIN.md, computed from what bureaus did, for a bureau, a supervisor and the public. */
class TargetFiguresEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void target_figures_count_handling_on_time_closure_disclosure_and_withdrawal() throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            BureauClient bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
            // filed 02-10 and left open: filed first, as the scenario is played on the ledger's clock
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            String open = (String) web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(LedgerEndToEndTest.fileCase("91110000600037341L"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId");
            String published = bureau.decidedCase("北京统计示例一有限公司", "91110000600037341L", 20000);
            bureau.publish(published);
            bureau.decidedCase("北京统计示例二有限公司", "91110000600037341L", 20000); // disclosable, never published
            String revoked = bureau.decidedCase("北京统计示例三有限公司", "91110000600037341L", 20000);
            bureau.publish(revoked);
            bureau.revoke(revoked, "复议撤销"); // withdrawn in the same command: on time
            LedgerEndToEndTest.awaitCase(web, token, open, v -> true);
            LedgerEndToEndTest.awaitCase(web, token, revoked, v -> ((List<?>) v.get("revisions")).size() == 1);

            // before their deadlines, the open case and the unpublished decision are pending: in no figure yet
            Map<?, ?> pending = DemoDataTest.await(web, token, "/api/v1/stats?from=2026-01-01&to=2026-12-31",
                    f -> rate(f, "handlingRate").get("denominator").equals(3) && rate(f, "withdrawalOnTime").get("denominator").equals(1));
            assertThat(rate(pending, "handlingRate")).containsEntry("numerator", 3).containsEntry("denominator", 3);
            assertThat(rate(pending, "disclosureRate")).as("the unpublished decision's 20 WD are still to come")
                    .containsEntry("numerator", 2).containsEntry("denominator", 2);
            assertThat(rate(pending, "disclosureOnTime")).containsEntry("numerator", 2).containsEntry("denominator", 2);

            // once both deadlines have passed (the ledger records them missed), each is a case and a decision that failed
            web.post().uri("/dev/clock").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("now", "2026-06-15T10:00:00+08:00")).exchange().expectStatus().isOk();
            Map<?, ?> figures = DemoDataTest.await(web, token, "/api/v1/stats?from=2026-01-01&to=2026-12-31",
                    f -> rate(f, "handlingRate").get("denominator").equals(4) && rate(f, "disclosureRate").get("denominator").equals(3));
            assertThat(rate(figures, "handlingRate")).containsEntry("numerator", 3).containsEntry("denominator", 4).containsEntry("target", "100%");
            assertThat(rate(figures, "onTimeClosure")).containsEntry("numerator", 3).containsEntry("denominator", 3);
            assertThat(rate(figures, "disclosureRate")).as("2 of 3 disclosable decisions published")
                    .containsEntry("numerator", 2).containsEntry("denominator", 3);
            assertThat(rate(figures, "disclosureOnTime")).containsEntry("numerator", 2).containsEntry("denominator", 3);
            assertThat(rate(figures, "doublePublicityOnTime")).containsEntry("numerator", 2);
            assertThat(rate(figures, "withdrawalOnTime")).containsEntry("numerator", 1).containsEntry("denominator", 1);
            assertThat(rate(figures, "closureToFiling")).containsEntry("numerator", 0).containsEntry("denominator", 4).containsEntry("target", "> 90%");
            assertThat(((Number) figures.get("averageHandlingDays")).doubleValue()).as("filed 03-02, decided 03-10").isEqualTo(8.0);

            // another bureau's officer sees none of it; the public sees the division's disclosure figures
            String other = LedgerEndToEndTest.token(web, LedgerEndToEndTest.OTHER_BUREAU, "officer");
            Map<?, ?> none = web.get().uri("/api/v1/stats?from=2026-01-01&to=2026-12-31").headers(h -> h.setBearerAuth(other))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(rate(none, "handlingRate")).containsEntry("denominator", 0).containsEntry("value", null);
            Map<?, ?> pub = web.get().uri("/api/v1/public/stats?division=11&year=2026").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(rate(pub, "disclosureRate")).containsEntry("numerator", 2).containsEntry("denominator", 3);
            web.get().uri("/api/v1/public/stats?year=20x6").exchange().expectStatus().isBadRequest();
            web.get().uri("/api/v1/stats?from=2026-12-31&to=2026-01-01").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isBadRequest();
            // a bound not sent is the current year's, and the refusal says so (a sweep from outside, stop 84: it named a from never sent)
            web.get().uri("/api/v1/stats?to=2025-06-30").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("to")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("as from is when not sent").contains("send from as well"));
            web.get().uri("/api/v1/stats?from=2027-03-01").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("from")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("as to is when not sent"));
            // a period beyond the years the figures answer for is refused naming its bound (a sweep from outside: 200 for any)
            web.get().uri("/api/v1/stats?from=0001-01-01&to=9999-12-31").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("from")
                    .jsonPath("$.errors[0].message").isEqualTo("must be a date from 2000-01-01 to 2100-12-31");
            web.get().uri("/api/v1/public/stats?year=99999").exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be a year from 2000 to 2100, like 2026");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> rate(Map<?, ?> figures, String name) {
        return (Map<String, Object>) figures.get(name);
    }
}
