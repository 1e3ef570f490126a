package org.gongshi.ledger.listings;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.gongshi.ledger.listings.command.OccupyListEntrySlot;
import org.gongshi.ledger.listings.command.VacateListEntrySlot;
import org.gongshi.ledger.listings.event.ListType;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ListEntrySlots} on the {@link ListEntrySlot} repository. Must be called inside the unit of
 * work of the command that occupies or vacates, which makes the slot's events part of that command.
 */
public final class RepositoryListEntrySlots implements ListEntrySlots {

    private final Repository<ListEntrySlot> repository;

    public RepositoryListEntrySlots(Repository<ListEntrySlot> repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public void occupy(ListType listType, String uscc, String listingId, LocalDate on) {
        OccupyListEntrySlot command = OccupyListEntrySlot.of(listType, uscc, listingId, on);
        try {
            repository.loadOrCreate(command.slotId(), ListEntrySlot::new).execute(slot -> slot.handle(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the place of " + uscc + " on " + listType, e);
        }
    }

    @Override
    public Optional<String> holder(ListType listType, String uscc) {
        try {
            return Optional.ofNullable(repository.load(ListEntrySlot.idOf(listType, uscc)).invoke(ListEntrySlot::holder));
        } catch (AggregateNotFoundException e) {
            return Optional.empty(); // never proposed for this list
        }
    }

    @Override
    public List<LocalDate> repairsGranted(ListType listType, String uscc) {
        try {
            return repository.load(ListEntrySlot.idOf(listType, uscc)).invoke(ListEntrySlot::repairsGranted);
        } catch (AggregateNotFoundException e) {
            return List.of(); // never proposed for this list
        }
    }

    @Override
    public void vacate(ListType listType, String uscc, String listingId, LocalDate on, String because) {
        VacateListEntrySlot command = VacateListEntrySlot.of(listType, uscc, listingId, on, because);
        Aggregate<ListEntrySlot> slot;
        try {
            slot = repository.load(command.slotId());
        } catch (AggregateNotFoundException e) {
            return; // an entry that never held a place (recorded before places existed) has none to free
        }
        slot.execute(s -> s.handle(command));
    }
}
