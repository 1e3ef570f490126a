package org.gongshi.projections.transparency;

import java.util.List;
import java.util.Optional;

/** Why {@link ProofVerifier} rejects a proof, or empty when it verifies: for assertions over many proofs. */
final class Rejections {

    private Rejections() {
    }

    static Optional<String> inclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        try {
            ProofVerifier.verifyInclusion(leafHash, index, treeSize, proof, root);
            return Optional.empty();
        } catch (InvalidProofException e) {
            return Optional.of(e.getMessage());
        }
    }

    static Optional<String> consistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        try {
            ProofVerifier.verifyConsistency(first, second, firstRoot, secondRoot, proof);
            return Optional.empty();
        } catch (InvalidProofException e) {
            return Optional.of(e.getMessage());
        }
    }
}
