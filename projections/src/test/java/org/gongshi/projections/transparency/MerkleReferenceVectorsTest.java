package org.gongshi.projections.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hasher, the proofs and the verifier against the RFC 6962 reference vectors published by
 * transparency-dev/merkle, kept as data in {@code src/test/resources/transparency} (see its README):
 * the eight-leaf tree, the published inclusion and consistency proofs over it, and the verifier's
 * edge cases. The proofs that must be rejected are derived here from each published proof, with
 * the corruptions upstream's {@code verify_test.go} applies.
 */
class MerkleReferenceVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode CONSTANTS = read("constants.json");
    private static final List<byte[]> LEAF_INPUTS = hexes(CONSTANTS.get("leafInputs"));
    private static final List<byte[]> ROOTS = hexes(CONSTANTS.get("rootHashes"));
    private static final List<Inclusion> INCLUSION = vectors("inclusion.json", v -> new Inclusion(
            v.get("leafIndex").longValue(), v.get("treeSize").longValue(), hexes(v.get("proof"))));
    private static final List<Consistency> CONSISTENCY = vectors("consistency.json", v -> new Consistency(
            v.get("size1").longValue(), v.get("size2").longValue(), hexes(v.get("proof"))));
    private static final JsonNode EDGE_CASES = read("verifier-edge-cases.json");

    private static final byte[] SOME_HASH = HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");
    private static final byte[] GARBAGE = new byte[0];
    private static final byte[] WRONG = "WrongLeaf".getBytes();

    /** Every reason {@link ProofVerifier} gives; a rejection must give one of them. */
    private static final Pattern REASON = Pattern.compile("(leaf index -?\\d+ is out of range for tree size -?\\d+"
            + "|(leaf hash|root|first root|second root|proof\\[\\d+\\]) has (no value|\\d+ bytes), want 32"
            + "|wrong proof size \\d+, want \\d+|root mismatch at (index -?\\d+ of tree size|size) -?\\d+"
            + "|tree sizes must be >= 0|first > second|a consistency proof from the empty tree is meaningless"
            + "|empty proof between different tree sizes).*");

    private static final String MEANINGLESS = "a consistency proof from the empty tree is meaningless";

    /** A published inclusion proof: of leaf {@code index} of the reference tree of {@code size} leaves. */
    private record Inclusion(long index, long size, List<byte[]> proof) {
        @Override
        public String toString() {
            return "inclusion of leaf " + index + " in size " + size;
        }
    }

    /** A published consistency proof between the reference tree's sizes {@code first} and {@code second}. */
    private record Consistency(long first, long second, List<byte[]> proof) {
        @Override
        public String toString() {
            return "consistency " + first + " -> " + second;
        }
    }

    /** One corruption of a published proof and what the verifier says of it. */
    private record Probe(String what, Optional<String> rejection) {
    }

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final MerkleProofs tree = new MerkleProofs(LeafHashes.of(leafHashes));

    MerkleReferenceVectorsTest() {
        for (byte[] input : LEAF_INPUTS) {
            leafHashes.add(Rfc6962.leafHash(input));
        }
    }

    @Test
    void the_empty_tree_has_the_sha256_of_nothing_as_its_root() {
        assertThat(Rfc6962.emptyRoot()).isEqualTo(ROOTS.get(0));
        assertThat(tree.rootHash(0)).isEqualTo(ROOTS.get(0));
    }

    @Test
    void leaf_hashes_are_sha256_of_0x00_and_the_entry() {
        List<byte[]> published = hexes(CONSTANTS.get("nodeHashes").get(0));
        assertThat(LEAF_INPUTS).hasSize(8);
        for (int i = 0; i < LEAF_INPUTS.size(); i++) {
            assertThat(leafHashes.get(i)).as("leaf %d", i).isEqualTo(published.get(i));
        }
    }

    @Test
    void interior_nodes_are_sha256_of_0x01_and_both_children() {
        JsonNode levels = CONSTANTS.get("nodeHashes");
        assertThat(levels.size()).isEqualTo(4);
        for (int level = 1; level < levels.size(); level++) {
            List<byte[]> below = hexes(levels.get(level - 1));
            List<byte[]> nodes = hexes(levels.get(level));
            for (int i = 0; i < nodes.size(); i++) {
                assertThat(Rfc6962.nodeHash(below.get(2 * i), below.get(2 * i + 1)))
                        .as("node level %d index %d", level, i).isEqualTo(nodes.get(i));
            }
        }
    }

    @Test
    void the_root_of_every_tree_size_from_0_to_8_matches_the_published_roots() {
        assertThat(ROOTS).hasSize(9);
        for (int size = 0; size <= 8; size++) {
            assertThat(tree.rootHash(size)).as("root of size %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void the_roots_are_the_same_whatever_the_cache_settings() {
        for (MerkleProofs t : List.of(
                new MerkleProofs(LeafHashes.of(leafHashes), new SubtreeCache(2, 0)),
                new MerkleProofs(LeafHashes.of(leafHashes), new SubtreeCache(2, 1000)),
                new MerkleProofs(LeafHashes.of(leafHashes), new SubtreeCache(4, 1)))) {
            for (int size = 0; size <= 8; size++) {
                assertThat(t.rootHash(size)).isEqualTo(ROOTS.get(size));
                assertThat(t.rootHash(size)).as("again, from the cache").isEqualTo(ROOTS.get(size));
            }
        }
    }

    @Test
    void inclusion_proofs_match_the_published_audit_paths() {
        assertThat(INCLUSION).as("published inclusion proofs").hasSize(5);
        for (Inclusion v : INCLUSION) {
            assertThat(hexes(tree.inclusionProof(v.index(), v.size()))).as(v.toString()).isEqualTo(hexes(v.proof()));
        }
    }

    @Test
    void consistency_proofs_match_the_published_proofs() {
        assertThat(CONSISTENCY).as("published consistency proofs").hasSize(5);
        for (Consistency v : CONSISTENCY) {
            assertThat(hexes(tree.consistencyProof(v.first(), v.second()))).as(v.toString()).isEqualTo(hexes(v.proof()));
        }
    }

    @Test
    void every_published_inclusion_proof_verifies() {
        for (Inclusion v : INCLUSION) {
            assertThat(Rejections.inclusion(leaf(v.index()), v.index(), v.size(), v.proof(), ROOTS.get((int) v.size())))
                    .as(v.toString()).isEmpty();
        }
    }

    @Test
    void every_published_consistency_proof_verifies() {
        for (Consistency v : CONSISTENCY) {
            assertThat(Rejections.consistency(v.first(), v.second(), ROOTS.get((int) v.first()), ROOTS.get((int) v.second()),
                    v.proof())).as(v.toString()).isEmpty();
        }
    }

    @Test
    void every_corruption_of_a_published_inclusion_proof_is_rejected_with_a_reason() {
        int probes = 0;
        for (Inclusion v : INCLUSION) {
            probes += assertRejected(v, corruptions(v));
        }
        // 12 kinds for any proof, plus per proof of n hashes: n modified bits, a removed one (n > 0), an inserted one (n > 1)
        assertThat(probes).as("corruptions of the proofs of 0, 3, 3, 1 and 3 hashes").isEqualTo(12 + 17 + 17 + 14 + 17);
    }

    @Test
    void every_corruption_of_a_published_consistency_proof_is_rejected_with_a_reason() {
        int probes = 0;
        for (Consistency v : CONSISTENCY) {
            probes += assertRejected(v, corruptions(v));
        }
        // 17 kinds plus one modified bit per hash for a proof of n > 0 hashes; 13 apply to 1 -> 1's empty proof
        assertThat(probes).as("corruptions of the proofs of 0, 3, 3, 2 and 3 hashes").isEqualTo(13 + 20 + 20 + 19 + 20);
    }

    private static int assertRejected(Object vector, List<Probe> probes) {
        for (Probe p : probes) {
            assertThat(p.rejection()).as("%s of %s must be rejected", p.what(), vector)
                    .hasValueSatisfying(reason -> assertThat(reason).matches(REASON));
        }
        return probes.size();
    }

    @Test
    void the_reasons_name_what_is_wrong() {
        assertThat(reason(corruptions(INCLUSION.get(1)), "removed component")).isEqualTo("wrong proof size 2, want 3");
        assertThat(reason(corruptions(INCLUSION.get(1)), "trailing root")).isEqualTo("wrong proof size 4, want 3");
        assertThat(reason(corruptions(INCLUSION.get(2)), "leafIndex + 1")).startsWith("root mismatch at index 6 of tree size 8");
        assertThat(reason(corruptions(INCLUSION.get(0)), "leafIndex - 1"))
                .isEqualTo("leaf index -1 is out of range for tree size 1 (need 0 <= index < size)");
        assertThat(reason(corruptions(INCLUSION.get(0)), "wrong leaf")).isEqualTo("leaf hash has 9 bytes, want 32");
        assertThat(reason(corruptions(CONSISTENCY.get(1)), "truncated proof")).isEqualTo("wrong proof size 2, want 3");
        assertThat(reason(corruptions(CONSISTENCY.get(2)), "wrong root1")).isEqualTo("first root has 9 bytes, want 32");
        assertThat(reason(corruptions(CONSISTENCY.get(2)), "swapped roots")).startsWith("root mismatch at size 6");
        assertThat(reason(corruptions(CONSISTENCY.get(2)), "size2 / 2")).startsWith("first > second");
    }

    private static String reason(List<Probe> probes, String what) {
        return probes.stream().filter(p -> p.what().equals(what)).findFirst().orElseThrow().rejection().orElseThrow();
    }

    @Test
    void every_inclusion_edge_case_gets_its_verdict_and_reason() {
        JsonNode cases = EDGE_CASES.get("inclusion");
        assertThat(cases.size()).isEqualTo(16);
        for (JsonNode c : cases) {
            assertVerdict(c, Rejections.inclusion(hex(c.get("leafHash")), c.get("leafIndex").longValue(),
                    c.get("treeSize").longValue(), hexes(c.get("proof")), hex(c.get("root"))));
        }
    }

    @Test
    void every_consistency_edge_case_gets_its_verdict_and_reason() {
        JsonNode cases = EDGE_CASES.get("consistency");
        assertThat(cases.size()).isEqualTo(15);
        for (JsonNode c : cases) {
            assertVerdict(c, consistencyRejection(c));
        }
    }

    @Test
    void a_consistency_proof_from_the_empty_tree_is_rejected_as_meaningless_like_upstreams_verifier() {
        int fromEmpty = 0;
        for (JsonNode c : EDGE_CASES.get("consistency")) {
            if (c.get("size1").longValue() == 0) {
                assertThat(c.get("reason").stringValue()).as(c.get("description").stringValue()).isEqualTo(MEANINGLESS);
                assertVerdict(c, consistencyRejection(c));
                fromEmpty++;
            }
        }
        assertThat(fromEmpty).as("edge cases from size 0, with equal roots and empty proofs among them").isEqualTo(7);
        // even from the empty tree's own root to a real tree, with the empty proof MerkleProofs gives for it
        assertThat(tree.consistencyProof(0, 8)).isEmpty();
        assertThat(Rejections.consistency(0, 8, ROOTS.get(0), ROOTS.get(8), List.of())).contains(MEANINGLESS);
    }

    private static Optional<String> consistencyRejection(JsonNode c) {
        return Rejections.consistency(c.get("size1").longValue(), c.get("size2").longValue(), hex(c.get("root1")),
                hex(c.get("root2")), hexes(c.get("proof")));
    }

    private static void assertVerdict(JsonNode c, Optional<String> rejection) {
        String description = c.get("description").stringValue();
        if (!c.get("wantErr").booleanValue()) {
            assertThat(rejection).as("%s must verify", description).isEmpty();
            return;
        }
        assertThat(rejection).as("%s must be rejected", description)
                .hasValueSatisfying(reason -> assertThat(reason).matches(REASON));
        if (c.hasNonNull("reason")) {
            assertThat(rejection.get()).as(description).contains(c.get("reason").stringValue());
        }
    }

    // ------------------------------------------------ corruptions, as transparency-dev/merkle's verify_test.go

    private List<Probe> corruptions(Inclusion v) {
        long i = v.index();
        long n = v.size();
        List<byte[]> proof = v.proof();
        byte[] leaf = leaf(i);
        byte[] root = ROOTS.get((int) n);
        List<Probe> out = new ArrayList<>();
        out.add(new Probe("leafIndex - 1", Rejections.inclusion(leaf, i - 1, n, proof, root)));
        out.add(new Probe("leafIndex + 1", Rejections.inclusion(leaf, i + 1, n, proof, root)));
        out.add(new Probe("leafIndex ^ 2", Rejections.inclusion(leaf, i ^ 2, n, proof, root)));
        out.add(new Probe("treeSize * 2", Rejections.inclusion(leaf, i, n * 2, proof, root)));
        out.add(new Probe("treeSize / 2", Rejections.inclusion(leaf, i, n / 2, proof, root)));
        out.add(new Probe("wrong leaf", Rejections.inclusion(WRONG, i, n, proof, root)));
        out.add(new Probe("empty root", Rejections.inclusion(leaf, i, n, proof, ROOTS.get(0))));
        out.add(new Probe("random root", Rejections.inclusion(leaf, i, n, proof, SOME_HASH)));
        out.add(new Probe("trailing garbage", Rejections.inclusion(leaf, i, n, append(proof, GARBAGE), root)));
        out.add(new Probe("trailing root", Rejections.inclusion(leaf, i, n, append(proof, root), root)));
        out.add(new Probe("preceding garbage", Rejections.inclusion(leaf, i, n, prepend(proof, GARBAGE), root)));
        out.add(new Probe("preceding root", Rejections.inclusion(leaf, i, n, prepend(proof, root), root)));
        for (int k = 0; k < proof.size(); k++) {
            out.add(new Probe("modified proof[" + k + "] bit 3", Rejections.inclusion(leaf, i, n, flipBit(proof, k, 8), root)));
        }
        if (!proof.isEmpty()) {
            out.add(new Probe("removed component", Rejections.inclusion(leaf, i, n, proof.subList(0, proof.size() - 1), root)));
        }
        if (proof.size() > 1) {
            List<byte[]> inserted = new ArrayList<>(proof);
            inserted.add(1, SOME_HASH);
            out.add(new Probe("inserted component", Rejections.inclusion(leaf, i, n, inserted, root)));
        }
        return out;
    }

    private static List<Probe> corruptions(Consistency v) {
        long s1 = v.first();
        long s2 = v.second();
        List<byte[]> proof = v.proof();
        byte[] r1 = ROOTS.get((int) s1);
        byte[] r2 = ROOTS.get((int) s2);
        List<Probe> out = new ArrayList<>();
        out.add(new Probe("size1 - 1", Rejections.consistency(s1 - 1, s2, r1, r2, proof)));
        out.add(new Probe("size1 + 1", Rejections.consistency(s1 + 1, s2, r1, r2, proof)));
        out.add(new Probe("size1 ^ 2", Rejections.consistency(s1 ^ 2, s2, r1, r2, proof)));
        out.add(new Probe("size2 * 2", Rejections.consistency(s1, s2 * 2, r1, r2, proof)));
        out.add(new Probe("size2 / 2", Rejections.consistency(s1, s2 / 2, r1, r2, proof)));
        out.add(new Probe("wrong root1", Rejections.consistency(s1, s2, WRONG, r2, proof)));
        out.add(new Probe("wrong root2", Rejections.consistency(s1, s2, r1, WRONG, proof)));
        out.add(new Probe("trailing garbage", Rejections.consistency(s1, s2, r1, r2, append(proof, GARBAGE))));
        out.add(new Probe("trailing root1", Rejections.consistency(s1, s2, r1, r2, append(proof, r1))));
        out.add(new Probe("trailing root2", Rejections.consistency(s1, s2, r1, r2, append(proof, r2))));
        out.add(new Probe("preceding garbage", Rejections.consistency(s1, s2, r1, r2, prepend(proof, GARBAGE))));
        out.add(new Probe("preceding root1", Rejections.consistency(s1, s2, r1, r2, prepend(proof, r1))));
        out.add(new Probe("preceding root2", Rejections.consistency(s1, s2, r1, r2, prepend(proof, r2))));
        if (proof.isEmpty()) {
            return out; // equal sizes: equal roots (nothing to swap) and no hash to drop, repeat or modify
        }
        out.add(new Probe("swapped roots", Rejections.consistency(s1, s2, r2, r1, proof)));
        out.add(new Probe("empty proof", Rejections.consistency(s1, s2, r1, r2, List.of())));
        out.add(new Probe("preceding proof[0]", Rejections.consistency(s1, s2, r1, r2, prepend(proof, proof.get(0)))));
        out.add(new Probe("truncated proof", Rejections.consistency(s1, s2, r1, r2, proof.subList(0, proof.size() - 1))));
        for (int k = 0; k < proof.size(); k++) {
            out.add(new Probe("modified proof[" + k + "] bit 4", Rejections.consistency(s1, s2, r1, r2, flipBit(proof, k, 16))));
        }
        return out;
    }

    private byte[] leaf(long index) {
        return leafHashes.get((int) index);
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(extra);
        return out;
    }

    private static List<byte[]> prepend(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(0, extra);
        return out;
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, int mask) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] changed = proof.get(element).clone();
        changed[0] ^= (byte) mask;
        out.set(element, changed);
        return out;
    }

    // ------------------------------------------------ reading the data files

    private static <T> List<T> vectors(String file, Function<JsonNode, T> vector) {
        List<T> out = new ArrayList<>();
        read(file).get("vectors").forEach(v -> out.add(vector.apply(v)));
        return List.copyOf(out);
    }

    private static JsonNode read(String file) {
        String name = "/transparency/" + file;
        try (InputStream in = MerkleReferenceVectorsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hex(JsonNode hexString) {
        return HEX.parseHex(hexString.stringValue());
    }

    private static List<byte[]> hexes(JsonNode hexStrings) {
        List<byte[]> out = new ArrayList<>();
        hexStrings.forEach(h -> out.add(hex(h)));
        return out;
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
