package org.gongshi.projections.stats;

import org.gongshi.ledger.cases.DecisionKind;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.WithholdingGround;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.ledger.disclosure.DisclosabilityPolicy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.time.temporal.ChronoUnit;

/**
 * The target figures of DOMAIN.md ("The target figures") for a scope and a period, computed from the
 * case read model: handling rate, on-time closure, disclosure rate (and on time against the 20 WD
 * and 7 WD deadlines), withdrawal on time, closure-to-filing ratio and average handling days.
 * Each rate carries its numerator and denominator, so a figure can be checked case by case.
 */
public class TargetFigures {

    private final CaseViews cases;

    public TargetFigures(CaseViews cases) {
        this.cases = cases;
    }

    /** The figures of the cases in {@code scope} for the period {@code from}..{@code to} (inclusive). */
    public Figures of(CaseViews.Scope scope, LocalDate from, LocalDate to) {
        Counter handling = new Counter(), onTime = new Counter(), disclosure = new Counter(), samrOnTime = new Counter(),
                doubleOnTime = new Counter(), withdrawal = new Counter();
        long[] filedClosed = new long[2];
        long[] handlingDays = new long[1];
        Map<String, Long> missed = new TreeMap<>();
        cases.forEach(scope, view -> {
            if (view.missedDeadlines() != null) {
                view.missedDeadlines().stream().filter(m -> within(m.dueOn(), from, to)).forEach(m -> missed.merge(m.kind(), 1L, Long::sum));
            }
            var deadline = view.decisionDeadline();
            boolean disposed = Boolean.TRUE.equals(view.disposed());
            if (deadline != null && within(deadline.dueOn(), from, to)) handling.count(disposed);
            LocalDate disposedOn = disposed && deadline != null ? deadline.satisfiedOn() : null;
            if (within(disposedOn, from, to)) {
                onTime.count(Boolean.TRUE.equals(deadline.met()));
                handlingDays[0] += ChronoUnit.DAYS.between(view.filedOn(), disposedOn);
            }
            var decision = view.decision();
            var disclosed = view.disclosure();
            // only a decision withheld on an enumerated ground leaves the denominator; a minor's never enters it
            boolean withheld = disclosed != null && disclosed.action() == DisclosureAction.WITHHOLD
                    && WithholdingGround.isEnumerated(disclosed.ground());
            if (decision != null && decision.kind() == DecisionKind.PENALTY && within(decision.decidedOn(), from, to)
                    && DisclosabilityPolicy.disclosable(view.procedure(), decision.penalties(), view.party(), decision.decidedOn()) && !withheld) {
                boolean published = disclosed != null && disclosed.action() == DisclosureAction.PUBLISH;
                disclosure.count(published);
                samrOnTime.count(published && disclosed.deadline() != null && Boolean.TRUE.equals(disclosed.deadline().met()));
                doubleOnTime.count(published && disclosed.doublePublicityDeadline() != null
                        && Boolean.TRUE.equals(disclosed.doublePublicityDeadline().met()));
            }
            if (disclosed != null && disclosed.withdrawalDeadline() != null && view.revisions() != null && !view.revisions().isEmpty()
                    && within(view.revisions().get(view.revisions().size() - 1).effectiveOn(), from, to)) {
                withdrawal.count(Boolean.TRUE.equals(disclosed.withdrawalDeadline().met()));
            }
            if (within(view.filedOn(), from, to)) filedClosed[0]++;
            if (view.closure() != null && within(view.closure().closedOn(), from, to)) filedClosed[1]++;
        });
        return new Figures(scope.divisionPrefix() == null ? null : scope.divisionPrefix().code(), scope.bureau(), from, to,
                handling.rate("100%"), onTime.rate("100%"), disclosure.rate("100%"), samrOnTime.rate("100%"), doubleOnTime.rate("100%"),
                withdrawal.rate("100%"), new Rate(filedClosed[1], filedClosed[0], ratio(filedClosed[1], filedClosed[0]), "> 90%"),
                onTime.total == 0 ? null : BigDecimal.valueOf(handlingDays[0]).divide(BigDecimal.valueOf(onTime.total), 1, RoundingMode.HALF_UP),
                missed);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    private static final class Counter {
        long met;
        long total;

        void count(boolean ok) {
            total++;
            if (ok) met++;
        }

        Rate rate(String target) {
            return new Rate(met, total, ratio(met, total), target);
        }
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
