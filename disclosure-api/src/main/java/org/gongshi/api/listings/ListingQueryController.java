package org.gongshi.api.listings;

import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.ListingStatus;
import org.gongshi.projections.listings.ListingView;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.listings.PenaltyHistory;
import org.gongshi.api.web.RequestParams;
import org.gongshi.ledger.identity.Division;
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
import java.util.Arrays;
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
     * not yet proposed for or on the repeated-infringer list. Supervisors see their division, a bureau
     * its own division unless it names a narrower one. The queue lists nobody by itself.
     */
    @GetMapping("/candidates")
    Mono<Map<String, Object>> candidates(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String division,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.of(jwt);
        RequestParams.checkPage(page, size);
        Division prefix = caller.readScope(RequestParams.division(division)).divisionPrefix();
        return Mono.fromCallable(() -> {
            var result = penalties.candidates(LocalDate.now(clock), prefix, page, size);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", result.items());
            body.put("page", result.page());
            body.put("size", result.size());
            body.put("total", result.total());
            body.put("rule", "at least " + result.threshold() + " standing infringement penalties decided after " + result.windowStart()
                    + " (" + result.windowYears() + " years); a bureau decides whether to propose a listing");
            return body;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{listingId}")
    Mono<Map<String, Object>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String listingId) {
        Caller caller = Caller.of(jwt);
        return Mono.fromCallable(() -> {
            ListingView view = views.find(listingId).orElseThrow(() -> new NotFound("No listing with id " + listingId
                    + " (a listing just proposed appears within a moment)"));
            if (!caller.maySee(view.bureau(), view.division())) {
                throw new Forbidden("Listing " + listingId + " belongs to another bureau outside your division");
            }
            return present(view);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String listType, @RequestParam(required = false) String division,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.of(jwt);
        RequestParams.checkPage(page, size);
        ListingStatus wantedStatus = parse(ListingStatus.class, "status", status);
        ListType wantedList = parse(ListType.class, "listType", listType);
        Caller.ReadScope scope = caller.readScope(RequestParams.division(division));
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
