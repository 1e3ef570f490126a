package org.gongshi.api.listings;

import org.gongshi.api.problem.NotFound;
import org.gongshi.api.security.Access;
import org.gongshi.api.security.Caller;
import org.gongshi.api.web.Page;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.ViewReads;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.listings.ListingStatus;
import org.gongshi.projections.listings.ListingView;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.listings.PenaltyHistory;
import org.gongshi.projections.listings.PenaltyHistoryProjection;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.gongshi.ledger.identity.Division;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bureau reads of credit-list entries and the repeated-infringer review queue. */
@RestController
@RequestMapping("/api/v1/listings")
public class ListingQueryController {

    private static final String VIEW = ListingViewProjection.PROCESSING_GROUP;

    private final ListingViews views;
    private final PenaltyHistory penalties;
    private final ViewReads reads;
    private final JsonMapper json;
    private final Clock clock;

    public ListingQueryController(ListingViews views, PenaltyHistory penalties, ViewReads reads, JsonMapper json, Clock ledgerClock) {
        this.views = views;
        this.penalties = penalties;
        this.reads = reads;
        this.json = json;
        this.clock = ledgerClock;
    }

    /**
     * 重复侵权 candidates: subjects with the policy's number of standing infringement penalties of one IP type within
     * its window, each shown with those penalties only, not yet proposed for or on the repeated-infringer list. The queue is scoped like every read
     * ({@link Access}): a bureau's officers see the subjects resting on at least one of their own
     * bureau's penalties, supervisors and auditors those with a penalty in their division. Of another
     * bureau's penalties outside the reader's scope only the count shows (never case ids, decision
     * numbers or the bureau), so that a decision withheld from disclosure stays unseen. The queue
     * lists nobody by itself.
     */
    @GetMapping("/candidates")
    Mono<Map<String, Object>> candidates(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                         @RequestParam(required = false) String division,
                                         @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Caller caller = Caller.of(jwt);
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        Page.Request paging = InvalidRequest.checked(problems, () -> Page.request(page, size));
        var prefix = InvalidRequest.checked(problems, () -> Params.division(division));
        InvalidRequest.refuseIfAny(problems);
        Access.ReadScope scope = Access.readScope(caller, prefix);
        return reads.read(request, () -> {
            var result = penalties.candidates(LocalDate.now(clock), scope.divisionPrefix(), 0, Integer.MAX_VALUE);
            List<Map<String, Object>> visible = new ArrayList<>();
            for (PenaltyHistory.Candidate c : result.items()) {
                List<PenaltyHistory.PenaltyRef> own = c.penalties().stream()
                        .filter(p -> Access.maySee(caller, p.bureau(), p.division())).toList();
                if (own.isEmpty()) continue;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("uscc", c.uscc());
                item.put("subjectName", PenaltyHistory.Candidate.nameIn(own));
                item.put("count", c.count());
                item.put("penalties", own);
                item.put("penaltiesOutsideYourScope", c.count() - own.size());
                visible.add(item);
            }
            int from = (int) Math.min((long) paging.page() * paging.size(), visible.size());
            return new Page(visible.subList(from, (int) Math.min((long) from + paging.size(), visible.size())), paging.page(), paging.size(), visible.size())
                    .with("rule", "at least " + result.threshold() + " standing ordinary-procedure infringement penalties of one IP type decided on or after " + result.windowStart()
                            + " (" + result.windowYears() + " years); a bureau decides whether to propose a listing");
        }, PenaltyHistoryProjection.PROCESSING_GROUP, VIEW);
    }

    @GetMapping("/{listingId}")
    Mono<Map<String, Object>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String listingId, ServerHttpRequest request) {
        Params.id("listingId", listingId);
        Caller caller = Access.requireReader(Caller.of(jwt));
        return reads.read(request, () -> {
            ListingView view = views.find(listingId).orElseThrow(() -> new NotFound("No listing with id " + listingId
                    + " (to read a listing you just proposed, send the position its command answered: ?position=)"));
            Access.checkRead(caller, "Listing " + listingId, view.bureau(), view.division());
            return present(view);
        }, VIEW);
    }

    @GetMapping
    Mono<Page> list(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String listType, @RequestParam(required = false) String division,
                    @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Caller caller = Caller.of(jwt);
        // every bad parameter at once (a sweep from outside, stop 88: one at a time)
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        Page.Request paging = InvalidRequest.checked(problems, () -> Page.request(page, size));
        ListingStatus wantedStatus = InvalidRequest.checked(problems, () -> Params.oneOf(ListingStatus.class, "status", status));
        ListType wantedList = InvalidRequest.checked(problems, () -> Params.oneOf(ListType.class, "listType", listType));
        var prefix = InvalidRequest.checked(problems, () -> Params.division(division));
        InvalidRequest.refuseIfAny(problems);
        Access.ReadScope scope = Access.readScope(caller, prefix);
        return reads.read(request, () -> {
            var result = views.list(scope.bureau(), scope.divisionPrefix(), wantedStatus, wantedList, paging.page(), paging.size());
            return Page.of(result.items(), this::present, result.page(), result.size(), result.total());
        }, VIEW);
    }

    private Map<String, Object> present(ListingView view) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(view, LinkedHashMap.class);
        body.remove("lastGlobalIndex");
        return body;
    }
}
