package org.gongshi.projections.transparency;

/**
 * A Merkle proof that does not prove what it claims, with the reason in the message: a wrong proof
 * size, a root mismatch at a given index or size, sizes out of order, a malformed hash.
 */
public final class InvalidProofException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidProofException(String reason) {
        super(reason);
    }
}
