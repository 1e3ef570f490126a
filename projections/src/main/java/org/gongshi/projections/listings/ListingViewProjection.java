package org.gongshi.projections.listings;

import com.mongodb.client.MongoCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingFlaggedForRemoval;
import org.gongshi.ledger.listings.event.ListingNotAdded;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.ListingRepairApplied;
import org.gongshi.ledger.listings.event.ListingRepairGranted;
import org.gongshi.ledger.listings.event.ListingRepairRefused;
import org.gongshi.ledger.listings.event.ListingStatementRecorded;
import org.gongshi.ledger.listings.ListingStatus;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionLifted;
import org.gongshi.projections.writes.ReadModelWrites;
import org.gongshi.projections.listings.ListingView.BasisRevoked;
import org.gongshi.projections.listings.ListingView.NotAdded;
import org.gongshi.projections.listings.ListingView.Removal;
import org.gongshi.projections.listings.ListingView.RepairView;
import org.gongshi.projections.listings.ListingView.SanctionView;
import org.gongshi.projections.listings.ListingView.Statement;


import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.gongshi.projections.writes.ReadModelWrites.applyWhere;
import static org.gongshi.projections.writes.ReadModelWrites.create;
import static org.gongshi.projections.writes.ReadModelWrites.position;

/**
 * Builds {@link ListingView} documents from the listing events. Each write is conditional on the
 * event's global position being newer than the document's {@code lastGlobalIndex}: a redelivered
 * event changes nothing, and a rebuild gives the same documents. A removal changes the status the
 * public list filters on in the same write, so the entry leaves the public list at once.
 */
@ProcessingGroup(ListingViewProjection.PROCESSING_GROUP)
public class ListingViewProjection {

    public static final String PROCESSING_GROUP = "listing-views";

    private final MongoCollection<ListingView> views;

    public ListingViewProjection(ListingViews listingViews) {
        this(listingViews.collection());
    }

    /** Writing into {@code views}: the live collection, or a rebuild's. */
    public ListingViewProjection(MongoCollection<ListingView> views) {
        this.views = views;
    }

    @EventHandler
    void on(ListingProposed e, TrackingToken token) {
        create(views, e.listingId(), ListingView.proposed(e, position(token)));
    }

    @EventHandler
    void on(ListingStatementRecorded e, TrackingToken token) {
        apply(e.listingId(), token, set("statement", new Statement(e.receivedOn(), e.summary())));
    }

    @EventHandler
    void on(ListingAdded e, TrackingToken token) {
        // the subject as it is listed, named as the redaction policy lets it be published (the feed's, the public list's and the
        // subject page's alike; a sweep from outside, stop 72: the lists showed the proposal's "…联系人王五13911112222" that the
        // feed had hidden)
        apply(e.listingId(), token, set("status", ListingStatus.ACTIVE), set("subject", e.subject()), set("listedOn", e.listedOn()),
                set("termEnd", e.termEnd().dueOn()), set("termEndProvisional", e.termEnd().provisional()),
                set("repairWaitEnd", e.repairWaitEnd().dueOn()), set("reason", e.reason()));
    }

    @EventHandler
    void on(ListingNotAdded e, TrackingToken token) {
        apply(e.listingId(), token, set("status", ListingStatus.NOT_ADDED), set("notAdded", new NotAdded(e.decidedOn(), e.reason())));
    }

    @EventHandler
    void on(SanctionImposed e, TrackingToken token) {
        apply(e.listingId(), token, push("sanctions",
                new SanctionView(e.sanctionId(), e.measure(), e.scope(), e.imposedOn(), e.until(), null, null)));
    }

    @EventHandler
    void on(SanctionLifted e, TrackingToken token) {
        applyWhere(views, e.listingId(), eq("sanctions.sanctionId", e.sanctionId()), position(token),
                set("sanctions.$.liftedOn", e.liftedOn()), set("sanctions.$.liftReason", e.reason()));
    }

    @EventHandler
    void on(ListingFlaggedForRemoval e, TrackingToken token) {
        apply(e.listingId(), token, set("basisRevoked", new BasisRevoked(e.caseId(), e.revokedOn())));
    }

    @EventHandler
    void on(ListingRepairApplied e, TrackingToken token) {
        apply(e.listingId(), token, push("repairs", new RepairView(e.applicationId(), e.appliedOn(), e.grounds(), null, null, null, null)));
    }

    @EventHandler
    void on(ListingRepairGranted e, TrackingToken token) {
        applyWhere(views, e.listingId(), eq("repairs.applicationId", e.applicationId()), position(token),
                set("repairs.$.decidedOn", e.decidedOn()), set("repairs.$.granted", true), set("repairs.$.reason", e.reason()));
    }

    @EventHandler
    void on(ListingRepairRefused e, TrackingToken token) {
        applyWhere(views, e.listingId(), eq("repairs.applicationId", e.applicationId()), position(token),
                set("repairs.$.decidedOn", e.decidedOn()), set("repairs.$.granted", false),
                set("repairs.$.refusalGrounds", e.grounds()), set("repairs.$.reason", e.reason()));
    }

    @EventHandler
    void on(ListingRemoved e, TrackingToken token) {
        apply(e.listingId(), token, set("status", ListingStatus.REMOVED), set("removal", new Removal(e.reason(), e.removedOn(), e.detail())));
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    private void apply(String listingId, TrackingToken token, Bson... updates) {
        ReadModelWrites.apply(views, listingId, position(token), updates);
    }
}
