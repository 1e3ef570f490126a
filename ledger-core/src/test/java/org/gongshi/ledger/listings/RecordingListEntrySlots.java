package org.gongshi.ledger.listings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongshi.ledger.listings.event.ListType;

/** Records what a listing asks of the places on lists; the real rule is {@link ListEntrySlot}'s (see its tests). */
final class RecordingListEntrySlots implements ListEntrySlots {

    final List<String> calls = new ArrayList<>();

    @Override
    public void occupy(ListType listType, String uscc, String listingId, LocalDate on) {
        calls.add("occupy " + ListEntrySlot.idOf(listType, uscc) + " by " + listingId + " on " + on);
    }

    @Override
    public Optional<String> holder(ListType listType, String uscc) {
        calls.add("holder " + ListEntrySlot.idOf(listType, uscc));
        return Optional.empty();
    }

    /** The repairs granted on each place, as a test sets them up (none unless set). */
    final java.util.Map<String, List<LocalDate>> repairs = new java.util.HashMap<>();

    @Override
    public List<LocalDate> repairsGranted(ListType listType, String uscc) {
        return repairs.getOrDefault(ListEntrySlot.idOf(listType, uscc), List.of());
    }

    @Override
    public void vacate(ListType listType, String uscc, String listingId, LocalDate on, String because) {
        calls.add("vacate " + ListEntrySlot.idOf(listType, uscc) + " by " + listingId + " on " + on + ": " + because);
    }
}
