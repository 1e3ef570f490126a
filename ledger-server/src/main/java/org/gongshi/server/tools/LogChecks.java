package org.gongshi.server.tools;

import org.gongshi.projections.ledger.LedgerLeaf;
import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.Cosignatures;
import org.gongshi.projections.transparency.InvalidProofException;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.transparency.NoteVerifier;
import org.gongshi.projections.transparency.ProofVerifier;
import org.gongshi.projections.transparency.Rfc6962;
import org.gongshi.server.tools.LogClient.Log;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checks of {@code verify}, {@code mirror} and {@code witness}, each ending in a verdict: a log's
 * checkpoint is signed by a published key; it is consistent with the last checkpoint seen (kept in a
 * state directory: a smaller tree, another root at the same size or a failing consistency proof is a
 * fork); a list of leaves (a mirror, the served feed entries) is the tree's; a case's events are
 * leaves of the ledger tree. A failure names the index.
 */
final class LogChecks {

    /** Where verdicts go: one line per check. */
    interface Verdicts {
        void pass(String check, String detail);

        void fail(String check, String detail);
    }

    private final LogClient client;

    LogChecks(LogClient client) {
        this.client = client;
    }

    /** A checkpoint and the signed note it came in. */
    record Signed(Checkpoint checkpoint, String note) {}

    /** The log's current checkpoint, opened with {@code keys}; null (and a failure) if it does not verify. */
    Signed signedCheckpoint(Log log, List<NoteVerifier> keys, Verdicts out) {
        try {
            return signedCheckpointServed(log, keys, out);
        } catch (IOException e) {
            out.fail(log.name() + " checkpoint signature", e.getMessage());
            return null;
        }
    }

    /**
     * The log's current checkpoint, opened with {@code keys}; null (and a failure) if it does not verify.
     *
     * @throws IOException if the server did not serve one (unreachable, an error status): no verdict
     */
    Signed signedCheckpointServed(Log log, List<NoteVerifier> keys, Verdicts out) throws IOException {
        String check = log.name() + " checkpoint signature";
        String note = client.text(log.checkpoint());
        try {
            Checkpoint checkpoint = Checkpoint.open(note, keys);
            out.pass(check, checkpoint.origin() + ", size " + checkpoint.size() + ", root " + b64(checkpoint.rootHash()));
            return new Signed(checkpoint, note);
        } catch (RuntimeException e) {
            out.fail(check, e.getMessage());
            return null;
        }
    }

