package org.gongshi.projections.transparency;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded LRU memo of the hashes of complete, aligned subtrees of at least {@link #minLeaves()}
 * leaves. In an append-only log such a subtree never changes, so an entry stays valid however far
 * the log grows. Thread-safe.
 */
public final class SubtreeCache {

    /** Default: subtrees of 256 leaves and more are memoised. */
    public static final int DEFAULT_MIN_LEAVES = 256;
    /** Default bound: 65,536 subtree hashes (about 7 MB), enough for every cached node of 8 M leaves. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    private final int minLeaves;
    private final int capacity;
    private final Map<Long, byte[]> hashes;

    /**
     * @param minLeaves the smallest complete subtree memoised, a power of two ≥ 2
     * @param capacity  the most subtree hashes kept (least recently used evicted); 0 keeps none
     */
    public SubtreeCache(int minLeaves, int capacity) {
        if (minLeaves < 2 || Integer.bitCount(minLeaves) != 1) {
            throw new IllegalArgumentException("minLeaves must be a power of two >= 2, was " + minLeaves);
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.minLeaves = minLeaves;
        this.capacity = capacity;
        this.hashes = new LinkedHashMap<>(Math.min(capacity, 1 << 12) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > SubtreeCache.this.capacity;
            }
        };
    }

    /** The defaults: subtrees of ≥ 256 leaves, at most 65,536 of them. */
    public static SubtreeCache withDefaults() {
        return new SubtreeCache(DEFAULT_MIN_LEAVES, DEFAULT_CAPACITY);
    }

    /** The smallest subtree width memoised. */
    public int minLeaves() {
        return minLeaves;
    }

    /** Whether {@code [from, from + width)} is a complete, aligned subtree wide enough to memoise. */
    boolean holds(long from, long width) {
        return width >= minLeaves && Long.bitCount(width) == 1 && from % width == 0;
    }

    /** The memoised hash of the complete subtree of {@code width} leaves at {@code from}, or null. Never mutate it. */
    byte[] get(long from, long width) {
        synchronized (hashes) {
            return hashes.get(key(from, width));
        }
    }

    void put(long from, long width, byte[] hash) {
        if (capacity == 0) {
            return;
        }
        synchronized (hashes) {
            hashes.put(key(from, width), hash);
        }
    }

    /** How many subtree hashes are held now (for diagnostics). */
    public int size() {
        synchronized (hashes) {
            return hashes.size();
        }
    }

    /** The subtree's index at its level, and the level in the low six bits. */
    private static Long key(long from, long width) {
        int level = Long.numberOfTrailingZeros(width);
        return ((from >>> level) << 6) | level;
    }
}
