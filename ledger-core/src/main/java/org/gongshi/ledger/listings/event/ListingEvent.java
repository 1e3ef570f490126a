package org.gongshi.ledger.listings.event;

/** Every event of a credit-list entry: immutable facts named after the legal act. */
public sealed interface ListingEvent permits ListingProposed, ListingStatementRecorded, ListingAdded, ListingNotAdded, SanctionImposed,
        SanctionLifted, ListingRemoved, ListingRepairApplied, ListingRepairGranted, ListingRepairRefused, ListingFlaggedForRemoval {
    String listingId();
}
