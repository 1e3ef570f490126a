package org.gongshi.projections.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A million-leaf log: the root agrees with an independent streaming computation, proofs verify, and
 * once the complete subtrees are memoised a root or proof reads only a few hundred leaves.
 * Times are printed, never asserted.
 */
class MerkleProofsScaleTest {

    private static final int SIZE = 1_000_000;

    /** One flat array of synthetic leaf hashes, counting how many leaves the tree reads. */
    private static final class FlatLeaves implements LeafHashes {
        final byte[] hashes = new byte[SIZE * Rfc6962.HASH_SIZE];
        final AtomicLong reads = new AtomicLong();

        FlatLeaves() {
            ByteBuffer entry = ByteBuffer.allocate(8);
            for (int i = 0; i < SIZE; i++) {
                entry.clear();
                entry.putLong(i);
                System.arraycopy(Rfc6962.leafHash(entry.array()), 0, hashes, i * Rfc6962.HASH_SIZE, Rfc6962.HASH_SIZE);
            }
        }

        @Override
        public long size() {
            return SIZE;
        }

        @Override
        public byte[] leafHash(long index) {
            reads.incrementAndGet();
            int at = Math.toIntExact(index) * Rfc6962.HASH_SIZE;
            return Arrays.copyOfRange(hashes, at, at + Rfc6962.HASH_SIZE);
        }
    }

    @Test
    void a_million_leaf_log_gives_verifiable_roots_and_proofs_reading_few_leaves_once_warm() {
        FlatLeaves leaves = new FlatLeaves();
        MerkleProofs tree = new MerkleProofs(leaves);

        long t0 = System.nanoTime();
        byte[] root = tree.rootHash(SIZE);
        long coldRoot = System.nanoTime() - t0;
        assertThat(root).as("root of %d leaves", SIZE).isEqualTo(streamingRoot(leaves, SIZE));
        assertThat(leaves.reads.get()).as("the first root reads every leaf once").isEqualTo(SIZE);

        long index = 765_432;
        leaves.reads.set(0);
        t0 = System.nanoTime();
        byte[] warmRoot = tree.rootHash(SIZE);
        List<byte[]> inclusion = tree.inclusionProof(index, SIZE);
        long warmRootAndInclusion = System.nanoTime() - t0;
        long inclusionReads = leaves.reads.get();
        assertThat(warmRoot).isEqualTo(root);
        assertThat(inclusion).hasSizeLessThanOrEqualTo(20);
        assertThat(Rejections.inclusion(leaves.leafHash(index), index, SIZE, inclusion, root)).isEmpty();
        assertThat(inclusionReads).as("leaves read for a warm root + inclusion proof")
                .isLessThanOrEqualTo(2L * SubtreeCache.DEFAULT_MIN_LEAVES);

        long first = 999_983;
        leaves.reads.set(0);
        t0 = System.nanoTime();
        byte[] firstRoot = tree.rootHash(first);
        List<byte[]> consistency = tree.consistencyProof(first, SIZE);
        long warmConsistency = System.nanoTime() - t0;
        long consistencyReads = leaves.reads.get();
        assertThat(firstRoot).isEqualTo(streamingRoot(leaves, first));
        assertThat(Rejections.consistency(first, SIZE, firstRoot, root, consistency)).isEmpty();
        assertThat(consistencyReads).as("leaves read for a warm root + consistency proof")
                .isLessThanOrEqualTo(4L * SubtreeCache.DEFAULT_MIN_LEAVES);

        leaves.reads.set(0);
        t0 = System.nanoTime();
        List<byte[]> early = tree.inclusionProof(3, 777_777);
        byte[] earlyRoot = tree.rootHash(777_777);
        long earlier = System.nanoTime() - t0;
        assertThat(Rejections.inclusion(leaves.leafHash(3), 3, 777_777, early, earlyRoot)).isEmpty();

        System.out.printf(
                "MerkleProofs %,d leaves: cold root %.1f ms (reads every leaf); warm root + inclusion proof %.3f ms "
                        + "(%d leaf reads); root(%,d) + consistency proof %.3f ms (%d leaf reads); "
                        + "root + inclusion at size 777,777 %.3f ms; %,d subtrees cached%n",
                SIZE, coldRoot / 1e6, warmRootAndInclusion / 1e6, inclusionReads, first, warmConsistency / 1e6,
                consistencyReads, earlier / 1e6, tree.cachedSubtrees());
    }

    /** An independent root: fold leaves into a stack of perfect subtrees, then merge right to left. */
    private static byte[] streamingRoot(FlatLeaves leaves, long size) {
        Deque<byte[]> hashes = new ArrayDeque<>();
        Deque<Long> widths = new ArrayDeque<>();
        for (long i = 0; i < size; i++) {
            int at = (int) i * Rfc6962.HASH_SIZE;
            byte[] h = Arrays.copyOfRange(leaves.hashes, at, at + Rfc6962.HASH_SIZE);
            long w = 1;
            while (!widths.isEmpty() && widths.peek() == w) {
                h = Rfc6962.nodeHash(hashes.pop(), h);
                w += widths.pop();
            }
            hashes.push(h);
            widths.push(w);
        }
        byte[] root = hashes.pop();
        while (!hashes.isEmpty()) {
            root = Rfc6962.nodeHash(hashes.pop(), root);
        }
        return root;
    }
}
