package org.gongshi.ledger.listings;

import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.Rulebook;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * 重复侵权 (Trademark Law Art 60): the one home of the repeated-infringer basis and window. A penalty
 * qualifies when it is against the subject, still stands (not revoked or confirmed invalid) and was
 * decided within the window ({@code windowYears}, policy default 5) before the day asked about; a
 * subject with at least {@code penalties} (default 2) qualifying penalties is a candidate, and only
 * such penalties may be the basis of a repeated-infringer listing.
 *
 * <p>One rule for every caller: a proposal must name enough basis cases ({@link Listing});
 * {@link ListingBasisRule} checks the named cases, as their Case aggregates stand, when the listing
 * is proposed; the review queue lists the candidates from the penalty history.
 */
public record RepeatedInfringementPolicy(int penalties, int windowYears) {

    public static RepeatedInfringementPolicy of(Rulebook rules) {
        var listing = rules.policy().creditListing();
        return new RepeatedInfringementPolicy(listing.repeatedInfringerPenalties(), listing.repeatedInfringerWindowYears());
    }

    /** A penalty as this rule sees it: its case, the subject it was against, when it was decided, whether it stands. */
    public record PenaltyFact(String caseId, String uscc, LocalDate decidedOn, boolean standing) {
    }

    /** The window that ends on {@code asOf} holds the penalties decided after this day. */
    public LocalDate windowStart(LocalDate asOf) {
        return asOf.minusYears(windowYears);
    }

    public boolean qualifies(PenaltyFact penalty, String uscc, LocalDate asOf) {
        return penalty.standing() && uscc != null && uscc.equals(penalty.uscc()) && penalty.decidedOn() != null
                && penalty.decidedOn().isAfter(windowStart(asOf));
    }

    /** The cases of {@code facts} that qualify against {@code uscc} as of {@code asOf}, each once. */
    public List<String> qualifying(String uscc, Collection<PenaltyFact> facts, LocalDate asOf) {
        return facts.stream().filter(p -> qualifies(p, uscc, asOf)).map(PenaltyFact::caseId).distinct().toList();
    }

    /** Whether these penalties make {@code uscc} a candidate for the repeated-infringer list as of {@code asOf}. */
    public boolean isCandidate(String uscc, Collection<PenaltyFact> facts, LocalDate asOf) {
        return qualifying(uscc, facts, asOf).size() >= penalties;
    }

    /** The aggregate's part ({@link Rule#LISTING_CATEGORY}): a repeated-infringer listing names at least {@code penalties} basis cases. */
    public void requireBasisNamed(List<String> basisCaseIds) {
        long distinct = basisCaseIds.stream().distinct().count();
        check(distinct >= penalties, Rule.LISTING_CATEGORY, "a repeated infringer rests on at least " + penalties
                + " effective infringement penalties within " + windowYears + " years; " + distinct + " basis case named");
    }

    /**
     * {@link ListingBasisRule}'s part (refused under {@code rule}): at least {@code penalties} of the
     * named basis cases qualify against {@code uscc} on {@code proposedOn}, judged by {@code facts}
     * (those cases as their aggregates stand).
     */
    public void requireQualifyingBasis(String uscc, List<String> basisCaseIds, Collection<PenaltyFact> facts, LocalDate proposedOn,
                                       Rule rule) {
        List<String> basis = basisCaseIds.stream().distinct().toList();
        List<String> standing = qualifying(uscc, facts.stream().filter(p -> basis.contains(p.caseId())).toList(), proposedOn);
        List<String> others = basis.stream().filter(id -> !standing.contains(id)).toList();
        check(standing.size() >= penalties, rule, "a repeated infringer rests on at least " + penalties
                + " effective (not revoked) infringement penalties against " + uscc + " decided within " + windowYears
                + " years before " + proposedOn + "; of the basis cases only " + standing.size() + " qualify"
                + (others.isEmpty() ? "" : "; not qualifying: " + others));
    }
}
