package org.gongshi.api.cases;

import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.security.Access;
import org.gongshi.api.security.Caller;
import org.gongshi.api.web.CaseAnswers;
import org.gongshi.api.web.Page;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.ViewReads;
import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.projections.cases.CaseView;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
import java.util.Map;

/** Bureau and supervisor reads of cases (API.md, "Reads for bureaus, supervisors and auditors"). */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseQueryController {

    private static final String VIEW = CaseViewProjection.PROCESSING_GROUP;

    private final CaseViews views;
    private final ViewReads reads;
    private final JsonMapper json;
    private final Clock clock;
    private final Rulebook rules;

    public CaseQueryController(CaseViews views, ViewReads reads, JsonMapper json, Clock ledgerClock, Rulebook rules) {
        this.rules = rules;
        this.views = views;
        this.reads = reads;
        this.json = json;
        this.clock = ledgerClock;
    }

    @GetMapping("/{caseId}")
    Mono<Map<String, Object>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId, ServerHttpRequest request) {
        Params.id("caseId", caseId);
        Caller caller = Access.requireReader(Caller.of(jwt));
        return reads.read(request, () -> {
            CaseView view = views.find(caseId).orElseThrow(() -> new NotFound("No case with id " + caseId
                    + " (to read a case you just filed, send the position its command answered: ?position=)"));
            Access.checkRead(caller, "Case " + caseId, view.bureau(), view.division());
            return CaseAnswers.present(view, LocalDate.now(clock), json, rules);
        }, VIEW);
    }

    @GetMapping
    Mono<Page> list(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                    @RequestParam(required = false) String status,
                    @RequestParam(required = false) String overdue,
                    @RequestParam(required = false) String division,
                    @RequestParam(required = false) String page,
                    @RequestParam(required = false) String size) {
        Caller caller = Caller.of(jwt);
        // every bad parameter at once (a sweep from outside, stop 88: one at a time)
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        CaseStatus wanted = InvalidRequest.checked(problems, () -> Params.oneOf(CaseStatus.class, "status", status));
        Page.Request paging = InvalidRequest.checked(problems, () -> Page.request(page, size));
        Boolean late = InvalidRequest.checked(problems, () -> Params.flag("overdue", overdue));
        InvalidRequest.checked(problems, () -> Params.division(division));
        InvalidRequest.refuseIfAny(problems);
        CaseViews.Scope scope = scope(caller, division);
        LocalDate today = LocalDate.now(clock);
        return reads.read(request, () -> {
            var result = views.list(scope, wanted, late, today, paging.page(), paging.size());
            return Page.of(result.items(), v -> CaseAnswers.present(v, today, json, rules), result.page(), result.size(), result.total());
        }, VIEW);
    }

    private static CaseViews.Scope scope(Caller caller, String division) {
        Access.ReadScope scope = Access.readScope(caller, Params.division(division));
        return new CaseViews.Scope(scope.bureau(), scope.divisionPrefix());
    }

}
