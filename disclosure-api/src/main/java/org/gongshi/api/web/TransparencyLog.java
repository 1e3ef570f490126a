package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.MerkleProofs;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads of one append-only log with a Merkle tree (API.md): its signed tree head, every head
 * signed, its C2SP checkpoint, and RFC 6962 inclusion and consistency proofs, all shaped alike for
 * the public feed ({@code /feed/v1}) and the event ledger ({@code /api/v1/audit/ledger}).
 *
 * @param what what the log holds, for messages ("entries", "events")
 */
public record TransparencyLog(LeafHashes leaves, MerkleProofs proofs, TreeHeads heads, String what) {

    /** {@code {treeSize, rootHash, timestamp, signature, keyId}} of the latest signed head. */
    public Mono<Map<String, Object>> treeHead() {
        return latestHead().map(TransparencyLog::headBody);
    }

    /** Every head signed for more than {@code after} leaves, smallest first, each with its checkpoint. */
    public Mono<Map<String, Object>> treeHeads(String after, String limit) {
        long from = number("after", after, -1, Long.MAX_VALUE);
        int max = (int) number("limit", limit, 1, 1000);
        return ViewReads.blocking(() -> Map.<String, Object>of("items", heads.heads(from, max).stream().map(head -> {
            Map<String, Object> body = headBody(head);
            body.put("checkpoint", head.checkpoint());
            return body;
        }).toList()));
    }

    /** The latest head as a C2SP signed checkpoint note, with any cosignatures it gathered. */
    public Mono<String> checkpoint() {
        return latestHead().map(TreeHeads.SignedTreeHead::checkpoint);
    }

    /** {@code {leafIndex, treeSize, leafHash, auditPath}}. */
    public Mono<Map<String, Object>> inclusion(String index, String treeSize) {
        long leaf = number("index", index, 0, Long.MAX_VALUE);
        return size(treeSize).map(size -> {
            if (leaf >= size) throw InvalidRequest.of("index", "must be below treeSize " + size);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("leafIndex", leaf);
            body.put("treeSize", size);
            body.put("leafHash", b64(leaves.leafHash(leaf)));
            body.put("auditPath", b64(proofs.inclusionProof(leaf, size)));
            return body;
        });
    }

    /** {@code {first, second, proof}}. */
    public Mono<Map<String, Object>> consistency(String first, String second) {
        long m = number("first", first, 0, Long.MAX_VALUE);
        return size(second).map(n -> {
            if (m > n) throw InvalidRequest.of("first", "must not exceed second (" + n + ")");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("first", m);
            body.put("second", n);
            body.put("proof", b64(proofs.consistencyProof(m, n)));
            return body;
        });
    }

    private static Map<String, Object> headBody(TreeHeads.SignedTreeHead head) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("treeSize", head.treeSize());
        body.put("rootHash", head.rootHash());
        body.put("timestamp", head.timestamp());
        body.put("signature", head.signature());
        body.put("keyId", head.keyId());
        return body;
    }

    private Mono<Long> size(String requested) {
        return ViewReads.blocking(() -> {
            long available = leaves.size();
            if (requested == null || requested.isBlank()) {
                return heads.latest().map(TreeHeads.SignedTreeHead::treeSize).orElse(available);
            }
            long size = number("treeSize", requested, 0, Long.MAX_VALUE);
            if (size > available) throw InvalidRequest.of("treeSize", "the log has " + available + " " + what);
            return size;
        });
    }

    private Mono<TreeHeads.SignedTreeHead> latestHead() {
        return ViewReads.blocking(() -> heads.latest().orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "No tree head has been signed yet; retry in a few seconds")));
    }

    public static List<String> b64(List<byte[]> hashes) {
        List<String> out = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) out.add(b64(h));
        return out;
    }

    public static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    /** A whole-number parameter in [min, max], else a 400 naming it. */
    public static long number(String field, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw InvalidRequest.of(field, "must be a whole number" + (min >= 0 ? " from " + min : " (a sequence number, or -1 for the start)")
                    + (max < Long.MAX_VALUE ? " up to " + max : ""));
        }
    }
}
