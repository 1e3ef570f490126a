package org.gongshi.ledger.listings.event;

/** 移出: why an entry left its list. Every removal names one. */
public enum RemovalReason {
    /** The term ended (scheduler, or a bureau after the last day of the term). */
    TERM_EXPIRED,
    /** A credit repair application was granted; only {@link org.gongshi.ledger.listings.command.DecideListingRepair} removes for this reason. */
    REPAIRED,
    /** A decision the entry rests on was revoked or confirmed invalid. */
    BASIS_REVOKED,
    /** The subject should never have been listed. */
    LISTED_IN_ERROR
}
