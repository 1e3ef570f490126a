package org.gongshi.ledger.listings;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.gongshi.ledger.listings.command.OccupyListEntrySlot;
import static org.gongshi.ledger.policy.Refusals.refused;

import org.gongshi.ledger.listings.command.VacateListEntrySlot;
import org.gongshi.ledger.listings.event.ListEntrySlotOccupied;
import org.gongshi.ledger.listings.event.ListEntrySlotVacated;
import org.gongshi.ledger.listings.event.ListType;

/** DOMAIN.md: a subject holds at most one active entry on the same list — the place each entry takes. */
class ListEntrySlotTest {

    private static final String USCC = "91310000132200004B";
    private static final String SLOT = "SEVERE_DISHONESTY:" + USCC;
    private static final LocalDate PROPOSED = LocalDate.parse("2025-03-03");

    private AggregateTestFixture<ListEntrySlot> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ListEntrySlot.class);
    }

    @Test
    void subject_cannot_hold_two_active_entries_on_the_same_list() {
        fixture.givenNoPriorActivity()
                .when(OccupyListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-a", PROPOSED))
                .expectEvents(occupied("listing-a"));

        refused(fixture.given(occupied("listing-a"))
                .when(OccupyListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-b", LocalDate.parse("2025-03-05"))),
                "one-active-entry-per-list", "already holds an active entry on SEVERE_DISHONESTY: listing listing-a (proposed 2025-03-03)");

        // once the first entry ended, the place is free for the next
        fixture.given(occupied("listing-a"), vacated("listing-a"))
                .when(OccupyListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-b", LocalDate.parse("2025-06-10")))
                .expectEvents(new ListEntrySlotOccupied(SLOT, ListType.SEVERE_DISHONESTY, USCC, "listing-b", LocalDate.parse("2025-06-10")));
    }

    @Test
    void occupying_and_vacating_are_idempotent_for_the_listing_concerned() {
        fixture.given(occupied("listing-a"))
                .when(OccupyListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-a", PROPOSED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        fixture.given(occupied("listing-a"))
                .when(VacateListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-a", LocalDate.parse("2025-06-03"), "listing removed: LISTED_IN_ERROR"))
                .expectEvents(vacated("listing-a"));

        // only the holder frees the place
        fixture.given(occupied("listing-a"))
                .when(VacateListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-b", LocalDate.parse("2025-06-03"), "listing not added"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(occupied("listing-a"), vacated("listing-a"))
                .when(VacateListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-a", LocalDate.parse("2025-06-04"), "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The place keeps the days its entries were repaired (at most one granted repair a year); other removals are not repairs. */
    @Test
    void the_place_keeps_the_days_its_entries_were_repaired() {
        fixture.given(occupied("listing-a"),
                        new ListEntrySlotVacated(SLOT, "listing-a", LocalDate.parse("2025-09-20"),
                                ListEntrySlots.removedBecause(org.gongshi.ledger.listings.event.RemovalReason.REPAIRED)),
                        new ListEntrySlotOccupied(SLOT, ListType.SEVERE_DISHONESTY, USCC, "listing-b", LocalDate.parse("2025-10-01")),
                        vacated("listing-b"))
                .when(OccupyListEntrySlot.of(ListType.SEVERE_DISHONESTY, USCC, "listing-c", LocalDate.parse("2025-11-01")))
                .expectState(slot -> org.assertj.core.api.Assertions.assertThat(slot.repairsGranted())
                        .containsExactly(LocalDate.parse("2025-09-20")));
    }

    private static ListEntrySlotOccupied occupied(String listingId) {
        return new ListEntrySlotOccupied(SLOT, ListType.SEVERE_DISHONESTY, USCC, listingId, PROPOSED);
    }

    private static ListEntrySlotVacated vacated(String listingId) {
        return new ListEntrySlotVacated(SLOT, listingId, LocalDate.parse("2025-06-03"), "listing removed: LISTED_IN_ERROR");
    }
}
