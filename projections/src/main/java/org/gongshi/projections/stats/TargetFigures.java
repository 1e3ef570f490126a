package org.gongshi.projections.stats;

import org.gongshi.projections.cases.CaseViews;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The target figures of DOMAIN.md ("The target figures") for a scope and a period: handling rate, on-time
 * closure, disclosure rate (and on time against the 20 WD and 7 WD deadlines), withdrawal on time,
 * closure-to-filing ratio and average handling days. Each rate carries its numerator and denominator, so a
 * figure can be checked case by case. Answered from the counters kept as events land ({@link FigureCounters});
 * {@link #scanned} computes the same from every case view, with the same definitions ({@link CaseFigures}),
 * to check the counters (a test, or an operator after a rebuild).
 */
public class TargetFigures {

    private final CaseViews cases;
    private final FigureCounters counters;

    public TargetFigures(CaseViews cases, FigureCounters counters) {
        this.cases = cases;
        this.counters = counters;
    }

    /**
     * The figures of the cases in {@code scope} for the period {@code from}..{@code to} (inclusive): key lookups (a scan
     * only while counters of an older layout wait for the case views' replay).
     */
    public Figures of(CaseViews.Scope scope, LocalDate from, LocalDate to) {
        return counters.of(scope, from, to).orElseGet(() -> scanned(scope, from, to));
    }

    /** The same figures computed by reading every case view in {@code scope} (a scan: a check, never a request's answer). */
    public Figures scanned(CaseViews.Scope scope, LocalDate from, LocalDate to) {
        CaseFigures.Tally tally = new CaseFigures.Tally();
        String fromDay = from.toString(), toDay = to.toString();
        cases.forEach(scope, view -> CaseFigures.of(view).forEach((day, counts) -> {
            if (day.compareTo(fromDay) >= 0 && day.compareTo(toDay) <= 0) tally.addAll(counts);
        }));
        return tally.figures(scope.divisionPrefix() == null ? null : scope.divisionPrefix().code(), scope.bureau(), from, to);
    }

    /** {@code numerator} ÷ {@code denominator} ({@code value} is null when nothing was due), and the policy target. */
    public record Rate(long numerator, long denominator, BigDecimal value, String target) {}

    /**
     * @param averageHandlingDays mean calendar days from filing to disposition, for dispositions in the period
     * @param missedDeadlines     deadlines falling in the period that the ledger recorded as missed
     *                            ({@code DecisionDeadlineMissed} etc.), by kind
     */
    public record Figures(String division, String bureau, LocalDate from, LocalDate to, Rate handlingRate, Rate onTimeClosure,
                          Rate disclosureRate, Rate disclosureOnTime, Rate doublePublicityOnTime, Rate withdrawalOnTime,
                          Rate closureToFiling, BigDecimal averageHandlingDays, Map<String, Long> missedDeadlines) {}
}
