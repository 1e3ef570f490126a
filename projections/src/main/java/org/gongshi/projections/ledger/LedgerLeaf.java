package org.gongshi.projections.ledger;

import org.gongshi.projections.transparency.Rfc6962;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One leaf of the event ledger's Merkle tree: the canonical bytes of one stored event, encoding
 * {@code v1}. The encoding never changes; a different one would be {@code v2} in a new log with its
 * own origin. A leaf is UTF-8 JSON without whitespace, its keys in exactly this order:
 *
 * <pre>
 * {"v":1,"globalIndex":&lt;n&gt;,"eventId":"&lt;id&gt;","aggregateType":"&lt;type&gt;","aggregateId":"&lt;id&gt;",
 *  "sequence":&lt;n&gt;,"type":"&lt;payload type&gt;","recordedAt":"&lt;instant&gt;","bureau":"&lt;bureau&gt;",
 *  "actorDigest":"&lt;b64&gt;","payloadDigest":"&lt;b64&gt;"}
 * </pre>
 *
 * <ul>
 *   <li>{@code globalIndex}: the event's position in the event store; {@code eventId}: its identifier;
 *   {@code aggregateType}, {@code aggregateId}, {@code sequence}: its aggregate and sequence number
 *   ({@code ""}, {@code ""}, {@code -1} for an event without one);</li>
 *   <li>{@code type}: the payload's type name; {@code recordedAt}: the instant the ledger recorded it by
 *   its clock, the {@code recordedAt} metadata its command carried (the event's store timestamp for an
 *   event stored without it), ISO-8601 UTC as {@link Instant#toString()} prints it;</li>
 *   <li>{@code bureau}: the acting bureau's unified social credit code from the event's metadata
 *   ({@code ""} for a system identity): a public body's identifier;</li>
 *   <li>{@code actorDigest}: base64 SHA-256 of {@code "gongshi.ledger/actor\n" + eventId + "\n" + actor}
 *   ({@code ""} if no actor): the officer or system identity only as a hash salted with the event id;</li>
 *   <li>{@code payloadDigest}: base64 SHA-256 of {@code "gongshi.ledger/payload\n" + eventId + "\n" +
 *   canonical payload}, where the canonical payload is the payload JSON as stored (any personal field
 *   already ciphertext there), re-written with object keys sorted by UTF-16 code units, no
 *   whitespace, strings escaping only {@code "}, {@code \} and control characters ({@code \b \f \n
 *   \r \t}, others backslash-u and four lowercase hex digits), numbers as written (integers, or decimals with their scale).</li>
 * </ul>
 *
 * Strings in the leaf itself are escaped the same way. The leaf hash is {@code SHA-256(0x00 || leaf)}
 * (RFC 6962). No personal data is in a leaf in clear, so leaves and proofs can be public.
 */
public record LedgerLeaf(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                         String type, Instant recordedAt, String bureau, String actor, JsonNode payload) {

    /** Reads payload JSON as the encoding needs it: decimals keep their digits and scale. */
    public static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /**
     * The leaf an event of an audit case history encodes to ({@code GET /api/v1/audit/cases/{id}/events}:
     * {@code globalIndex}, {@code eventId}, {@code aggregateType}, {@code aggregateId}, {@code sequence},
     * {@code type}, {@code recordedAt}, {@code bureau}, {@code actor}, {@code payload}), so anyone holding
     * the history recomputes its leaf hash.
     */
    public static LedgerLeaf ofHistoryEntry(JsonNode e) {
        return new LedgerLeaf(e.path("globalIndex").asLong(), e.path("eventId").asString(), e.path("aggregateType").asString(null),
                e.path("aggregateId").asString(null), e.path("sequence").asLong(), e.path("type").asString(),
                Instant.parse(e.path("recordedAt").asString()), e.path("bureau").asString(null), e.path("actor").asString(null),
                e.path("payload"));
    }

    /** The canonical leaf text (encoding v1). */
    public String text() {
        StringBuilder b = new StringBuilder(400).append("{\"v\":1,\"globalIndex\":").append(globalIndex)
                .append(",\"eventId\":");
        string(b, eventId);
        b.append(",\"aggregateType\":");
        string(b, nullToEmpty(aggregateType));
        b.append(",\"aggregateId\":");
        string(b, nullToEmpty(aggregateId));
        b.append(",\"sequence\":").append(sequence).append(",\"type\":");
        string(b, type);
        b.append(",\"recordedAt\":");
        string(b, recordedAt.toString());
        b.append(",\"bureau\":");
        string(b, nullToEmpty(bureau));
        b.append(",\"actorDigest\":");
        string(b, actor == null || actor.isEmpty() ? "" : digest("actor", eventId, actor));
        b.append(",\"payloadDigest\":");
        string(b, digest("payload", eventId, canonical(payload)));
        return b.append('}').toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code SHA-256(0x00 || leaf)}. */
    public byte[] leafHash() {
        return Rfc6962.leafHash(bytes());
    }

    /** Parses payload JSON text as the encoding reads it. */
    public static JsonNode parsePayload(String json) {
        return JSON.readTree(json);
    }

    /** The canonical JSON of a payload: keys sorted, no whitespace (see the class comment). */
    public static String canonical(JsonNode node) {
        StringBuilder b = new StringBuilder(256);
        write(b, node);
        return b.toString();
    }

    private static void write(StringBuilder b, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            b.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            b.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) b.append(',');
                string(b, fields.get(i).getKey());
                b.append(':');
                write(b, fields.get(i).getValue());
            }
            b.append('}');
        } else if (node.isArray()) {
            b.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) b.append(',');
                write(b, node.get(i));
            }
            b.append(']');
        } else if (node.isString()) {
            string(b, node.stringValue());
        } else if (node.isBoolean()) {
            b.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            b.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            b.append(node.decimalValue().toString());
        } else {
            throw new IllegalArgumentException("a stored payload holds only JSON values, not " + node.getNodeType());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }

    private static String digest(String what, String eventId, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("gongshi.ledger/" + what + "\n" + eventId + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
