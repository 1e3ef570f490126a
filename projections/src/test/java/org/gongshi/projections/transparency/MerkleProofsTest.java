package org.gongshi.projections.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Every root and proof of trees up to 64 leaves against a literal transcription of RFC 9162 §2.1
 * (MTH, PATH, PROOF over lists), under several cache settings, and every proof against the verifiers.
 */
class MerkleProofsTest {

    private static final int MAX = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> leaves = new ArrayList<>();

    MerkleProofsTest() {
        for (int i = 0; i < MAX; i++) {
            leaves.add(Rfc6962.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private List<MerkleProofs> trees() {
        LeafHashes source = LeafHashes.of(leaves);
        return List.of(
                new MerkleProofs(source),                                // default: nothing this small is cached
                new MerkleProofs(source, new SubtreeCache(2, 10_000)),   // every pair and above cached
                new MerkleProofs(source, new SubtreeCache(4, 3)),        // tiny cache: constant eviction
                new MerkleProofs(source, new SubtreeCache(8, 0)));       // cache disabled, bulk reads of 8
    }

    @Test
    void roots_of_every_size_up_to_64_equal_the_rfc_definition() {
        for (MerkleProofs tree : trees()) {
            for (int n = 0; n <= MAX; n++) {
                assertThat(HEX.formatHex(tree.rootHash(n))).as("MTH of %d leaves", n)
                        .isEqualTo(HEX.formatHex(mth(leaves.subList(0, n))));
            }
        }
    }

    @Test
    void every_inclusion_proof_up_to_64_leaves_equals_the_rfc_path_and_verifies() {
        for (MerkleProofs tree : trees()) {
            for (int n = 1; n <= MAX; n++) {
                byte[] root = tree.rootHash(n);
                for (int m = 0; m < n; m++) {
                    List<byte[]> proof = tree.inclusionProof(m, n);
                    assertThat(hexes(proof)).as("PATH(%d, D[%d])", m, n).isEqualTo(hexes(path(m, leaves.subList(0, n))));
                    assertThat(Rejections.inclusion(leaves.get(m), m, n, proof, root))
                            .as("inclusion of %d in %d", m, n).isEmpty();
                }
            }
        }
    }

    @Test
    void every_consistency_proof_up_to_64_leaves_equals_the_rfc_proof_and_verifies() {
        for (MerkleProofs tree : trees()) {
            for (int n = 1; n <= MAX; n++) {
                byte[] secondRoot = tree.rootHash(n);
                for (int m = 1; m <= n; m++) {
                    List<byte[]> proof = tree.consistencyProof(m, n);
                    List<byte[]> expected = m == n ? List.of() : subproof(m, leaves.subList(0, n), true);
                    assertThat(hexes(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hexes(expected));
                    assertThat(Rejections.consistency(m, n, tree.rootHash(m), secondRoot, proof))
                            .as("consistency %d -> %d", m, n).isEmpty();
                }
            }
        }
    }

    @Test
    void a_tampered_leaf_or_proof_element_fails_inclusion_verification() {
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(leaves), new SubtreeCache(4, 1000));
        for (int n = 1; n <= MAX; n++) {
            byte[] root = tree.rootHash(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(Rejections.inclusion(flip(leaves.get(m), 31), m, n, proof, root))
                        .as("tampered leaf %d in %d", m, n).get(STRING).startsWith("root mismatch at index " + m + " of tree size " + n);
                if (n > 1) {
                    assertThat(Rejections.inclusion(leaves.get((m + 1) % n), m, n, proof, root))
                            .as("another leaf at %d in %d", m, n).isPresent();
                }
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(i, flip(proof.get(i), i));
                    assertThat(Rejections.inclusion(leaves.get(m), m, n, tampered, root))
                            .as("tampered element %d of inclusion %d in %d", i, m, n).isPresent();
                }
                assertThat(Rejections.inclusion(leaves.get(m), m, n, proof, flip(root, 0))).get(STRING).startsWith("root mismatch");
                assertThat(Rejections.inclusion(leaves.get(m), m, n, append(proof, root), root))
                        .get(STRING).isEqualTo("wrong proof size " + (proof.size() + 1) + ", want " + proof.size());
            }
        }
    }

    @Test
    void a_tampered_root_or_proof_element_fails_consistency_verification() {
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(leaves), new SubtreeCache(2, 1000));
        for (int n = 2; n <= MAX; n++) {
            byte[] secondRoot = tree.rootHash(n);
            for (int m = 1; m < n; m++) {
                byte[] firstRoot = tree.rootHash(m);
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(Rejections.consistency(m, n, flip(firstRoot, 7), secondRoot, proof)).get(STRING).startsWith("root mismatch at size ");
                assertThat(Rejections.consistency(m, n, firstRoot, flip(secondRoot, 7), proof)).get(STRING).startsWith("root mismatch at size " + n);
                assertThat(Rejections.consistency(n, m, secondRoot, firstRoot, proof)).get(STRING).startsWith("first > second");
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(i, flip(proof.get(i), 3));
                    assertThat(Rejections.consistency(m, n, firstRoot, secondRoot, tampered))
                            .as("tampered element %d of consistency %d -> %d", i, m, n).isPresent();
                }
                // a history rewritten at any leaf before m is inconsistent with the published first root
                List<byte[]> rewritten = new ArrayList<>(leaves.subList(0, n));
                rewritten.set(m - 1, Rfc6962.leafHash("rewritten".getBytes(StandardCharsets.UTF_8)));
                MerkleProofs forged = new MerkleProofs(LeafHashes.of(rewritten), new SubtreeCache(2, 1000));
                assertThat(Rejections.consistency(m, n, firstRoot, forged.rootHash(n), forged.consistencyProof(m, n)))
                        .as("rewritten leaf %d, consistency %d -> %d", m - 1, m, n).isPresent();
            }
        }
    }

