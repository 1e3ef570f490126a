package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** Listing {@code listingId} ended ({@code because}); the subject's place on the list is free (internal). */
public record ListEntrySlotVacated(String slotId, String listingId, LocalDate vacatedOn, String because) {}
