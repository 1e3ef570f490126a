package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** The decision of basis case {@code caseId} no longer stands from {@code revokedOn}; the removal follows. */
public record ListingFlaggedForRemoval(String listingId, String caseId, LocalDate revokedOn) implements ListingEvent {}
