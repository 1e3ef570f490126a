package org.gongshi.api.cases;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.publicsite.PublicQueries;
import org.gongshi.api.security.Access;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.projections.cases.CaseView;
import org.gongshi.projections.cases.CaseViews;
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

/** Bureau and supervisor reads of cases (API.md, "Reads for bureaus, supervisors and auditors"). */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseQueryController {

    private final CaseViews views;
    private final JsonMapper json;
    private final Clock clock;

    public CaseQueryController(CaseViews views, JsonMapper json, Clock ledgerClock) {
        this.views = views;
        this.json = json;
        this.clock = ledgerClock;
    }

    @GetMapping("/{caseId}")
    Mono<Map<String, Object>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId) {
        Caller caller = Access.requireReader(Caller.of(jwt));
        return Mono.fromCallable(() -> {
            CaseView view = views.find(caseId).orElseThrow(() -> new NotFound("No case with id " + caseId
                    + " (a case just filed appears within a moment)"));
            Access.checkRead(caller, "Case " + caseId, view.bureau(), view.division());
            return present(view, LocalDate.now(clock));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) Boolean overdue,
                                   @RequestParam(required = false) String division,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.of(jwt);
        CaseStatus wanted = parseStatus(status);
        PublicQueries.checkPage(page, size);
        CaseViews.Scope scope = scope(caller, division);
        LocalDate today = LocalDate.now(clock);
        return Mono.fromCallable(() -> {
            var result = views.list(scope, wanted, Boolean.TRUE.equals(overdue) ? today : null, page, size);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", result.items().stream().map(v -> present(v, today)).toList());
            body.put("page", result.page());
            body.put("size", result.size());
            body.put("total", result.total());
            return body;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static CaseViews.Scope scope(Caller caller, String division) {
        Access.ReadScope scope = Access.readScope(caller, division);
        return new CaseViews.Scope(scope.bureau(), scope.divisionPrefix());
    }

    private static CaseStatus parseStatus(String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("status", "must be one of " + Arrays.toString(CaseStatus.values()));
        }
    }

    /** The stored view plus what depends on today: whether the decision deadline is overdue. */
    private Map<String, Object> present(CaseView view, LocalDate today) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(view, LinkedHashMap.class);
        boolean open = !Boolean.TRUE.equals(view.disposed());
        body.put("overdue", open && view.decisionDeadline() != null && today.isAfter(view.decisionDeadline().dueOn()));
        body.put("escalationDue", open && view.escalationDueOn() != null && !today.isBefore(view.escalationDueOn()));
        body.remove("lastGlobalIndex");
        return body;
    }

}
