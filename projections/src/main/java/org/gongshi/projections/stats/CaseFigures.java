package org.gongshi.projections.stats;

import org.gongshi.ledger.cases.DecisionKind;
import org.gongshi.ledger.disclosure.DisclosabilityPolicy;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.WithholdingGround;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.projections.cases.CaseView;
import org.gongshi.projections.cases.CaseView.DeadlineView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one definition of the target figures (DOMAIN.md, "The target figures") case by case: what one case
 * contributes, as counts on the days they fall on. A period's figures are the sum of the counts whose day
 * lies in it, whether summed from every case (the scan) or from counters kept as events land.
 */
public final class CaseFigures {

    /** The counts, each summed over the cases; {@code _met}/{@code _total} pairs make the rates. */
    static final String HANDLING_MET = "handling_met", HANDLING_TOTAL = "handling_total", ON_TIME_MET = "onTime_met",
            DISPOSED = "disposed", HANDLING_DAYS = "handlingDays", DISCLOSED = "disclosure_met", DISCLOSABLE = "disclosure_total",
            DISCLOSED_ON_TIME = "disclosureOnTime_met", DOUBLE_PUBLICITY_ON_TIME = "doublePublicityOnTime_met",
            DOUBLE_PUBLICITY_DUE = "doublePublicityOnTime_total",
            WITHDRAWN_ON_TIME = "withdrawal_met", WITHDRAWAL_DUE = "withdrawal_total", FILED = "filed", CLOSED = "closed",
            MISSED = "missed_";

    private CaseFigures() {
    }

