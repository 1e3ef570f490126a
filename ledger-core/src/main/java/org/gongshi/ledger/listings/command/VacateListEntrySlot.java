package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.listings.event.ListType;

import java.time.LocalDate;

/** Free a subject's place on a list when the listing holding it ends (sent by {@link org.gongshi.ledger.listings.ListEntrySlots}). */
public record VacateListEntrySlot(@TargetAggregateIdentifier String slotId, String listingId, LocalDate vacatedOn, String because) {

    public static VacateListEntrySlot of(ListType listType, String uscc, String listingId, LocalDate vacatedOn, String because) {
        return new VacateListEntrySlot(listType.placeOf(uscc), listingId, vacatedOn, because);
    }
}
