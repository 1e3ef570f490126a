package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.identity.ResidentIdNumber;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
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

    /**
     * Whether this decision is disclosed: of a disclosed kind, and not of a party who was a minor on the day of the act or
     * of the decision. The day of the act is the filing's {@code actOn}; a filing without it bounds it by the filing day (the
     * act came before the case was filed, so a party who was a minor on the filing day was one on the day of the act).
     */
    public static boolean disclosable(Procedure procedure, List<Penalty> penalties, Party party, LocalDate actOn, LocalDate filedOn,
                                      LocalDate decidedOn) {
        return disclosable(procedure, penalties) && minority(party, actOn, filedOn, decidedOn).isEmpty();
    }

    /** As {@link #disclosable(Procedure, List, Party, LocalDate, LocalDate, LocalDate)} for a filing without the day of the act. */
    public static boolean disclosable(Procedure procedure, List<Penalty> penalties, Party party, LocalDate filedOn, LocalDate decidedOn) {
        return disclosable(procedure, penalties, party, null, filedOn, decidedOn);
    }

    /**
     * Refuses ({@link Rule#DISCLOSURE_SCOPE}) to publish a decision of a kind that is never disclosed,
     * or of a party who was a minor on the day of the act ({@code actOn}, or bounded by the filing day) or of the decision.
     */
    public static void requirePublishable(Procedure procedure, List<Penalty> penalties, Party party, LocalDate actOn, LocalDate filedOn,
                                          LocalDate decidedOn) {
        Optional<String> excluded = exclusion(procedure, penalties);
        check(excluded.isEmpty(), Rule.DISCLOSURE_SCOPE, excluded.orElse(null));
        Optional<String> minor = minority(party, actOn, filedOn, decidedOn);
        check(minor.isEmpty(), Rule.DISCLOSURE_SCOPE, minor.orElse(null));
    }

    /** As {@link #requirePublishable(Procedure, List, Party, LocalDate, LocalDate, LocalDate)} for a filing without the day of the act. */
    public static void requirePublishable(Procedure procedure, List<Penalty> penalties, Party party, LocalDate filedOn, LocalDate decidedOn) {
        requirePublishable(procedure, penalties, party, null, filedOn, decidedOn);
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

    /**
     * 行政处罚法 Art 36: an act not discovered within 2 years is not penalised, within 5 where it endangers life, health or
     * financial safety; so the act of a case filed today may lie up to this many years back.
     */
    static final int LONGEST_LIMITATION_YEARS = 5;

    /**
     * A filing names the day of the act ({@code actOn}) where a natural person party was a minor on some day of the
     * {@value #LONGEST_LIMITATION_YEARS} years an act may lie before its filing: whether its decision may ever be disclosed
     * turns on that day (never for a minor on the day of the act), and without it an act done at 17 was published (a privacy
     * sweep from outside, stop 73). A party a minor on the filing day needs none: it was one on the day of the act too.
     */
    public static void requireActOnWhereMinorityTurnsOnIt(Party party, LocalDate actOn, LocalDate filedOn) {
        if (actOn != null || filedOn == null || isMinorOn(party, filedOn) || !isMinorOn(party, filedOn.minusYears(LONGEST_LIMITATION_YEARS))) {
            return;
        }
        throw new RuleViolation(Rule.DISCLOSURE_SCOPE, "actOn", "actOn: give the day the act was committed; the party reached 18 周岁 on "
                + ResidentIdNumber.adultFrom(party.idNumber()) + ", within the " + LONGEST_LIMITATION_YEARS + " years an act may lie before "
                + "its filing (行政处罚法 Art 36), and a decision about an act done as a minor is never disclosed");
    }

    /** Why the party's decision is never disclosed for minority (under 18 周岁 on the day of the act or of the decision), or empty. */
    private static Optional<String> minority(Party party, LocalDate actOn, LocalDate filedOn, LocalDate decidedOn) {
        if (isMinorOn(party, decidedOn)) return Optional.of("the party was a minor on the decision date; never disclosed");
        if (isMinorOn(party, actOn)) return Optional.of("the party was a minor on the day of the act " + actOn + "; never disclosed");
        if (isMinorOn(party, filedOn)) {
            return Optional.of("the party was a minor on the filing day " + filedOn + ", so also when the act was committed; never disclosed");
        }
        return Optional.empty();
    }

    /**
     * Whether the party's ID number says it was a minor on {@code date}; an ID number that can no longer be read (shredded:
     * {@code PersonalData.SHREDDED}) says nothing, and the decision is judged by its kind alone (it threw, so a shredded
     * party's case failed its figures and, with the disclosure deadlines shown, its case read).
     */
    private static boolean isMinorOn(Party party, LocalDate date) {
        return party != null && date != null && party.kind() == PartyKind.NATURAL_PERSON && party.idNumber() != null
                && ResidentIdNumber.isValid(party.idNumber()) && ResidentIdNumber.isMinorOn(party.idNumber(), date);
    }
}
