package org.gongshi.ledger.listings;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.vocabulary.MetadataKeys;

import java.util.Map;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.listings.command.FlagListingBasisRevoked;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingRemoved;

/**
 * Process manager linking revisions of decisions to the listings resting on them: one instance per
 * listing on the list, associated with the listing and each of its basis cases. When a basis decision
 * no longer stands (revoked or confirmed invalid, {@code RevisionKind.endsDecision()}) it asks the
 * listing to remove itself ({@link FlagListingBasisRevoked}); a change too, which leaves the decision standing but may leave a
 * repeated infringer's penalties no longer counting (the listing judges it); a confirmation of illegality leaves the decision
 * standing, and the listing with it. It ends when the listing is removed.
 *
 * <p>The {@link CommandGateway} is injected as a handler parameter rather than a {@code transient}
 * field: field injection needs {@code javax/jakarta.inject.Inject} or Spring's {@code @Autowired},
 * none of which the domain module has. Parameter injection works with the Axon configuration
 * (components), Spring (beans) and {@code SagaTestFixture} (registered resources) alike, and leaves
 * nothing to serialise but the listing id.
 */
public class ListingBasisWatch {

    private String listingId;

    /** For the saga serializer (Jackson reads and writes properties, not private fields). */
    public String getListingId() {
        return listingId;
    }

    public void setListingId(String listingId) {
        this.listingId = listingId;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "listingId")
    public void on(ListingAdded event) {
        listingId = event.listingId();
        event.basisCaseIds().forEach(caseId -> SagaLifecycle.associateWith("caseId", caseId));
    }

    /**
     * Waits for the flag to be handled, so a failure reaches the event processor (which retries or
     * reports it) instead of being lost; the flag is idempotent, so a retry is harmless.
     */
    @SagaEventHandler(associationProperty = "caseId")
    public void on(DecisionRevised event, CommandGateway commandGateway) {
        // a change too: a repeated infringer's penalty changed to a warning only no longer counts; the listing judges whether
        // the revision bears on it (a decision changed or confirmed illegal still stands, and other lists' entries with it)
        if (event.kind().endsDecision() || event.kind() == org.gongshi.ledger.vocabulary.RevisionKind.CHANGED) {
            // under its own identity: the rule "a revoked basis removes every listing resting on it" lets it
            // act on a listing of any bureau (Listing#handle(FlagListingBasisRevoked, ...)); the ledger's clock stamps the time
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new FlagListingBasisRevoked(listingId, event.caseId(), event.effectiveOn()))
                    .andMetaData(Map.of(MetadataKeys.ACTOR, Recording.LISTING_BASIS_WATCH)));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "listingId")
    public void on(ListingRemoved event) {
        // the listing is off the list: revisions of its basis no longer concern it
    }
}
