package org.gongshi.ledger.listings;

import org.gongshi.ledger.policy.LedgerTime;
import org.gongshi.ledger.policy.Recording;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongshi.ledger.listings.command.ApplyForListingRepair;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.command.DecideListingRepair;
import org.gongshi.ledger.listings.command.ExpireListing;
import org.gongshi.ledger.listings.command.FlagListingBasisRevoked;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.command.RemoveListing;
import org.gongshi.ledger.listings.event.ListEntrySlotOccupied;
import org.gongshi.ledger.listings.event.ListEntrySlotVacated;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.Sanction;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionLifted;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md: a subject holds at most one active entry on the same list. Both aggregates run together
 * here, as configured in an application: real event-sourcing repositories on one in-memory event
 * store, {@link ListingProposals} and the {@link Listing} command handlers on a simple command bus,
 * and {@link RepositoryListEntrySlots} injected into both.
 */
class ListingProposalsTest {

    private static final String BUREAU = "111101050000000191";
    private static final String USCC = "91110000600037341L";
    private static final String OTHER_USCC = "91310000132200004B";
    private static final List<String> BASIS = List.of("case-2024-0107", "case-2024-0212");
    private static final List<String> OTHER_BASIS = List.of("case-2024-0301", "case-2024-0302");
    private static final LocalDate PROPOSED = LocalDate.parse("2025-03-03");

