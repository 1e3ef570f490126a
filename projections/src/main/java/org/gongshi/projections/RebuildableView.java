package org.gongshi.projections;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.gongshi.projections.cases.CaseView;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.listings.ListingView;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.listings.PenaltyHistory;
import org.gongshi.projections.listings.PenaltyHistoryProjection;
import org.gongshi.projections.publicrecords.PublicRecordProjection;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.gongshi.projections.publicrecords.PublicRecords;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The read models that may be rebuilt from the event store, one at a time, into a collection of
 * their own: each by its processor's name, its live collection, and its projection writing into
 * another collection. The public feed is not among them: it is a log of record, only ever verified.
 */
public enum RebuildableView {

    CASE_VIEWS(CaseViewProjection.PROCESSING_GROUP, CaseViews.COLLECTION,
            (db, c) -> new CaseViewProjection(db.getCollection(c, CaseView.class))),
    PUBLIC_RECORDS(PublicRecordProjection.PROCESSING_GROUP, PublicRecords.COLLECTION,
            (db, c) -> new PublicRecordProjection(db.getCollection(c, PublicRecordView.class))),
    LISTING_VIEWS(ListingViewProjection.PROCESSING_GROUP, ListingViews.COLLECTION,
            (db, c) -> new ListingViewProjection(db.getCollection(c, ListingView.class))),
    PENALTY_HISTORY(PenaltyHistoryProjection.PROCESSING_GROUP, PenaltyHistory.COLLECTION,
            (db, c) -> new PenaltyHistoryProjection(db.getCollection(c, Document.class)));

    private final String processor;
    private final String collection;
    private final BiFunction<MongoDatabase, String, Object> projection;

    RebuildableView(String processor, String collection, BiFunction<MongoDatabase, String, Object> projection) {
        this.processor = processor;
        this.collection = collection;
        this.projection = projection;
    }

    /** The view's name: its processor's (processing group's) name, e.g. {@code case-views}. */
    public String processor() {
        return processor;
    }

    public String collection() {
        return collection;
    }

    /** The view's event handlers, writing into {@code collection} of {@code database}. */
    public Object projectionInto(MongoDatabase database, String collection) {
        return projection.apply(database, collection);
    }

    public static Optional<RebuildableView> named(String name) {
        return Arrays.stream(values()).filter(v -> v.processor.equals(name)).findFirst();
    }
}
