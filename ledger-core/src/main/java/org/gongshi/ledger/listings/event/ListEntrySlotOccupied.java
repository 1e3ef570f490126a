package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** The subject's place on the list is held by listing {@code listingId} (internal; not part of the public feed). */
public record ListEntrySlotOccupied(String slotId, ListType listType, String uscc, String listingId, LocalDate occupiedOn) {}