    private EmbeddedEventStore eventStore;
    private KnownCases cases;
    private CommandGateway commands;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<ListEntrySlot> slotRepository = EventSourcingRepository.builder(ListEntrySlot.class)
                .eventStore(eventStore).build();
        ListEntrySlots slots = ListEntrySlots.backedBy(slotRepository);
        cases = new KnownCases();
        BASIS.forEach(id -> cases.penalty(id, BUREAU, USCC, LocalDate.parse("2024-06-01")));
        OTHER_BASIS.forEach(id -> cases.penalty(id, BUREAU, OTHER_USCC, LocalDate.parse("2024-06-01")));
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                new SimpleResourceParameterResolverFactory(List.of(Rulebook.defaults(), slots, cases, new ListingRulesTest.LaterPenalties())),
                ClasspathParameterResolverFactory.forClass(Listing.class));
        EventSourcingRepository<Listing> listings = EventSourcingRepository.builder(Listing.class)
                .eventStore(eventStore).parameterResolverFactory(resources).build();

        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerDispatchInterceptor(LedgerTime.following());
        AggregateAnnotationCommandHandler.<Listing>builder().aggregateType(Listing.class).repository(listings)
                .parameterResolverFactory(resources).build().subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new ListingProposals(listings, slots, cases), resources).subscribe(commandBus);
        commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void subject_cannot_hold_two_active_entries_on_the_same_list() {
        assertThat((String) send(propose("listing-a", ListType.SEVERE_DISHONESTY, USCC))).isEqualTo("listing-a");

        assertRefused(propose("listing-b", ListType.SEVERE_DISHONESTY, USCC), "one-active-entry-per-list",
                "already holds an active entry on SEVERE_DISHONESTY: listing listing-a");
        assertThat(events("listing-b")).as("a refused proposal creates no listing").isEmpty();
        assertThat(events(slot(ListType.SEVERE_DISHONESTY, USCC))).hasSize(1);

        // another list, or another subject, is another place
        send(propose("listing-c", ListType.REPEATED_INFRINGER, USCC));
        send(propose("listing-d", ListType.SEVERE_DISHONESTY, OTHER_USCC));

        // not added: the place is free in the same command
        send(new DecideListing("listing-a", LocalDate.parse("2025-03-04"), false, null, null, "陈述理由成立"));
        assertThat(events(slot(ListType.SEVERE_DISHONESTY, USCC))).extracting(Object::getClass)
                .containsExactly(ListEntrySlotOccupied.class, ListEntrySlotVacated.class);
        send(propose("listing-b", ListType.SEVERE_DISHONESTY, USCC));

        // listed, the place stays taken; removed, it is free again
        send(new DecideListing("listing-b", LocalDate.parse("2025-03-11"), true,
                List.of(new Sanction(null, SanctionMeasure.NO_AWARDS, null, null)), null, null));
        assertRefused(propose("listing-e", ListType.SEVERE_DISHONESTY, USCC), "one-active-entry-per-list", "listing listing-b");
        send(new RemoveListing("listing-b", LocalDate.parse("2025-06-03"), RemovalReason.LISTED_IN_ERROR, "代码录入错误"));
        send(propose("listing-e", ListType.SEVERE_DISHONESTY, USCC));

        assertThat(events(slot(ListType.SEVERE_DISHONESTY, USCC))).filteredOn(ListEntrySlotOccupied.class::isInstance)
                .extracting(event -> ((ListEntrySlotOccupied) event).listingId())
                .containsExactly("listing-a", "listing-b", "listing-e");
        assertThat(events(slot(ListType.SEVERE_DISHONESTY, USCC))).map(Object::getClass).containsExactly(
                ListEntrySlotOccupied.class, ListEntrySlotVacated.class, ListEntrySlotOccupied.class, ListEntrySlotVacated.class,
                ListEntrySlotOccupied.class);
    }

    @Test
    void a_refused_proposal_takes_no_place() {
        assertRefused(new ProposeListing("listing-a", BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.REPEATED_INFRINGEMENT,
                new Subject("北京某某商标代理有限公司", USCC), BASIS, "重复侵权", PROPOSED), "listing-category", "seven CNIPA categories");
        assertRefused(propose("listing-a", ListType.SEVERE_DISHONESTY, USCC), Map.of("bureau", "310104-samr"), "own-cases-only",
                "cannot propose for " + BUREAU);
        assertThat(events(slot(ListType.SEVERE_DISHONESTY, USCC))).isEmpty();

        send(propose("listing-a", ListType.SEVERE_DISHONESTY, USCC));
        assertThat(events("listing-a")).singleElement().isInstanceOf(ListingProposed.class);
    }

    @Test
    void ending_the_entry_frees_the_place_whichever_way_it_ends() {
        send(propose("listing-a", ListType.SEVERE_DISHONESTY, USCC));
        send(new DecideListing("listing-a", LocalDate.parse("2025-03-11"), true,
                List.of(new Sanction(null, SanctionMeasure.KEY_SUPERVISION, null, null)), null, null));
        send(new ExpireListing("listing-a", LocalDate.parse("2026-03-12")), LedgerTime.asSystem(Recording.DEADLINES));
        send(new ExpireListing("listing-a", LocalDate.parse("2026-03-13")), LedgerTime.asSystem(Recording.DEADLINES));
        assertThat(events("listing-a")).map(Object::getClass).containsExactly(ListingProposed.class, ListingAdded.class,
                SanctionImposed.class, SanctionLifted.class, ListingRemoved.class);

        send(propose("listing-b", ListType.SEVERE_DISHONESTY, USCC));
        send(new DecideListing("listing-b", LocalDate.parse("2025-03-11"), true,
                List.of(new Sanction(null, SanctionMeasure.KEY_SUPERVISION, null, null)), null, null));
        cases.revoked("case-2024-0107");
        send(new FlagListingBasisRevoked("listing-b", "case-2024-0107", LocalDate.parse("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH));
        cases.penalty("case-2024-0107", BUREAU, USCC, LocalDate.parse("2024-06-01")); // as if it stood, for the next listing
        send(propose("listing-c", ListType.SEVERE_DISHONESTY, USCC));
        send(new DecideListing("listing-c", LocalDate.parse("2025-03-11"), true,
                List.of(new Sanction(null, SanctionMeasure.KEY_SUPERVISION, null, null)), null, null));
        send(new ApplyForListingRepair("listing-c", "repair-1", LocalDate.parse("2025-09-12"), "已履行"));
        send(new DecideListingRepair("listing-c", "repair-1", LocalDate.parse("2025-10-09"), true, null, null));
        send(propose("listing-d", ListType.SEVERE_DISHONESTY, USCC));

        assertThat(events(slot(ListType.SEVERE_DISHONESTY, USCC))).filteredOn(ListEntrySlotVacated.class::isInstance)
                .extracting(event -> ((ListEntrySlotVacated) event).because())
                .containsExactly("listing removed: TERM_EXPIRED", "listing removed: BASIS_REVOKED", "listing removed: REPAIRED");
    }

    // ---- helpers

    private Object send(Object command) {
        return send(command, Map.of("bureau", BUREAU));
    }

    private Object send(Object command, Map<String, ?> metaData) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private void assertRefused(Object command, String ruleCode, String detail) {
        assertRefused(command, Map.of("bureau", BUREAU), ruleCode, detail);
    }

    private void assertRefused(Object command, Map<String, ?> metaData, String ruleCode, String detail) {
        assertThatThrownBy(() -> send(command, metaData))
                .isInstanceOfSatisfying(CommandExecutionException.class, refusal -> {
                    assertThat(refusal.getDetails()).get().isInstanceOfSatisfying(RuleViolation.Details.class,
                            details -> assertThat(details.rule()).isEqualTo(ruleCode));
                    assertThat(refusal.getMessage()).contains(detail);
                });
    }

    private List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static ProposeListing propose(String listingId, ListType listType, String uscc) {
        ListingCategory category = listType == ListType.REPEATED_INFRINGER
                ? ListingCategory.REPEATED_INFRINGEMENT : ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION;
        return new ProposeListing(listingId, BUREAU, "110105", listType, category, new Subject("北京某某商标代理有限公司", uscc),
                uscc.equals(USCC) ? BASIS : OTHER_BASIS, "恶意商标注册申请",
                PROPOSED);
    }

    private static String slot(ListType listType, String uscc) {
        return ListEntrySlot.idOf(listType, uscc);
    }
}
