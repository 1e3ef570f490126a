package org.gongshi.ledger.listings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.interceptors.ExceptionHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.gongshi.ledger.listings.command.OccupyListEntrySlot;
import org.gongshi.ledger.listings.command.VacateListEntrySlot;
import org.gongshi.ledger.listings.event.ListEntrySlotOccupied;
import org.gongshi.ledger.listings.event.ListEntrySlotVacated;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * A subject's place on one list ({@code listType + ":" + uscc}): set-based validation of
 * {@link Rule#ONE_ACTIVE_ENTRY_PER_LIST} across {@link Listing} aggregates. A proposal occupies it
 * before its listing exists; the listing frees it when it ends (not added, or removed). Its event
 * stream serialises proposals for the same subject and list: two concurrent proposals both append to
 * this stream, and the second fails on the sequence number.
 *
 * <p>Both acts are idempotent for the listing concerned: occupying a place it already holds, or
 * vacating one it does not hold, does nothing.
 */
public class ListEntrySlot {

    @AggregateIdentifier
    private String slotId;
    private ListType listType;
    private String uscc;
    /** The listing holding the place, or null when it is free. */
    private String listingId;
    private LocalDate occupiedOn;
    /** The days repairs of the subject's entries on this list were granted (DOMAIN.md: at most one granted repair a year). */
    private final List<LocalDate> repairsGranted = new ArrayList<>();

    protected ListEntrySlot() {
        // for Axon, and for creating a slot the first time a subject is proposed for the list
    }

    public static String idOf(ListType listType, String uscc) {
        return listType.placeOf(uscc);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OccupyListEntrySlot command) {
        if (command.listingId().equals(listingId)) {
            return;
        }
        if (!command.slotId().equals(idOf(command.listType(), command.uscc()))) {
            throw new IllegalArgumentException("slot " + command.slotId() + " is not the place of " + command.uscc()
                    + " on " + command.listType() + "; use OccupyListEntrySlot.of(...)");
        }
        check(listingId == null, Rule.ONE_ACTIVE_ENTRY_PER_LIST,
                "subject " + command.uscc() + " already holds an active entry on " + command.listType() + ": listing " + listingId
                        + " (proposed " + occupiedOn + "); decide, or remove, that entry before proposing another");
        apply(new ListEntrySlotOccupied(command.slotId(), command.listType(), command.uscc(), command.listingId(), command.occupiedOn()));
    }

    @CommandHandler
    public void handle(VacateListEntrySlot command) {
        if (listingId == null || !listingId.equals(command.listingId())) {
            return;
        }
        apply(new ListEntrySlotVacated(slotId, listingId, command.vacatedOn(), command.because()));
    }

    /** Domain refusals cross the command bus, local or remote, with their rule as details. */
    @ExceptionHandler(resultType = RuleViolation.class)
    public void refuse(RuleViolation violation) {
        throw violation.acrossTheBus();
    }

    /** The listing holding the place, or null. */
    public String holder() {
        return listingId;
    }

    /** The days repairs of the subject's entries on this list were granted, oldest first. */
    public List<LocalDate> repairsGranted() {
        return List.copyOf(repairsGranted);
    }

    @EventSourcingHandler
    void on(ListEntrySlotOccupied event) {
        slotId = event.slotId();
        listType = event.listType();
        uscc = event.uscc();
        listingId = event.listingId();
        occupiedOn = event.occupiedOn();
    }

    @EventSourcingHandler
    void on(ListEntrySlotVacated event) {
        listingId = null;
        occupiedOn = null;
        if (ListEntrySlots.removedBecause(RemovalReason.REPAIRED).equals(event.because())) repairsGranted.add(event.vacatedOn());
    }

    @Override
    public String toString() {
        return "ListEntrySlot[" + slotId + ", held by " + listingId + "]";
    }
}
