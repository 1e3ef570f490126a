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
        assertThat(LogChecks.historyProblems("case-1", whole, 4)).isEmpty();
        assertThat(LogChecks.historyProblems("case-1", whole.subList(0, 2), 4)).singleElement().asString().contains("counts 4 events", "shows 2");

        List<JsonNode> repeated = new ArrayList<>(whole);
        repeated.add(2, whole.get(1));
        assertThat(LogChecks.historyProblems("case-1", repeated, 5)).anySatisfy(p -> assertThat(p).contains("shown twice"))
                .anySatisfy(p -> assertThat(p).contains("show sequence 1 after 1"));

        List<JsonNode> swapped = new ArrayList<>(whole);
        swapped.set(1, whole.get(3));
        swapped.set(3, whole.get(1));
        assertThat(LogChecks.historyProblems("case-1", swapped, 4)).anySatisfy(p -> assertThat(p).contains("out of the ledger's order"))
                .anySatisfy(p -> assertThat(p).contains("skip from sequence 0 to 2"));
    }

    /**
     * Outside audit (stop 70): a proxy that added another case's filing to a history, and raised the count it shows, passed
     * {@code verify --case}: that event's proof of inclusion holds, as every leaf's does.
     */
    @Test
    void an_event_of_another_case_in_a_history_is_refused() {
        List<JsonNode> whole = history("case-1:0", "listing-1:0", "number-7:0", "listing-1:1");
        assertThat(LogChecks.historyProblems("case-1", whole, 4)).isEmpty();
        assertThat(LogChecks.historyProblems("CASE-1", whole, 4)).as("the case's id as typed in upper case").isEmpty();

        List<JsonNode> foreign = new ArrayList<>(whole);
        foreign.addAll(history("case-2:0"));
        ((tools.jackson.databind.node.ObjectNode) foreign.get(4)).put("globalIndex", 4L);
        assertThat(LogChecks.historyProblems("case-1", foreign, 5)).singleElement().asString()
                .contains("the events of case-2 are not of case case-1");
        assertThat(LogChecks.historyProblems("case-2", foreign, 5)).as("as case-2's history, case-1 and its streams are not of it")
                .hasSize(3);
    }

    /**
     * An auditor's sweep, stop 74: {@code verify --case} failed every case resting under a credit listing, as the events of
     * the list entry's slot the history shows name only the listing; and a subject listed before holds the slot's first
     * numbers, which the case's history does not show.
     */
    @Test
    void a_list_entry_slots_events_are_of_the_case_through_its_listing_and_may_start_past_earlier_listings() {
        List<JsonNode> listed = history("case-1:0", "listing-1:0", "slot-1:2", "listing-1:1", "slot-1:3");
        assertThat(LogChecks.historyProblems("case-1", listed, 5)).isEmpty();

        List<JsonNode> backwards = history("case-1:0", "listing-1:0", "slot-1:3", "listing-1:1", "slot-1:2");
        assertThat(LogChecks.historyProblems("case-1", backwards, 5)).singleElement().asString()
                .contains("slot-1").contains("repeated or out of order");
        List<JsonNode> otherListing = history("case-1:0", "slot-2:0");
        ((tools.jackson.databind.node.ObjectNode) otherListing.get(1).path("payload")).put("listingId", "listing-9");
        assertThat(LogChecks.historyProblems("case-1", otherListing, 2)).singleElement().asString()
                .contains("the events of slot-2 are not of case case-1");
        List<JsonNode> caseWithGap = history("case-1:0", "case-1:2");
        assertThat(LogChecks.historyProblems("case-1", caseWithGap, 2)).as("a case's own events are whole").singleElement().asString()
                .contains("skip from sequence 0 to 2");
    }

    /**
     * Events as a history shows them, in the ledger's order as given (their globalIndex their place); a listing's first
     * event names case-1 among its basis cases and a decision number's names case-1, as those of case-1's history do; a
     * case's events name the case; a slot's events (a list entry's) name listing-1.
     */
    private static List<JsonNode> history(String... events) {
        List<JsonNode> history = new ArrayList<>();
        for (String event : events) {
            String[] parts = event.split(":");
            long sequence = Long.parseLong(parts[1]);
            var node = LedgerLeaf.JSON.createObjectNode().put("aggregateId", parts[0]).put("sequence", sequence)
                    .put("globalIndex", (long) history.size());
            var payload = node.putObject("payload");
            if (parts[0].startsWith("case-")) payload.put("caseId", parts[0]);
            else if (parts[0].startsWith("listing-") && sequence == 0) payload.putArray("basisCaseIds").add("case-0").add("case-1");
            else if (parts[0].startsWith("number-")) payload.put("caseId", "case-1").put("decisionNumber", "京市监罚〔2026〕7号");
            else if (parts[0].startsWith("slot-")) {
                node.put("aggregateType", "ListEntrySlot");
                payload.put("listingId", "listing-1");
            }
            else payload.put("decidedOn", "2026-04-15");
            history.add(node);
        }
        return history;
    }
}
