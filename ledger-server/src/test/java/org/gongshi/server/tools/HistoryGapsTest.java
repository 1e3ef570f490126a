package org.gongshi.server.tools;

import org.gongshi.projections.ledger.LedgerLeaf;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify --case}: proofs of inclusion prove only the events a history shows; an event left out between two shown
 * ones is found by its aggregate's sequence numbers (audit: a proxy that dropped PenaltyExecuted went unnoticed).
 */
class HistoryGapsTest {

    @Test
    void an_event_left_out_of_a_case_history_is_a_gap_in_its_aggregates_sequence() {
        List<JsonNode> whole = history("case-1:0", "case-1:1", "listing-1:0", "case-1:2", "listing-1:1", "case-1:3");
        assertThat(LogChecks.missingFromHistory(whole)).isEmpty();

        List<JsonNode> withoutOne = history("case-1:0", "case-1:1", "listing-1:0", "case-1:3", "listing-1:1");
        assertThat(LogChecks.missingFromHistory(withoutOne)).singleElement().asString()
                .contains("case-1").contains("skip from sequence 1 to 3").contains("leaves out 1");

        assertThat(LogChecks.missingFromHistory(history("listing-1:1", "case-1:0"))).singleElement().asString()
                .contains("listing-1").contains("skip from sequence -1 to 1");
    }

    private static List<JsonNode> history(String... events) {
        List<JsonNode> history = new ArrayList<>();
        for (String event : events) {
            String[] parts = event.split(":");
            history.add(LedgerLeaf.JSON.createObjectNode().put("aggregateId", parts[0]).put("sequence", Long.parseLong(parts[1])));
        }
        return history;
    }
}
