package org.gongshi.api.listings;

import org.gongshi.api.publicsite.PublicQueries;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.security.Access;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.listings.ListType;
import org.gongshi.ledger.listings.ListingStatus;
import org.gongshi.projections.listings.ListingView;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.listings.PenaltyHistory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bureau reads of credit-list entries and the repeated-infringer review queue. */
@RestController
@RequestMapping("/api/v1/listings")
public class ListingQueryController {

    private final ListingViews views;
    private final PenaltyHistory penalties;
    private final JsonMapper json;
    private final Clock clock;

    public ListingQueryController(ListingViews views, PenaltyHistory penalties, JsonMapper json, Clock ledgerClock) {
        this.views = views;
        this.penalties = penalties;
        this.json = json;
        this.clock = ledgerClock;
    }

    /**
     * 重复侵权 candidates: subjects with the policy's number of standing penalties within its window,
     * not yet proposed for or on the repeated-infringer list. The queue is scoped like every read
     * ({@link Access}): a bureau's officers see the subjects resting on at least one of their own
     * bureau's penalties, supervisors and auditors those with a penalty in their division. Of another
     * bureau's penalties outside the reader's scope only the count shows (never case ids, decision
     * numbers or the bureau), so that a decision withheld from disclosure stays unseen. The queue
     * lists nobody by itself.
     */
    @GetMapping("/candidates")
    Mono<Map<String, Object>> candidates(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String division,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.of(jwt);
        PublicQueries.checkPage(page, size);
        Access.ReadScope scope = Access.readScope(caller, division);
        return Mono.fromCallable(() -> {
            var result = penalties.candidates(LocalDate.now(clock), scope.divisionPrefix(), 0, Integer.MAX_VALUE);
            List<Map<String, Object>> visible = new ArrayList<>();
            for (PenaltyHistory.Candidate c : result.items()) {
                List<PenaltyHistory.PenaltyRef> own = c.penalties().stream()
                        .filter(p -> Access.maySee(caller, p.bureau(), p.division())).toList();
                if (own.isEmpty()) continue;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("uscc", c.uscc());
                item.put("subjectName", c.subjectName());
                item.put("count", c.count());
                item.put("penalties", own);
                item.put("penaltiesOutsideYourScope", c.count() - own.size());
                visible.add(item);
            }
            int from = (int) Math.min((long) page * size, visible.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", visible.subList(from, Math.min(from + size, visible.size())));
            body.put("page", page);
            body.put("size", size);
            body.put("total", visible.size());
            body.put("rule", "at least " + result.threshold() + " standing infringement penalties decided after " + result.windowStart()
                    + " (" + result.windowYears() + " years); a bureau decides whether to propose a listing");
            return body;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{listingId}")
    Mono<Map<String, Object>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String listingId) {
        Caller caller = Access.requireReader(Caller.of(jwt));
        return Mono.fromCallable(() -> {
            ListingView view = views.find(listingId).orElseThrow(() -> new NotFound("No listing with id " + listingId
                    + " (a listing just proposed appears within a moment)"));
            Access.checkRead(caller, "Listing " + listingId, view.bureau(), view.division());
            return present(view);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String listType, @RequestParam(required = false) String division,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.of(jwt);
        PublicQueries.checkPage(page, size);
        ListingStatus wantedStatus = parse(ListingStatus.class, "status", status);
        ListType wantedList = parse(ListType.class, "listType", listType);
        Access.ReadScope scope = Access.readScope(caller, division);
        return Mono.fromCallable(() -> {
            var result = views.list(scope.bureau(), scope.divisionPrefix(), wantedStatus, wantedList, page, size);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", result.items().stream().map(this::present).toList());
            body.put("page", result.page());
            body.put("size", result.size());
            body.put("total", result.total());
            return body;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Map<String, Object> present(ListingView view) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(view, LinkedHashMap.class);
        body.remove("lastGlobalIndex");
        return body;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
