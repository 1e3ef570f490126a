package org.gongshi.projections.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle hash tree of an append-only log, exactly as RFC 6962 §2.1 / RFC 9162 §2.1 define it.
 *
 * <ul>
 *   <li>leaf hash {@code SHA-256(0x00 || entry)}, interior node {@code SHA-256(0x01 || left || right)},
 *       the empty tree's root {@code SHA-256("")};</li>
 *   <li>{@code MTH(D[n])} splits at {@code k}, the largest power of two smaller than {@code n};</li>
 *   <li>inclusion proofs are RFC 9162 §2.1.3.1 {@code PATH(m, D[n])}, consistency proofs §2.1.4.1
 *       {@code PROOF(m, D[n])}, both ordered from the leaves towards the root;</li>
 *   <li>{@link #verifyInclusion} and {@link #verifyConsistency} are the verification algorithms of
 *       §2.1.3.2 and §2.1.4.2.</li>
 * </ul>
 *
 * <p>An instance reads leaf hashes from a {@link LeafHashes} source and memoises the hashes of
 * complete, aligned subtrees of at least {@code cachedSubtreeLeaves} leaves in a bounded LRU cache.
 * Such a subtree never changes in an append-only log, so the cache stays valid as the log grows,
 * and a warm root or proof costs O(log n) cache lookups plus fewer than {@code cachedSubtreeLeaves}
 * leaf reads per ragged edge. The source must be append-only: a leaf, once readable, never changes.
 *
 * <p>Instances are thread-safe if the source is. Returned arrays are fresh copies.
 */
public final class MerkleTree {

    /** Size in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;
    /** Default: subtrees of 256 leaves and more are memoised. */
    public static final int DEFAULT_CACHED_SUBTREE_LEAVES = 256;
    /** Default cache bound: 65,536 subtree hashes (about 7 MB), enough for every cached node of 8 M leaves. */
    public static final int DEFAULT_CACHE_CAPACITY = 1 << 16;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleTree::sha256);

    /** Where the tree's leaves come from: the leaf hashes of an append-only log, by index. */
    public interface LeafHashes {

        /** The number of leaves currently in the log. */
        long size();

        /** The {@value MerkleTree#HASH_SIZE}-byte leaf hash {@code SHA-256(0x00 || entry)} at {@code index}. */
        byte[] leafHash(long index);

        /**
         * The leaf hashes {@code [from, toExclusive)} in order. Override when the source can read a
         * range in one go (one database query instead of hundreds); the tree asks for at most
         * {@code cachedSubtreeLeaves} at a time.
         */
        default List<byte[]> leafHashes(long from, long toExclusive) {
            List<byte[]> hashes = new ArrayList<>((int) (toExclusive - from));
            for (long i = from; i < toExclusive; i++) {
                hashes.add(leafHash(i));
            }
            return hashes;
        }

        /** A live view of a list of leaf hashes (its current size is the log size). */
        static LeafHashes of(List<byte[]> hashes) {
            return new LeafHashes() {
                @Override
                public long size() {
                    return hashes.size();
                }

                @Override
                public byte[] leafHash(long index) {
                    return hashes.get(Math.toIntExact(index));
                }
            };
        }
    }

    private final LeafHashes leaves;
    private final int cachedSubtreeLeaves;
    private final int cacheCapacity;
    private final Map<Long, byte[]> cache;

    /** A tree with the default cache: subtrees of ≥ 256 leaves, at most 65,536 of them. */
    public MerkleTree(LeafHashes leaves) {
        this(leaves, DEFAULT_CACHED_SUBTREE_LEAVES, DEFAULT_CACHE_CAPACITY);
    }

    /**
     * @param cachedSubtreeLeaves the smallest complete subtree whose hash is memoised, a power of two
     *                            ≥ 2; ranges up to this many leaves are read in one bulk call
     * @param cacheCapacity       the most subtree hashes kept (least recently used evicted); 0 disables
     */
    public MerkleTree(LeafHashes leaves, int cachedSubtreeLeaves, int cacheCapacity) {
        if (leaves == null) {
            throw new IllegalArgumentException("leaves must not be null");
        }
        if (cachedSubtreeLeaves < 2 || Integer.bitCount(cachedSubtreeLeaves) != 1) {
            throw new IllegalArgumentException(
                    "cachedSubtreeLeaves must be a power of two >= 2, was " + cachedSubtreeLeaves);
        }
        if (cacheCapacity < 0) {
            throw new IllegalArgumentException("cacheCapacity must be >= 0, was " + cacheCapacity);
        }
        this.leaves = leaves;
        this.cachedSubtreeLeaves = cachedSubtreeLeaves;
        this.cacheCapacity = cacheCapacity;
        this.cache = new LinkedHashMap<>(Math.min(cacheCapacity, 1 << 12) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > MerkleTree.this.cacheCapacity;
            }
        };
    }

    // ---------------------------------------------------------------- hashing

    /** {@code SHA-256(0x00 || entry)}. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = DIGEST.get();
        d.update(LEAF_PREFIX);
        d.update(entry);
        return d.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = DIGEST.get();
        d.update(NODE_PREFIX);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** The root of the empty tree, {@code SHA-256("")}. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    // ---------------------------------------------------------------- tree heads and proofs

    /** The number of leaves the source currently holds. */
    public long size() {
        return leaves.size();
    }

    /** {@code MTH(D[0:treeSize])}; {@code SHA-256("")} for 0. */
    public byte[] rootHash(long treeSize) {
        requireTreeSize("treeSize", treeSize);
        if (treeSize == 0) {
            return emptyRoot();
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
     * or {@code first == 0} (every tree is consistent with the empty tree and with itself).
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

    /** How many subtree hashes the cache holds now (for diagnostics). */
    public int cachedSubtrees() {
        synchronized (cache) {
            return cache.size();
        }
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
            return leaf(from);
        }
        if (n >= cachedSubtreeLeaves && Long.bitCount(n) == 1 && from % n == 0) {
            return completeSubtree(from, n);
        }
        if (n <= cachedSubtreeLeaves) {
            return hashLeaves(from, to);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(hashRange(from, from + k), hashRange(from + k, to));
    }

    /** The hash of the complete subtree of {@code width ≥ cachedSubtreeLeaves} leaves starting at aligned {@code from}. */
    private byte[] completeSubtree(long from, long width) {
        int level = Long.numberOfTrailingZeros(width);
        Long key = ((from >>> level) << 6) | level;
        byte[] hash;
        synchronized (cache) {
            hash = cache.get(key);
        }
        if (hash != null) {
            return hash;
        }
        if (width == cachedSubtreeLeaves) {
            hash = hashLeaves(from, from + width);
        } else {
            long half = width >>> 1;
            hash = nodeHash(completeSubtree(from, half), completeSubtree(from + half, half));
        }
        if (cacheCapacity > 0) {
            synchronized (cache) {
                cache.put(key, hash);
            }
        }
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
                level[next++] = nodeHash(level[i], level[i + 1]);
            }
            if ((n & 1) == 1) {
                level[next++] = level[n - 1];
            }
            n = next;
        }
        return level[0];
    }

    private byte[] leaf(long index) {
        return checkLeaf(index, leaves.leafHash(index));
    }

    private static byte[] checkLeaf(long index, byte[] hash) {
        if (hash == null || hash.length != HASH_SIZE) {
            throw new IllegalStateException("leaf hash at index " + index + " has "
                    + (hash == null ? "no value" : hash.length + " bytes") + ", expected " + HASH_SIZE);
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

    // ---------------------------------------------------------------- verification

    /**
     * RFC 9162 §2.1.3.2: whether {@code proof} shows the leaf with hash {@code leafHash} at {@code index}
     * in the tree of {@code treeSize} leaves with root {@code root}. Never throws on bad input, answers false.
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        if (leafHash == null || root == null || proof == null
                || leafHash.length != HASH_SIZE || root.length != HASH_SIZE
                || index < 0 || treeSize <= 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (p == null || p.length != HASH_SIZE || sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code proof} shows the tree of {@code second} leaves with root
     * {@code secondRoot} extends the tree of {@code first} leaves with root {@code firstRoot}.
     * Equal sizes need an empty proof and equal roots; {@code first == 0} needs an empty proof.
     * Never throws on bad input, answers false.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (firstRoot == null || secondRoot == null || proof == null || first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty() || firstRoot.length != HASH_SIZE || secondRoot.length != HASH_SIZE) {
            return false;
        }
        for (byte[] p : proof) {
            if (p == null || p.length != HASH_SIZE) {
                return false;
            }
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
