package org.gongshi.projections.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a Merkle tree's leaves come from: the leaf hashes {@code SHA-256(0x00 || entry)} of an
 * append-only log, by index. A leaf, once readable, never changes.
 */
public interface LeafHashes {

    /** The number of leaves currently in the log. */
    long size();

    /** The {@value Rfc6962#HASH_SIZE}-byte leaf hash at {@code index}. */
    byte[] leafHash(long index);

    /**
     * The leaf hashes {@code [from, toExclusive)} in order. Override when the source can read a
     * range in one go (one database query instead of hundreds); {@link MerkleProofs} asks for at most
     * {@link SubtreeCache#minLeaves()} at a time.
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