    /** What {@code view} contributes: count name → value, per day ({@code yyyy-MM-dd}); counts of zero are left out. */
    public static Map<String, Map<String, Long>> of(CaseView view) {
        Map<String, Map<String, Long>> byDay = new TreeMap<>();
        Adder add = (day, name, value) -> {
            if (day != null && value != 0) byDay.computeIfAbsent(day.toString(), d -> new TreeMap<>()).merge(name, value, Long::sum);
        };
        if (view.missedDeadlines() != null) view.missedDeadlines().forEach(m -> add.add(m.dueOn(), MISSED + m.kind(), 1));
        var deadline = view.decisionDeadline();
        boolean disposed = Boolean.TRUE.equals(view.disposed());
        // a deadline has fallen once the case was disposed of, or once the ledger recorded it missed: an open case whose
        // deadline is still to come is pending, neither handled nor failed (it would read as a failure until its day)
        if (deadline != null && (disposed || missed(view, "DECISION"))) {
            add.add(deadline.dueOn(), HANDLING_TOTAL, 1);
            add.add(deadline.dueOn(), HANDLING_MET, disposed ? 1 : 0);
        }
        LocalDate disposedOn = disposed && deadline != null ? deadline.satisfiedOn() : null;
        if (disposedOn != null) {
            add.add(disposedOn, DISPOSED, 1);
            add.add(disposedOn, ON_TIME_MET, Boolean.TRUE.equals(deadline.met()) ? 1 : 0);
            add.add(disposedOn, HANDLING_DAYS, ChronoUnit.DAYS.between(view.filedOn(), disposedOn));
        }
        var decision = view.decision();
        // the decision's own disclosure: its first publication when a changed decision was published again since (a
        // republication is due from the change, not from the decision, and leaves the decision's figures as they were)
        var disclosed = view.firstPublication() != null ? view.firstPublication() : view.disclosure();
        // only a decision withheld on an enumerated ground leaves the denominator; a minor's never enters it
        boolean withholding = disclosed != null && disclosed.action() == DisclosureAction.WITHHOLD;
        boolean withheld = withholding && WithholdingGround.isEnumerated(disclosed.ground());
        boolean published = disclosed != null && disclosed.action() == DisclosureAction.PUBLISH;
        // a decision counts once it was published, withheld without an enumerated ground, or its 20 WD passed unpublished:
        // one decided today and not yet published is pending (its deadline is weeks away), not a decision left undisclosed
        boolean disclosable = decision != null && decision.kind() == DecisionKind.PENALTY && decision.decidedOn() != null
                && DisclosabilityPolicy.disclosable(view.procedure(), decision.asDecided(), view.party(), view.actOn(), view.filedOn(), decision.decidedOn())
                && !withheld;
        boolean answered = published || withholding; // the decision on its disclosure was taken
        if (disclosable && (answered || missed(view, "DISCLOSURE"))) {
            add.add(decision.decidedOn(), DISCLOSABLE, 1);
            add.add(decision.decidedOn(), DISCLOSED, published ? 1 : 0);
            add.add(decision.decidedOn(), DISCLOSED_ON_TIME,
                    published && disclosed.deadline() != null && Boolean.TRUE.equals(disclosed.deadline().met()) ? 1 : 0);
        }
        // the 7 WD variant falls due on its own day: a decision unpublished past it has failed it, though its 20 WD still run
        if (disclosable && (answered || missed(view, "DOUBLE_PUBLICITY") || missed(view, "DISCLOSURE"))) {
            add.add(decision.decidedOn(), DOUBLE_PUBLICITY_DUE, 1);
            add.add(decision.decidedOn(), DOUBLE_PUBLICITY_ON_TIME, published && disclosed.doublePublicityDeadline() != null
                    && Boolean.TRUE.equals(disclosed.doublePublicityDeadline().met()) ? 1 : 0);
        }
        republication(view, add);
        // every withdrawal the case had, on the day its revision took effect: a changed decision published again keeps them
        if (view.withdrawals() != null) {
            for (CaseView.Withdrawal w : view.withdrawals()) {
                add.add(w.revisionEffectiveOn(), WITHDRAWAL_DUE, 1);
                add.add(w.revisionEffectiveOn(), WITHDRAWN_ON_TIME, Boolean.TRUE.equals(w.deadline().met()) ? 1 : 0);
            }
        } else if (disclosed != null && disclosed.withdrawalDeadline() != null && view.latestRevisionEffectiveOn() != null) {
            // a view made before the withdrawals were kept (until the case views are replayed): its current record's
            LocalDate effective = view.latestRevisionEffectiveOn();
            add.add(effective, WITHDRAWAL_DUE, 1);
            add.add(effective, WITHDRAWN_ON_TIME, Boolean.TRUE.equals(disclosed.withdrawalDeadline().met()) ? 1 : 0);
        }
        add.add(view.filedOn(), FILED, 1);
        if (view.closure() != null) add.add(view.closure().closedOn(), CLOSED, 1);
        return byDay;
    }

    /**
     * A changed decision that is still disclosable is published again as a new record, due 20 WD (and 7 WD) from the change
     * (DOMAIN.md, withdrawal): a disclosable decision of its own in the disclosure rate and its on-time variants, on the day
     * the change took effect, once published again or once the ledger recorded its deadline missed. (Only the first
     * publication was counted: a changed decision left unpublished never lowered the rate, though its miss was counted.)
     */
    private static void republication(CaseView view, Adder add) {
        var decision = view.decision();
        if (decision == null || decision.kind() != DecisionKind.PENALTY || view.revisions() == null
                || !DisclosabilityPolicy.disclosable(view.procedure(), decision.penalties(), view.party(), view.actOn(), view.filedOn(), decision.decidedOn())) {
            return;
        }
        if (view.firstPublication() != null && firstPublished(view)) { // published again after a change
            var again = view.disclosure();
            LocalDate changedOn = changedBy(view, again.decidedOn());
            add.add(changedOn, DISCLOSABLE, 1);
            add.add(changedOn, DISCLOSED, 1);
            add.add(changedOn, DISCLOSED_ON_TIME, metDeadline(again.deadline()) ? 1 : 0);
            add.add(changedOn, DOUBLE_PUBLICITY_DUE, 1);
            add.add(changedOn, DOUBLE_PUBLICITY_ON_TIME, metDeadline(again.doublePublicityDeadline()) ? 1 : 0);
        }
        LocalDate dueFrom = view.disclosureDueFrom();
        if (dueFrom != null && firstPublished(view)) { // changed since it was published, and not yet published again
            boolean missed = missedFrom(view, "DISCLOSURE", dueFrom);
            if (missed) {
                add.add(dueFrom, DISCLOSABLE, 1);
            }
            if (missed || missedFrom(view, "DOUBLE_PUBLICITY", dueFrom)) {
                add.add(dueFrom, DOUBLE_PUBLICITY_DUE, 1);
            }
        }
    }

