package org.gongshi.projections.listings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.ListingStatus;
import org.gongshi.ledger.identity.Division;
import org.gongshi.projections.publicrecords.NameKeys;
import org.gongshi.projections.query.Divisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;

/** Reads of the credit-list entries: one entry, a bureau's entries, the public lists, a subject's entries. */
public class ListingViews {

    public static final String COLLECTION = "listing_views";


    private final MongoCollection<ListingView> collection;

    public ListingViews(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, ListingView.class);
    }

    /** Indexes for every query shape below (real MongoDB uses them; the embedded server scans). */
    public void ensureIndexes() {
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("status", "listType"), Indexes.descending("listedOn")),
                new IndexOptions().name("public_list"));
        collection.createIndex(Indexes.ascending("subject.uscc", "status"), new IndexOptions().name("subject"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("bureau", "status"), Indexes.descending("proposedOn")),
                new IndexOptions().name("bureau_list"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("division", "status"), Indexes.descending("proposedOn")),
                new IndexOptions().name("division_list"));
    }

    MongoCollection<ListingView> collection() {
        return collection;
    }

    /** The listings that rest on a case (it is among their basis cases), oldest first. */
    public List<ListingView> restingOn(String caseId) {
        return collection.find(eq("basisCaseIds", caseId)).sort(Sorts.ascending("proposedOn", "_id")).into(new ArrayList<>());
    }

    public Optional<ListingView> find(String listingId) {
        return Optional.ofNullable(collection.find(eq("_id", listingId)).first());
    }

    /** A bureau's (or a division's) entries, newest notice first, optionally in one status and list. */
    public Page list(String bureau, Division divisionPrefix, ListingStatus status, ListType listType, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (bureau != null) filters.add(eq("bureau", bureau));
        if (divisionPrefix != null) filters.add(Divisions.filter("division", divisionPrefix));
        if (status != null) filters.add(eq("status", status));
        if (listType != null) filters.add(eq("listType", listType));
        return page(filters.isEmpty() ? new Document() : and(filters), Sorts.descending("proposedOn", "_id"), page, size);
    }

    /**
     * The public list: entries on {@code listType} on {@code today}, most recently listed first: active, their term not ended
     * before it, whether or not its end is recorded yet (a historical import's entry whose term ended long ago stays active
     * until the import's grace day has passed: a sweep from outside, stop 74).
     */
    public Page onList(ListType listType, Division divisionPrefix, LocalDate today, int page, int size) {
        return onList(listType, divisionPrefix, null, null, today, page, size);
    }

    /**
     * {@link #onList(ListType, Division, LocalDate, int, int)}, of the subjects whose name holds {@code name} (as the public
     * search reads names: {@link #namePart}) and of the one whose code is {@code uscc}, each if given: a member of the public looks a company up on
     * a list (a sweep from outside, stop 76: a listed subject whose penalties had ended was found nowhere by its name). A name
     * is matched within the list's active entries, which real MongoDB narrows by {@code public_list} first.
     */
    public Page onList(ListType listType, Division divisionPrefix, String name, String uscc, LocalDate today, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(eq("status", ListingStatus.ACTIVE), eq("listType", listType), inTerm(today)));
        if (divisionPrefix != null) filters.add(Divisions.filter("division", divisionPrefix));
        if (uscc != null) filters.add(eq("subject.uscc", uscc));
        if (name != null) filters.add(regex("subject.name", namePart(name)));
        return page(and(filters), Sorts.descending("listedOn", "_id"), page, size);
    }

    /** The entries a subject holds on any list on {@code today} (as {@link #onList}). */
    public List<ListingView> activeOf(String uscc, LocalDate today) {
        return collection.find(and(eq("subject.uscc", uscc), eq("status", ListingStatus.ACTIVE), inTerm(today)))
                .sort(Sorts.ascending("listType", "listedOn")).into(new ArrayList<>());
    }

    /**
     * A name that holds {@code part} as the public search reads both ({@link NameKeys#normalise}: NFKC, any case, without
     * zero-width, format and blank characters and middle dots): the part's characters in order, any of those between them in
     * the name (the re-test of the mend: 示<U+200B>例 and 示 例 found nothing on a list, and a penalty by both), each as itself or
     * its full-width form, which NFKC makes it (a public pages sweep, stop 79: ＸＹＺ贸易 and ABC科技（北京） were not found on a
     * list by their own names, pasted).
     */
    static Pattern namePart(String part) {
        StringBuilder pattern = new StringBuilder();
        NameKeys.normalise(part).codePoints().forEach(c -> {
            if (!pattern.isEmpty()) pattern.append("[\\s\\p{Z}\\p{Cf}").append(NameKeys.MIDDLE_DOTS).append("]*");
            // NFKC makes the full-width forms U+FF01-FF5E their ASCII ones: a name stored as written may hold either
            pattern.append(c >= 0x21 && c <= 0x7E ? String.format("[\\x{%X}\\x{%X}]", c, c + 0xFEE0) : Pattern.quote(new String(Character.toChars(c))));
        });
        return Pattern.compile(pattern.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** An entry whose term has not ended before {@code today} (one with no term end yet too). */
    private static Bson inTerm(LocalDate today) {
        return com.mongodb.client.model.Filters.not(lt("termEnd", today));
    }

    /** Subjects (USCC) proposed for or on {@code listType} now: they are being handled already. */
    public List<String> heldOn(ListType listType, List<String> usccs) {
        List<String> held = new ArrayList<>();
        collection.withDocumentClass(Document.class).find(and(in("subject.uscc", usccs), eq("listType", listType),
                        in("status", List.of(ListingStatus.PROPOSED, ListingStatus.ACTIVE))))
                .projection(Projections.include("subject.uscc")).forEach(d -> held.add(d.get("subject", Document.class).getString("uscc")));
        return held;
    }

    private Page page(Bson filter, Bson sort, int page, int size) {
        long total = collection.countDocuments(filter);
        long offset = (long) page * size; // a page past the end is empty, however large its number
        List<ListingView> items = offset >= total ? List.of()
                : collection.find(filter).sort(sort).skip((int) offset).limit(size).into(new ArrayList<>());
        return new Page(items, page, size, total);
    }

    public record Page(List<ListingView> items, int page, int size, long total) {}
}
