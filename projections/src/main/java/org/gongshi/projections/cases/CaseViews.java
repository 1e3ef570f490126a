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
import static com.mongodb.client.model.Filters.nor;

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
     * A work list, overdue first (API.md): the cases overdue on {@code today}, open before disposed, an open case by its
     * decision deadline and a disposed one by the day its disclosure became late (a sweep from outside: by the decision
     * deadline, a disclosure late for weeks came after one late since yesterday), then the others, open before disposed,
     * earliest decision deadline first. Overdue: open with its decision deadline passed and
     * its clock running (a paused case's deadline moves on when it resumes; a provisional deadline once its miss is
     * recorded), or late with its disclosure ({@link CaseView#overdueOn}). Sorted by deadline alone, a paused case and
     * every case on time came before a decided case whose disclosure was late (outside audit).
     *
     * @param scope       whose cases: a bureau's own, or everything under a division prefix
     * @param status      only cases in this status, if given
     * @param overdue     true: only the cases overdue on {@code today}; false: only those that are not; null: all
     */
    public CasePage list(Scope scope, CaseStatus status, Boolean overdue, LocalDate today, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (scope.bureau() != null) filters.add(eq("bureau", scope.bureau()));
        if (scope.divisionPrefix() != null) filters.add(Divisions.filter("division", scope.divisionPrefix()));
        if (status != null) filters.add(eq("status", status));
        Bson isOverdue = or(and(eq("disposed", false), lt("decisionDeadline.dueOn", today), ne("clock.paused", true),
                        or(ne("decisionDeadline.provisional", true), eq("missedDeadlines.kind", "DECISION"))),
                ne("disclosureOverdueSince", null), ne("transferOverdueSince", null));
        Bson late = and(concat(filters, isOverdue));
        Bson notLate = and(concat(filters, nor(isOverdue)));
        long offset = (long) page * size; // a page past the end is empty, however large its number
        List<CaseView> items = new ArrayList<>();
        if (Boolean.FALSE.equals(overdue)) { // only the cases that are not overdue (a sweep from outside: overdue=false listed all)
            long total = collection.countDocuments(notLate);
            if (offset < total) sorted(notLate, offset, size).into(items);
            return new CasePage(items, page, size, total);
        }
        long lateCount = collection.countDocuments(late);
        long total = overdue != null ? lateCount : collection.countDocuments(filters.isEmpty() ? new org.bson.Document() : and(filters));
        if (offset >= total) return new CasePage(items, page, size, total);
        if (offset < lateCount) sorted(late, offset, size).into(items);
        if (overdue == null && items.size() < size) {
            sorted(notLate, Math.max(0, offset - lateCount), size - items.size()).into(items);
        }
        return new CasePage(items, page, size, total);
    }

    private com.mongodb.client.FindIterable<CaseView> sorted(Bson filter, long skip, int limit) {
        return collection.find(filter).sort(Sorts.ascending("disposed", "disclosureOverdueSince", "decisionDeadline.dueOn", "_id")).skip((int) skip).limit(limit);
    }

    private static List<Bson> concat(List<Bson> filters, Bson last) {
        List<Bson> all = new ArrayList<>(filters);
        all.add(last);
        return all;
    }

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
