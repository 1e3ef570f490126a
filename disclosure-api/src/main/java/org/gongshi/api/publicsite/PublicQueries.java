package org.gongshi.api.publicsite;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.identity.Uscc;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.ViewReads;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.ledger.identity.Division;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public JSON API and the public pages share: parameter checking, the search, and what a
 * record that is no longer public answers (410 with the reason).
 */
public class PublicQueries {

    private final PublicRecords records;

    public PublicQueries(PublicRecords records) {
        this.records = records;
    }

    /** Parses and checks the search parameters; a bad one is a 400 naming the field. */
    public static PublicRecords.Search search(String q, String uscc, String division, String ipType, String from, String to) {
        if (q != null && q.length() > 100) throw InvalidRequest.of("q", "must be at most 100 characters");
        Division prefix = Params.division(division);
        if (!Params.absent(uscc)) {
            // a code with a wrong check character names nobody: say so rather than answer an empty list (GB 32100)
            Uscc.problem(uscc.strip()).ifPresent(problem -> {
                throw InvalidRequest.of("uscc", "is not a unified social credit code: " + problem);
            });
        }
        LocalDate fromDate = Params.date("from", from, null), toDate = Params.date("to", to, null);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) throw InvalidRequest.of("from", "must not be after 'to'");
        return new PublicRecords.Search(blankToNull(q), blankToNull(uscc), prefix, Params.oneOf(IpType.class, "ipType", ipType),
                fromDate, toDate);
    }

    public Mono<PublicRecords.Page> search(PublicRecords.Search search, int page, int size) {
        return ViewReads.blocking(() -> records.search(search, page, size));
    }

    public Mono<PublicRecordView> record(String recordId) {
        return ViewReads.blocking(() -> records.find(recordId).orElse(null));
    }

    public Mono<List<PublicRecordView>> ofSubject(String uscc) {
        return ViewReads.blocking(() -> records.ofSubject(uscc));
    }

    /** Null for a field that asks for nothing ({@link Params#absent}: a blank or invisible {@code q} is no query), else the value stripped. */
    private static String blankToNull(String s) {
        return Params.absent(s) ? null : s.strip();
    }
}
