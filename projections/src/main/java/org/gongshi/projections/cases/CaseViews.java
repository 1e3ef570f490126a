package org.gongshi.projections.cases;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.ledger.identity.Division;
import org.gongshi.projections.query.Divisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

/** Reads of the case read model: one case, and the bureau and supervisor work lists. */
public class CaseViews {

    public static final String COLLECTION = "case_views";


    private final MongoCollection<CaseView> collection;

    public CaseViews(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, CaseView.class);
    }

    /** Indexes for every query shape below (real MongoDB uses them; the embedded server scans). */
    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending("bureau", "disposed", "decisionDeadline.dueOn"), new IndexOptions().name("bureau_worklist"));
        collection.createIndex(Indexes.ascending("division", "disposed", "decisionDeadline.dueOn"), new IndexOptions().name("division_worklist"));
    }

    MongoCollection<CaseView> collection() {
        return collection;
    }

    public Optional<CaseView> find(String caseId) {
        return Optional.ofNullable(collection.find(eq("_id", caseId)).first());
    }

    /**
     * A work list: open cases first, earliest decision deadline first (so overdue cases lead).
     *
     * @param scope   whose cases: a bureau's own, or everything under a division prefix
     * @param status  only cases in this status, if given
     * @param overdueOn only open cases whose decision deadline passed before this date and whose clock
     *                  is not paused (a paused case's deadline moves on when it resumes), and cases whose disclosure is
     *                  late ({@link CaseView#overdueOn}), if given
     */
    public CasePage list(Scope scope, CaseStatus status, LocalDate overdueOn, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (scope.bureau() != null) filters.add(eq("bureau", scope.bureau()));
        if (scope.divisionPrefix() != null) filters.add(Divisions.filter("division", scope.divisionPrefix()));
        if (status != null) filters.add(eq("status", status));
        if (overdueOn != null) {
            // a provisional deadline is overdue once its miss is recorded (CaseView#overdueOn)
            filters.add(or(and(eq("disposed", false), lt("decisionDeadline.dueOn", overdueOn), ne("clock.paused", true),
                            or(ne("decisionDeadline.provisional", true), eq("missedDeadlines.kind", "DECISION"))),
                    ne("disclosureOverdueSince", null)));
        }
        Bson filter = filters.isEmpty() ? new org.bson.Document() : and(filters);
        long total = collection.countDocuments(filter);
        long offset = (long) page * size; // a page past the end is empty, however large its number
        List<CaseView> items = offset >= total ? List.of() : collection.find(filter)
                .sort(Sorts.ascending("disposed", "decisionDeadline.dueOn", "_id"))
                .skip((int) offset).limit(size)
                .into(new ArrayList<>());
        return new CasePage(items, page, size, total);
    }

    /** Whose cases a reader may list: a bureau's own, or a division prefix (supervisors). */
    /** Every case in a scope, one at a time (the target figures read them all). */
    public void forEach(Scope scope, java.util.function.Consumer<CaseView> action) {
        List<Bson> filters = new ArrayList<>();
        if (scope.bureau() != null) filters.add(eq("bureau", scope.bureau()));
        if (scope.divisionPrefix() != null) filters.add(Divisions.filter("division", scope.divisionPrefix()));
        collection.find(filters.isEmpty() ? new org.bson.Document() : and(filters)).batchSize(1000).forEach(action);
    }

    /** Whose cases: a bureau's own ({@code bureau}), and/or those under a division ({@code divisionPrefix}); null is no restriction. */
    public record Scope(String bureau, Division divisionPrefix) {}

    public record CasePage(List<CaseView> items, int page, int size, long total) {}
}
