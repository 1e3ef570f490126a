package org.gongshi.ledger.listings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Free a subject's place on a list when the listing holding it ends (sent by {@link ListEntrySlots}). */
public record VacateListEntrySlot(@TargetAggregateIdentifier String slotId, String listingId, LocalDate vacatedOn, String because) {

    public static VacateListEntrySlot of(ListType listType, String uscc, String listingId, LocalDate vacatedOn, String because) {
        return new VacateListEntrySlot(ListEntrySlot.idOf(listType, uscc), listingId, vacatedOn, because);
    }
}
