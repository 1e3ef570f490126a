package org.gongshi.projections.ledger;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger tree's leaf encoding v1 (README, "Auditors"): the bytes below were computed from the
 * documented format by an independent implementation (Python's hashlib and base64), not by this
 * class. If this test fails, the encoding changed and every signed ledger head breaks: a new encoding
 * is v2 in a new log with its own origin, never an edit of v1.
 */
class LedgerLeafTest {

    /** A stored payload as the event store holds it: keys unsorted, whitespace, a control character, a decimal with its scale. */
    static final String STORED_PAYLOAD = "{ \"n\": {\"é\": \"公示\", \"z\": -3}, \"c\": [true, null], \"b\": 1.50, \"a\": \"x\\n\\\"y\\u0001\" }";

    static LedgerLeaf leaf(String payload, String actor) {
        return new LedgerLeaf(7, "e-1", "Case", "c-1", 2, "org.gongshi.ledger.cases.event.CaseFiled",
                Instant.parse("2026-03-02T02:00:00Z"), "91110000600037341L", actor, LedgerLeaf.parsePayload(payload));
    }

    @Test
    void the_leaf_encoding_v1_is_the_documented_canonical_json_and_never_changes() {
        LedgerLeaf leaf = leaf(STORED_PAYLOAD, "officer-zhang");
        assertThat(LedgerLeaf.canonical(leaf.payload())).isEqualTo("{\"a\":\"x\\n\\\"y\\u0001\",\"b\":1.50,\"c\":[true,null],\"n\":{\"z\":-3,\"é\":\"公示\"}}");
        assertThat(leaf.text()).isEqualTo("{\"v\":1,\"globalIndex\":7,\"eventId\":\"e-1\",\"aggregateType\":\"Case\",\"aggregateId\":\"c-1\","
                + "\"sequence\":2,\"type\":\"org.gongshi.ledger.cases.event.CaseFiled\",\"recordedAt\":\"2026-03-02T02:00:00Z\","
                + "\"bureau\":\"91110000600037341L\",\"actorDigest\":\"HRpRxbrPq5uS2mhsct/gCtPvnFK2rpegP80sUqA9ZTs=\","
                + "\"payloadDigest\":\"akbUPD/es51jL+KxtZmWHDnYUdER24m9XzL3F2ONxn0=\"}");
        assertThat(HexFormat.of().formatHex(leaf.leafHash())).isEqualTo("d3d3393a6f2d1901d091a23c71b1cb7d47518bb1107c00785b9de358c1d9855d");
    }

    @Test
    void a_leaf_holds_the_actor_and_the_payload_only_as_hashes_salted_with_the_event_id() {
        String text = leaf(STORED_PAYLOAD, "officer-zhang").text();
        assertThat(text).doesNotContain("officer-zhang").doesNotContain("公示").doesNotContain("x\\n");
        // the same actor and payload in another event hash differently
        LedgerLeaf other = new LedgerLeaf(8, "e-2", "Case", "c-1", 3, "org.gongshi.ledger.cases.event.CaseFiled",
                Instant.parse("2026-03-02T02:00:00Z"), "91110000600037341L", "officer-zhang", LedgerLeaf.parsePayload(STORED_PAYLOAD));
        assertThat(digests(other.text())).doesNotContainAnyElementsOf(digests(text));
    }

    @Test
    void the_leaf_depends_on_the_stored_payloads_values_not_on_its_key_order_or_whitespace() {
        LedgerLeaf leaf = leaf(STORED_PAYLOAD, "officer-zhang");
        assertThat(leaf(LedgerLeaf.canonical(leaf.payload()), "officer-zhang").leafHash()).isEqualTo(leaf.leafHash());
        assertThat(leaf(STORED_PAYLOAD.replace("1.50", "1.5"), "officer-zhang").leafHash()).isNotEqualTo(leaf.leafHash());
        assertThat(leaf(STORED_PAYLOAD.replace("公示", "公告"), "officer-zhang").leafHash()).isNotEqualTo(leaf.leafHash());
        assertThat(leaf(STORED_PAYLOAD, "officer-wang").leafHash()).isNotEqualTo(leaf.leafHash());
    }

    private static java.util.List<String> digests(String text) {
        return java.util.regex.Pattern.compile("Digest\":\"([^\"]+)\"").matcher(text).results().map(m -> m.group(1)).toList();
    }
}
