package org.gongshi.api.publicsite;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.web.Page;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.PublicAnswers;
import org.gongshi.api.web.ViewReads;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.publicrecords.PublicRecordProjection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public JSON API (API.md, "Public"): no token needed. */
@RestController
@RequestMapping("/api/v1/public")
public class PublicApiController {

    private static final String RECORDS = PublicRecordProjection.PROCESSING_GROUP;
    private static final String LISTINGS = ListingViewProjection.PROCESSING_GROUP;

    private final PublicQueries queries;
    private final ViewReads reads;
    private final JsonMapper json;
    private final PublicLists lists;

    public PublicApiController(PublicQueries queries, ViewReads reads, JsonMapper json, ListingViews listingViews,
                              org.gongshi.api.security.BureauRegistry bureaus, org.gongshi.ledger.calendar.LedgerClock clock) {
        this.queries = queries;
        this.reads = reads;
        this.json = json;
        this.lists = new PublicLists(listingViews, bureaus, clock);
    }

    @GetMapping("/penalties")
    Mono<Map<String, Object>> penalties(ServerHttpRequest request, @RequestParam(required = false) String q, @RequestParam(required = false) String uscc,
                         @RequestParam(required = false) String division, @RequestParam(required = false) String ipType,
                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        // every bad parameter at once, as the page names them (a sweep from outside, stop 88: page and size after the rest)
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        var search = InvalidRequest.checked(problems, () -> PublicQueries.search(q, uscc, division, ipType, from, to));
        Page.Request paging = InvalidRequest.checked(problems, () -> Page.request(page, size));
        InvalidRequest.refuseIfAny(problems);
        return reads.await(request, RECORDS).then(queries.search(search, paging.page(), paging.size()))
                .map(result -> Page.of(result.items(), v -> PublicAnswers.record(v, json), result.page(), result.size(), result.total())
                        .with("totalIsLowerBound", result.totalIsLowerBound()));
    }

    /** A decision published again after a change is the record {@code <decisionId>/<edition>}: its id holds a slash. */
    @GetMapping("/penalties/{decisionId}/{edition:[0-9]+}")
    Mono<ResponseEntity<?>> penalty(@PathVariable String decisionId, @PathVariable String edition, ServerHttpRequest request) {
        return record(Params.id("decisionId", decisionId) + "/" + edition, request);
    }

    @GetMapping("/penalties/{recordId}")
    Mono<ResponseEntity<?>> penalty(@PathVariable String recordId, ServerHttpRequest request) {
        return record(Params.id("recordId", recordId), request);
    }

    private Mono<ResponseEntity<?>> record(String recordId, ServerHttpRequest request) {
        return reads.await(request, RECORDS).then(queries.record(recordId))
                .switchIfEmpty(Mono.error(() -> new NotFound("No public penalty record " + recordId)))
                .map(view -> view.state() == RecordState.PUBLISHED
                        ? ResponseEntity.ok(PublicAnswers.record(view, json))
                        : ResponseEntity.status(410).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(PublicAnswers.gone(view)));
    }

    /**
     * A subject's public penalties, newest first, a page of them ({@code page}, {@code size}: absent, the first
     * {@value Page#MAX_SIZE}, where a subject with more had its every record in one answer), with how many there are
     * ({@code penaltiesTotal}, counted up to a thousand: {@code penaltiesTotalIsLowerBound} says more), and its current list
     * entries.
     */
    @GetMapping("/subjects/{uscc}")
    Mono<Map<String, Object>> subject(@PathVariable String uscc, ServerHttpRequest request,
                                      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        InvalidRequest.checked(problems, () -> PublicQueries.search(null, uscc, null, null, null, null));
        Page.Request paging = InvalidRequest.checked(problems, () -> Page.request(page, size, Page.MAX_SIZE));
        InvalidRequest.refuseIfAny(problems);
        return reads.await(request, RECORDS, LISTINGS).then(Mono.zip(queries.ofSubject(uscc, paging.page(), paging.size()), lists.of(uscc)))
                .map(found -> {
                    var records = found.getT1().records();
                    var entries = found.getT2();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("uscc", uscc);
                    body.put("name", found.getT1().name() != null ? found.getT1().name() : PublicLists.subjectName(entries));
                    body.put("penalties", records.items().stream().map(v -> PublicAnswers.record(v, json)).toList());
                    body.put("page", records.page());
                    body.put("size", records.size());
                    body.put("penaltiesTotal", records.total());
                    body.put("penaltiesTotalIsLowerBound", records.totalIsLowerBound());
                    body.put("listEntries", entries.stream().map(lists::present).toList());
                    return body;
                });
    }

    /**
     * The entries on a credit list now (严重失信主体名单, 重复侵权企业名录, 黑名单), most recently listed first; optionally in one
     * division, of subjects whose name holds {@code q}, or of the subject {@code uscc}.
     */
    @GetMapping("/lists/{listType}")
    Mono<Page> list(@PathVariable String listType, ServerHttpRequest request, @RequestParam(required = false) String division,
                    @RequestParam(required = false) String q, @RequestParam(required = false) String uscc,
                    @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        ListType type = PublicLists.listType(listType);
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        PublicQueries.ListFilter filter = InvalidRequest.checked(problems, () -> PublicQueries.listFilter(division, q, uscc));
        Page.Request paging = InvalidRequest.checked(problems, () -> Page.request(page, size));
        InvalidRequest.refuseIfAny(problems);
        return reads.await(request, LISTINGS).then(lists.onList(type, filter, paging.page(), paging.size()))
                .map(result -> Page.of(result.items(), lists::present, result.page(), result.size(), result.total()));
    }

}
