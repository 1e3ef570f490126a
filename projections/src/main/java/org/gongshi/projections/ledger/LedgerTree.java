package org.gongshi.projections.ledger;

import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.MerkleProofs;

/**
 * The event ledger's tree as every node reads it: its leaves, proofs over them (with their own
 * subtree cache), its signed heads and keys (collections {@code ledger_*}) and its origin, beside
 * the public feed's.
 */
public record LedgerTree(LedgerLeaves leaves, MerkleProofs proofs, TreeHeads heads, String origin) {

    /** The prefix of the ledger tree's head, key and alarm collections. */
    public static final String LOG = "ledger";
}
