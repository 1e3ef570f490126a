package org.gongshi.projections.publicrecords;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.identity.Division;
import org.gongshi.projections.query.Divisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Filters.regex;

/** Reads of the public penalty records: search, one record, a subject's records, and what falls due. */
public class PublicRecords {

    public static final String COLLECTION = "public_records";
    /** The field of a record's name bigrams under its division's province ({@link NameKeys#inProvince}). */
    public static final String PROVINCE_NAME_KEYS = "provinceNameKeys";
    /** The field of a record's name normalised as a query is ({@link NameKeys#normalise}). */
    public static final String SEARCH_NAME = "searchName";
    /** MongoDB's error code for dropping an index that is not there. */
    private static final int INDEX_NOT_FOUND = 27;

    private final MongoCollection<PublicRecordView> collection;
    /** What was done once to the read models' documents ({@code _id}: what), so it is not looked for at every start. */
    private final MongoCollection<Document> migrations;
    private static final String SEARCH_NAMES_ADDED = COLLECTION + "." + SEARCH_NAME;
    private static final String MIDDLE_DOTS_LEFT_OUT = SEARCH_NAMES_ADDED + ".middleDotsLeftOut";

    public PublicRecords(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, PublicRecordView.class);
        this.migrations = database.getCollection("read_model_migrations");
    }

    MongoCollection<PublicRecordView> collection() {
        return collection;
    }

    /**
     * One index per query shape; all lead with state, then the filter, then (where a page is sorted) the sort key, so a
     * page of a search is read in its order rather than sorted. Indexes an earlier version made under a name now gone
     * are dropped ({@link #REPLACED_INDEXES}).
     */
    public void ensureIndexes() {
        List<String> present = collection.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
        for (String replaced : REPLACED_INDEXES) {
            if (!present.contains(replaced)) continue;
            try {
                collection.dropIndex(replaced);
            } catch (MongoCommandException gone) {
                if (gone.getErrorCode() != INDEX_NOT_FOUND) throw gone; // another node dropped it first
            }
        }
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("record.decidedOn")), new IndexOptions().name("public_newest"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("state", "nameKeys"), Indexes.descending("record.decidedOn")), new IndexOptions().name("public_name_newest"));
        // the page's whole sort (decision date, then _id) before the search name, which a name's count then checks in the
        // index's entries without reading a record (issue 13: a name of three or more characters in a province read up to
        // 201 records for its count, from the disk on a restarted node at a million records)
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("state", PROVINCE_NAME_KEYS), Indexes.descending("record.decidedOn"),
                Indexes.ascending("_id", SEARCH_NAME)), new IndexOptions().name(PROVINCE_NAME_INDEX));
        collection.createIndex(Indexes.ascending("state", "record.uscc"), new IndexOptions().name("public_uscc"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("state", "record.division"), Indexes.descending("record.decidedOn")), new IndexOptions().name("public_division"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("state", "record.ipType"), Indexes.descending("record.decidedOn")), new IndexOptions().name("public_iptype"));
        collection.createIndex(Indexes.ascending("caseId"), new IndexOptions().name("public_case"));
    }

    /** The index of a name within a province ({@link NameKeys#inProvince}), its entries holding the search name. */
    static final String PROVINCE_NAME_INDEX = "public_province_name_checked";

    /**
     * Indexes of earlier versions, dropped at the start: the name index without the sort key (before issue 13's sorted
     * walk), the province's name index without the search name, and the index of an expiry query that nothing asked any
     * more (expiry is a deadline of its case since the ledger's clock).
     */
    private static final List<String> REPLACED_INDEXES = List.of("public_name", "public_province_name_newest", "public_due");

    /**
     * Gives every record written before {@link #SEARCH_NAME} its search name, and its name keys and province keys
     * ({@link NameKeys#inProvince}; a record written before those is not found by a name within a province) again under
     * {@link NameKeys#normalise} as it now is (NFKC, zero-width and format characters removed: keys written before kept a
     * full-width {@code ０１} or a zero-width space, which a normalised query never asks for); then, to every record whose
     * search name holds a middle dot ({@link NameKeys#MIDDLE_DOTS}: written before they were left out), the same again. Each once, in one pass over the records it concerns, and each record only if its name
     * is still the one read, so a correction landing meanwhile keeps its own. Answers how many records it gave them.
     */
    public long addSearchNames() {
        return rekey(SEARCH_NAMES_ADDED, exists(SEARCH_NAME, false))
                + rekey(MIDDLE_DOTS_LEFT_OUT, regex(SEARCH_NAME, "[" + NameKeys.MIDDLE_DOTS + "]"));
    }

    private long rekey(String migration, Bson written) {
        if (migrations.find(eq("_id", migration)).first() != null) return 0;
        MongoCollection<Document> raw = collection.withDocumentClass(Document.class);
        long added = 0;
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        try (var records = raw.find(and(written, exists("record.subjectName")))
                .projection(include("record.subjectName", "record.division")).batchSize(500).iterator()) {
            while (records.hasNext()) {
                Document d = records.next();
                Document record = d.get("record", Document.class);
                String name = record.getString("subjectName");
                writes.add(new UpdateOneModel<>(and(eq("_id", d.get("_id")), eq("record.subjectName", name), written),
                        Updates.combine(Updates.set("nameKeys", NameKeys.of(name)),
                                Updates.set(PROVINCE_NAME_KEYS, NameKeys.inProvince(name, record.getString("division"))),
                                Updates.set(SEARCH_NAME, NameKeys.normalise(name)))));
                if (writes.size() == 500) {
                    added += raw.bulkWrite(writes).getModifiedCount();
                    writes.clear();
                }
            }
        }
        if (!writes.isEmpty()) added += raw.bulkWrite(writes).getModifiedCount();
        migrations.replaceOne(eq("_id", migration), new Document("_id", migration).append("records", added),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        return added;
    }

    public Optional<PublicRecordView> find(String recordId) {
        return Optional.ofNullable(collection.find(eq("_id", recordId)).first());
    }

    /**
     * What a member of the public may search for; every field optional. {@code publicOn}: only records still public on that
     * day, their publicity period not ended before it, whether or not its end is recorded yet (null: every published record);
     * no index answers it, so every match is read to count it: for a subject's few records, not a name's many.
     */
    public record Search(String q, String uscc, Division divisionPrefix, IpType ipType, LocalDate from, LocalDate to, LocalDate publicOn) {
        public Search(String q, String uscc, Division divisionPrefix, IpType ipType, LocalDate from, LocalDate to) {
            this(q, uscc, divisionPrefix, ipType, from, to, null);
        }

        /** This search, of the records still public on {@code day}. */
        public Search publicOn(LocalDate day) {
            return new Search(q, uscc, divisionPrefix, ipType, from, to, day);
        }
    }

    /**
     * One page of a search; {@code total} counts the matches up to {@value #COUNTED_UP_TO} ({@value #READ_AND_COUNTED_UP_TO}
     * where each is read to check it), and {@code totalIsLowerBound} says there are more than that.
     */
    public record Page(List<PublicRecordView> items, int page, int size, long total, boolean totalIsLowerBound) {}

    /**
     * A search counts its matches up to this many, says "more" beyond, and pages through that many: a count that has to
     * read each match (a name of three or more characters, a name in a division) read every one, a hundred thousand for
     * a common word in a million records, and a page far down read every match above it (issue 13). A member of the
     * public narrows the search; a credit platform takes every record from the feed's snapshot.
     */
    public static final int COUNTED_UP_TO = 1_000;

    /**
     * A search whose every match is read to check it (a name of three or more characters: its keys are a name's bigrams,
     * which a name holding them apart has too) counts them up to this many, says "more" beyond, and pages through as many:
     * its count read up to a thousand records for a common word in a province, 0.1 s at 100,000 records, the slowest public
     * search there was (issue 13). Ten pages of twenty; a member of the public narrows the search.
     */
    public static final int READ_AND_COUNTED_UP_TO = 200;

    /** Public records (published, not withdrawn, expired or ended), newest decision first. */
    public Page search(Search s, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("state", RecordState.PUBLISHED));
        // the query as the names were indexed: NFKC, without zero-width, format and blank characters, lower case
        String q = NameKeys.normalise(s.q());
        boolean named = !q.isEmpty();
        // a key of one or two characters is the query itself: the index answers it, none read to match it
        boolean readEach = named && !NameKeys.keyIsTheQuery(s.q());
        // a name of two or more characters within a province: the name's bigrams under the province, which hold the division too
        Optional<List<String>> inProvince = named && s.divisionPrefix() != null
                ? NameKeys.queryInProvince(s.q(), s.divisionPrefix().code()) : Optional.empty();
        if (named) {
            List<String> keys = inProvince.orElseGet(() -> NameKeys.query(s.q()));
            String field = inProvince.isPresent() ? PROVINCE_NAME_KEYS : "nameKeys";
            filters.add(keys.size() == 1 ? eq(field, keys.get(0)) : all(field, keys));
            if (readEach) filters.add(regex(SEARCH_NAME, Pattern.quote(q)));
        }
        int countedUpTo = readEach ? READ_AND_COUNTED_UP_TO : COUNTED_UP_TO;
        if (s.uscc() != null && !s.uscc().isBlank()) filters.add(eq("record.uscc", s.uscc().strip()));
        if (s.divisionPrefix() != null && inProvince.isEmpty()) filters.add(Divisions.filter("record.division", s.divisionPrefix()));
        if (s.ipType() != null) filters.add(eq("record.ipType", s.ipType()));
        if (s.from() != null) filters.add(gte("record.decidedOn", s.from()));
        if (s.to() != null) filters.add(lte("record.decidedOn", s.to()));
        if (s.publicOn() != null) filters.add(not(lt("record.publicUntil", s.publicOn())));
        Bson filter = and(filters);
        long counted = collection.countDocuments(filter, new CountOptions().limit(countedUpTo + 1));
        long total = Math.min(counted, countedUpTo);
        boolean more = counted > countedUpTo;
        // the pages go as far as the count: a search that says "more than 200, the first 200 shown" shows no 201st (a public
        // pages sweep, stop 79: page 10 of "共 10 页" listed records 201-210)
        long reach = total;
        long offset = (long) page * size; // a page past the end, or past the matches paged through, is empty, however large its number
        List<PublicRecordView> items = offset >= reach ? List.of() : collection.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("record.decidedOn"), Sorts.ascending("_id")))
                .skip((int) offset).limit((int) Math.min(size, reach - offset)).into(new ArrayList<>());
        return new Page(items, page, size, total, more);
    }
}
