package org.gongshi.api.publicsite;

import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.identity.Uscc;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.ViewReads;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.ledger.identity.Division;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the public JSON API and the public pages share: parameter checking, the search, and what a
 * record that is no longer public answers (410 with the reason). A record is public until its publicity period ends on the
 * ledger's day, whether or not the end is recorded yet: a historical import's record whose period ended years ago is
 * recorded expired only after the import's grace day, and was public until then (a sweep from outside, stop 74).
 */
public class PublicQueries {

    private final PublicRecords records;
    private final org.gongshi.ledger.calendar.LedgerClock clock;

    public PublicQueries(PublicRecords records, org.gongshi.ledger.calendar.LedgerClock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** What a search says when its name part holds only what names and queries leave out. */
    static final String NOTHING_TO_SEARCH = "must hold a character of a name: middle dots (·, •) are left out of names and queries"
            + " alike, and it holds nothing else";

    /** What a search says when its first day is after its last (the pages say it in their own words, {@link FormError}). */
    static final String FROM_AFTER_TO = "must not be after 'to'";

    /** Parses and checks the search parameters; bad ones are a 400 naming every bad field, not only the first. */
    public static PublicRecords.Search search(String q, String uscc, String division, String ipType, String from, String to) {
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        checkSubject(problems, q, uscc);
        Division prefix = InvalidRequest.checked(problems, () -> Params.division(division));
        LocalDate fromDate = InvalidRequest.checked(problems, () -> Params.date("from", from, null));
        LocalDate toDate = InvalidRequest.checked(problems, () -> Params.date("to", to, null));
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) problems.add(new InvalidRequest.FieldProblem("from", FROM_AFTER_TO));
        IpType type = InvalidRequest.checked(problems, () -> Params.oneOf(IpType.class, "ipType", ipType));
        InvalidRequest.refuseIfAny(problems);
        return new PublicRecords.Search(blankToNull(q), blankToNull(uscc), prefix, type, fromDate, toDate);
    }

    /**
     * A list's filters ({@code /lists/{listType}}, the API's and the page's): a division prefix, a name's part {@code q} and a
     * subject's {@code uscc}, checked as a search checks them; bad ones are a 400 naming every bad field.
     */
    public static ListFilter listFilter(String division, String q, String uscc) {
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        Division prefix = InvalidRequest.checked(problems, () -> Params.division(division));
        checkSubject(problems, q, uscc);
        InvalidRequest.refuseIfAny(problems);
        return new ListFilter(prefix, blankToNull(q), blankToNull(uscc));
    }

    /** The filters of a list: each null when not given. */
    public record ListFilter(Division division, String name, String uscc) {}

    /**
     * A subject's name part {@code q} (at most as long as a name may be, {@link Bounds#NAME} characters: a whole name is
     * searchable, where 100 refused the full name of a record a sweep from outside published, stop 84) and code
     * {@code uscc} (GB 32100), as a search and a list take them.
     */
    private static void checkSubject(List<InvalidRequest.FieldProblem> problems, String q, String uscc) {
        // characters, as every text's bound counts them (Bounds): a name in CJK Extension B takes two UTF-16 units a character
        if (q != null && q.codePointCount(0, q.length()) > Bounds.queryValue("q")) {
            problems.add(new InvalidRequest.FieldProblem("q", "must be at most " + Bounds.queryValue("q") + " characters"));
        } else if (!Params.absent(q) && org.gongshi.projections.publicrecords.NameKeys.normalise(q).isEmpty()) {
            // a query of middle dots only searched for nothing, so matched every record: q=• answered all 25 as names holding •
            // (a public pages sweep, stop 85), where the lists found the one name written with it
            problems.add(new InvalidRequest.FieldProblem("q", NOTHING_TO_SEARCH));
        }
        if (!Params.absent(uscc)) {
            // a code with a wrong check character names nobody: say so rather than answer an empty list (GB 32100)
            Uscc.problem(uscc.strip()).ifPresent(problem ->
                    problems.add(new InvalidRequest.FieldProblem("uscc", "is not a unified social credit code: " + problem)));
        }
    }

    /**
     * A page of a search, without a record whose period ended before the ledger's day: left out of the page, not of the query,
     * whose count the index answers without reading a record (the condition in the query made every count read up to 1,001
     * records: public search at 100,000 records 2.4 → 19.6 ms p50, issue 13's bench, stop 74). Such a record's end is recorded
     * in the first minutes of the day after its period, so a count may hold it meanwhile; a historical import's record ended
     * before the import stands expired in the view from the start (PublicRecordProjection), so no count holds it.
     */
    public Mono<PublicRecords.Page> search(PublicRecords.Search search, int page, int size) {
        return ViewReads.blocking(() -> {
            LocalDate today = clock.today();
            PublicRecords.Page found = records.search(search, page, size);
            List<PublicRecordView> stillPublic = found.items().stream().filter(v -> v.asOn(today).state() == RecordState.PUBLISHED).toList();
            return stillPublic.size() == found.items().size() ? found
                    : new PublicRecords.Page(stillPublic, found.page(), found.size(), found.total(), found.totalIsLowerBound());
        });
    }

    public Mono<PublicRecordView> record(String recordId) {
        return ViewReads.blocking(() -> records.find(recordId).map(view -> view.asOn(clock.today())).orElse(null));
    }

    /** A page of a subject's public records and the name on its newest one (null when it has none). */
    public record SubjectPage(PublicRecords.Page records, String name) {}

    /**
     * A page of a subject's public records still public on the ledger's day (each of its few records read to count it), newest
     * first (the search by its code alone), with the name on its newest record,
     * read apart when the page is past the last (a re-check from outside: the name was null there, the page headed by the code).
     */
    public Mono<SubjectPage> ofSubject(String uscc, int page, int size) {
        PublicRecords.Search bySubject = new PublicRecords.Search(null, uscc, null, null, null, null).publicOn(clock.today());
        return ViewReads.blocking(() -> {
            PublicRecords.Page found = records.search(bySubject, page, size);
            List<PublicRecordView> newest = !found.items().isEmpty() || found.total() == 0 ? found.items() : records.search(bySubject, 0, 1).items();
            return new SubjectPage(found, newest.isEmpty() ? null : newest.get(0).record().subjectName());
        });
    }

    /** Null for a field that asks for nothing ({@link Params#absent}: a blank or invisible {@code q} is no query), else the value stripped. */
    private static String blankToNull(String s) {
        return Params.absent(s) ? null : s.strip();
    }
}
