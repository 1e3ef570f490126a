package org.gongshi.ledger.listings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Take a subject's place on a list for a proposed listing (sent by {@link ListEntrySlots}, never by a caller). */
public record OccupyListEntrySlot(@TargetAggregateIdentifier String slotId, ListType listType, String uscc, String listingId,
                                  LocalDate occupiedOn) {

    public static OccupyListEntrySlot of(ListType listType, String uscc, String listingId, LocalDate occupiedOn) {
        return new OccupyListEntrySlot(ListEntrySlot.idOf(listType, uscc), listType, uscc, listingId, occupiedOn);
    }
}
