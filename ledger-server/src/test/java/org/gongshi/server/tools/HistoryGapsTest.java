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

    /**
     * Outside audit (stop 43): a proxy that dropped the last two events (the server still counting them), repeated one, or
     * swapped two passed {@code verify --case}.
     */
    @Test
    void a_history_short_of_the_servers_own_count_repeating_an_event_or_out_of_order_is_refused() {
        List<JsonNode> whole = history("case-1:0", "case-1:1", "listing-1:0", "case-1:2");
        assertThat(LogChecks.historyProblems(whole, 4)).isEmpty();
        assertThat(LogChecks.historyProblems(whole.subList(0, 2), 4)).singleElement().asString().contains("counts 4 events", "shows 2");

        List<JsonNode> repeated = new ArrayList<>(whole);
        repeated.add(2, whole.get(1));
        assertThat(LogChecks.historyProblems(repeated, 5)).anySatisfy(p -> assertThat(p).contains("shown twice"))
                .anySatisfy(p -> assertThat(p).contains("show sequence 1 after 1"));

        List<JsonNode> swapped = new ArrayList<>(whole);
        swapped.set(1, whole.get(3));
        swapped.set(3, whole.get(1));
        assertThat(LogChecks.historyProblems(swapped, 4)).anySatisfy(p -> assertThat(p).contains("out of the ledger's order"))
                .anySatisfy(p -> assertThat(p).contains("skip from sequence 0 to 2"));
    }

    /** Events as a history shows them, in the ledger's order as given (their globalIndex their place). */
    private static List<JsonNode> history(String... events) {
        List<JsonNode> history = new ArrayList<>();
        for (String event : events) {
            String[] parts = event.split(":");
            long sequence = Long.parseLong(parts[1]);
            history.add(LedgerLeaf.JSON.createObjectNode().put("aggregateId", parts[0]).put("sequence", sequence)
                    .put("globalIndex", (long) history.size()));
        }
        return history;
    }
}
