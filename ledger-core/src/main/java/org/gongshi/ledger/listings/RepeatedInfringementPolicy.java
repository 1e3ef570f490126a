package org.gongshi.ledger.listings;

import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * 重复侵权 (Trademark Law Art 60): the one home of the repeated-infringer basis and window. A penalty
 * qualifies when it is an infringement penalty ({@link #infringementPenalty}: ordinary procedure, not
 * warnings only, for an infringement), against the subject, still stands (not revoked or confirmed
 * invalid) and was decided within the window ({@code windowYears}, policy default 5) before the day
 * asked about; a subject with at least {@code penalties} (default 2) qualifying penalties of one IP
 * type is a candidate, and only such penalties may be the basis of a repeated-infringer listing.
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

    /**
     * A penalty as this rule sees it: its case, the subject it was against, when it was decided, whether
     * it stands, the IP type of its case and whether it is an infringement penalty ({@link #infringementPenalty}).
     */
    public record PenaltyFact(String caseId, String uscc, LocalDate decidedOn, boolean standing, IpType ipType,
                              boolean infringementPenalty) {
    }

    /**
     * A violation type that names an infringement: 侵犯/侵权/侵害 a right; 假冒注册商标; a use without the right holder's permission,
     * as the laws word the infringing acts (Trademark Law Art 57(1)-(2) 未经商标注册人的许可…, Patent Law Art 11 未经专利权人许可,
     * Copyright Law Art 53 未经著作权人许可; a sweep from outside, stop 87: two fines for Art 57(1) in its own words counted for
     * nothing); forged or unauthorised trademark marks (Art 57(4)) and a registered mark replaced (Art 57(5)). A permission
     * without a right holder (未经许可从事专利代理, an agency's licence) and 假冒专利 (passing off, no infringement) name none.
     */
    private static final Pattern INFRINGEMENT = Pattern.compile("侵犯|侵权|侵害|假冒注册商标"
            + "|未经[^，。；,;]{0,16}?(?:注册人|权人|权利人)[^，。；,;]{0,4}?(?:许可|同意|授权)"
            + "|(?:伪造|擅自制造)[^，。；,;]{0,8}?注册商标标识|更换其注册商标"
            // its re-test: a use of another's registered mark in other words (擅自使用与他人注册商标相同的商标), and Art 57(7)
            // (给他人的注册商标专用权造成其他损害)
            + "|使用与[^，。；,;]{0,6}?注册商标(?:相同|近似)|专用权造成");
    /**
     * A violation about infringement that is none: false materials or complaints, a bad-faith application or complaint (提交虚假侵权投诉材料
     * named 侵权 and counted: the re-test from outside, stop 87).
     */
    private static final Pattern NO_INFRINGEMENT = Pattern.compile("虚假[^，。；,;]{0,8}?(?:投诉|材料|申请|证明|举报)|恶意(?:投诉|申请|注册|抢注)");

    /** What a decision's violationType must name to count, for a refusal's words. */
    static final String INFRINGEMENT_WORDING = "a violationType that names an infringement (侵犯/侵权/侵害 a right, 假冒注册商标, a use"
            + " without the right holder's permission: 未经商标注册人/专利权人/著作权人许可, a use of another's registered mark, forged or"
            + " unauthorised trademark marks, a registered mark replaced; not false materials or complaints, nor a bad-faith application)";

    /**
     * Whether a decision counts towards the repeated-infringer list: an ordinary-procedure decision with
     * a penalty other than a warning, for a violation that names an infringement. Warnings only, the
     * simple procedure and other violations (假冒专利 is not an infringement) never count.
     */
    public static boolean infringementPenalty(Procedure procedure, List<Penalty> penalties, String violationType) {
        return infringementPenalty(procedure, penalties == null ? List.of() : penalties.stream().map(Penalty::type).toList(), violationType);
    }

    /** {@link #infringementPenalty(Procedure, List, String)} by the types of the penalties in force. */
    public static boolean infringementPenalty(Procedure procedure, Collection<PenaltyType> penaltyTypes, String violationType) {
        return procedure == Procedure.ORDINARY && penaltyTypes != null && penaltyTypes.stream().anyMatch(t -> t != PenaltyType.WARNING)
                && violationType != null && INFRINGEMENT.matcher(violationType).find() && !NO_INFRINGEMENT.matcher(violationType).find();
    }

    /**
     * The first day of the window that ends on {@code asOf}: the {@code windowYears} before it, counted as DOMAIN.md counts
     * a period in years (the day itself not counted, the period ends on the corresponding day): a decision of 2020-02-10
     * is within the 5 years before 2025-02-10 and drops out on 2025-02-11.
     */
    public LocalDate windowStart(LocalDate asOf) {
        return asOf.minusYears(windowYears);
    }

    public boolean qualifies(PenaltyFact penalty, String uscc, LocalDate asOf) {
        return whyNot(penalty, uscc, asOf) == null;
    }

    /**
     * Why {@code penalty} does not qualify against {@code uscc} on {@code asOf}, in a bureau's words, or null when it does: the
     * rule's one home ({@link #qualifies} is "no reason found"; a refusal quotes the reason: a sweep from outside, stop 87, found
     * a refusal that named cases "not qualifying" and never said why).
     */
    private String whyNot(PenaltyFact p, String uscc, LocalDate asOf) {
        if (p.decidedOn() == null) return "not decided";
        if (!p.standing()) return "its decision was revoked or confirmed invalid";
        if (uscc == null || !uscc.equals(p.uscc())) return "against another subject, " + p.uscc();
        if (!p.infringementPenalty()) return "not counted as an infringement penalty: only an ordinary-procedure decision, with a"
                + " penalty other than a warning, and " + INFRINGEMENT_WORDING + ", counts";
        if (p.ipType() == null) return "its case names no IP type";
        if (p.decidedOn().isAfter(asOf) || p.decidedOn().isBefore(windowStart(asOf))) {
            return "decided on " + p.decidedOn() + ", outside the " + windowYears + " years before " + asOf;
        }
        return null;
    }

    /**
     * The cases of {@code facts} that qualify against {@code uscc} as of {@code asOf}, each once, of the one
     * IP type with the most of them: penalties for infringing different IP types are not counted together.
     */
    public List<String> qualifying(String uscc, Collection<PenaltyFact> facts, LocalDate asOf) {
        Map<IpType, List<String>> byType = facts.stream().filter(p -> qualifies(p, uscc, asOf))
                .collect(Collectors.groupingBy(PenaltyFact::ipType, Collectors.mapping(PenaltyFact::caseId,
                        Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().distinct().toList()))));
        return byType.entrySet().stream()
                .max(Comparator.<Map.Entry<IpType, List<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getValue).orElse(List.of());
    }

    /** Whether these penalties make {@code uscc} a candidate for the repeated-infringer list as of {@code asOf}. */
    public boolean isCandidate(String uscc, Collection<PenaltyFact> facts, LocalDate asOf) {
        return enough(qualifying(uscc, facts, asOf));
    }

    /** Whether the cases {@link #qualifying} answered are enough to make their subject a candidate. */
    public boolean enough(List<String> qualifying) {
        return qualifying.size() >= penalties;
    }

    /** The aggregate's part ({@link Rule#LISTING_CATEGORY}): a repeated-infringer listing names at least {@code penalties} basis cases. */
    public void requireBasisNamed(List<String> basisCaseIds) {
        long distinct = basisCaseIds.stream().distinct().count();
        check(distinct >= penalties, Rule.LISTING_CATEGORY, "a repeated infringer rests on at least " + penalties
                + " effective infringement penalties within " + windowYears + " years; " + distinct + " basis case named");
    }

    /**
     * A removal of a repeated-infringer entry because a basis no longer stands (refused under {@code rule}): the entry rests on
     * this rule, not on every case it named, so it stays while the basis penalties that still stand ({@code facts}) make
     * {@code uscc} a candidate as of the proposal on {@code proposedOn}.
     */
    public void requireNoLongerCandidate(String uscc, Collection<PenaltyFact> facts, LocalDate proposedOn, Rule rule) {
        List<String> standing = qualifying(uscc, facts, proposedOn);
        check(!enough(standing), rule, "the basis penalties that still stand still make " + uscc + " a repeated-infringer candidate: "
                + standing + " (at least " + penalties + " effective ordinary-procedure infringement penalties, not warnings only, of one IP"
                + " type, decided within " + windowYears + " years before the proposal on " + proposedOn + "); the entry stays on the"
                + " list until its term ends, or remove it as LISTED_IN_ERROR");
    }

    /** Why the basis case {@code caseId}, judged by {@code facts}, is not counted among those that make {@code uscc} a candidate. */
    private String whyNot(String caseId, Collection<PenaltyFact> facts, String uscc, LocalDate asOf) {
        PenaltyFact p = facts.stream().filter(f -> f.caseId().equals(caseId)).findFirst().orElse(null);
        if (p == null) return "no decided case of that id";
        String reason = whyNot(p, uscc, asOf);
        return reason != null ? reason : "of IP type " + p.ipType() + ", not counted with the basis penalties of another";
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
        // the basis cases that would qualify but for their IP type: a message that names one of them "not qualifying" says why
        Map<IpType, List<String>> byType = facts.stream().filter(p -> basis.contains(p.caseId()) && qualifies(p, uscc, proposedOn))
                .collect(Collectors.groupingBy(PenaltyFact::ipType, java.util.TreeMap::new,
                        Collectors.mapping(PenaltyFact::caseId, Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().distinct().toList()))));
        check(standing.size() >= penalties, rule, "a repeated infringer rests on at least " + penalties
                + " effective (not revoked) ordinary-procedure infringement penalties (not warnings only) of one IP type against "
                + uscc + " decided within " + windowYears
                + " years before " + proposedOn + "; of the basis cases only " + standing.size() + " qualify"
                + (others.isEmpty() ? "" : "; not qualifying: " + others.stream().map(id -> id + " (" + whyNot(id, facts, uscc, proposedOn) + ")")
                .collect(Collectors.joining(", ")))
                + (byType.size() > 1 ? "; penalties for infringing different IP types are not counted together: " + byType : ""));
    }
}
