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
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one redaction policy every public output is built by (SAMR Order 45 Art 6): a natural
 * person's ID number shows digits 1–6 and 15–18 only; home addresses, contact details, bank
 * accounts, health data and third parties' names never become public. Identifiers (ID and passport
 * numbers), phone numbers, e-mail addresses, account numbers, addresses, third parties named by their
 * role, health data after a health label, a hospital stay and illnesses by name are found by pattern in
 * every free-text field; what no pattern can find (an unlabelled name) the bureau lists as
 * {@code redactions}. The authority's name is no free text: it is the bureau's registered name and is
 * published as registered.
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
    /**
     * The words a passport's or a travel permit's number follows (护照号码, 港澳通行证, 台胞证); whatever letters and digits
     * come next are the number, whatever its country.
     */
    private static final List<String> TRAVEL_DOCUMENT_LABELS = List.of("护照号码", "护照号", "护照", "通行证号码", "通行证号", "通行证",
            "台胞证", "回乡证");
    /** Letters and digits after a passport or travel permit label (护照, 护照号码, 通行证, 台胞证), a document of any country. */
    private static final Pattern LABELLED_TRAVEL_DOCUMENT = Pattern.compile(
            "(?<=" + anyOf(TRAVEL_DOCUMENT_LABELS) + "\\s?[:：为是]?\\s?)[0-9A-Za-z]{5,}");
    /** Labels of goods and registrations whose numbers can take a passport's shape (货号G20260210): not a person's number. */
    private static final List<String> GOODS_NUMBER_LABELS = List.of("货号", "型号", "款号", "批号", "注册号");
    /**
     * A Chinese ordinary passport's number without a label: E or G and 8 digits, or E, a letter and 7 digits
     * (E12345678, G12345678, EA1234567). Never a part of a longer code (a USCC, a decision number): nothing alphanumeric
     * either side; never after a goods or registration label.
     */
    private static final Pattern PASSPORT = Pattern.compile("(?<![0-9A-Za-z])(?<!" + anyOf(GOODS_NUMBER_LABELS) + "\\s?[:：]?\\s?)"
            + "(?:[EG]\\d{8}|E[A-Z]\\d{7})(?![0-9A-Za-z])");
    /** The words health data follows; 诊断 only as 诊断为/诊断出/诊断结果 (故障诊断仪 is goods). */
    private static final List<String> HEALTH_LABELS = List.of("患有", "身患", "确诊为", "确诊", "诊断为", "诊断出", "诊断结果", "病史",
            "既往史", "健康状况", "病历", "病情");
    /** Health data after a health label (患有, 身患, 确诊, 诊断为, 病史, 病历, 健康状况) up to the next punctuation. */
    private static final Pattern LABELLED_HEALTH = Pattern.compile(
            "(?<=" + anyOf(HEALTH_LABELS) + "\\s?[:：为是]?\\s?)(?![*:：为是\\s])[^，。；;,、\\n（）()]{1,30}");
    /** The words of a stay in hospital or a visit to a doctor: that a person had one is health data. */
    private static final List<String> CARE_WORDS = List.of("住院", "入院", "就医", "就诊");
    /**
     * A stay in hospital or a visit to a doctor, with its cause after 因 (因抑郁症住院治疗, 因 kept): the cause names an
     * illness no list holds.
     */
    private static final Pattern HEALTH_CARE = Pattern.compile(
            "因([^，。；;,、\\n（）()]{1,10}?" + anyOf(CARE_WORDS) + "(?:治疗|观察)?)|(" + anyOf(CARE_WORDS) + "(?:治疗|观察)?)");
    /** Illnesses and disabilities: health data wherever a text names them (Order 45 Art 6). Not 病毒: 计算机病毒 is an IP word. */
    private static final List<String> DISEASES = List.of("精神分裂症", "抑郁症", "焦虑症", "强迫症", "自闭症", "孤独症", "多动症", "尿毒症",
            "癌症", "肺癌", "肝癌", "胃癌", "结肠癌", "直肠癌", "肠癌", "乳腺癌", "宫颈癌", "鼻咽癌", "食管癌", "白血病", "艾滋病", "糖尿病", "高血压",
            "心脏病", "精神病", "传染病", "肺结核", "乙肝", "残疾");
    /**
     * What an illness's name is part of when it names no one's health: goods (糖尿病试纸, 高血压的药), laws and
     * programmes (传染病防治法, 残疾人保障法), bodies (残疾人联合会).
     */
    private static final List<String> NOT_A_PERSONS_ILLNESS = List.of("药", "试剂", "试纸", "检测", "监测", "治疗仪", "仪", "器械", "用品",
            "食品", "保健", "疫苗", "防治", "防控", "预防", "协会", "学会", "基金", "人联", "人保障", "人专用", "人辅助");
    /** An illness named in a text, not after 抗/防/治/控/致 (抗癌, 防治艾滋病, 致癌物质) and not the name of goods, a law or a body. */
    private static final Pattern DISEASE = Pattern.compile(
            "(?<![抗防治控致])" + anyOf(DISEASES) + "(?!的?" + anyOf(NOT_A_PERSONS_ILLNESS) + ")");
    /** The common surnames: after a role word only a name that begins with one is taken. */
    private static final String SURNAME = "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧司上诸]";
    /** Roles after which a decision names a person: two or three characters up to punctuation are a name even without a common surname. */
    private static final List<String> ROLE_LABELS = List.of("举报人", "投诉人", "证人", "联系人", "受害人", "被害人", "同住人", "亲属", "配偶",
            "雇员", "员工", "朋友", "同事", "妻子", "丈夫", "之妻", "之夫", "儿子", "女儿", "之子", "之女", "父亲", "母亲", "伙同");
    /**
     * Roles and relations a decision also writes alone (委托代理人到场, 损害消费者权益, 买家付款), so after them only a
     * common surname and one or two characters are a name. 代理人 holds 委托代理人, 诉讼代理人 and 法定代理人; 律师 the
     * lawyer who is one (律师事务所 stays: 事 is no surname); 委托 a person the party entrusted. 负责人 is whoever is in
     * charge on site: the legal representative, a public field, is published in its own field, never scrubbed by a label
     * (法定代表人 is none). 股东 names a natural person only; a shareholding company stays (see ORGANISATION).
     */
    private static final List<String> ROLE_WORDS = List.of("代理人", "律师", "委托人", "委托", "合伙人", "股东", "负责人", "经办人", "弟弟",
            "哥哥", "姐姐", "妹妹", "兄弟", "姐妹", "亲戚", "男友", "女友", "邻居", "房东", "租户", "雇主", "司机", "店员", "营业员", "快递员",
            "购买者", "购买人", "买家", "消费者", "顾客", "收货人");
    /** The words that follow a name in a decision's facts, so a two-character name is not taken with the next character. */
    private static final List<String> AFTER_NAME = List.of("协助", "称", "证实", "系", "是", "在", "等", "的", "于", "向", "对", "已", "作证",
            "陈述", "介绍", "表示", "说", "共同", "一起", "一同", "电话", "手机", "联系", "住在", "住址", "家住", "现住", "参与", "帮助", "负责",
            "到场", "签字", "签收", "确认", "承认", "提供", "出具", "驾驶", "购买", "举报", "投诉", "持有", "担任", "接受", "代缴", "代为");
    /**
     * Words after a role that begin with a surname's character but name nobody: 证人陈述, 店员陈列, 买家付款, 店员上架,
     * 消费者向本局投诉, 负责人于当日, 购买者曾多次.
     */
    private static final List<String> NOT_NAMES = List.of("陈述", "陈列", "付款", "付费", "上架", "上门", "高价", "严重", "任何", "曾经",
            "曾多次", "曾在", "曾于", "曾向", "曾因", "向当事人", "向本局", "向我局", "向本机关", "向执法", "向办案", "向法院", "向公安",
            "向平台", "向有关", "向其", "向该", "于当日", "于同日", "于次日", "于近日", "于案发", "于现场", "于其");
    /** The words an organisation's name ends with: a firm or a company after a role (委托代理人上海某某律师事务所) is no natural person. */
    private static final List<String> ORGANISATION_WORDS = List.of("事务所", "公司", "集团", "商行", "经营部", "门市部", "合作社", "工作室",
            "协会", "专卖店", "旗舰店", "银行");
    /** An organisation's name: up to 20 characters, none of them punctuation or a word that follows a name, then an organisation word. */
    private static final String ORGANISATION = "(?:(?!" + anyOf(AFTER_NAME) + ")[^，。；;,、（()\\s]){0,20}?"
            + anyOf(ORGANISATION_WORDS);
    /** A common surname and one or two characters, ended by punctuation or a word that follows a name, else the longest. */
    private static final String NAME = SURNAME + HAN + "{1,2}?(?=[，。；;,、（(\\s]|" + anyOf(AFTER_NAME) + "|$)|" + SURNAME + HAN + "{1,2}";
    /**
     * What may stand between a role and a name (姓名, a colon), and what after a role is no name: 朋友圈 (WeChat Moments,
     * where goods are sold), a word that only looks like a name (证人陈述, 买家付款), an organisation (投诉人上海某某有限公司,
     * the right holder: no personal data).
     */
    private static final String AFTER_ROLE = "(?:姓名)?\\s?[:：]?\\s?(?!圈)(?!" + anyOf(NOT_NAMES) + ")(?!" + ORGANISATION + ")";
    /**
     * A third party named after a role label (举报人, 投诉人, 证人, 联系人, 受害人, a relation: 朋友, 之妻 …) or a role word
     * (委托代理人, 合伙人, 弟弟, 店员, 司机, 购买者, 负责人 …): a surname and one or two characters, up to a word that
     * follows names (称, 在, 证实, 共同, 电话, 到场 …); after a role label, without a common surname, two or three
     * characters up to punctuation. The role is matched and kept; the group, the name, is hidden.
     */
    private static final Pattern LABELLED_NAME = Pattern.compile(
            anyOf(ROLE_LABELS) + AFTER_ROLE + "(" + NAME + "|" + HAN + "{2,3}?(?=[，。；;,、（(\\s]|$))"
                    + "|" + anyOf(ROLE_WORDS) + AFTER_ROLE + "(" + NAME + ")");
    /** The words of one who acts for the party: 代缴 (pays its fine), 代为 (acts in its place). */
    private static final List<String> ACTING_FOR = List.of("代缴", "代交", "代付", "代为");
    /** A name between 由 and 代缴/代为, its contact in brackets between (由刘德华（电话***）代缴): a third party paying for the party. */
    private static final Pattern ACTING_FOR_NAME = Pattern.compile("(?<=由)(?!" + anyOf(NOT_NAMES) + ")" + SURNAME + HAN + "{1,2}?"
            + "(?=(?:[（(][^（()）]{0,60}[）)])?" + anyOf(ACTING_FOR) + ")");

    private RedactionPolicy() {
    }

    /** The public record of a penalty decision, redacted; the authority's name and USCC, from the bureau's registration, as they are. */
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
                // the authority's name is the bureau's registered one (CaseCommandController), never a request's text:
                // published as registered, like its USCC (the stand-in for an unregistered bureau holds its USCC)
                decidedOn, publicUntil, authorityName, authorityUscc, ipType, division);
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
     * and 15–18) and passport numbers, addresses, phone numbers in every common format, e-mail addresses, bank cards
     * and long account numbers, third parties' names after a role and health data hidden. Full-width digits and
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
     * A pattern with capturing groups hides only the group that took part in the match and keeps the rest as written,
     * so the role word before a name is matched, not looked behind for; and a pattern that begins with one of a list of
     * words is tried only where one of them stands ({@code start}): a look-behind of the 55 role words at every position
     * took 1.8 ms on a 500-character text that holds one, their alternation tried at every position 110 µs.
     */
    record Rule(String name, Pattern pattern, Predicate<String> mayMatch, Start start, Function<Matcher, String> replacement) {

        /** A rule whose pattern may begin at any character. */
        Rule(String name, Pattern pattern, Predicate<String> mayMatch, Function<Matcher, String> replacement) {
            this(name, pattern, mayMatch, ANYWHERE, replacement);
        }

        String apply(String text) {
            String ascii = ascii(text);
            return mayMatch.test(ascii) ? replace(pattern, start, text, ascii, replacement) : text;
        }
    }

    /** Where in a text (its ASCII form) a match of a pattern may begin. */
    @FunctionalInterface
    interface Start {
        boolean at(String text, int index);
    }

    /** A pattern that may begin at any character. */
    static final Start ANYWHERE = (text, index) -> true;

    /** The patterns every public text passes, in this order. */
    static final List<Rule> RULES = List.of(
            new Rule("ID number", ID_NUMBER, digits(17), RedactionPolicy::maskedIdNumber),
            new Rule("e-mail", EMAIL, holdsAny(List.of("@")), m -> HIDDEN),
            new Rule("labelled contact", LABELLED_CONTACT, ignoringCase(holdsAny(CONTACT_LABELS)), m -> HIDDEN),
            new Rule("labelled passport or permit number", LABELLED_TRAVEL_DOCUMENT, holdsAny(TRAVEL_DOCUMENT_LABELS), m -> HIDDEN),
            new Rule("passport number", PASSPORT, holdsAny(List.of("E", "G")).and(digits(7)), m -> HIDDEN),
            new Rule("long digits", LONG_DIGITS, digits(12), m -> HIDDEN),
            new Rule("mobile", MOBILE, digits(11), m -> HIDDEN),
            new Rule("landline", LANDLINE, digits(10), m -> HIDDEN),
            new Rule("labelled address", LABELLED_ADDRESS, holdsAny(ADDRESS_LABELS), m -> HIDDEN),
            new Rule("address", ADDRESS, holdsAny(ROADS), m -> HIDDEN),
            new Rule("flat", FLAT, holdsAny(BUILDINGS), m -> HIDDEN),
            new Rule("labelled name", LABELLED_NAME, holdsAny(concat(ROLE_LABELS, ROLE_WORDS)), atOneOf(concat(ROLE_LABELS, ROLE_WORDS)),
                    m -> HIDDEN),
            new Rule("name of one acting for the party", ACTING_FOR_NAME, holdsAny(ACTING_FOR), m -> HIDDEN),
            new Rule("labelled health data", LABELLED_HEALTH, holdsAny(HEALTH_LABELS), m -> HIDDEN),
            new Rule("care for health", HEALTH_CARE, holdsAny(CARE_WORDS), atOneOf(concat(List.of("因"), CARE_WORDS)), m -> HIDDEN),
            new Rule("illness", DISEASE, holdsAny(DISEASES), atOneOf(DISEASES), m -> HIDDEN));

    /** Where one of {@code words} stands: a look-up of the character, then of the words it begins. */
    private static Start atOneOf(List<String> words) {
        BitSet firsts = new BitSet();
        for (String word : words) firsts.set(word.charAt(0));
        Map<Character, List<String>> byFirst = words.stream().collect(Collectors.groupingBy(word -> word.charAt(0)));
        return (text, index) -> {
            char c = text.charAt(index);
            if (!firsts.get(c)) return false;
            for (String word : byFirst.get(c)) if (text.startsWith(word, index)) return true;
            return false;
        };
    }

    /**
     * Whether a text holds one of {@code words}: one pass over it, each character looked up (a {@code contains} per word
     * read a 500-character text once for each of the 55 role words: 45 µs).
     */
    private static Predicate<String> holdsAny(List<String> words) {
        Start start = atOneOf(words);
        return text -> {
            for (int i = 0; i < text.length(); i++) if (start.at(text, i)) return true;
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

    /** {@code first}, then {@code second}. */
    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
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
        return replace(Pattern.compile(Pattern.quote(ascii(term))), ANYWHERE, text, ascii(text), m -> HIDDEN);
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

    /**
     * Matches on the ASCII form of {@code text}; replaces in the original the match, or its first group that took part
     * (a pattern with groups hides them only), keeping every other character.
     */
    private static String replace(Pattern pattern, Start start, String text, String ascii,
                                  Function<Matcher, String> replacement) {
        // transparent bounds: a match tried from a character on sees the text before it and after (look-behinds, $)
        Matcher m = pattern.matcher(ascii).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int from = 0; find(m, start, ascii, from); from = m.end() > m.start() ? m.end() : m.end() + 1) {
            int hiddenFrom = m.start(), hiddenTo = m.end();
            for (int group = 1; group <= m.groupCount(); group++) {
                if (m.start(group) >= 0) {
                    hiddenFrom = m.start(group);
                    hiddenTo = m.end(group);
                    break;
                }
            }
            if (hiddenTo == hiddenFrom) continue;
            out.append(text, last, hiddenFrom).append(replacement.apply(m));
            last = hiddenTo;
        }
        return out.append(text, last, text.length()).toString();
    }

    /** The next match from {@code from} on, tried only where {@code start} lets the pattern begin. */
    private static boolean find(Matcher m, Start start, String text, int from) {
        if (from > text.length()) return false;
        if (start == ANYWHERE) return m.find(from);
        for (int i = from; i < text.length(); i++) {
            if (start.at(text, i) && m.region(i, text.length()).lookingAt()) return true;
        }
        return false;
    }
}
