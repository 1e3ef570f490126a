package org.gongshi.projections.listings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.identity.Division;
import org.gongshi.ledger.listings.RepeatedInfringementPolicy.PenaltyFact;
import org.gongshi.ledger.listings.RepeatedInfringementPolicy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.ne;

/**
 * The penalties each subject (by USCC) has received, and whether each still stands: the basis of
 * the repeated-infringer review queue (重复侵权, Trademark Law Art 60). A subject with at least the
 * policy's number of standing penalties (2) decided within its window (5 years) is a
 * {@link Candidate}; the queue only surfaces it, a bureau decides whether to propose a listing.
 * Subjects already proposed for or on the repeated-infringer list are not candidates again.
 */
public class PenaltyHistory {

    public static final String COLLECTION = "penalty_history";


    private final MongoCollection<Document> collection;
    private final ListingViews listings;
    private final Rulebook rules;

    public PenaltyHistory(MongoDatabase database, ListingViews listings, Rulebook rules) {
        this.collection = database.getCollection(COLLECTION);
        this.listings = listings;
        this.rules = rules;
    }

    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending("standing", "decidedOn", "uscc"), new IndexOptions().name("standing_window"));
        collection.createIndex(Indexes.ascending("uscc"), new IndexOptions().name("uscc"));
        collection.createIndex(Indexes.ascending(PERSON), new IndexOptions().name(PERSON));
    }

    MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * Candidates as of {@code asOf}, most qualifying penalties first, each with only those penalties (its count is
     * theirs); with a division prefix, only subjects with a qualifying penalty decided in that division.
     */
    public CandidatePage candidates(LocalDate asOf, Division divisionPrefix, int page, int size) {
        var policy = RepeatedInfringementPolicy.of(rules);
        LocalDate windowStart = policy.windowStart(asOf);
        List<Candidate> all = new ArrayList<>();
        collection.aggregate(List.of(
                Aggregates.match(and(eq("standing", true), ne("uscc", null), gte("decidedOn", date(windowStart)))),
                Aggregates.sort(Sorts.ascending("decidedOn", "_id")),
                Aggregates.group("$uscc", Accumulators.sum("count", 1),
                        Accumulators.push("penalties", new Document("caseId", "$_id").append("decisionNumber", "$decisionNumber")
                                .append("decidedOn", "$decidedOn").append("bureau", "$bureau").append("division", "$division")
                                .append("standing", "$standing").append("ipType", "$ipType").append("procedure", "$procedure")
                                .append("violationType", "$violationType").append("penaltyTypes", "$penaltyTypes")
                                .append("subjectName", "$subjectName"))),
                Aggregates.match(Filters.gte("count", policy.penalties()))
        )).forEach(d -> {
            // the query narrows by the policy's window and number; the policy itself decides, and a candidate shows the
            // penalties that make it one (of one IP type, infringements only): the basis a bureau may propose with
            List<String> qualifying = policy.qualifying(d.getString("_id"), factsOf(d), asOf);
            if (policy.enough(qualifying)) all.add(Candidate.of(d, qualifying));
        });
        List<String> held = all.isEmpty() ? List.of()
                : listings.heldOn(ListType.REPEATED_INFRINGER, all.stream().map(Candidate::uscc).toList());
        Set<String> excluded = new HashSet<>(held);
        List<Candidate> open = all.stream()
                .filter(c -> !excluded.contains(c.uscc()))
                .filter(c -> divisionPrefix == null || c.penalties().stream().anyMatch(p -> divisionPrefix.contains(p.division())))
                .sorted((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : a.uscc().compareTo(b.uscc()))
                .toList();
        int from = Math.min(page * size, open.size());
        return new CandidatePage(open.subList(from, Math.min(from + size, open.size())), page, size, open.size(),
                policy.penalties(), policy.windowYears(), windowStart);
    }

    /**
     * The cases, other than {@code exceptCaseId}, with a standing penalty on {@code subject} decided after {@code after}: an
     * organisation by its USCC, a natural person by {@link #person} of the ID number; none for a subject known by neither.
     */
    public List<String> penalisedAfter(org.gongshi.ledger.vocabulary.Party subject, LocalDate after, String exceptCaseId) {
        String person = subject.uscc() == null ? person(subject.idNumber()) : null;
        if (subject.uscc() == null && person == null) return List.of();
        List<String> cases = new ArrayList<>();
        collection.find(and(subject.uscc() != null ? eq("uscc", subject.uscc()) : eq(PERSON, person), eq("standing", true),
                        gt("decidedOn", date(after)), ne("_id", exceptCaseId)))
                .forEach(d -> cases.add(d.getString("_id")));
        return cases;
    }

    /** The field of a natural person's key ({@link #person}); absent for an organisation and once the subject is shredded. */
    static final String PERSON = "person";

    /**
     * A natural person as the history knows them: a SHA-256 of the ID number (as the ledger checks it, X in upper case), for
     * equality only, so the history never holds the number itself; null for none, or one shredded.
     */
    static String person(String idNumber) {
        if (idNumber == null || idNumber.isBlank() || org.gongshi.ledger.privacy.PersonalData.SHREDDED.equals(idNumber)) return null;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("gongshi-person|" + idNumber.strip().toUpperCase(java.util.Locale.ROOT)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The penalty history of {@code caseIds}, as {@link RepeatedInfringementPolicy} judges it. */
    public List<PenaltyFact> facts(List<String> caseIds) {
        List<PenaltyFact> facts = new ArrayList<>();
        collection.find(Filters.in("_id", caseIds)).forEach(d -> facts.add(fact(d, d.getString("_id"), d.getString("uscc"))));
        return facts;
    }

    /** The penalties of one subject's group in the candidates query. */
    private static List<PenaltyFact> factsOf(Document group) {
        List<PenaltyFact> facts = new ArrayList<>();
        for (Document p : group.getList("penalties", Document.class)) {
            facts.add(fact(p, p.getString("caseId"), group.getString("_id")));
        }
        return facts;
    }

    /** A penalty as {@link RepeatedInfringementPolicy} judges it, from a history document (or a candidate group's entry). */
    private static PenaltyFact fact(Document d, String caseId, String uscc) {
        String ipType = d.getString("ipType"), procedure = d.getString("procedure");
        List<org.gongshi.ledger.vocabulary.PenaltyType> types = d.getList("penaltyTypes", String.class, List.of()).stream()
                .map(org.gongshi.ledger.vocabulary.PenaltyType::valueOf).toList();
        return new PenaltyFact(caseId, uscc, day(d.getDate("decidedOn")), Boolean.TRUE.equals(d.getBoolean("standing")),
                ipType == null ? null : org.gongshi.ledger.vocabulary.IpType.valueOf(ipType),
                procedure != null && RepeatedInfringementPolicy.infringementPenalty(org.gongshi.ledger.vocabulary.Procedure.valueOf(procedure),
                        types, d.getString("violationType")));
    }

    static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * A subject with enough qualifying penalties in the window to be reviewed for the repeated-infringer list: those
     * penalties ({@link RepeatedInfringementPolicy#qualifying}, of one IP type: {@code ipType}) and their number; each penalty
     * carries the name its bureau recorded, and a reader is shown the name of those it may see ({@link #nameIn}: a name of the
     * candidate as a whole mixed the bureaus' names, and showed one withheld from the reader).
     */
    public record Candidate(String uscc, String ipType, int count, List<PenaltyRef> penalties) {

        /**
         * The party's name as the latest of {@code visible} names it (oldest first), or null: a reader sees only names its own
         * penalties record (a security sweep, stop 73: another bureau's name, recorded on a decision it withheld, showed).
         */
        public static String nameIn(List<PenaltyRef> visible) {
            String name = null;
            for (PenaltyRef penalty : visible) if (penalty.subjectName() != null) name = penalty.subjectName();
            return name;
        }

        static Candidate of(Document group, List<String> qualifying) {
            List<PenaltyRef> refs = new ArrayList<>();
            String ipType = null;
            for (Document p : group.getList("penalties", Document.class)) { // oldest decision first
                if (!qualifying.contains(p.getString("caseId"))) continue;
                refs.add(new PenaltyRef(p.getString("caseId"), p.getString("decisionNumber"), day(p.getDate("decidedOn")),
                        p.getString("bureau"), p.getString("division"), p.getString("ipType"), p.getString("subjectName")));
                ipType = p.getString("ipType");
            }
            return new Candidate(group.getString("_id"), ipType, refs.size(), refs);
        }
    }

    /** A qualifying penalty, with the party's name as its bureau recorded it (null in entries recorded without one). */
    public record PenaltyRef(String caseId, String decisionNumber, LocalDate decidedOn, String bureau, String division, String ipType,
                             String subjectName) {}

    public record CandidatePage(List<Candidate> items, int page, int size, long total, int threshold, int windowYears,
                                LocalDate windowStart) {}
}
