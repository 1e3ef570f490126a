package org.gongshi.ledger.listings;

/** Where an entry stands: proposed (告知拟列入), not added, on the list, or removed. */
public enum ListingStatus {
    PROPOSED, NOT_ADDED, ACTIVE, REMOVED;

    /** The entry no longer holds its subject's place on the list. */
    public boolean isEnded() {
        return this == NOT_ADDED || this == REMOVED;
    }
}
