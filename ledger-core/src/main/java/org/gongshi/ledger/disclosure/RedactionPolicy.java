package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.gongshi.ledger.identity.ResidentIdNumber;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one redaction policy every public output is built by (SAMR Order 45 Art 6): a natural
 * person's ID number shows digits 1–6 and 15–18 only; home addresses, contact details, bank
 * accounts, health data and third parties' names never become public. Identifiers, phone numbers,
 * e-mail addresses and account numbers are found by pattern in every free-text field; what no
 * pattern can find (names, addresses, health data) the bureau lists as {@code redactions}.
 */
public final class RedactionPolicy {

    public static final String HIDDEN = "***";

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern OLD_ID_NUMBER = Pattern.compile("(?<!\\d)\\d{15}(?!\\d)");
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){11,22}(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}[- ]?\\d{7,8}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    private RedactionPolicy() {
    }

    /** The public record of a penalty decision, redacted. */
    public static PublicRecord publicRecord(String recordId, Party party, String decisionNumber, String violationType,
                                            String facts, String legalBasis, List<Penalty> penalties, LocalDate decidedOn,
                                            LocalDate publicUntil, String authorityName, String authorityUscc,
                                            IpType ipType, String division, List<String> redactions) {
        boolean person = party.kind() == PartyKind.NATURAL_PERSON;
        List<String> hidden = hiddenTerms(redactions);
        return new PublicRecord(recordId,
                party.name(),
                party.kind(),
                person ? null : party.uscc(),
                person ? null : scrub(party.legalRepresentative(), hidden),
                person && party.idNumber() != null ? ResidentIdNumber.mask(party.idNumber()) : null,
                decisionNumber,
                scrub(violationType, hidden),
                scrub(facts, hidden),
                scrub(legalBasis, hidden),
                penalties.stream().map(Penalty::type).distinct().toList(),
                scrub(penaltyContent(penalties), hidden),
                tenThousandYuan(Penalty.total(penalties, PenaltyType.FINE)),
                tenThousandYuan(Penalty.total(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS)
                        .add(Penalty.total(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY))),
                decidedOn, publicUntil, authorityName, authorityUscc, ipType, division);
    }

    /**
     * The record as corrected (更正): each text given replaces the published one, a text left out
     * (null) stays; every text is redacted again with the correction's {@code redactions}.
     */
    public static PublicRecord corrected(PublicRecord record, String legalRepresentative, String violationType, String facts,
                                         String legalBasis, List<String> redactions) {
        List<String> hidden = hiddenTerms(redactions);
        return record.withTexts(
                scrub(legalRepresentative != null ? legalRepresentative : record.legalRepresentative(), hidden),
                scrub(violationType != null ? violationType : record.violationType(), hidden),
                scrub(facts != null ? facts : record.facts(), hidden),
                scrub(legalBasis != null ? legalBasis : record.legalBasis(), hidden),
                scrub(record.penaltyContent(), hidden));
    }

    /** A text as it may be made public: identifiers masked, contact details and listed terms hidden. */
    public static String scrub(String text, List<String> hidden) {
        if (text == null) return null;
        String result = text;
        for (String term : hidden) result = result.replace(term, HIDDEN);
        result = replace(ID_NUMBER, result, m -> m.group(1) + "********" + m.group(3));
        result = replace(EMAIL, result, m -> HIDDEN);
        result = replace(MOBILE, result, m -> HIDDEN);
        result = replace(LANDLINE, result, m -> HIDDEN);
        result = replace(OLD_ID_NUMBER, result, m -> HIDDEN);
        result = replace(LONG_DIGITS, result, m -> HIDDEN);
        return result;
    }

    /** Listed terms, longest first so a longer term is hidden whole before a part of it. */
    static List<String> hiddenTerms(List<String> redactions) {
        if (redactions == null) return List.of();
        return redactions.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** 处罚内容: each penalty's statutory name, amount in yuan and description. */
    public static String penaltyContent(List<Penalty> penalties) {
        return penalties.stream().map(p -> {
            StringBuilder b = new StringBuilder(p.type().label());
            if (p.amount() != null) b.append("人民币").append(p.amount().setScale(2, RoundingMode.HALF_UP).toPlainString()).append("元");
            if (p.until() != null) b.append("（至").append(p.until()).append("）");
            if (p.description() != null && !p.description().isBlank()) b.append("：").append(p.description().strip());
            return b.toString();
        }).collect(Collectors.joining("；"));
    }

    /** Yuan to 万元 (ten thousand yuan), exact: ¥1,200.50 → 0.120050. */
    public static BigDecimal tenThousandYuan(BigDecimal yuan) {
        return yuan.signum() == 0 ? null : yuan.movePointLeft(4).setScale(6, RoundingMode.HALF_UP);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        m.appendTail(out);
        return out.toString();
    }
}