    /**
     * That {@code now} extends {@code seen}, the last checkpoint seen of the same log: the same origin, not
     * smaller, the same root at the same size, else a verifying consistency proof.
     */
    boolean consistent(Log log, Checkpoint seen, Checkpoint now, Verdicts out) {
        String check = log.name() + " consistency with the last head seen";
        if (seen == null) {
            out.pass(check, "no earlier head seen; size " + now.size() + " is the first");
            return true;
        }
        if (!seen.origin().equals(now.origin())) {
            out.fail(check, "the origin changed from " + seen.origin() + " to " + now.origin());
            return false;
        }
        if (now.size() < seen.size()) {
            out.fail(check, "FORK: the log shrank from size " + seen.size() + " to " + now.size());
            return false;
        }
        if (now.size() == seen.size()) {
            if (!Arrays.equals(now.rootHash(), seen.rootHash())) {
                out.fail(check, "FORK: two roots for size " + now.size() + ": " + b64(seen.rootHash()) + " seen, " + b64(now.rootHash()) + " now");
                return false;
            }
            out.pass(check, "unchanged at size " + now.size());
            return true;
        }
        if (seen.size() == 0) {
            // every tree extends the empty tree (RFC 9162 §2.1.4 asks no proof of it; a sweep from outside, stop 76: a mirror
            // or witness started on a ledger with no entry yet read every later head as a fork); only its root can be wrong
            if (!Arrays.equals(seen.rootHash(), Rfc6962.emptyRoot())) {
                out.fail(check, "FORK: the head seen at size 0 has the root " + b64(seen.rootHash()) + ", not the empty tree's");
                return false;
            }
            out.pass(check, "size 0 -> " + now.size() + ": every tree extends the empty tree");
            return true;
        }
        try {
            List<byte[]> proof = client.consistencyProof(log, seen.size(), now.size());
            ProofVerifier.verifyConsistency(seen.size(), now.size(), seen.rootHash(), now.rootHash(), proof);
            out.pass(check, "size " + seen.size() + " -> " + now.size() + " proved consistent");
            return true;
        } catch (InvalidProofException e) {
            out.fail(check, "FORK: size " + seen.size() + " -> " + now.size() + " is not consistent: " + e.getMessage());
            return false;
        } catch (IOException | RuntimeException e) {
            out.fail(check, "no consistency proof from " + seen.size() + " to " + now.size() + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * That {@code witness} cosigned a head of the log that {@code now} extends, or that extends {@code now}: its cosignature
     * on the current checkpoint, else on the largest head the log says it cosigned ({@code .../checkpoint/cosigned?witness=}),
     * signed by the log too and proved consistent with {@code now}. Without it the head is only the log's word: a witness
     * protects a reader who asks for its cosignature (a sweep from outside, stop 76: neither tool could).
     */
    boolean witnessed(Log log, Cosignatures.Witness witness, List<NoteVerifier> keys, Signed now, Verdicts out) {
        String check = log.name() + " witnessed by " + witness.name();
        if (now.checkpoint().size() == 0) {
            out.pass(check, "the log is empty: nothing to witness");
            return true;
        }
        Optional<Long> onCurrent = cosignedBy(witness, now.note());
        if (onCurrent.isPresent()) {
            out.pass(check, "the current head of size " + now.checkpoint().size() + " is cosigned, at " + Instant.ofEpochSecond(onCurrent.get()));
            return true;
        }
        String note;
        try {
            // the largest head this witness cosigned: another's newer one may carry only its own
            note = client.text(log.checkpoint() + "/cosigned?witness=" + java.net.URLEncoder.encode(witness.name(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            out.fail(check, "the current head carries no cosignature of " + witness.name() + ", and the largest cosigned head could not be read: "
                    + e.getMessage());
            return false;
        }
        Checkpoint cosigned;
        try {
            cosigned = Checkpoint.open(note, keys);
        } catch (RuntimeException e) {
            out.fail(check, "the largest cosigned head is not signed by the log's key: " + e.getMessage());
            return false;
        }
        Optional<Long> time = cosignedBy(witness, note);
        if (time.isEmpty()) {
            out.fail(check, "neither the current head (size " + now.checkpoint().size() + ") nor the largest cosigned head (size " + cosigned.size()
                    + ") carries a valid cosignature of " + witness.name() + " (key ID " + String.format("%08x", witness.keyId()) + ")");
            return false;
        }
        Checkpoint smaller = cosigned.size() <= now.checkpoint().size() ? cosigned : now.checkpoint();
        Checkpoint larger = smaller == cosigned ? now.checkpoint() : cosigned;
        try {
            if (smaller.size() == larger.size() ? !Arrays.equals(smaller.rootHash(), larger.rootHash())
                    : smaller.size() > 0 && !consistentProof(log, smaller, larger)) {
                out.fail(check, "FORK: the head " + witness.name() + " cosigned (size " + cosigned.size() + ") is not consistent with the current"
                        + " head (size " + now.checkpoint().size() + ")");
                return false;
            }
        } catch (IOException | RuntimeException e) {
            out.fail(check, "no consistency proof between the cosigned head (size " + cosigned.size() + ") and the current one (size "
                    + now.checkpoint().size() + "): " + e.getMessage());
            return false;
        }
        long behind = now.checkpoint().size() - cosigned.size();
        out.pass(check, "cosigned the head of size " + cosigned.size() + " at " + Instant.ofEpochSecond(time.get()) + ", consistent with the current"
                + " head of size " + now.checkpoint().size() + (behind > 0 ? " (the " + behind + (behind == 1 ? " leaf" : " leaves") + " after it not witnessed yet)" : ""));
        return true;
    }

    /** The time of {@code witness}'s valid cosignature on the signed note, if it has one. */
    private static Optional<Long> cosignedBy(Cosignatures.Witness witness, String note) {
        Cosignatures.Split split = Cosignatures.split(note);
        return split.signatureLines().stream().map(line -> witness.verify(split.body(), line)).flatMap(Optional::stream).max(Long::compare);
    }

    /** Whether the log proves {@code larger} extends {@code smaller} (a non-empty, smaller tree). */
    private boolean consistentProof(Log log, Checkpoint smaller, Checkpoint larger) throws IOException {
        try {
            ProofVerifier.verifyConsistency(smaller.size(), larger.size(), smaller.rootHash(), larger.rootHash(),
                    client.consistencyProof(log, smaller.size(), larger.size()));
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /**
     * That {@code leafHashes} (leaf 0 first) are the log's leaves under {@code checkpoint}: if there are at least
     * as many as the tree, the root of the first {@code size} is the signed root; if fewer, their root is proved
     * consistent with it. On a mismatch the first wrong index is named, found by halving with consistency proofs; a proof the
     * server did not answer is "could not be checked", never a wrong leaf.
     */
    boolean leaves(Log log, String what, List<byte[]> leafHashes, Checkpoint checkpoint, Verdicts out) {
        String check = what + " against the " + log.name() + " tree";
        long n = Math.min(leafHashes.size(), checkpoint.size());
        if (n == 0) {
            out.pass(check, "nothing to check (" + leafHashes.size() + " leaves, tree size " + checkpoint.size() + ")");
            return true;
        }
        MerkleProofs ours = new MerkleProofs(LeafHashes.of(leafHashes));
        try {
            if (!prefixMatches(log, ours, n, checkpoint)) {
                throw new InvalidProofException(n == checkpoint.size() ? "root mismatch at size " + n
                        : "the first " + n + " leaves are not consistent with the tree of size " + checkpoint.size());
            }
            out.pass(check, n + " leaves match the signed root of size " + checkpoint.size()
                    + (leafHashes.size() > n ? " (" + (leafHashes.size() - n) + " more beyond it, under no signed head yet)" : ""));
            return true;
        } catch (IOException | RuntimeException unanswered) {
            out.fail(check, "could not be checked: " + unanswered.getMessage());
            return false;
        } catch (InvalidProofException mismatch) {
            // the first wrong leaf, by halving: a prefix of the leaves is consistent with the signed tree exactly while every
            // leaf in it is right, so about log2(n) proofs find it (a sweep from outside, stop 72: a proof a leaf from the
            // first ran into the server's rate limit, and its 429 was reported as a wrong leaf far before the one changed)
            long good = 0;
            long bad = n;
            try {
                while (bad - good > 1) {
                    long mid = good + (bad - good) / 2;
                    if (prefixMatches(log, ours, mid, checkpoint)) good = mid;
                    else bad = mid;
                }
            } catch (IOException | RuntimeException e) {
                out.fail(check, "the leaves do not match the signed root (" + mismatch.getMessage() + "); the first wrong one could not be"
                        + " found: " + e.getMessage());
                return false;
            }
            long i = bad - 1;
            // a mirror's reader counts lines from 1 (outside audit: "index 3" beside "line 4" in one report)
            String at = what.startsWith("mirror ") ? "line " + (i + 1) + " (entry " + i + ")" : "index " + i;
            out.fail(check, at + " is not the leaf the tree signed (the " + i + " before it are)");
            return false;
        }
    }

    /** Whether the first {@code size} of {@code ours} are the first {@code size} leaves of the tree {@code checkpoint} signed. */
    private boolean prefixMatches(Log log, MerkleProofs ours, long size, Checkpoint checkpoint) throws IOException {
        byte[] root = ours.rootHash(size);
        if (size == checkpoint.size()) return Arrays.equals(root, checkpoint.rootHash());
        if (size == 0) return true; // the empty prefix of every tree
        try {
            ProofVerifier.verifyConsistency(size, checkpoint.size(), root, checkpoint.rootHash(), client.consistencyProof(log, size, checkpoint.size()));
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /**
     * That a mirror file is the feed: every line a JSON object whose {@code sequence} is its line number - 1 (a
     * line that is not, such as a forged or torn one, fails naming its line number); the lines under
     * {@code checkpoint} are the tree's leaves; and every line beyond the signed head is, byte for byte, the entry
     * the server serves at that sequence (a mirror may run ahead of the latest signed head; a line the server
     * does not serve fails, naming its line number: nothing verifies it).
     */
    boolean mirror(Path file, Checkpoint checkpoint, Verdicts out) throws IOException {
        String what = "mirror " + file;
        List<byte[]> lines = lines(Files.readAllBytes(file));
        boolean ok = true;
        for (int i = 0; i < lines.size(); i++) {
            String problem = lineProblem(lines.get(i), i);
            if (problem != null) {
                out.fail(what + " line " + (i + 1), problem);
                ok = false;
                break;
            }
        }
        if (ok) {
            out.pass(what + " lines", lines.isEmpty() ? "empty: nothing mirrored yet"
                    : lines.size() + " lines, one feed entry each, sequences 0 to " + (lines.size() - 1) + " in order");
        }
        ok &= leaves(Log.FEED, what, lines.stream().map(Rfc6962::leafHash).toList(), checkpoint, out);
        long size = checkpoint.size();
        if (lines.size() <= size) return ok;
        String beyond = what + " lines " + (size + 1) + " to " + lines.size();
        List<String> served = servedEntries(size, lines.size() - size);
        for (int i = (int) size; i < lines.size(); i++) {
            int at = (int) (i - size);
            if (at >= served.size()) {
                out.fail(what + " line " + (i + 1), "beyond the signed head of size " + size + " and the server serves no entry " + i
                        + " (it serves " + (size + served.size()) + " entries, 0 to " + (size + served.size() - 1) + "): nothing verifies this line");
                return false;
            }
            if (!Arrays.equals(served.get(at).getBytes(StandardCharsets.UTF_8), lines.get(i))) {
                out.fail(what + " line " + (i + 1), "beyond the signed head of size " + size + ", and not byte for byte the entry " + i
                        + " the server serves");
                return false;
            }
        }
        out.pass(beyond, "beyond the signed head of size " + size + ": byte for byte the entries the server serves, under no signed head yet"
                + " (run verify again after the next head to check them against the tree)");
        return ok;
    }

    /** Why line {@code index} (0-based) of a mirror is not the feed entry of sequence {@code index}, or null. */
    static String lineProblem(byte[] line, long index) {
        String text = new String(line, StandardCharsets.UTF_8);
        Long sequence = sequenceOf(text);
        if (sequence == null) {
            return "not a feed entry (a JSON object with a sequence): " + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
        }
        if (sequence != index) {
            return "sequence " + sequence + " where " + index + " follows" + (index == 0 ? " (a mirror starts at 0)" : " (after " + (index - 1) + ")");
        }
        return null;
    }

    /** The {@code sequence} of a feed entry's line, or null if the line is not a JSON object with an integral one. */
    static Long sequenceOf(String line) {
        try {
            JsonNode entry = LedgerLeaf.JSON.readTree(line);
            if (entry == null || !entry.isObject() || !entry.path("sequence").isIntegralNumber()) return null;
            return entry.path("sequence").asLong();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The lines of a JSON Lines file, exactly their bytes without the newline; a last line without its newline counts. */
    static List<byte[]> lines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        if (start < content.length) lines.add(Arrays.copyOfRange(content, start, content.length));
        return lines;
    }

    /** Entries {@code from} to {@code from + count - 1} as the server serves them (fewer if it serves fewer), exactly their lines. */
    List<String> servedEntries(long from, long count) throws IOException {
        List<String> lines = new ArrayList<>();
        while (lines.size() < count) {
            long want = Math.min(PAGE, count - lines.size());
            String page = client.text("/feed/v1/entries?after=" + (from + lines.size() - 1) + "&limit=" + want);
            if (page.isEmpty()) break;
            for (String line : page.split("\n")) {
                if (lines.size() < count) lines.add(line);
            }
        }
        return lines;
    }

    /** Entries read per request of /feed/v1/entries. */
    private static final int PAGE = 10_000;

    /**
     * That every event of a case's history (from {@code /api/v1/audit/cases/{id}/events}) encodes to a leaf of
     * the ledger tree under {@code checkpoint}, by its inclusion proof.
     */
    boolean caseEvents(String caseId, Checkpoint checkpoint, Verdicts out) {
        List<JsonNode> history = new ArrayList<>();
        long total;
        try {
            // a list, paged as every list is: {items, page, size, total}; a server that never ends it is a failure, not a hang
            for (int page = 0; ; page++) {
                if (page == MOST_HISTORY_PAGES) throw new IOException("the history did not end within " + MOST_HISTORY_PAGES + " pages");
                JsonNode answer = client.json(LogClient.CASES + caseId + "/events?page=" + page);
                answer.path("items").forEach(history::add);
                total = answer.path("total").asLong(-1);
                if (answer.path("items").isEmpty() || history.size() >= total) break;
            }
        } catch (IOException | RuntimeException e) {
            out.fail("case " + caseId + " history", e.getMessage());
            return false;
        }
        boolean ok = true;
        int checked = 0;
        for (JsonNode e : history) {
            String at = "event globalIndex " + e.path("globalIndex").asString("?") + " (leafIndex " + e.path("leafIndex").asString("?") + ", "
                    + e.path("type").asString() + ")";
            boolean signed = !e.path("leafIndex").isNull() && e.path("leafIndex").asLong() < checkpoint.size();
            try {
                if (e.path("payload").isNull() || e.path("payload").isMissingNode()) {
                    throw new InvalidProofException("the stored payload is unreadable: " + e.path("payloadError").asString(""));
                }
                byte[] leafHash = LedgerLeaf.ofHistoryEntry(e).leafHash();
                // what the history says of the leaf is checked too, not only the leaf rebuilt from it, and under a signed head or
                // not: an auditor quotes the served hash and reads leafMatches (a sweep from outside, stop 87: a proxy that changed
                // a leafHash passed; its re-test: one of an event newer than the signed head passed as "checked next time")
                String served = e.path("leafHash").asString(null);
                if (served != null && !Arrays.equals(Base64.getDecoder().decode(served), leafHash)) {
                    throw new InvalidProofException("its leafHash " + served + " is not the hash of the leaf it encodes to, "
                            + Base64.getEncoder().encodeToString(leafHash));
                }
                if (e.has("leafMatches") && !e.path("leafMatches").asBoolean(false)) {
                    throw new InvalidProofException("the server says the stored event no longer encodes to its leaf (leafMatches false)");
                }
                if (!signed) {
                    out.pass("case " + caseId + " " + at, "its leaf is the one the history shows; not yet under a signed head of the ledger,"
                            + " proved next time");
                    continue;
                }
                long leafIndex = e.path("leafIndex").asLong();
                ProofVerifier.verifyInclusion(leafHash, leafIndex, checkpoint.size(),
                        client.inclusionProof(Log.LEDGER, leafIndex, checkpoint.size()), checkpoint.rootHash());
                checked++;
            } catch (InvalidProofException | IOException | RuntimeException failure) {
                out.fail("case " + caseId + " " + at, "the stored event is not the leaf the ledger signed: " + failure.getMessage());
                ok = false;
            }
        }
        if (ok) out.pass("case " + caseId + " events against the ledger tree", checked + " events proved included in size " + checkpoint.size());
        List<String> problems = historyProblems(caseId, history, total);
        for (String problem : problems) out.fail("case " + caseId + " history", problem);
        if (problems.isEmpty()) {
            out.pass("case " + caseId + " history whole", "the " + history.size() + " events the server counts, in the ledger's order, each"
                    + " once; each aggregate's run from sequence 0 without a gap, each of the case or naming it");
        }
        return ok && problems.isEmpty();
    }

    /**
     * What is wrong with case {@code caseId}'s history as shown ({@code total}: the events the server says it holds): fewer or
     * more events than it counts, an event out of the ledger's order or shown twice (outside audit: a proxy that repeated or
     * swapped two events, or dropped the last two, passed), each aggregate's events not numbered 0, 1, 2 … as shown, and an
     * aggregate that is not of the case ({@link #notOfTheCase}).
     */
    static List<String> historyProblems(String caseId, List<JsonNode> history, long total) {
        List<String> problems = new ArrayList<>();
        if (total != history.size()) {
            problems.add("the server counts " + total + " events of the case and shows " + history.size());
        }
        long previous = -1;
        for (int i = 0; i < history.size(); i++) {
            long index = history.get(i).path("globalIndex").asLong(-1);
            if (index <= previous) {
                problems.add("event " + (i + 1) + " of the history (globalIndex " + index + ") follows globalIndex " + previous
                        + ": " + (index == previous ? "shown twice" : "out of the ledger's order"));
            }
            previous = Math.max(previous, index);
        }
        problems.addAll(missingFromHistory(history));
        problems.addAll(notOfTheCase(caseId, history));
        return problems;
    }

    /**
     * The aggregates of a history that are not of the case: a history holds the case's own events and those of streams that
     * name it (a listing resting on it names it among its basis cases, the decision number its decision took names it) or
     * name such a stream (a list entry's slot names the listing that held it), so each other aggregate must have an event
     * shown whose payload names the case or one of those. An event of another case is a leaf of the ledger, and its proof of
     * inclusion holds (outside audit: a proxy that added another case's filing to a history, and raised its count, passed
     * {@code verify --case}; an auditor's sweep, stop 74: a case listed on a credit list failed it, its slot's events naming
     * only the listing).
     */
    static List<String> notOfTheCase(String caseId, List<JsonNode> history) {
        Map<String, List<JsonNode>> payloads = new TreeMap<>();
        for (JsonNode e : history) {
            String aggregate = e.path("aggregateId").asString("");
            if (aggregate.equalsIgnoreCase(caseId)) continue; // a case id may be given in upper case; the ledger's are lower
            payloads.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(e.path("payload"));
        }
        java.util.Set<String> ofTheCase = new java.util.HashSet<>(List.of(caseId.toLowerCase(java.util.Locale.ROOT)));
        for (boolean grew = true; grew; ) { // a stream that names the case, then one that names such a stream, ...
            grew = false;
            for (var stream : payloads.entrySet()) {
                String id = stream.getKey().toLowerCase(java.util.Locale.ROOT);
                if (!ofTheCase.contains(id) && stream.getValue().stream().anyMatch(payload -> namesAny(payload, ofTheCase))) {
                    grew = ofTheCase.add(id);
                }
            }
        }
        List<String> foreign = new ArrayList<>();
        payloads.keySet().stream().filter(aggregate -> !ofTheCase.contains(aggregate.toLowerCase(java.util.Locale.ROOT))).forEach(aggregate ->
                foreign.add("the events of " + aggregate + " are not of case " + caseId + ": none of them names it (a listing"
                        + " resting on the case or the decision number it took names the case), nor a stream of it (a list entry's"
                        + " slot names its listing)"));
        return foreign;
    }

    /** Whether {@code node} holds, at any depth, a text that is one of {@code ids} (lower case), in any case. */
    private static boolean namesAny(JsonNode node, java.util.Set<String> ids) {
        if (node.isString()) return ids.contains(node.asString().toLowerCase(java.util.Locale.ROOT));
        for (JsonNode child : node) {
            if (namesAny(child, ids)) return true;
        }
        return false;
    }

    /**
     * What a case's history leaves out between its events: each aggregate's events (the case's, each listing's) are
     * numbered from 0 without a gap, so an event left out of the answer before its aggregate's last shown one is a gap
     * (proofs of inclusion prove only the events shown). One that came after the last shown is not seen here. A list entry's
     * slot ({@link #PARTIAL_STREAMS}) is shown only as far as its events name a listing of the case: the listings of the
     * subject before it held the slot first, so its numbers may start later and skip, but never repeat or go back.
     */
    static List<String> missingFromHistory(List<JsonNode> history) {
        Map<String, Long> next = new TreeMap<>();
        List<String> gaps = new ArrayList<>();
        for (JsonNode e : history) {
            String aggregate = e.path("aggregateId").asString("");
            long sequence = e.path("sequence").asLong(-1), expected = next.getOrDefault(aggregate, 0L);
            if (sequence > expected && PARTIAL_STREAMS.contains(e.path("aggregateType").asString(""))) {
                next.put(aggregate, sequence + 1);
                continue;
            }
            if (sequence > expected) {
                gaps.add("the events of " + aggregate + " skip from sequence " + (expected - 1) + " to " + sequence
                        + ": the history leaves out " + (sequence - expected) + " of its events");
            } else if (sequence < expected) {
                gaps.add("the events of " + aggregate + " show sequence " + sequence + " after " + (expected - 1) + ": repeated or out of order");
            }
            next.put(aggregate, Math.max(expected, sequence + 1));
        }
        return gaps;
    }

    /**
     * The aggregates a case's history shows only in part: a list entry's slot (one a list and subject, held by each listing
     * of the subject in turn), of which it shows the events that name a listing resting on the case.
     */
    static final java.util.Set<String> PARTIAL_STREAMS = java.util.Set.of(org.gongshi.ledger.listings.ListEntrySlot.class.getSimpleName());

    /** The most pages of a case's history verify reads (100 events each): no case holds 100,000 events. */
    static final int MOST_HISTORY_PAGES = 1_000;

    /** The leaf hashes of JSON Lines: {@code SHA-256(0x00 || line)} each. */
    static List<byte[]> lineHashes(List<String> lines) {
        return lines.stream().map(l -> Rfc6962.leafHash(l.getBytes(StandardCharsets.UTF_8))).toList();
    }

    /** The leaf hashes of a JSON Lines file's lines, exactly their bytes. */
    static List<byte[]> fileHashes(Path file) throws IOException {
        return lines(Files.readAllBytes(file)).stream().map(Rfc6962::leafHash).toList();
    }

    // ---- the last head seen, kept in a state directory

    /** The last checkpoint of {@code log} seen, from {@code state/<log>.checkpoint}, or null. */
    static Checkpoint lastSeen(Path state, Log log, List<NoteVerifier> keys) throws IOException {
        if (state == null) return null;
        Path file = state.resolve(log.name() + ".checkpoint");
        return Files.exists(file) ? Checkpoint.open(Files.readString(file, StandardCharsets.UTF_8), keys) : null;
    }

    /** Keeps {@code note} as the last checkpoint of {@code log} seen (written aside, then moved into place). */
    static void remember(Path state, Log log, String note) throws IOException {
        if (state == null) return;
        Files.createDirectories(state);
        Path tmp = state.resolve(log.name() + ".checkpoint.tmp");
        Files.writeString(tmp, note, StandardCharsets.UTF_8);
        Files.move(tmp, state.resolve(log.name() + ".checkpoint"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The keys checkpoints must be signed with: those pinned in {@code state/keys} (one verifier key a line),
     * else the published ones, pinned there on first use. A published key not pinned is reported, not trusted.
     */
    List<NoteVerifier> trustedKeys(Path state, Verdicts out) throws IOException {
        List<NoteVerifier> published = client.publishedKeys();
        Path file = state == null ? null : state.resolve("keys");
        if (file == null || !Files.exists(file)) {
            if (file != null) {
                Files.createDirectories(state);
                Files.write(file, published.stream().map(NoteVerifier::verifierKey).toList(), StandardCharsets.UTF_8);
            }
            out.pass("verifier keys", published.size() + " published keys trusted on first use" + (file == null ? "" : ", pinned in " + file));
            return published;
        }
        List<NoteVerifier> pinned = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).map(NoteVerifier::parse).toList();
        List<String> unpinned = published.stream().filter(k -> !pinned.contains(k)).map(NoteVerifier::verifierKey).toList();
        out.pass("verifier keys", pinned.size() + " keys pinned in " + file
                + (unpinned.isEmpty() ? "" : "; published but not pinned (add them to trust them): " + unpinned));
        return pinned;
    }

    static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
