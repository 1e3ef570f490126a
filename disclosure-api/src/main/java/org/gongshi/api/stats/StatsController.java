package org.gongshi.api.stats;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.security.Access;
import org.gongshi.api.security.Caller;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.PublicFigures;
import org.gongshi.api.web.ViewReads;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.stats.TargetFigures;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.gongshi.ledger.identity.Division;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The target figures (DOMAIN.md): for bureaus and supervisors over their scope and any period, and
 * for the public by division and year (disclosure and closure figures).
 */
@RestController
public class StatsController {

    private static final String VIEW = CaseViewProjection.PROCESSING_GROUP;

    private final TargetFigures figures;
    private final ViewReads reads;
    private final Clock clock;
    private final PublicFigures publicFigures;

    public StatsController(TargetFigures targetFigures, ViewReads reads, Clock ledgerClock, PublicFigures publicFigures) {
        this.figures = targetFigures;
        this.reads = reads;
        this.clock = ledgerClock;
        this.publicFigures = publicFigures;
    }

    /**
     * A period whose end lies before its start, said of what was sent: a bound left out is the ledger's current year's (a sweep
     * from outside, stop 84: to=2025-06-30 alone was told "not before from (2026-01-01)", a from never sent).
     */
    private static InvalidRequest reversed(String from, String to, LocalDate start, LocalDate end) {
        if (Params.absent(to)) {
            return InvalidRequest.of("from", "must not be after to (" + end + ", the last day of the ledger's current year, as to is when"
                    + " not sent): send to as well");
        }
        if (Params.absent(from)) {
            return InvalidRequest.of("to", "must not be before from (" + start + ", the first day of the ledger's current year, as from is"
                    + " when not sent): send from as well");
        }
        // both sent: the first day is named, as a search names it
        return InvalidRequest.of("from", "must not be after to (" + end + ")");
    }

    /** {@code from}/{@code to} default to the current year; a bureau's officers see their bureau, supervisors their division. */
    @GetMapping("/api/v1/stats")
    Mono<TargetFigures.Figures> stats(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request, @RequestParam(required = false) String division,
                                      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        // every bad parameter at once (a sweep from outside, stop 88: one at a time)
        java.util.List<InvalidRequest.FieldProblem> problems = new java.util.ArrayList<>();
        Division prefix = InvalidRequest.checked(problems, () -> Params.division(division));
        LocalDate today = LocalDate.now(clock);
        LocalDate start = InvalidRequest.checked(problems, () -> inTheYears("from", Params.date("from", from, today.withDayOfYear(1))));
        LocalDate end = InvalidRequest.checked(problems, () -> inTheYears("to", Params.date("to", to, today.withDayOfYear(today.lengthOfYear()))));
        if (start != null && end != null && end.isBefore(start)) problems.addAll(reversed(from, to, start, end).errors());
        InvalidRequest.refuseIfAny(problems);
        Access.ReadScope scope = Access.readScope(Caller.of(jwt), prefix);
        return reads.read(request, () -> figures.of(new CaseViews.Scope(scope.bureau(), scope.divisionPrefix()), start, end), VIEW);
    }

    /** The public figures of a division (prefix) for a year (default the current one). */
    @GetMapping("/api/v1/public/stats")
    Mono<Map<String, Object>> publicStats(ServerHttpRequest request, @RequestParam(required = false) String division,
                                          @RequestParam(required = false) String year) {
        java.util.List<InvalidRequest.FieldProblem> problems = new java.util.ArrayList<>();
        Division prefix = InvalidRequest.checked(problems, () -> Params.division(division));
        Integer asked = InvalidRequest.checked(problems, () -> publicFigures.year(year));
        InvalidRequest.refuseIfAny(problems);
        int y = asked;
        return reads.read(request, () -> PublicFigures.answer(prefix, y, publicFigures.of(prefix, y)), VIEW);
    }

    /** The years the public figures answer for bound a supervisor's period too (a sweep from outside: from=-999999999-01-01 answered 200). */
    private static LocalDate inTheYears(String field, LocalDate day) {
        if (day.getYear() < PublicFigures.FIRST_YEAR || day.getYear() > PublicFigures.LAST_YEAR) {
            throw InvalidRequest.of(field, "must be a date from " + PublicFigures.FIRST_YEAR + "-01-01 to " + PublicFigures.LAST_YEAR + "-12-31");
        }
        return day;
    }
}
