package org.gongshi.ledger.listings;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.RecordingCommandBus;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.RevisionBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.listings.command.FlagListingBasisRevoked;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DOMAIN.md removal rule "basis revoked": a revision that ends a basis decision removes the listings resting on it. */
class ListingBasisWatchTest {

    private static final String LISTING_ID = "listing-2025-0001";
    private static final String OTHER_LISTING_ID = "listing-2025-0002";
    private static final String VERSION = "CN-2026.1";
    private static final Subject SUBJECT = new Subject("深圳某某科技有限公司", "91440300192345678M");
    private static final LocalDate REVOKED_ON = LocalDate.parse("2025-07-01");

    private SagaTestFixture<ListingBasisWatch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ListingBasisWatch.class);
        fixture.registerResource(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
    }

    /**
     * A change too is flagged: it leaves the decision standing, but a repeated infringer's penalty changed to a warning only no
     * longer counts (a sweep from outside, stop 72), and the listing judges which it is ({@code ListingRulesTest}).
     */
    @ParameterizedTest
    @EnumSource(value = RevisionKind.class, names = {"REVOKED", "CONFIRMED_INVALID", "CHANGED"})
    void revoked_basis_decision_removes_the_listing(RevisionKind kind) {
        fixture.givenAggregate(LISTING_ID).published(added(LISTING_ID, List.of("case-a", "case-b")))
                .whenAggregate("case-b").publishes(revised("case-b", kind))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new FlagListingBasisRevoked(LISTING_ID, "case-b", REVOKED_ON));
    }

    @ParameterizedTest
    @EnumSource(value = RevisionKind.class, names = {"CONFIRMED_ILLEGAL"})
    void a_decision_that_still_stands_leaves_the_listing(RevisionKind kind) {
        fixture.givenAggregate(LISTING_ID).published(added(LISTING_ID, List.of("case-a", "case-b")))
                .whenAggregate("case-a").publishes(revised("case-a", kind))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void every_listing_resting_on_the_case_is_flagged_and_no_other() {
        fixture.givenAggregate(LISTING_ID).published(added(LISTING_ID, List.of("case-a", "case-b")))
                .andThenAggregate(OTHER_LISTING_ID).published(added(OTHER_LISTING_ID, List.of("case-b", "case-c")))
                .whenAggregate("case-b").publishes(revised("case-b", RevisionKind.REVOKED))
                .expectActiveSagas(2);
        // the saga store keeps no order among the listings
        assertThat(((RecordingCommandBus) fixture.getCommandBus()).getDispatchedCommands()).map(command -> (Object) command.getPayload())
                .containsExactlyInAnyOrder(new FlagListingBasisRevoked(LISTING_ID, "case-b", REVOKED_ON),
                        new FlagListingBasisRevoked(OTHER_LISTING_ID, "case-b", REVOKED_ON));

        fixture.givenAggregate(LISTING_ID).published(added(LISTING_ID, List.of("case-a", "case-b")))
                .whenAggregate("case-z").publishes(revised("case-z", RevisionKind.REVOKED))
                .expectNoDispatchedCommands();
    }

    @Test
    void watch_starts_when_listed_and_ends_when_removed() {
        // a proposal is not yet on the list
        fixture.givenAggregate(LISTING_ID).published(new ListingProposed(LISTING_ID, "111101050000000191", "110105", ListType.SEVERE_DISHONESTY,
                        ListingCategory.FALSE_MATERIALS, SUBJECT, List.of("case-a"), "提交虚假材料", LocalDate.parse("2025-03-03"),
                        new Deadline(LocalDate.parse("2025-03-10"), false), VERSION))
                .whenAggregate("case-a").publishes(revised("case-a", RevisionKind.REVOKED))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();

        fixture.givenAggregate(LISTING_ID).published(added(LISTING_ID, List.of("case-a")))
                .whenAggregate(LISTING_ID).publishes(removed(LISTING_ID))
                .expectActiveSagas(0);

        fixture.givenAggregate(LISTING_ID).published(added(LISTING_ID, List.of("case-a")), removed(LISTING_ID))
                .whenAggregate("case-a").publishes(revised("case-a", RevisionKind.REVOKED))
                .expectNoDispatchedCommands();
    }

    private static ListingAdded added(String listingId, List<String> basis) {
        return new ListingAdded(listingId, "111101050000000191", "110105", ListType.SEVERE_DISHONESTY, ListingCategory.FALSE_MATERIALS, SUBJECT, basis,
                "提交虚假材料", LocalDate.parse("2025-03-11"), new Deadline(LocalDate.parse("2026-03-11"), false),
                new Deadline(LocalDate.parse("2025-09-11"), false), new Deadline(LocalDate.parse("2025-03-10"), false), false, VERSION);
    }

    private static ListingRemoved removed(String listingId) {
        return new ListingRemoved(listingId, ListType.SEVERE_DISHONESTY, SUBJECT, LocalDate.parse("2025-03-11"), RemovalReason.LISTED_IN_ERROR,
                LocalDate.parse("2025-06-03"), "错误列入", VERSION);
    }

    private static DecisionRevised revised(String caseId, RevisionKind kind) {
        return new DecisionRevised(caseId, "decision-" + caseId, kind, RevisionBy.LITIGATION, "（2025）京73行初1号", REVOKED_ON, "判决",
                List.of(), VERSION);
    }
}
