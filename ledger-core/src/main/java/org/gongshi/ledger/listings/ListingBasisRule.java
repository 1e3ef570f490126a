package org.gongshi.ledger.listings;

import org.gongshi.ledger.cases.BasisFacts;
import org.gongshi.ledger.listings.RepeatedInfringementPolicy.PenaltyFact;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.Rulebook;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * {@link Rule#LISTING_BASIS}: every list rests on its basis cases, and every list type checks them.
 * Each named case exists, ended in a penalty decision (not a no-penalty decision, not undecided)
 * made on or before the day of the proposal, that still stands, and is against the listed subject. Whose cases a bureau may rely on:
 * <ul>
 *   <li>{@code SEVERE_DISHONESTY} and {@code BLACKLIST}: its own cases only. The listing is a
 *   consequence of the bureau's own penalty (CNIPA 2022 rule: the authority that found the conduct
 *   lists it), and a bureau cannot vouch for another's file.</li>
 *   <li>{@code REPEATED_INFRINGER}: any case in the ledger, so long as one of them is the bureau's own. Trademark
 *   Law Art 60 counts penalties against the subject, wherever decided; repeated infringement across jurisdictions is
 *   what the directory exists to catch. But the bureau that lists has penalised the subject itself, as the candidate
 *   queue shows a bureau only the candidates its own penalties make: a bureau with none listed a subject on another's
 *   cases, and its entry, which the owner of those cases could neither read nor remove, refused the owner's own
 *   proposal (a sweep from outside, stop 74). The penalties must also qualify under
 *   {@link RepeatedInfringementPolicy} (standing, within the window, enough of them), the same
 *   rule the candidate queue applies.</li>
 * </ul>
 * The facts come from the Case aggregates through {@link BasisCases}, inside the proposal's unit of
 * work.
 */
public record ListingBasisRule(RepeatedInfringementPolicy repeatedInfringement) {

    public static ListingBasisRule of(Rulebook rules) {
        return new ListingBasisRule(RepeatedInfringementPolicy.of(rules));
    }

    /** Whether a bureau proposing for {@code listType} may rely on a case filed by {@code caseBureau}. */
    public static boolean mayRelyOn(ListType listType, String proposingBureau, String caseBureau) {
        return listType == ListType.REPEATED_INFRINGER || (proposingBureau != null && proposingBureau.equals(caseBureau));
    }

    /** Refuses {@code command} under {@link Rule#LISTING_BASIS} unless its basis cases, as {@code cases} has them, bear it. */
    public void require(ProposeListing command, BasisCases cases) {
        List<String> basis = command.basisCaseIds().stream().distinct().toList();
        String uscc = command.subject().uscc();
        List<BasisFacts> facts = basis.stream().map(id -> {
            Optional<BasisFacts> found = cases.find(id);
            check(found.isPresent(), Rule.LISTING_BASIS, "basis case " + id + " does not exist in the ledger");
            return found.get();
        }).toList();
        for (BasisFacts fact : facts) {
            check(mayRelyOn(command.listType(), command.bureau(), fact.bureau()), Rule.LISTING_BASIS, "basis case " + fact.caseId()
                    + " was filed by another bureau; a " + command.listType() + " listing rests on the proposing bureau's own cases");
            check(fact.penaltyDecided(), Rule.LISTING_BASIS, "basis case " + fact.caseId() + " has no penalty decision");
            check(fact.decidedOn() == null || !fact.decidedOn().isAfter(command.proposedOn()), Rule.LISTING_BASIS, "the penalty decision of basis case "
                    + fact.caseId() + " was made on " + fact.decidedOn() + ", after the proposal's date " + command.proposedOn()
                    + ": a listing rests on decisions made on or before the day it is proposed");
            check(fact.standing(), Rule.LISTING_BASIS, "the penalty decision of basis case " + fact.caseId()
                    + " was revoked or confirmed invalid; it no longer bears a listing");
            check(uscc != null && uscc.equals(fact.uscc()), Rule.LISTING_BASIS, "basis case " + fact.caseId()
                    + " is against another party, not the subject " + uscc);
        }
        // the subject is named as one of the proposing bureau's own basis penalties names its party: a list is public and
        // credit platforms copy it, so a name the ledger never penalised must not stand beside a real credit code (a credit
        // listings sweep, stop 75: 别的公司 was listed and published against 北京甲商贸有限公司's code). Its own cases only: a
        // name another bureau filed is neither read out nor confirmed by accepting it (a re-test: a guess of it was listed).
        // A company renamed since may rest on any of them; a party whose name is no longer known (a natural person's data
        // shredded) is not compared.
        List<String> own = facts.stream().filter(f -> f.partyName() != null && command.bureau() != null && command.bureau().equals(f.bureau()))
                .map(f -> f.partyName().strip()).distinct().toList();
        String named = command.subject().name() == null ? null : command.subject().name().strip();
        check(own.isEmpty() || own.contains(named), Rule.LISTING_BASIS, "the subject is named " + named + ", but your basis "
                + (own.size() == 1 ? "penalty names the party " + own.get(0) : "penalties name the party " + String.join(" or ", own))
                + ": a listing names its subject as a penalty of yours it rests on does");
        if (command.listType() == ListType.REPEATED_INFRINGER) {
            check(facts.stream().anyMatch(f -> f.bureau() != null && f.bureau().equals(command.bureau())), Rule.LISTING_BASIS,
                    "none of the basis cases was filed by the proposing bureau: a REPEATED_INFRINGER listing rests on at least one"
                            + " of the proposing bureau's own penalties against the subject (the candidate queue shows the candidates"
                            + " they make)");
            List<PenaltyFact> penalties = facts.stream().map(ListingBasisRule::penalty).toList();
            repeatedInfringement.requireQualifyingBasis(uscc, basis, penalties, command.proposedOn(), Rule.LISTING_BASIS);
        }
    }

