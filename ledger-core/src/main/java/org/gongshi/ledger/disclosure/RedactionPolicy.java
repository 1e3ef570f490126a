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
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one redaction policy every public output is built by (SAMR Order 45 Art 6): a natural
 * person's ID number shows digits 1–6 and 15–18 only; home addresses, contact details, bank
 * accounts, health data and third parties' names never become public. Identifiers, phone numbers,
 * e-mail addresses, account numbers, addresses, third parties named by their role and health data
 * after a health label are found by pattern in every free-text field; what no pattern can find (an
 * unlabelled name) the bureau lists as {@code redactions}.
 */
public final class RedactionPolicy {

    public static final String HIDDEN = "***";

    private static final String SHREDDED = org.gongshi.ledger.privacy.PersonalData.SHREDDED;

    private static final String SEP = "[ .\\-]?";
    /** 18 characters in the shape of a resident ID number, spaces or hyphens allowed between digits; masked when valid. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d(?:[ -]?\\d){16}[ -]?[0-9Xx](?![0-9A-Za-z])");
    /** Any run of 12 to 23 digits (15-digit ID numbers, bank cards of 16–19 digits, account numbers), spaces or hyphens between. */
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<![\\d+])\\d(?:[ -]?\\d){11,22}(?!\\d)");
    private static final String COUNTRY = "(?:\\(?(?:\\+|00)86\\)?" + SEP + ")";
    /** Mobile numbers: 13612345678, 136-1234-5678, 136 1234 5678, 136.1234.5678, +86 136…, (+86)136…. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)" + COUNTRY + "?1[3-9]\\d(?:" + SEP + "\\d){8}(?!\\d)");
    /** Landlines: (010) 6512-3456, 010-6512-3456, 0755 8888 8888, +86 10 6512 3456, with an extension. */
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(?:" + COUNTRY + "\\(?0?\\d{2,3}\\)?|\\(0\\d{2,3}\\)|0\\d{2,3})"
            + "\\s?" + SEP + "\\d{3,4}" + SEP + "\\d{4}(?:\\s*(?:转|ext\\.?|x|-)\\s*\\d{1,6})?(?!\\d)");
    private static final List<String> CONTACT_LABELS = List.of("电话", "手机", "手机号", "手机号码", "座机", "联系方式", "联系电话", "传真",
            "微信", "微信号", "qq", "tel", "phone", "mobile");
    /** A number after a contact label (电话, 手机, 联系方式, 微信, QQ, tel), whatever its format. */
    private static final Pattern LABELLED_CONTACT = Pattern.compile(
            "(?i)(?<=" + anyOf(CONTACT_LABELS) + "\\s?[:：]?\\s?)[0-9A-Za-z_+()\\- .]{5,}[0-9A-Za-z]");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+\\s?@\\s?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    private static final String HAN = "\\p{IsHan}";
    /** A character of a place name: a Han character that is not a word around an address (住, 在, 于, 的, 为 …). */
    private static final String PLACE = "[\\p{IsHan}&&[^住在于的人址为是和与及至从向]]";
    private static final String NUMBER = "[0-9一二三四五六七八九十百零〇]+";
    /** The words a street address ends its road with; every address holds one. */
    private static final List<String> ROADS = List.of("路", "街", "巷", "弄", "胡同", "大道", "道");
    /** A street address: divisions (省/市/区/县/镇/村), a road (路/街/巷/弄/胡同/道) with its 号, then 栋/单元/层/室. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?>(?:" + PLACE + "{1,10}?(?:省|自治区|市|自治州|地区|区|县|旗|镇|乡|街道|村)){0,6})"
                    + PLACE + "{0,10}?" + anyOf(ROADS) + NUMBER + "(?:-" + NUMBER + ")?(?:号院|号楼|号|弄)"
                    + "(?:" + HAN + "{0,8}?" + NUMBER + "(?:-" + NUMBER + ")?(?:号楼|栋|幢|座|单元|层|楼|室|号|户)){0,5}(?:-?\\d{1,5}(?!\\d)(?:室)?)?");
    /** The words a flat without a road is numbered by; every such flat holds one. */
    private static final List<String> BUILDINGS = List.of("号楼", "栋", "幢", "座");
    /** A flat without a road: 3栋2单元301室, 5号楼1201. */
    private static final Pattern FLAT = Pattern.compile(
            "(?:" + PLACE + "{0,10}?(?:小区|花园|公寓|大厦|苑|村|院))?" + NUMBER + anyOf(BUILDINGS) + "(?:-?" + NUMBER + "(?:单元|层|楼|室|号|户)?){0,5}");
    private static final List<String> ADDRESS_LABELS = List.of("住址", "家庭住址", "家庭地址", "居住地", "居住地址", "现住", "家住", "户籍地",
            "户籍地址", "住所地");
    /** Text after an address label (住址, 家庭住址, 居住地, 家住) up to the next punctuation. */
    private static final Pattern LABELLED_ADDRESS = Pattern.compile(
            "(?<=" + anyOf(ADDRESS_LABELS) + "\\s?[:：为是在]?\\s?)(?![*:：为是在\\s])[^，。；;,、\\n（）()]{2,60}");
    private static final List<String> HEALTH_LABELS = List.of("患有", "身患", "确诊为", "确诊", "诊断为", "病史", "既往史", "健康状况");
    /** Health data after a health label (患有, 身患, 确诊, 诊断为, 病史, 健康状况) up to the next punctuation. */
    private static final Pattern LABELLED_HEALTH = Pattern.compile(
            "(?<=" + anyOf(HEALTH_LABELS) + "\\s?[:：为是]?\\s?)(?![*:：为是\\s])[^，。；;,、\\n（）()]{1,30}");
    /**
     * A third party named after a role label (举报人, 投诉人, 证人, 联系人, 受害人, a relation: 朋友, 之妻 …): a surname
     * and one or two characters, up to a word that follows names (称, 在, 证实, 共同, 电话 …); without a common surname,
     * two or three characters up to punctuation. Not 朋友圈 (WeChat Moments, where goods are sold).
     */
    private static final String SURNAME = "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧司上诸]";
    private static final List<String> ROLE_LABELS = List.of("举报人", "投诉人", "证人", "联系人", "受害人", "被害人", "同住人", "亲属", "配偶",
            "雇员", "员工", "朋友", "同事", "妻子", "丈夫", "之妻", "之夫", "儿子", "女儿", "之子", "之女", "父亲", "母亲", "伙同");
    /** The words that follow a name in a decision's facts, so a two-character name is not taken with the next character. */
    private static final List<String> AFTER_NAME = List.of("协助", "称", "证实", "系", "是", "在", "等", "的", "于", "向", "对", "已", "作证",
            "陈述", "介绍", "表示", "说", "共同", "一起", "一同", "电话", "手机", "联系", "住在", "住址", "家住", "现住", "参与", "帮助", "负责");
    private static final Pattern LABELLED_NAME = Pattern.compile(
            "(?<=" + anyOf(ROLE_LABELS) + "\\s?[:：]?\\s?)(?!圈)(?:" + SURNAME + HAN + "{1,2}?"
                    + "(?=[，。；;,、（(\\s]|" + anyOf(AFTER_NAME) + "|$)|" + SURNAME + HAN + "{1,2}|"
                    + HAN + "{2,3}?(?=[，。；;,、（(\\s]|$))");

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
                scrub(party.name(), hidden),
                party.kind(),
                person ? null : party.uscc(),
                person ? null : scrub(party.legalRepresentative(), hidden),
                person && party.idNumber() != null ? ResidentIdNumber.mask(party.idNumber()) : null,
                scrub(decisionNumber, hidden),
                scrub(violationType, hidden),
                scrub(facts, hidden),
                scrub(legalBasis, hidden),
                penalties.stream().map(Penalty::type).distinct().toList(),
                scrub(penaltyContent(penalties), hidden),
                tenThousandYuan(Penalty.total(penalties, PenaltyType.FINE)),
                tenThousandYuan(Penalty.total(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS)
                        .add(Penalty.total(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY))),
                decidedOn, publicUntil, scrub(authorityName, hidden), authorityUscc, ipType, division);
    }

    /**
     * The record as corrected (更正): each text given replaces the published one, a text left out
     * (null) stays; every text is redacted again with {@code redactions}: the terms hidden by the
     * correction and by every act before it, so a correction never un-hides what was hidden.
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

    /** A text as it may be made public, with no terms listed: see {@link #scrub(String, List)}. */
    public static String scrub(String text) {
        return scrub(text, List.of());
    }

    /**
     * A text as it may be made public: the terms listed hidden, then ID numbers masked (digits 1–6
     * and 15–18) and addresses, phone numbers in every common format, e-mail addresses, bank cards
     * and long account numbers, labelled third parties' names and labelled health data hidden. Full-width digits and
     * signs are matched as their ASCII forms; what is not hidden keeps its own characters.
     * Idempotent: a scrubbed text scrubs to itself.
     */
    public static String scrub(String text, List<String> hidden) {
        if (text == null) return null;
        String result = text;
        for (String term : hidden) result = replaceTerm(result, term);
        for (Rule rule : RULES) result = rule.apply(result);
        return result;
    }

    /**
     * A pattern, what it is replaced by, and what every text it can match holds ({@code mayMatch}: a label, a road
     * word, enough digits), tested first on the text's ASCII form: a test of a few {@code indexOf}s that spares most
     * texts most patterns (a pattern with a look-behind or lazy place names tries every position: 45 µs of the eleven
     * patterns on a 30-character text, ~18 % of a command thread's samples in the 8-client JFR of issue 13).
     */
    record Rule(String name, Pattern pattern, Predicate<String> mayMatch, Function<Matcher, String> replacement) {

        String apply(String text) {
            String ascii = ascii(text);
            return mayMatch.test(ascii) ? replace(pattern, text, ascii, replacement) : text;
        }
    }

    /** The patterns every public text passes, in this order. */
    static final List<Rule> RULES = List.of(
            new Rule("ID number", ID_NUMBER, digits(17), RedactionPolicy::maskedIdNumber),
            new Rule("e-mail", EMAIL, holdsAny(List.of("@")), m -> HIDDEN),
            new Rule("labelled contact", LABELLED_CONTACT, ignoringCase(holdsAny(CONTACT_LABELS)), m -> HIDDEN),
            new Rule("long digits", LONG_DIGITS, digits(12), m -> HIDDEN),
            new Rule("mobile", MOBILE, digits(11), m -> HIDDEN),
            new Rule("landline", LANDLINE, digits(10), m -> HIDDEN),
            new Rule("labelled address", LABELLED_ADDRESS, holdsAny(ADDRESS_LABELS), m -> HIDDEN),
            new Rule("address", ADDRESS, holdsAny(ROADS), m -> HIDDEN),
            new Rule("flat", FLAT, holdsAny(BUILDINGS), m -> HIDDEN),
            new Rule("labelled name", LABELLED_NAME, holdsAny(ROLE_LABELS), m -> HIDDEN),
            new Rule("labelled health data", LABELLED_HEALTH, holdsAny(HEALTH_LABELS), m -> HIDDEN));

    /** Whether a text holds one of {@code words}. */
    private static Predicate<String> holdsAny(List<String> words) {
        return text -> {
            for (String word : words) if (text.contains(word)) return true;
            return false;
        };
    }

    /** {@code cue} of the text in lower case (the pattern matches its labels in any case). */
    private static Predicate<String> ignoringCase(Predicate<String> cue) {
        return text -> cue.test(text.toLowerCase(Locale.ROOT));
    }

    /** Whether a text holds at least {@code count} ASCII digits (anywhere). */
    private static Predicate<String> digits(int count) {
        return text -> {
            int seen = 0;
            for (int i = 0; i < text.length() && seen < count; i++) if (text.charAt(i) >= '0' && text.charAt(i) <= '9') seen++;
            return seen >= count;
        };
    }

    /** A regular-expression group matching any of {@code words}, in their order. */
    private static String anyOf(List<String> words) {
        return words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }

    /** A valid resident ID number keeps digits 1–6 and 15–18; any other 18 digits are hidden whole. */
    private static String maskedIdNumber(Matcher m) {
        String digits = m.group().replaceAll("[ -]", "").toUpperCase(Locale.ROOT);
        return ResidentIdNumber.isValid(digits) ? ResidentIdNumber.mask(digits) : HIDDEN;
    }

    /** Every occurrence of a listed term, its full-width and ASCII forms alike. */
    private static String replaceTerm(String text, String term) {
        return replace(Pattern.compile(Pattern.quote(ascii(term))), text, ascii(text), m -> HIDDEN);
    }

    /**
     * Full-width forms (U+FF01–FF5E) as their ASCII characters and the ideographic space as a space,
     * one character for one, so a match in the result has the same offsets in the original.
     */
    static String ascii(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') chars[i] = (char) (c - 0xFEE0);
            else if (c == '\u3000') chars[i] = ' ';
        }
        return new String(chars);
    }

    /**
     * Listed terms, longest first so a longer term is hidden whole before a part of it; a term whose
     * key was shredded is no term.
     */
    public static List<String> hiddenTerms(List<String> redactions) {
        if (redactions == null) return List.of();
        return redactions.stream().filter(r -> r != null && !r.isBlank() && !SHREDDED.equals(r)).map(String::strip).distinct()
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

    /** Matches on the ASCII form of {@code text}; replaces in the original, keeping every character not matched. */
    private static String replace(Pattern pattern, String text, String ascii, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(ascii);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.end() == m.start()) continue;
            out.append(text, last, m.start()).append(replacement.apply(m));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
