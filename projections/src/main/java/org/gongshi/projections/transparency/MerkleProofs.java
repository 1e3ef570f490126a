package org.gongshi.projections.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs of an append-only log, computed over its {@link LeafHashes} exactly as
 * RFC 9162 §2.1 defines them: {@code MTH(D[n])} splitting at {@code k}, the largest power of two
 * smaller than {@code n}; inclusion proofs §2.1.3.1 {@code PATH(m, D[n])} and consistency proofs
 * §2.1.4.1 {@code PROOF(m, D[n])}, both ordered from the leaves towards the root.
 *
 * <p>Complete subtrees go through a {@link SubtreeCache}, so a warm root or proof costs O(log n)
 * lookups plus fewer than {@link SubtreeCache#minLeaves()} leaf reads per ragged edge, and ranges up
 * to that width are read from the source in one bulk call. {@link ProofVerifier} checks the proofs.
 *
 * <p>Thread-safe if the source is. Returned arrays are fresh copies.
 */
public final class MerkleProofs {

    private final LeafHashes leaves;
    private final SubtreeCache cache;

    /** Proofs with the default cache. */
    public MerkleProofs(LeafHashes leaves) {
        this(leaves, SubtreeCache.withDefaults());
    }

    public MerkleProofs(LeafHashes leaves, SubtreeCache cache) {
        if (leaves == null || cache == null) {
            throw new IllegalArgumentException("leaves and cache must not be null");
        }
        this.leaves = leaves;
        this.cache = cache;
    }

    /** The number of leaves the source currently holds. */
    public long size() {
        return leaves.size();
    }

    /** How many subtree hashes the cache holds now (for diagnostics). */
    public int cachedSubtrees() {
        return cache.size();
    }

    /** {@code MTH(D[0:treeSize])}; {@code SHA-256("")} for 0. */
    public byte[] rootHash(long treeSize) {
        requireTreeSize("treeSize", treeSize);
        if (treeSize == 0) {
            return Rfc6962.emptyRoot();
        }
        return hashRange(0, treeSize).clone();
    }

    /** RFC 9162 §2.1.3.1 {@code PATH(leafIndex, D[0:treeSize])}, leaf to root. */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        requireTreeSize("treeSize", treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leafIndex " + leafIndex + " is out of range for tree size "
                    + treeSize + " (need 0 <= leafIndex < treeSize)");
        }
        List<byte[]> proof = new ArrayList<>(64);
        path(leafIndex, 0, treeSize, proof);
        return copies(proof);
    }

    /**
     * RFC 9162 §2.1.4.1 {@code PROOF(first, D[0:second])}, leaf to root. Empty when {@code first == second}
     * or {@code first == 0}.
     */
    public List<byte[]> consistencyProof(long first, long second) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0, was " + first);
        }
        requireTreeSize("second", second);
        if (first > second) {
            throw new IllegalArgumentException("first (" + first + ") must not exceed second (" + second + ")");
        }
        if (first == 0 || first == second) {
            return new ArrayList<>();
        }
        List<byte[]> proof = new ArrayList<>(64);
        subproof(first, 0, second, true, proof);
        return copies(proof);
    }

    private void requireTreeSize(String what, long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + treeSize);
        }
        long size = leaves.size();
        if (treeSize > size) {
            throw new IllegalArgumentException(what + " " + treeSize + " exceeds the log size " + size);
        }
    }

    /** PATH(m, D[from:to]), appended in RFC order (deepest sibling first). */
    private void path(long m, long from, long to, List<byte[]> out) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(hashRange(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(hashRange(from, from + k));
        }
    }

    /** SUBPROOF(m, D[from:to], b). */
    private void subproof(long m, long from, long to, boolean b, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!b) {
                out.add(hashRange(from, to));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, b, out);
            out.add(hashRange(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, out);
            out.add(hashRange(from, from + k));
        }
    }

    /** MTH(D[from:to]) for a non-empty range. The result may be shared with the cache: never mutate it. */
    private byte[] hashRange(long from, long to) {
        long n = to - from;
        if (n == 1) {
            return checkLeaf(from, leaves.leafHash(from));
        }
        if (cache.holds(from, n)) {
            return completeSubtree(from, n);
        }
        if (n <= cache.minLeaves()) {
            return hashLeaves(from, to);
        }
        long k = largestPowerOfTwoBelow(n);
        return Rfc6962.nodeHash(hashRange(from, from + k), hashRange(from + k, to));
    }

    /** The hash of a complete subtree the cache holds, computed and memoised on a miss. */
    private byte[] completeSubtree(long from, long width) {
        byte[] hash = cache.get(from, width);
        if (hash != null) {
            return hash;
        }
        if (width == cache.minLeaves()) {
            hash = hashLeaves(from, from + width);
        } else {
            long half = width >>> 1;
            hash = Rfc6962.nodeHash(completeSubtree(from, half), completeSubtree(from + half, half));
        }
        cache.put(from, width, hash);
        return hash;
    }

    /** MTH over leaves read in one bulk call: pair neighbours level by level, carrying an odd last node up. */
    private byte[] hashLeaves(long from, long to) {
        List<byte[]> read = leaves.leafHashes(from, to);
        int n = (int) (to - from);
        if (read == null || read.size() != n) {
            throw new IllegalStateException("leaf source returned " + (read == null ? "null" : read.size())
                    + " hashes for [" + from + ", " + to + "), expected " + n);
        }
        byte[][] level = new byte[n][];
        for (int i = 0; i < n; i++) {
            level[i] = checkLeaf(from + i, read.get(i));
        }
        while (n > 1) {
            int next = 0;
            for (int i = 0; i + 1 < n; i += 2) {
                level[next++] = Rfc6962.nodeHash(level[i], level[i + 1]);
            }
            if ((n & 1) == 1) {
                level[next++] = level[n - 1];
            }
            n = next;
        }
        return level[0];
    }

    private static byte[] checkLeaf(long index, byte[] hash) {
        if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
            throw new IllegalStateException("leaf hash at index " + index + " has "
                    + (hash == null ? "no value" : hash.length + " bytes") + ", expected " + Rfc6962.HASH_SIZE);
        }
        return hash;
    }

    private static List<byte[]> copies(List<byte[]> hashes) {
        List<byte[]> out = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            out.add(h.clone());
        }
        return out;
    }

    /** The largest power of two strictly smaller than {@code n ≥ 2}. */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