    @Test
    void cached_subtrees_stay_valid_while_the_log_grows() {
        List<byte[]> growing = new ArrayList<>();
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(growing), new SubtreeCache(2, 10_000));
        for (int n = 1; n <= MAX; n++) {
            growing.add(leaves.get(n - 1));
            assertThat(tree.size()).isEqualTo(n);
            for (int s = 0; s <= n; s++) {
                assertThat(tree.rootHash(s)).isEqualTo(mth(leaves.subList(0, s)));
            }
        }
        assertThat(tree.cachedSubtrees()).isPositive();
    }

    @Test
    void bulk_reads_are_used_and_never_exceed_the_cached_subtree_width() {
        AtomicLong largestRead = new AtomicLong();
        AtomicLong singleReads = new AtomicLong();
        LeafHashes source = new LeafHashes() {
            @Override
            public long size() {
                return leaves.size();
            }

            @Override
            public byte[] leafHash(long index) {
                singleReads.incrementAndGet();
                return leaves.get((int) index);
            }

            @Override
            public List<byte[]> leafHashes(long from, long toExclusive) {
                largestRead.accumulateAndGet(toExclusive - from, Math::max);
                return leaves.subList((int) from, (int) toExclusive);
            }
        };
        MerkleProofs tree = new MerkleProofs(source, new SubtreeCache(8, 100));
        assertThat(tree.rootHash(MAX)).isEqualTo(mth(leaves));
        assertThat(largestRead.get()).isEqualTo(8);
        assertThat(singleReads.get()).isZero();
    }

    @Test
    void out_of_range_arguments_are_refused_with_a_clear_message() {
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(leaves.subList(0, 8)));
        assertThatThrownBy(() -> tree.rootHash(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treeSize 9 exceeds the log size 8");
        assertThatThrownBy(() -> tree.rootHash(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treeSize must be >= 0");
        assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leafIndex 5 is out of range for tree size 5");
        assertThatThrownBy(() -> tree.inclusionProof(-1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leafIndex -1");
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range for tree size 0");
        assertThatThrownBy(() -> tree.inclusionProof(0, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the log size 8");
        assertThatThrownBy(() -> tree.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first (6) must not exceed second (5)");
        assertThatThrownBy(() -> tree.consistencyProof(3, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("second 9 exceeds the log size 8");
        assertThatThrownBy(() -> tree.consistencyProof(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first must be >= 0");
        assertThatThrownBy(() -> new MerkleProofs(LeafHashes.of(leaves), new SubtreeCache(3, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }

    @Test
    void consistency_with_the_empty_tree_or_the_same_size_is_an_empty_proof() {
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(leaves));
        assertThat(tree.consistencyProof(0, 10)).isEmpty();
        assertThat(tree.consistencyProof(10, 10)).isEmpty();
        assertThat(Rejections.consistency(10, 10, tree.rootHash(10), tree.rootHash(10), List.of())).isEmpty();
        // as transparency-dev/merkle since 2022 (and its vectors): a proof from the empty tree proves nothing
        assertThat(Rejections.consistency(0, 10, Rfc6962.emptyRoot(), tree.rootHash(10), List.of()))
                .contains("a consistency proof from the empty tree is meaningless");
    }

    @Test
    void a_leaf_source_returning_a_malformed_hash_is_reported() {
        List<byte[]> bad = new ArrayList<>(leaves.subList(0, 4));
        bad.set(2, new byte[5]);
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(bad));
        assertThatThrownBy(() -> tree.rootHash(4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leaf hash at index 2 has 5 bytes");
    }

    @Test
    void returned_hashes_are_copies_that_cannot_corrupt_the_cache() {
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(leaves), new SubtreeCache(2, 1000));
        byte[] root = tree.rootHash(MAX);
        byte[] expected = root.clone();
        root[0] ^= 1;
        tree.inclusionProof(3, MAX).forEach(h -> h[0] ^= 1);
        assertThat(tree.rootHash(MAX)).isEqualTo(expected);
        assertThat(Rejections.inclusion(leaves.get(3), 3, MAX, tree.inclusionProof(3, MAX), expected)).isEmpty();
    }

    // ---------------------------------------------------------------- RFC 9162 §2.1, word for word

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return Rfc6962.emptyRoot();
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = k(n);
        return Rfc6962.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** SUBPROOF(m, D[n], b). */
    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** The largest power of two smaller than n. */
    private static int k(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] flip(byte[] hash, int at) {
        byte[] out = hash.clone();
        out[at % out.length] ^= 0x01;
        return out;
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(extra);
        return out;
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
