package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by {@link org.gongshi.ledger.listings.ListingBasisWatch}: the decision of basis case {@code caseId} was revoked or
 * confirmed invalid with effect from {@code revokedOn}; by policy the entry is removed.
 */
public record FlagListingBasisRevoked(@TargetAggregateIdentifier String listingId, String caseId, LocalDate revokedOn) {}
