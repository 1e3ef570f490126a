package org.gongshi.projections.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

/**
 * The tree against the published RFC 6962 test vectors of transparency-dev/merkle
 * ({@code testonly/constants.go}: leaf inputs, node hashes and roots; {@code proof/verify_test.go}:
 * inclusion and consistency proofs and the corruptions a verifier must reject).
 */
class MerkleTreeReferenceVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** testonly.LeafInputs(). */
    private static final String[] LEAF_INPUTS = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    };

    /** testonly.NodeHashes(): [level][index] of every complete subtree of the eight leaves. */
    private static final String[][] NODE_HASHES = {
        {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        },
        {
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        },
        {
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        },
        {
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        },
    };

    /** testonly.RootHashes(): the root for tree sizes 0..8. */
    private static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    private record InclusionVector(long index, long size, String... proof) { }

    private record ConsistencyVector(long first, long second, String... proof) { }

    /** verify_test.go inclusionProofs (its 1-based leaf numbers converted to 0-based indexes). */
    private static final List<InclusionVector> INCLUSION = List.of(
            new InclusionVector(0, 1),
            new InclusionVector(0, 8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            new InclusionVector(5, 8,
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            new InclusionVector(2, 3,
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            new InclusionVector(1, 5,
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

    /** verify_test.go consistencyProofs. */
    private static final List<ConsistencyVector> CONSISTENCY = List.of(
            new ConsistencyVector(1, 1),
            new ConsistencyVector(1, 8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            new ConsistencyVector(6, 8,
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            new ConsistencyVector(2, 5,
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            new ConsistencyVector(6, 7,
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));

    private static final byte[] SOME_HASH = hex("abacaba000000000000000000000000000000000000000000060061e00123456");
    private static final byte[] EMPTY_TREE_HASH = hex(ROOTS[0]);

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree(MerkleTree.LeafHashes.of(leafHashes));

    MerkleTreeReferenceVectorsTest() {
        for (String input : LEAF_INPUTS) {
            leafHashes.add(MerkleTree.leafHash(hex(input)));
        }
    }

    @Test
    void the_empty_tree_has_the_sha256_of_nothing_as_its_root() {
        assertThat(MerkleTree.emptyRoot()).isEqualTo(EMPTY_TREE_HASH);
        assertThat(tree.rootHash(0)).isEqualTo(EMPTY_TREE_HASH);
    }

    @Test
    void leaf_hashes_are_sha256_of_0x00_and_the_entry() {
        for (int i = 0; i < LEAF_INPUTS.length; i++) {
            assertThat(HEX.formatHex(leafHashes.get(i))).as("leaf %d", i).isEqualTo(NODE_HASHES[0][i]);
        }
    }

    @Test
    void interior_nodes_are_sha256_of_0x01_and_both_children() {
        for (int level = 1; level < NODE_HASHES.length; level++) {
            for (int i = 0; i < NODE_HASHES[level].length; i++) {
                byte[] left = hex(NODE_HASHES[level - 1][2 * i]);
                byte[] right = hex(NODE_HASHES[level - 1][2 * i + 1]);
                assertThat(HEX.formatHex(MerkleTree.nodeHash(left, right)))
                        .as("node level %d index %d", level, i).isEqualTo(NODE_HASHES[level][i]);
            }
        }
    }

    @Test
    void the_root_of_every_tree_size_from_0_to_8_matches_the_published_roots() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.rootHash(size))).as("root of size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void the_roots_are_the_same_whatever_the_cache_settings() {
        for (MerkleTree t : List.of(
                new MerkleTree(MerkleTree.LeafHashes.of(leafHashes), 2, 0),
                new MerkleTree(MerkleTree.LeafHashes.of(leafHashes), 2, 1000),
                new MerkleTree(MerkleTree.LeafHashes.of(leafHashes), 4, 1))) {
            for (int size = 0; size <= 8; size++) {
                assertThat(HEX.formatHex(t.rootHash(size))).isEqualTo(ROOTS[size]);
                assertThat(HEX.formatHex(t.rootHash(size))).as("again, from the cache").isEqualTo(ROOTS[size]);
            }
        }
    }

    @Test
    void inclusion_proofs_match_the_published_audit_paths() {
        for (InclusionVector v : INCLUSION) {
            assertThat(hexes(tree.inclusionProof(v.index(), v.size())))
                    .as("inclusion of %d in %d", v.index(), v.size()).containsExactly(v.proof());
        }
    }

    @Test
    void consistency_proofs_match_the_published_proofs() {
        for (ConsistencyVector v : CONSISTENCY) {
            assertThat(hexes(tree.consistencyProof(v.first(), v.second())))
                    .as("consistency %d -> %d", v.first(), v.second()).containsExactly(v.proof());
        }
    }

    @Test
    void the_published_inclusion_proofs_verify_and_every_corruption_of_them_is_rejected() {
        for (InclusionVector v : INCLUSION) {
            byte[] leaf = leafHashes.get((int) v.index());
            byte[] root = hex(ROOTS[(int) v.size()]);
            List<byte[]> proof = unhex(v.proof());
            assertThat(MerkleTree.verifyInclusion(leaf, v.index(), v.size(), proof, root))
                    .as("published proof %d in %d", v.index(), v.size()).isTrue();

            forEachCorruptInclusion(v.index(), v.size(), proof, root, leaf, (desc, probe) ->
                    assertThat(probe.verify()).as("%s of inclusion %d in %d", desc, v.index(), v.size()).isFalse());
        }
    }

    @Test
    void the_published_consistency_proofs_verify_and_every_corruption_of_them_is_rejected() {
        for (ConsistencyVector v : CONSISTENCY) {
            byte[] root1 = hex(ROOTS[(int) v.first()]);
            byte[] root2 = hex(ROOTS[(int) v.second()]);
            List<byte[]> proof = unhex(v.proof());
            assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), root1, root2, proof))
                    .as("published proof %d -> %d", v.first(), v.second()).isTrue();
            if (proof.isEmpty()) {
                continue;
            }
            forEachCorruptConsistency(v.first(), v.second(), root1, root2, proof, (desc, probe) ->
                    assertThat(probe.verify()).as("%s of consistency %d -> %d", desc, v.first(), v.second()).isFalse());
        }
    }

    @Test
    void a_single_leaf_tree_has_its_leaf_hash_as_root_and_an_empty_proof() {
        byte[] hash = MerkleTree.leafHash("data".getBytes());
        assertThat(MerkleTree.verifyInclusion(hash, 0, 1, List.of(), hash)).isTrue();
        assertThat(MerkleTree.verifyInclusion(hash, 0, 1, List.of(), new byte[0])).isFalse();
        assertThat(MerkleTree.verifyInclusion(new byte[0], 0, 1, List.of(), hash)).isFalse();
        assertThat(MerkleTree.verifyInclusion(new byte[0], 0, 1, List.of(), new byte[0])).isFalse();
    }

    @Test
    void inclusion_in_an_empty_tree_or_beyond_the_tree_never_verifies() {
        long[][] probes = {{0, 0}, {0, 1}, {1, 0}, {2, 1}};
        for (long[] p : probes) {
            assertThat(MerkleTree.verifyInclusion(SOME_HASH, p[0], p[1], List.of(), new byte[0])).isFalse();
            assertThat(MerkleTree.verifyInclusion(new byte[0], p[0], p[1], List.of(), EMPTY_TREE_HASH)).isFalse();
            assertThat(MerkleTree.verifyInclusion(SOME_HASH, p[0], p[1], List.of(), EMPTY_TREE_HASH)).isFalse();
        }
    }

    @Test
    void consistency_edge_cases_follow_the_reference_verifier() {
        byte[] root1 = "don't care 1".getBytes();
        byte[] root2 = "don't care 2".getBytes();
        List<byte[]> none = List.of();
        List<byte[]> one = List.of(EMPTY_TREE_HASH);
        // equal sizes need equal roots
        assertThat(MerkleTree.verifyConsistency(0, 0, root1, root2, none)).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, root1, root2, none)).isFalse();
        // sizes that are always consistent
        assertThat(MerkleTree.verifyConsistency(0, 0, root1, root1, none)).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 1, root1, root2, none)).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, root2, root2, none)).isTrue();
        // time travel to the past
        assertThat(MerkleTree.verifyConsistency(1, 0, root1, root2, none)).isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 1, root1, root2, none)).isFalse();
        // an empty proof between different sizes
        assertThat(MerkleTree.verifyConsistency(1, 2, root1, root2, none)).isFalse();
        // roots that do not match
        assertThat(MerkleTree.verifyConsistency(0, 0, EMPTY_TREE_HASH, root2, none)).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, EMPTY_TREE_HASH, root2, none)).isFalse();
        // matching roots but a proof where none belongs
        assertThat(MerkleTree.verifyConsistency(0, 0, EMPTY_TREE_HASH, EMPTY_TREE_HASH, one)).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 1, EMPTY_TREE_HASH, EMPTY_TREE_HASH, one)).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, EMPTY_TREE_HASH, EMPTY_TREE_HASH, one)).isFalse();
    }

    // ---------------------------------------------------------------- corruptions (as verify_test.go)

    private interface Probe {
        boolean verify();
    }

    private static void forEachCorruptInclusion(long index, long size, List<byte[]> proof, byte[] root, byte[] leaf,
                                                BiConsumer<String, Probe> check) {
        check.accept("leafIndex - 1", () -> MerkleTree.verifyInclusion(leaf, index - 1, size, proof, root));
        check.accept("leafIndex + 1", () -> MerkleTree.verifyInclusion(leaf, index + 1, size, proof, root));
        check.accept("leafIndex ^ 2", () -> MerkleTree.verifyInclusion(leaf, index ^ 2, size, proof, root));
        check.accept("treeSize * 2", () -> MerkleTree.verifyInclusion(leaf, index, size * 2, proof, root));
        check.accept("treeSize / 2", () -> MerkleTree.verifyInclusion(leaf, index, size / 2, proof, root));
        check.accept("wrong leaf", () -> MerkleTree.verifyInclusion("WrongLeaf".getBytes(), index, size, proof, root));
        check.accept("empty root", () -> MerkleTree.verifyInclusion(leaf, index, size, proof, EMPTY_TREE_HASH));
        check.accept("random root", () -> MerkleTree.verifyInclusion(leaf, index, size, proof, SOME_HASH));
        check.accept("trailing garbage", () -> MerkleTree.verifyInclusion(leaf, index, size, append(proof, new byte[0]), root));
        check.accept("trailing root", () -> MerkleTree.verifyInclusion(leaf, index, size, append(proof, root), root));
        check.accept("preceding garbage", () -> MerkleTree.verifyInclusion(leaf, index, size, prepend(proof, new byte[0]), root));
        check.accept("preceding root", () -> MerkleTree.verifyInclusion(leaf, index, size, prepend(proof, root), root));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = flipBit(proof, i, 8);
            check.accept("modified proof[" + i + "] bit 3", () -> MerkleTree.verifyInclusion(leaf, index, size, flipped, root));
        }
        if (!proof.isEmpty()) {
            List<byte[]> removed = proof.subList(0, proof.size() - 1);
            check.accept("removed component", () -> MerkleTree.verifyInclusion(leaf, index, size, removed, root));
        }
        if (proof.size() > 1) {
            List<byte[]> inserted = new ArrayList<>();
            inserted.add(proof.get(0));
            inserted.add(SOME_HASH);
            inserted.addAll(proof.subList(1, proof.size()));
            check.accept("inserted component", () -> MerkleTree.verifyInclusion(leaf, index, size, inserted, root));
        }
    }

    private static void forEachCorruptConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof,
                                                  BiConsumer<String, Probe> check) {
        check.accept("size1 - 1", () -> MerkleTree.verifyConsistency(size1 - 1, size2, root1, root2, proof));
        check.accept("size1 + 1", () -> MerkleTree.verifyConsistency(size1 + 1, size2, root1, root2, proof));
        check.accept("size1 ^ 2", () -> MerkleTree.verifyConsistency(size1 ^ 2, size2, root1, root2, proof));
        check.accept("size2 * 2", () -> MerkleTree.verifyConsistency(size1, size2 * 2, root1, root2, proof));
        check.accept("size2 / 2", () -> MerkleTree.verifyConsistency(size1, size2 / 2, root1, root2, proof));
        check.accept("wrong root1", () -> MerkleTree.verifyConsistency(size1, size2, "WrongRoot".getBytes(), root2, proof));
        check.accept("wrong root2", () -> MerkleTree.verifyConsistency(size1, size2, root1, "WrongRoot".getBytes(), proof));
        check.accept("swapped roots", () -> MerkleTree.verifyConsistency(size1, size2, root2, root1, proof));
        check.accept("empty proof", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, List.of()));
        check.accept("trailing garbage", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, append(proof, new byte[0])));
        check.accept("trailing root1", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, append(proof, root1)));
        check.accept("trailing root2", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, append(proof, root2)));
        check.accept("preceding garbage", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, prepend(proof, new byte[0])));
        check.accept("preceding root1", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, prepend(proof, root1)));
        check.accept("preceding root2", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, prepend(proof, root2)));
        check.accept("preceding proof[0]", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, prepend(proof, proof.get(0))));
        List<byte[]> truncated = proof.subList(0, proof.size() - 1);
        check.accept("truncated proof", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, truncated));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = flipBit(proof, i, 16);
            check.accept("modified proof[" + i + "] bit 4", () -> MerkleTree.verifyConsistency(size1, size2, root1, root2, flipped));
        }
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(extra);
        return out;
    }

    private static List<byte[]> prepend(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>();
        out.add(extra);
        out.addAll(proof);
        return out;
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, int mask) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] changed = proof.get(element).clone();
        changed[0] ^= (byte) mask;
        out.set(element, changed);
        return out;
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static List<byte[]> unhex(String... hashes) {
        List<byte[]> out = new ArrayList<>();
        for (String h : hashes) {
            out.add(hex(h));
        }
        return out;
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
