package org.gongshi.projections.stats;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.gongshi.projections.cases.CaseChanges;
import org.gongshi.projections.cases.CaseView;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.writes.BatchedWrites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The target figures as counters updated as events land (issue 13), so a statistics request is a few
 * key lookups, never a scan. One collection, {@value #COLLECTION}, every document by {@code _id}:
 * <ul>
 * <li>counter documents per scope and period: scope {@code all}, {@code p:<division prefix>} for the prefixes of 2, 4 and
 * 6 digits of the case's division (province, city, county), {@code x:<division>} for a division of an odd number of
 * digits, {@code b:<bureau>}; period a month ({@code all|2026-03}) or a day ({@code all|2026-03-02}). A year is read as
 * its twelve months, and a prefix of an odd number of digits as its ten prefixes a digit longer and the division of
 * that code itself ({@link #counterKeys}); each holds that period's counts as top-level fields {@code c:<division>:<count>}
 * (the embedded MongoDB splits a dotted path with regular expressions at every level of every {@code $inc}: nested
 * counts made the counters' bulk update 55 % of its command time in a rebuild, ~10 ms each). The division is
 * {@code _} except in a bureau's documents, which keep its cases apart by division so a bureau reads any prefix of its
 * own. (Layouts 6 and 7 also kept documents for the prefixes of 1, 3 and 5 digits, and 6 a document per scope and
 * year: 24 documents for a case's day where there are 10 now. The counters were 62 % of the embedded MongoDB's write
 * operations under 8 clients. Layout 2 kept a scope's year and months in one document and its days in one per month, and the one before it
 * one document per year with the days too, about 5,500 counts.)</li>
 * <li>a contribution document per case ({@code case:<caseId>}): what it has added to the counters
 * ({@link CaseFigures#of}), and the position of the event that made it so;</li>
 * <li>{@code layout}: the layout of the counters, written when the collection starts empty; counters of an older
 * layout are not read (the figures are then scanned) until a replay of the case views rebuilds them, except layouts 6
 * and 7, whose month and day documents of the even prefixes are this layout's: they are taken over as they are (the
 * other documents removed; no case holds a division of an odd number of digits there, as a bureau's is six).</li>
 * </ul>
 * Exactly once under redelivery, dead-letter retries and crashes: a change (each changed case's contribution now
 * minus the one recorded, summed over the cases of one batch of events) is written as the one pending change
 * ({@code _id: pending}) before any counter document is touched; each counter document takes it only if its
 * {@code last} change is not this one, then the contributions are recorded and the pending change cleared. A crash
 * midway leaves the pending change, which is finished first thereafter: the
 * documents that took it already carry its mark, and no later change can have touched them since. An event whose
 * contribution is recorded at its position or later, or that changes no count, writes nothing. Every read and write
 * is by {@code _id} alone (one {@code _id} or a {@code $in} of them, both answered from the {@code _id} index), and a change's
 * writes (pending, counters, contributions, cleared) go in order as ordered bulk writes of at most 64
 * ({@link BatchedWrites#inOrder}; a crash leaves a prefix): a round trip each, where one write each made the counters
 * most of a rebuild's round trips (up to 19 per event). Within a tracking processor's batch the
 * cases are counted once, at the batch's end ({@link BatchedWrites#atBatchEnd}): two round trips a batch where there were
 * two an event, and each counter document updated once a batch where there was an update per event and document
 * (10 documents for a day of a case in a county: 5 scopes by its month and the day).
 */
public class FigureCounters implements CaseChanges {

    public static final String COLLECTION = "target_figures";
    private static final String CASE = "case:", CASE_ID = "case", CONTRIBUTIONS = "contributions", POSITION = "pos", COUNTS = "counts", YEARS = "years", PENDING = "pending",
            LAST_CHANGE = "last", LAYOUT = "layout";
    /** The scope of a division prefix of 2, 4 or 6 digits, and of a division of an odd number of digits itself. */
    private static final String PREFIX = "p:", EXACTLY = "x:";
    /** The field name of a count begins {@code c:<division>:}, then the count's name: one top-level field each. */
    private static final String COUNT = "c:";
    /**
     * The layout described above, and the figures' definition it counts ({@link CaseFigures}): 8 had the same documents but
     * left a changed decision's republication out of the disclosure rate, 7 also kept the prefixes of 1, 3 and 5 digits, 6 also a document per scope and year, counting a case in a rate only once its deadline fell (disposed, published, or recorded
     * missed) and a decision's disclosure by its first publication (5 counted a changed decision's republication in its
     * place); 4 counted an open case or an unpublished decision as failed before its deadline); 3 had nested counts ({@code c.<division>.<count>}), 2 kept a scope's year and months
     * in one document and its days in one per month, and the one before that (days in the year's document) has no
     * {@code layout} document. Counters of any other version are rebuilt by a replay of the case views.
     */
    private static final int LAYOUT_VERSION = 9;
    /** The division key of counter documents that do not keep divisions apart. */
    private static final String ANY_DIVISION = "_";

    private final MongoCollection<Document> collection;
    /** Years already in the {@code years} document (it is only ever added to, until a reset). */
    private final java.util.Set<Integer> knownYears = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int crashAfter = -1;
    /** Whether a change may be pending in the collection (at start, or after a change failed midway). */
    private boolean maybePending = true;
    /** Whether the stored counters are marked with this layout (false until looked at, and while empty or taken over unwritten). */
    private volatile boolean currentLayout;
    private volatile boolean olderLayoutReported;
    /**
     * The key of a batch's changes in its unit of work (one per instance: a rebuild's counters are another). Not
     * {@code Batches.state}, which keeps one state per class in a unit of work.
     */
    private final String batchResource = FigureCounters.class.getName() + "#" + INSTANCES.incrementAndGet();
    private static final java.util.concurrent.atomic.AtomicLong INSTANCES = new java.util.concurrent.atomic.AtomicLong();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureCounters.class);

    public FigureCounters(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /**
     * Counts {@code view}'s change: within a tracking processor's batch, once at the batch's end together with every
     * other case the batch changed (its last view of each case: the counters are a sum over the cases' views, so the
     * views between change nothing the last does not); outside a batch, now.
     */
    @Override
    public void changed(CaseView view, long position) {
        Seen seen = new Seen(view, position);
        if (!CurrentUnitOfWork.isStarted()) {
            count(List.of(seen));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Seen> batch = root.getResource(batchResource);
        if (batch == null) {
            Map<String, Seen> made = new LinkedHashMap<>();
            root.resources().put(batchResource, made);
            BatchedWrites.atBatchEnd(() -> count(made.values()));
            batch = made;
        }
        batch.merge(view.caseId(), seen, (before, later) -> later.position() >= before.position() ? later : before);
    }

    /** A case's view as it stood after the event at {@code position}. */
    private record Seen(CaseView view, long position) {}

    /**
     * Counts the changes of {@code seen} (one view per case) as one change: the cases' contributions read with one query,
     * their differences summed per counter document, and written as one pending change. A case whose
     * contribution is recorded at its position or later, or whose counts did not change, adds nothing.
     */
    private synchronized void count(Collection<Seen> seen) {
        if (!currentLayout(true)) return; // an older layout: left as it is until a replay resets it
        if (maybePending) finishPending(collection.find(eq("_id", PENDING)).first(), true);
        List<String> ids = seen.stream().map(s -> CASE + s.view().caseId()).toList();
        Map<String, Document> recorded = new HashMap<>();
        for (Document contribution : collection.find(ids.size() == 1 ? eq("_id", ids.get(0)) : in("_id", ids))) {
            recorded.put(contribution.getString("_id"), contribution);
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        Set<Integer> yearsBefore = Set.copyOf(knownYears);
        Map<String, Map<String, Object>> byDocument = new TreeMap<>();
        List<Document> contributions = new ArrayList<>();
        String change = null;
        long last = -1;
        for (Seen s : seen) {
            Document before = recorded.get(CASE + s.view().caseId());
            if (before != null && before.get(POSITION, Number.class).longValue() >= s.position()) continue; // counted already
            Map<String, Map<String, Long>> now = CaseFigures.of(s.view());
            Map<String, Map<String, Long>> difference = difference(now, before == null ? Map.of() : before.get(COUNTS, Document.class));
            if (difference.isEmpty()) continue; // nothing to count: the contribution stands, and counting it again changes nothing
            byDocument(s.view(), difference, byDocument, writes);
            contributions.add(new Document(CASE_ID, s.view().caseId()).append(POSITION, s.position()).append(COUNTS, counts(now)));
            if (s.position() > last) {
                last = s.position();
                change = s.view().caseId() + "@" + s.position(); // unique: no later change holds this case's event again
            }
        }
        if (contributions.isEmpty()) return;
        Document documents = new Document();
        byDocument.forEach((id, fields) -> documents.append(id, new Document(fields)));
        Document pending = new Document("_id", PENDING).append("change", change).append(CONTRIBUTIONS, contributions)
                .append("documents", documents);
        maybePending = true;
        writes.add(0, upsert(pending));
        try {
            finishPending(pending, writes); // a change made just now: no counter document carries it yet
        } catch (RuntimeException failed) {
            knownYears.retainAll(yearsBefore); // their writes may not have been made
            throw failed;
        }
    }

    /**
     * {@code document}'s fields set on the document with its id, made if missing: an update, not a replacement, so that
     * every write of a change is of one kind, which the driver sends as one command (it splits a bulk write where the
     * kind changes).
     */
    private static UpdateOneModel<Document> upsert(Document document) {
        Document fields = new Document(document);
        fields.remove("_id");
        // one $set of them all, as a document: encoded in one pass (an Updates.set each, combined, took a codec lookup per
        // field and a quarter of the case-views processor's time in a rebuild)
        return new UpdateOneModel<>(eq("_id", document.get("_id")), new Document("$set", fields), new UpdateOptions().upsert(true));
    }

    /** Test seam: the next pending change stops after this many counter documents, as a crash would (then never again). */
    void crashAfter(int documents) {
        crashAfter = documents;
    }

    private void crash() {
        crashAfter = -1;
        throw new SimulatedCrash();
    }

    /** What {@link #crashAfter} throws. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash while applying a change to the counters");
        }
    }

    @Override
    public synchronized void reset() {
        collection.deleteMany(new Document());
        knownYears.clear();
        maybePending = false;
        markLayout();
    }

    private void markLayout() {
        collection.replaceOne(eq("_id", LAYOUT), new Document("_id", LAYOUT).append("version", LAYOUT_VERSION), new ReplaceOptions().upsert(true));
        currentLayout = true;
    }

    /**
     * Whether the counters have this layout: marked so, or empty (then marked, if {@code writing}). Counters written
     * by an older version are neither read nor added to (the figures come from the scan) until the case views replay.
     */
    private boolean currentLayout(boolean writing) {
        if (currentLayout) return true;
        Document layout = collection.find(eq("_id", LAYOUT)).first();
        int version = layout == null ? -1 : layout.get("version", Number.class).intValue();
        boolean current = layout != null ? version == LAYOUT_VERSION : collection.find(eq("_id", YEARS)).first() == null;
        if (current && version != LAYOUT_VERSION) { // empty: marked this layout at the first write
            if (!writing) return true;
            markLayout();
            return true;
        }
        if (!current && !olderLayoutReported) {
            olderLayoutReported = true;
            log.warn("The target-figure counters in {} have an older layout: the statistics scan the case views until the case-views"
                    + " processor replays (reset its token), which rebuilds them", COLLECTION);
        }
        currentLayout = current;
        return current;
    }

    /**
     * Applies the pending change, if any, to its counter documents, each only if it does not carry this change already
     * ({@code last}), then records the case's contribution and clears it. One change at a time: a change is pending until
     * it is complete, so a counter document that already carries it carries nothing later, and re-applying after a crash
     * adds it exactly where it is missing. {@code maybeApplied}: whether the change may have reached counter documents
     * already (one found pending in the collection); a change made just now cannot have, and skips the reads.
     */
    private void finishPending(Document pending, boolean maybeApplied) {
        if (pending == null || pending.getString("change") == null) {
            maybePending = false;
            return;
        }
        finishPending(pending, new ArrayList<>(), maybeApplied);
    }

    /** {@link #finishPending(Document, boolean)} of a change made just now, after {@code writes} (which record it as pending). */
    private void finishPending(Document pending, List<WriteModel<Document>> writes) {
        finishPending(pending, writes, false);
    }

    /**
     * The pending change's writes, in order ({@link BatchedWrites#inOrder}: ordered bulk writes of at most 64): after
     * {@code writes} already given (a change made just now: the write that records it as pending), each counter
     * document's increments, the contributions, and the pending change cleared (its change set to null, so every write
     * is an update). Ordered, a crash leaves a prefix of them, which {@link #finishPending(Document, boolean)} completes.
     */
    private void finishPending(Document pending, List<WriteModel<Document>> writes, boolean maybeApplied) {
        String change = pending.getString("change");
        int prefix = -1; // with a simulated crash: how many writes get through
        int applied = 0;
        for (var document : pending.get("documents", Document.class).entrySet()) {
            if (applied++ == crashAfter) prefix = writes.size();
            Document increments = new Document();
            ((Document) document.getValue()).forEach((field, delta) -> increments.append(field, ((Number) delta).longValue()));
            Document update = new Document("$inc", increments).append("$set", new Document(LAST_CHANGE, change));
            // one change at a time (synchronized, one segment) keeps the read of last exact
            if (maybeApplied) {
                Document counters = collection.find(eq("_id", document.getKey())).projection(new Document(LAST_CHANGE, 1)).first();
                if (counters != null && change.equals(counters.getString(LAST_CHANGE))) continue; // carries this change already
            }
            writes.add(new UpdateOneModel<>(eq("_id", document.getKey()), update, new UpdateOptions().upsert(true)));
        }
        if (crashAfter >= 0 && prefix < 0) prefix = writes.size();
        // a change left pending by the version before this one holds one case's contribution in fields of its own
        List<Document> contributions = pending.containsKey(CONTRIBUTIONS) ? pending.getList(CONTRIBUTIONS, Document.class)
                : List.of(new Document(CASE_ID, pending.getString(CASE_ID)).append(POSITION, pending.get(POSITION)).append(COUNTS, pending.get(COUNTS)));
        for (Document contribution : contributions) {
            writes.add(upsert(new Document("_id", CASE + contribution.getString(CASE_ID)).append(POSITION, contribution.get(POSITION))
                    .append(COUNTS, contribution.get(COUNTS))));
        }
        writes.add(new UpdateOneModel<>(eq("_id", PENDING), Updates.combine(Updates.set("change", null), Updates.unset(CONTRIBUTIONS),
                Updates.unset(CASE_ID), Updates.unset(POSITION), Updates.unset(COUNTS), Updates.unset("documents"))));
        if (prefix >= 0) {
            if (prefix > 0) BatchedWrites.inOrder(collection, writes.subList(0, prefix));
            crash();
        }
        BatchedWrites.inOrder(collection, writes);
        maybePending = false;
    }

    /**
     * Adds {@code change} (day → count → delta) of {@code view}'s case to {@code byDocument} as increments of the counter
     * documents of the case's scopes: document id → field → delta. Adds the write that records each year new to it in the
     * {@code years} document (idempotent) to {@code writes}.
     */
    private void byDocument(CaseView view, Map<String, Map<String, Long>> change, Map<String, Map<String, Object>> byDocument,
                            List<WriteModel<Document>> writes) {
        for (var day : change.entrySet()) {
            LocalDate date = LocalDate.parse(day.getKey());
            String year = String.valueOf(date.getYear());
            List<String[]> scopes = new ArrayList<>(); // {document id, division key}
            scopes.add(new String[] {"all|" + year, ANY_DIVISION});
            String division = view.division() == null ? "" : view.division();
            for (int digits = 2; digits <= division.length(); digits += 2) {
                scopes.add(new String[] {PREFIX + division.substring(0, digits) + "|" + year, ANY_DIVISION});
            }
            if (division.length() % 2 == 1) scopes.add(new String[] {EXACTLY + division + "|" + year, ANY_DIVISION});
            if (view.bureau() != null) scopes.add(new String[] {"b:" + view.bureau() + "|" + year, division.isEmpty() ? ANY_DIVISION : division});
            for (String[] scope : scopes) {
                for (String document : List.of(monthDocument(scope[0], date), dayDocument(scope[0], date))) {
                    Map<String, Object> fields = byDocument.computeIfAbsent(document, k -> new TreeMap<>());
                    day.getValue().forEach((name, delta) -> fields.merge(COUNT + scope[1] + ":" + name, delta, (x, y) -> ((Long) x) + ((Long) y)));
                }
            }
            if (knownYears.add(date.getYear())) {
                writes.add(new UpdateOneModel<>(eq("_id", YEARS), Updates.addToSet(YEARS, date.getYear()), new UpdateOptions().upsert(true)));
            }
        }
    }

    /**
     * The figures of {@code scope} for {@code from}..{@code to}: the years that have counters, then one query by
     * {@code _id} for the documents of the fewest periods that cover the range (whole months, the days at the edges).
     */
    public Optional<TargetFigures.Figures> of(CaseViews.Scope scope, LocalDate from, LocalDate to) {
        if (!currentLayout(false)) return Optional.empty();
        CaseFigures.Tally tally = new CaseFigures.Tally();
        String prefix = scope.divisionPrefix() == null ? null : scope.divisionPrefix().code();
        List<String> keys = counterKeys(scope);
        Document years = collection.find(eq("_id", YEARS)).first();
        List<Integer> counted = years == null ? List.of() : years.getList(YEARS, Integer.class);
        List<String> documents = new ArrayList<>();
        for (int year : new java.util.TreeSet<>(counted)) {
            if (year < from.getYear() || year > to.getYear()) continue;
            for (String key : keys) {
                String scopeYear = key + "|" + year;
                for (String period : periods(year, from, to)) {
                    if (period.startsWith("m")) documents.add(scopeYear + "-" + period.substring(1));
                    else documents.add(scopeYear + "-" + period.substring(1, 3) + "-" + period.substring(3));
                }
            }
        }
        if (documents.isEmpty()) return Optional.of(tally.figures(prefix, scope.bureau(), from, to));
        for (Document counters : collection.find(in("_id", documents))) {
            Map<String, Long> counts = new HashMap<>();
            counters.forEach((field, count) -> {
                if (!field.startsWith(COUNT)) return;
                int colon = field.indexOf(':', COUNT.length());
                String division = field.substring(COUNT.length(), colon);
                if (scope.bureau() != null && prefix != null && !division.startsWith(prefix)) return;
                counts.merge(field.substring(colon + 1), ((Number) count).longValue(), Long::sum);
            });
            tally.addAll(counts);
        }
        return Optional.of(tally.figures(prefix, scope.bureau(), from, to));
    }

    /**
     * The keys of the counter documents whose sum is {@code scope}: a bureau's, all cases', a prefix of 2, 4 or 6 digits,
     * or for a prefix of an odd number of digits its ten prefixes a digit longer and the division with that very code.
     */
    private static List<String> counterKeys(CaseViews.Scope scope) {
        if (scope.bureau() != null) return List.of("b:" + scope.bureau());
        if (scope.divisionPrefix() == null) return List.of("all");
        String prefix = scope.divisionPrefix().code();
        if (prefix.length() % 2 == 0) return List.of(PREFIX + prefix);
        List<String> keys = new ArrayList<>(List.of(EXACTLY + prefix));
        for (char digit = '0'; digit <= '9'; digit++) keys.add(PREFIX + prefix + digit);
        return keys;
    }

    /** The month's counter document of a scope and year ({@code all|2026} → {@code all|2026-03}). */
    private static String monthDocument(String scopeYear, LocalDate date) {
        return scopeYear + "-" + twoDigits(date.getMonthValue());
    }

    /** The day's counter document of a scope and year ({@code all|2026} → {@code all|2026-03-02}). */
    private static String dayDocument(String scopeYear, LocalDate date) {
        return monthDocument(scopeYear, date) + "-" + twoDigits(date.getDayOfMonth());
    }

    /** A month or day of the month in two digits (String.format was a quarter of counting a batch's changes). */
    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    /** The fewest periods that cover {@code from}..{@code to} within {@code year}: whole months, the days at the edges. */
    static List<String> periods(int year, LocalDate from, LocalDate to) {
        LocalDate first = from.getYear() < year ? LocalDate.of(year, 1, 1) : from;
        LocalDate last = to.getYear() > year ? LocalDate.of(year, 12, 31) : to;
        List<String> periods = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); ) {
            LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
            if (day.getDayOfMonth() == 1 && !monthEnd.isAfter(last)) {
                periods.add("m" + twoDigits(day.getMonthValue()));
                day = monthEnd.plusDays(1);
            } else {
                periods.add("d" + twoDigits(day.getMonthValue()) + twoDigits(day.getDayOfMonth()));
                day = day.plusDays(1);
            }
        }
        return periods;
    }

    private static Map<String, Map<String, Long>> difference(Map<String, Map<String, Long>> now, Map<String, ?> before) {
        Map<String, Map<String, Long>> change = new TreeMap<>();
        now.forEach((day, counts) -> counts.forEach((name, n) -> change.computeIfAbsent(day, d -> new TreeMap<>()).merge(name, n, Long::sum)));
        before.forEach((day, counts) -> ((Map<?, ?>) counts).forEach((name, n) ->
                change.computeIfAbsent(day, d -> new TreeMap<>()).merge((String) name, -((Number) n).longValue(), Long::sum)));
        change.values().forEach(counts -> counts.values().removeIf(n -> n == 0));
        change.values().removeIf(Map::isEmpty);
        return change;
    }

    private static Document counts(Map<String, Map<String, Long>> byDay) {
        Document counts = new Document();
        byDay.forEach((day, named) -> counts.append(day, new Document(new LinkedHashMap<String, Object>(named))));
        return counts;
    }
}
