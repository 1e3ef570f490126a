package org.gongshi.projections.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 6962 §2.1 / RFC 9162 §2.1 hasher of a log's Merkle tree: SHA-256 with domain separation
 * between leaves and interior nodes, so that no leaf can pass for a node.
 *
 * <ul>
 *   <li>leaf hash {@code SHA-256(0x00 || entry)};</li>
 *   <li>interior node {@code SHA-256(0x01 || left || right)};</li>
 *   <li>the empty tree's root {@code SHA-256("")}.</li>
 * </ul>
 */
public final class Rfc6962 {

    /** Size in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Rfc6962::sha256);

    private Rfc6962() {
    }

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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
