package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.listings.event.ListType;

import java.time.LocalDate;

/** Take a subject's place on a list for a proposed listing (sent by {@link org.gongshi.ledger.listings.ListEntrySlots}, never by a caller). */
public record OccupyListEntrySlot(@TargetAggregateIdentifier String slotId, ListType listType, String uscc, String listingId,
                                  LocalDate occupiedOn) {

    public static OccupyListEntrySlot of(ListType listType, String uscc, String listingId, LocalDate occupiedOn) {
        return new OccupyListEntrySlot(listType.placeOf(uscc), listType, uscc, listingId, occupiedOn);
    }
}
