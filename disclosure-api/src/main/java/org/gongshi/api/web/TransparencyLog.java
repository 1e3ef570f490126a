package org.gongshi.api.web;

import org.gongshi.api.problem.Conflict;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.NotFound;
import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.Cosignatures;
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
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        Long position = InvalidRequest.checked(problems, () -> number("after", after, -1, Long.MAX_VALUE));
        Long most = InvalidRequest.checked(problems, () -> number("limit", limit, 1, 1000));
        InvalidRequest.refuseIfAny(problems);
        long from = position;
        int max = most.intValue();
        return ViewReads.blocking(() -> Map.<String, Object>of("items", heads.heads(from, max).stream().map(head -> {
            Map<String, Object> body = headBody(head);
            body.put("checkpoint", head.checkpoint());
            return body;
        }).toList()));
    }

    /** The latest head as a C2SP signed checkpoint note, with any witness cosignatures it gathered. */
    public Mono<String> checkpoint() {
        return latestHead().map(this::withCosignatures);
    }

    /** The largest head witnesses have cosigned, with their cosignatures (404 until one has). */
    public Mono<String> cosigned() {
        return cosigned(null);
    }

    /**
     * The largest head {@code witness} (a witness's name; null: any witness) has cosigned, with its cosignatures (404 until it
     * has): a verifier asks for the head its witness cosigned, which another witness's newer one hid (a re-test from outside,
     * stop 77: verify failed a witness that had cosigned, once another cosigned a newer head).
     */
    public Mono<String> cosigned(String witness) {
        if (witness != null && (witness.isBlank() || witness.length() > 200 || !witness.matches("[\\x21-\\x7E&&[^+]]+"))) {
            throw InvalidRequest.of("witness", "must be a witness's name as its cosignature line writes it (printable ASCII without"
                    + " spaces or +, at most 200 characters), such as witness.example/w1");
        }
        return ViewReads.blocking(() -> (witness == null ? heads.latestCosigned() : heads.latestCosignedBy(witness)).map(this::withCosignatures)
                .orElseThrow(() -> new NotFound(witness == null ? "No witness has cosigned a checkpoint of this log yet"
                        : "The witness " + witness + " has cosigned no checkpoint of this log yet")));
    }

    private String withCosignatures(TreeHeads.SignedTreeHead head) {
        return head.checkpoint() + String.join("", heads.cosignatures(head.treeSize()));
    }

    /**
     * Takes a witness's cosigned checkpoint (C2SP tlog-cosignature v1): the note of a head this log signed,
     * with the witness's signature line. Lines of configured witnesses whose signature verifies are kept
     * with the head; a line that is neither the log's own, one it holds, nor such a witness's is a 403 naming it, nothing kept;
     * 403 too if none verified, 409 if the body is not a head this log signed.
     */
    public Mono<Map<String, Object>> cosign(String note, List<Cosignatures.Witness> witnesses) {
        if (note == null || note.length() > 64 * 1024) throw InvalidRequest.of("body", "must be a cosigned checkpoint note of at most 64 KiB");
        Cosignatures.Split split;
        Checkpoint checkpoint;
        try {
            split = Cosignatures.split(note);
            checkpoint = Checkpoint.parse(split.body());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("body", "must be a checkpoint note with signature lines (C2SP signed-note): " + e.getMessage());
        }
        return ViewReads.blocking(() -> {
            TreeHeads.SignedTreeHead head = heads.head(checkpoint.size()).orElseThrow(() -> new Conflict(
                    "This log signed no head of size " + checkpoint.size() + "; cosign a checkpoint it served"));
            if (!Cosignatures.split(head.checkpoint()).body().equals(split.body())) {
                throw new Conflict("The checkpoint of size " + checkpoint.size() + " is not the one this log signed");
            }
            // every line is the log's own, one it holds, or a configured witness's that verifies: a line of a key it does not know
            // is refused with the note, never dropped beside a known one (a re-test from outside, stop 85: a witness with a new
            // key under a known name re-posted the served checkpoint, was answered 200 naming the known one, and reported PASS)
            java.util.Set<String> held = new java.util.HashSet<>(Cosignatures.split(head.checkpoint()).signatureLines());
            held.addAll(heads.cosignatures(head.treeSize()));
            List<String> unknown = split.signatureLines().stream().filter(line -> !held.contains(line))
                    .filter(line -> witnesses.stream().noneMatch(w -> w.verify(split.body(), line).isPresent()))
                    .map(Cosignatures::signer).toList();
            if (!unknown.isEmpty()) {
                throw new Forbidden("The signature line of " + String.join(", ", unknown) + " is of no configured witness, or does not"
                        + " verify: the log takes cosignatures only of the witnesses it knows (gongshi.witness.verifier-keys); nothing was kept");
            }
            List<String> accepted = new ArrayList<>();
            for (String line : split.signatureLines()) {
                for (Cosignatures.Witness witness : witnesses) {
                    if (witness.verify(split.body(), line).isPresent() && heads.addCosignature(head.treeSize(), line, witness::named)) {
                        accepted.add(witness.name());
                    }
                }
            }
            if (accepted.isEmpty()) {
                throw new Forbidden("No signature line of a configured witness verifies (witness keys: gongshi.witness.verifier-keys)");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("treeSize", head.treeSize());
            body.put("witnesses", accepted);
            return body;
        });
    }

    /** {@code {leafIndex, treeSize, leafHash, auditPath}}. */
    public Mono<Map<String, Object>> inclusion(String index, String treeSize) {
        long leaf = numbers("index", index, "treeSize", treeSize);
        return size("treeSize", treeSize).map(size -> {
            if (size == 0) throw InvalidRequest.of("treeSize", "a tree of size 0 has no leaf to prove; ask for a size of 1 or more");
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
        long m = numbers("first", first, "second", second);
        return size("second", second).map(n -> {
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

    /**
     * A proof's leaf or first size ({@code field}), with the tree size it asks beside it ({@code sizeField}, optional) read too, so
     * that a 400 names both when both are no number (a re-test from outside, stop 87: one at a time).
     */
    private static long numbers(String field, String value, String sizeField, String size) {
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        Long n = value == null ? null : InvalidRequest.checked(problems, () -> number(field, value, 0, Long.MAX_VALUE));
        if (value == null) problems.add(new InvalidRequest.FieldProblem(field, "is required: a whole number from 0"));
        if (size != null && !size.isBlank()) InvalidRequest.checked(problems, () -> number(sizeField, size, 0, Long.MAX_VALUE));
        InvalidRequest.refuseIfAny(problems);
        return n;
    }

    /** The tree size a request names in {@code field} (the latest signed head's without one); one beyond the log is a 400 naming the field. */
    private Mono<Long> size(String field, String requested) {
        return ViewReads.blocking(() -> {
            long available = leaves.size();
            if (requested == null || requested.isBlank()) {
                return heads.latest().map(TreeHeads.SignedTreeHead::treeSize).orElse(available);
            }
            long size = number(field, requested, 0, Long.MAX_VALUE);
            if (size > available) throw InvalidRequest.of(field, "must be at most " + available + ": the log has " + available + " " + what);
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
            // ASCII digits only: Java reads ０ and other scripts' digits as numbers (outside audit: after=０ was read as 0)
            if (!value.strip().matches("-?[0-9]{1,19}")) throw new NumberFormatException();
            long n = Long.parseLong(value.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            // the upper bound said too, also the largest (a sweep from outside, stop 88: 99999999999999999999 was told "a whole number from 0")
            throw InvalidRequest.of(field, "must be a whole number" + (min >= 0 ? " from " + min : " (a sequence number, or -1 for the start)")
                    + " up to " + max);
        }
    }
}
