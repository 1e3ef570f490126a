package org.gongshi.projections.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. A proof that fails throws
 * {@link InvalidProofException} saying why; there is no boolean answer to ignore.
 *
 * <p>Before any hashing the proof's length is checked against the one the sizes imply, as
 * transparency-dev/merkle's {@code proof} package does, so a truncated or padded proof is reported
 * as {@code wrong proof size 7, want 9}. As there, a consistency proof from the empty tree is
 * refused: every tree extends the empty tree, so such a proof proves nothing.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * That {@code proof} shows the leaf with hash {@code leafHash} at {@code index} in the tree of
     * {@code treeSize} leaves whose root is {@code root}.
     *
     * @throws InvalidProofException naming what is wrong
     */
    public static void verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root)
            throws InvalidProofException {
        if (treeSize <= 0 || index < 0 || index >= treeSize) {
            throw new InvalidProofException("leaf index " + index + " is out of range for tree size " + treeSize
                    + " (need 0 <= index < size)");
        }
        requireHash("leaf hash", leafHash);
        requireHash("root", root);
        int inner = bitLength(index ^ (treeSize - 1));
        int border = Long.bitCount(index >>> inner);
        requireProof(proof, inner + border);

        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new InvalidProofException("root mismatch at index " + index + " of tree size " + treeSize
                    + ": the proof leads to " + b64(r) + ", expected " + b64(root));
        }
    }

    /**
     * That {@code proof} shows the tree of {@code second} leaves with root {@code secondRoot} extends the
     * tree of {@code first} leaves with root {@code firstRoot}. Equal sizes need equal roots and an empty
     * proof.
     *
     * @throws InvalidProofException naming what is wrong
     */
    public static void verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof)
            throws InvalidProofException {
        if (first < 0 || second < 0) {
            throw new InvalidProofException("tree sizes must be >= 0, were " + first + " and " + second);
        }
        if (first > second) {
            throw new InvalidProofException("first > second: tree size " + first + " cannot be extended by size " + second);
        }
        if (first == 0) {
            throw new InvalidProofException("a consistency proof from the empty tree is meaningless");
        }
        if (first == second) {
            requireProof(proof, 0);
            if (firstRoot == null || secondRoot == null || !MessageDigest.isEqual(firstRoot, secondRoot)) {
                throw new InvalidProofException("root mismatch at size " + first + ": two different roots "
                        + b64(firstRoot) + " and " + b64(secondRoot) + " for the same tree size");
            }
            return;
        }
        requireHash("first root", firstRoot);
        requireHash("second root", secondRoot);
        if (proof == null || proof.isEmpty()) {
            throw new InvalidProofException("empty proof between different tree sizes " + first + " and " + second);
        }
        boolean firstIsComplete = Long.bitCount(first) == 1;
        int fork = bitLength((first - 1) ^ (second - 1));
        int inner = fork - Long.numberOfTrailingZeros(first);
        int border = Long.bitCount((first - 1) >>> fork);
        requireProof(proof, (firstIsComplete ? 0 : 1) + inner + border);

        List<byte[]> path = proof;
        if (firstIsComplete) {
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
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new InvalidProofException("root mismatch at size " + first + ": the proof leads to " + b64(fr)
                    + ", expected " + b64(firstRoot));
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new InvalidProofException("root mismatch at size " + second + ": the proof from size " + first
                    + " leads to " + b64(sr) + ", expected " + b64(secondRoot));
        }
    }

    private static void requireHash(String what, byte[] hash) throws InvalidProofException {
        if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
            throw new InvalidProofException(what + " has " + (hash == null ? "no value" : hash.length + " bytes")
                    + ", want " + Rfc6962.HASH_SIZE);
        }
    }

    private static void requireProof(List<byte[]> proof, int want) throws InvalidProofException {
        int got = proof == null ? 0 : proof.size();
        if (got != want) {
            throw new InvalidProofException("wrong proof size " + got + ", want " + want);
        }
        for (int i = 0; i < got; i++) {
            byte[] p = proof.get(i);
            if (p == null || p.length != Rfc6962.HASH_SIZE) {
                throw new InvalidProofException("proof[" + i + "] has " + (p == null ? "no value" : p.length + " bytes")
                        + ", want " + Rfc6962.HASH_SIZE);
            }
        }
    }

    /** The number of bits needed to write {@code x} (Go's {@code bits.Len64}). */
    private static int bitLength(long x) {
        return Long.SIZE - Long.numberOfLeadingZeros(x);
    }

    private static String b64(byte[] hash) {
        return hash == null ? "nothing" : Base64.getEncoder().encodeToString(hash);
    }
}
