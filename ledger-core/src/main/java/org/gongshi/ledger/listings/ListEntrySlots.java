package org.gongshi.ledger.listings;

import org.axonframework.modelling.command.Repository;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.RemovalReason;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The places subjects hold on lists ({@link ListEntrySlot}), as the listing side uses them.
 *
 * <p>How vacating stays synchronous: every {@link Listing} command handler that ends an entry
 * (decide not to list, remove, expire, basis revoked, repair granted) takes this service as an
 * injected handler parameter and calls {@link #vacate} right after applying the ending event. The
 * implementation ({@link #backedBy}) loads the slot through its {@code Repository} in the same
 * unit of work as the listing command, so the listing's ending event and the slot's
 * {@link org.gongshi.ledger.listings.event.ListEntrySlotVacated} are committed together, or not at all (one transaction when the
 * event store is transactional). No event processor or saga is involved, so a new proposal sent
 * right after the removal's command returned finds the place free.
 *
 * <p>Wiring: register one instance as a component the parameter resolvers see (a Spring bean of
 * this type, or {@code Configurer.registerComponent(ListEntrySlots.class, c -> ListEntrySlots.backedBy(c.repository(ListEntrySlot.class)))}),
 * and the same instance in {@link ListingProposals}.
 */
public interface ListEntrySlots {

    /**
     * Takes the place of {@code uscc} on {@code listType} for {@code listingId}.
     *
     * @throws org.gongshi.ledger.policy.RuleViolation under {@code ONE_ACTIVE_ENTRY_PER_LIST}, naming the listing that holds it
     */
    void occupy(ListType listType, String uscc, String listingId, LocalDate on);

    /** Frees the place if {@code listingId} holds it; does nothing otherwise. */
    void vacate(ListType listType, String uscc, String listingId, LocalDate on, String because);

    /** The listing holding the place of {@code uscc} on {@code listType} now, or empty when the place is free. */
    Optional<String> holder(ListType listType, String uscc);

    /** The days repairs of {@code uscc}'s entries on {@code listType} were granted, oldest first (each ended an entry). */
    List<LocalDate> repairsGranted(ListType listType, String uscc);

    /** What a listing's end tells its place when it frees it: the removal's reason, which the place keeps for repairs. */
    static String removedBecause(RemovalReason reason) {
        return "listing removed: " + reason;
    }

    static ListEntrySlots backedBy(Repository<ListEntrySlot> repository) {
        return new RepositoryListEntrySlots(repository);
    }
}
