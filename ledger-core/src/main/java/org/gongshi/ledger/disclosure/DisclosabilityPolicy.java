package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.identity.ResidentIdNumber;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * 公示范围 (SAMR Order 45 Arts 2, 5): which penalty decisions are disclosed. The one home of the
 * rule: a case's {@link Disclosure} refuses to publish what it excludes, and the statistics count as
 * disclosable only what it includes.
 */
public final class DisclosabilityPolicy {

    private DisclosabilityPolicy() {
    }

    /**
     * Order 45 Art 2: whether decisions of this kind are disclosed at all: ordinary procedure and more
     * than a warning (a minor party, or a legal ground to withhold, exempts a decision case by case).
     */
    public static boolean disclosable(Procedure procedure, List<Penalty> penalties) {
        return exclusion(procedure, penalties).isEmpty();
    }

    /** Whether this decision is disclosed: of a disclosed kind, and not of a party who was a minor on the decision date. */
    public static boolean disclosable(Procedure procedure, List<Penalty> penalties, Party party, LocalDate decidedOn) {
        return disclosable(procedure, penalties) && !isMinorOn(party, decidedOn);
    }

    /**
     * Refuses ({@link Rule#DISCLOSURE_SCOPE}) to publish a decision of a kind that is never disclosed,
     * or of a party who was a minor on the decision date.
     */
    public static void requirePublishable(Procedure procedure, List<Penalty> penalties, Party party, LocalDate decidedOn) {
        Optional<String> excluded = exclusion(procedure, penalties);
        check(excluded.isEmpty(), Rule.DISCLOSURE_SCOPE, excluded.orElse(null));
        check(!isMinorOn(party, decidedOn), Rule.DISCLOSURE_SCOPE, "the party was a minor on the decision date; never disclosed");
    }

    /** Why decisions of this kind are never disclosed, or empty when they are. */
    private static Optional<String> exclusion(Procedure procedure, List<Penalty> penalties) {
        if (procedure != Procedure.ORDINARY) {
            return Optional.of("simple-procedure decisions are not disclosed (Order 45 Art 2); withhold it instead");
        }
        if (penalties == null || penalties.stream().allMatch(p -> p.type() == PenaltyType.WARNING)) {
            return Optional.of("a warning-only decision is not disclosed (Order 45 Art 2); withhold it instead");
        }
        return Optional.empty();
    }

    private static boolean isMinorOn(Party party, LocalDate date) {
        return party != null && party.kind() == PartyKind.NATURAL_PERSON && party.idNumber() != null
                && ResidentIdNumber.isMinorOn(party.idNumber(), date);
    }
}
