package org.gongshi.server;

import org.gongshi.server.axon.MovedEventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored under their class names, and the ledger's event classes moved to
 * {@code ...cases.event}, {@code ...disclosure.event} and {@code ...listings.event}. A store written
 * before the move (its type names rewritten here to the old ones, its read models dropped) still
 * loads every aggregate and rebuilds every projection, through the {@link MovedEventTypes} upcaster.
 */
class EventsStoredUnderOldNamesTest {

    @TempDir
    Path dataDir;

    @Test
    void a_store_written_with_the_old_event_type_names_still_loads_the_aggregates_and_rebuilds_the_views() throws Exception {
        String caseId;
        String listingId;
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            BureauClient bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
            caseId = bureau.decidedCase("北京旧名示例有限公司", "91110000600037341L", 30000);
            bureau.publish(caseId);
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            listingId = (String) web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ListingsEndToEndTest.proposal("SEVERE_DISHONESTY", "ILLEGAL_AGENCY", "北京旧名示例有限公司",
                            "91110000600037341L", List.of(caseId), "2026-04-01"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("listingId");
        }

        Map<String, String> renamed = new MovedEventTypes().renamed();
        int rewritten = rewriteToOldNames(renamed);
        assertThat(rewritten).as("CaseFiled, PenaltyNoticeServed, PenaltyDecided, DisclosureDecided, ListEntrySlotOccupied, ListingProposed")
                .isGreaterThanOrEqualTo(6);
        // DecisionNumberTaken came after the move: it never had another name
        assertThat(storedTypes()).as("every stored event now carries its pre-move name")
                .filteredOn(type -> !type.equals(org.gongshi.ledger.cases.event.DecisionNumberTaken.class.getName()))
                .allMatch(renamed::containsKey);
        deleteRecursively(dataDir.resolve("readmodels"));

        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            // the projections rebuild from the old names
            Map<?, ?> view = LedgerEndToEndTest.awaitCase(web, token, caseId,
                    v -> v.get("disclosure") != null && "PUBLISHED".equals(((Map<?, ?>) v.get("disclosure")).get("state")));
            assertThat(((Map<?, ?>) view.get("decision")).get("decisionNumber")).asString().startsWith("京朝知罚〔2026〕");
            Map<?, ?> listing = DemoDataTest.await(web, token, "/api/v1/listings/" + listingId, v -> "PROPOSED".equals(v.get("status")));
            assertThat(listing.get("basisCaseIds")).isEqualTo(List.of(caseId));

            // the aggregates load from the old names: the case and its public record know their state
            web.post().uri("/api/v1/cases/{id}/disclosure", caseId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("action", "PUBLISH", "decidedOn", "2026-03-13"))
                    .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("disclosure-after-decision");
            web.post().uri("/api/v1/cases/{id}/disclosure", caseId).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("action", "CORRECT", "decidedOn", "2026-03-20", "reason", "违法事实表述有误", "facts", "在产品上标注他人专利号三百件。"))
                    .exchange().expectStatus().isOk();
            web.post().uri("/api/v1/listings/{id}/statements", listingId).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receivedOn", "2026-04-03", "summary", "当事人称已整改。"))
                    .exchange().expectStatus().isOk();
            DemoDataTest.await(web, token, "/api/v1/listings/" + listingId, v -> v.get("statement") != null);
            DemoDataTest.await(web, null, "/api/v1/public/penalties?q=北京旧名示例",
                    p -> ((Number) p.get("total")).intValue() == 1 && p.toString().contains("三百件"));
        }
    }

    private Connection eventStore() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eventstore").resolve("ledger"), "gongshi", "");
    }

    private int rewriteToOldNames(Map<String, String> renamed) throws Exception {
        int rows = 0;
        try (Connection c = eventStore();
             PreparedStatement update = c.prepareStatement("UPDATE DomainEventEntry SET payloadType = ? WHERE payloadType = ?")) {
            for (Map.Entry<String, String> move : renamed.entrySet()) {
                update.setString(1, move.getKey());
                update.setString(2, move.getValue());
                rows += update.executeUpdate();
            }
        }
        return rows;
    }

    private List<String> storedTypes() throws Exception {
        try (Connection c = eventStore(); ResultSet r = c.createStatement().executeQuery("SELECT DISTINCT payloadType FROM DomainEventEntry")) {
            List<String> types = new java.util.ArrayList<>();
            while (r.next()) types.add(r.getString(1));
            return types;
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
