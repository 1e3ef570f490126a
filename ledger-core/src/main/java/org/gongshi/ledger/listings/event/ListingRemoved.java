package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/**
 * 移出: the entry (listing {@code listingId} of {@code subject} on {@code listType}, listed on
 * {@code listedOn}) is off the list from {@code removedOn}, for {@code reason}. Its sanctions were
 * lifted just before. Feed: {@code listing.removed}, naming the entry it retracts.
 */
public record ListingRemoved(String listingId, ListType listType, Subject subject, LocalDate listedOn, RemovalReason reason,
                             LocalDate removedOn, String detail, String policyVersion) implements ListingEvent {}