    /** Whether the decision's first disclosure was a publication (a changed decision awaits its republication then). */
    private static boolean firstPublished(CaseView view) {
        return view.disclosure() != null && view.disclosure().action() == DisclosureAction.PUBLISH;
    }

    /** The day the last change up to {@code on} took effect: what the republication decided on {@code on} followed. */
    private static LocalDate changedBy(CaseView view, LocalDate on) {
        LocalDate changed = null;
        for (CaseView.Revision r : view.revisions()) {
            if (r.kind() == RevisionKind.CHANGED && on != null && !r.effectiveOn().isAfter(on)) changed = r.effectiveOn();
        }
        return changed;
    }

    private static boolean metDeadline(DeadlineView deadline) {
        return deadline != null && Boolean.TRUE.equals(deadline.met());
    }

    /** Whether the ledger recorded a deadline of {@code kind} missed that fell after {@code day}. */
    private static boolean missedFrom(CaseView view, String kind, LocalDate day) {
        return view.missedDeadlines() != null
                && view.missedDeadlines().stream().anyMatch(m -> kind.equals(m.kind()) && m.dueOn().isAfter(day));
    }

    /** Whether the ledger recorded the case's deadline of {@code kind} missed (DecisionDeadlineMissed, DisclosureDeadlineMissed). */
    private static boolean missed(CaseView view, String kind) {
        return view.missedDeadlines() != null && view.missedDeadlines().stream().anyMatch(m -> kind.equals(m.kind()));
    }

    private interface Adder {
        void add(LocalDate day, String name, long value);
    }

    /** Counts summed over cases and days, made into the figures of a scope and period. */
    static final class Tally {
        private final Map<String, Long> counts = new TreeMap<>();

        void add(String name, long value) {
            counts.merge(name, value, Long::sum);
        }

        void addAll(Map<String, ?> named) {
            named.forEach((name, value) -> add(name, ((Number) value).longValue()));
        }

        TargetFigures.Figures figures(String division, String bureau, LocalDate from, LocalDate to) {
            Map<String, Long> missed = new TreeMap<>();
            counts.forEach((name, n) -> {
                if (name.startsWith(MISSED) && n != 0) missed.put(name.substring(MISSED.length()), n);
            });
            long disposed = get(DISPOSED), disclosable = get(DISCLOSABLE);
            return new TargetFigures.Figures(division, bureau, from, to, rate(HANDLING_MET, get(HANDLING_TOTAL)),
                    rate(ON_TIME_MET, disposed), rate(DISCLOSED, disclosable), rate(DISCLOSED_ON_TIME, disclosable),
                    rate(DOUBLE_PUBLICITY_ON_TIME, get(DOUBLE_PUBLICITY_DUE)), rate(WITHDRAWN_ON_TIME, get(WITHDRAWAL_DUE)),
                    new TargetFigures.Rate(get(CLOSED), get(FILED), ratio(get(CLOSED), get(FILED)), "> 90%"),
                    disposed == 0 ? null : BigDecimal.valueOf(get(HANDLING_DAYS)).divide(BigDecimal.valueOf(disposed), 1, RoundingMode.HALF_UP),
                    missed);
        }

        private long get(String name) {
            return counts.getOrDefault(name, 0L);
        }

        private TargetFigures.Rate rate(String met, long total) {
            return new TargetFigures.Rate(get(met), total, ratio(get(met), total), "100%");
        }

        private static BigDecimal ratio(long numerator, long denominator) {
            return denominator == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        }
    }
}