    /**
     * The basis penalties of a repeated-infringer entry against {@code uscc}, proposed on {@code proposedOn}, as
     * {@link RepeatedInfringementPolicy} sees them with {@code cases} as their aggregates stand now: whether those still standing
     * make the subject a candidate ({@link RepeatedInfringementPolicy#isCandidate}), or refuse a removal as BASIS_REVOKED while
     * they do ({@link RepeatedInfringementPolicy#requireNoLongerCandidate}).
     */
    public boolean stillMakeACandidate(String uscc, List<String> basisCaseIds, LocalDate proposedOn, BasisCases cases) {
        return repeatedInfringement.isCandidate(uscc, penalties(basisCaseIds, cases), proposedOn);
    }

    /**
     * {@link Rule#LISTING_BASIS} at the listing decision: the basis that bore the proposal still bears the entry, as
     * {@link Listing#handle(org.gongshi.ledger.listings.command.FlagListingBasisRevoked, Rulebook, ListEntrySlots,
     * org.gongshi.ledger.policy.Recording, BasisCases) a revocation after the listing} would judge it: every basis decision
     * still stands, or for a repeated infringer those still standing still make a candidate. A decision revoked between the
     * proposal and the decision would otherwise be listed and published, with sanctions, on a basis that no longer stands
     * (a sweep from outside, stop 72: the basis watch only follows entries already listed).
     */
    public void requireStillBears(ListType listType, String uscc, List<String> basisCaseIds, LocalDate proposedOn, BasisCases cases) {
        if (listType == ListType.REPEATED_INFRINGER) {
            check(stillMakeACandidate(uscc, basisCaseIds, proposedOn, cases), Rule.LISTING_BASIS, "the basis penalties that still stand no"
                    + " longer make " + uscc + " a repeated-infringer candidate: a decision the proposal rested on was revoked, confirmed"
                    + " invalid or changed (to a warning only) since; decide not to list (list: false)");
            return;
        }
        for (String caseId : basisCaseIds.stream().distinct().toList()) {
            check(cases.find(caseId).map(BasisFacts::standing).orElse(false), Rule.LISTING_BASIS, "the penalty decision of basis case "
                    + caseId + " was revoked or confirmed invalid since the proposal; it no longer bears a listing: decide not to list"
                    + " (list: false)");
        }
    }

    /** {@link Rule#LISTING_REMOVAL}: see {@link #stillMakeACandidate}. */
    public void requireNoLongerACandidate(String uscc, List<String> basisCaseIds, LocalDate proposedOn, BasisCases cases) {
        repeatedInfringement.requireNoLongerCandidate(uscc, penalties(basisCaseIds, cases), proposedOn, Rule.LISTING_REMOVAL);
    }

    private static List<PenaltyFact> penalties(List<String> basisCaseIds, BasisCases cases) {
        return basisCaseIds.stream().distinct().map(cases::find).flatMap(Optional::stream).map(ListingBasisRule::penalty).toList();
    }

    /** A basis case's penalty decision as the repeated-infringer rule counts it. */
    private static PenaltyFact penalty(BasisFacts f) {
        return new PenaltyFact(f.caseId(), f.uscc(), f.decidedOn(), f.standing(), f.ipType(),
                RepeatedInfringementPolicy.infringementPenalty(f.procedure(), f.penalties(), f.violationType()));
    }
}
