package org.gongshi.synthetic;

import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.identity.ResidentIdNumber;
import org.gongshi.ledger.identity.Uscc;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.PenaltyType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic ledger: bureaus in real GB/T 2260 divisions; parties of every kind the ledger knows, in the
 * shares of {@link #subject}: companies, individual businesses and cooperatives with valid GB 32100 codes, and natural
 * persons with valid GB 11643 resident ID numbers (their name and number are personal data, sealed with a data
 * subject's key); names composed from shared syllables (regions, brands, industries, districts, surnames), so that they
 * overlap in n-grams as real ones do; and for each case the steps of its lifecycle.
 */
public final class SyntheticLedger {

    /** GB/T 2260 county-level divisions (code, name of the area). */
    static final String[][] DIVISIONS = {
            {"110105", "北京市朝阳区"}, {"110108", "北京市海淀区"}, {"120104", "天津市南开区"}, {"310115", "上海市浦东新区"},
            {"310104", "上海市徐汇区"}, {"320505", "苏州市虎丘区"}, {"320106", "南京市鼓楼区"}, {"330106", "杭州市西湖区"},
            {"330203", "宁波市海曙区"}, {"340104", "合肥市蜀山区"}, {"350203", "厦门市思明区"}, {"370212", "青岛市崂山区"},
            {"410105", "郑州市金水区"}, {"420111", "武汉市洪山区"}, {"430104", "长沙市岳麓区"}, {"440106", "广州市天河区"},
            {"440305", "深圳市南山区"}, {"440604", "佛山市禅城区"}, {"500103", "重庆市渝中区"}, {"510107", "成都市武侯区"},
            {"530102", "昆明市五华区"}, {"610113", "西安市雁塔区"}, {"210102", "沈阳市和平区"}, {"230103", "哈尔滨市南岗区"},
    };
    static final String[] REGIONS = {"北京", "上海", "苏州", "杭州", "深圳", "广州", "成都", "武汉", "南京", "青岛", "厦门", "西安", "中国", "华夏"};
    static final String[] BRANDS = {"华信", "恒达", "瑞丰", "中科", "金源", "鑫盛", "天成", "宏远", "博创", "汇通", "联合", "新华",
            "长城", "东方", "嘉禾", "永泰", "盛世", "佳美", "优品", "安康"};
    static final String[] INDUSTRIES = {"科技", "电子", "贸易", "生物医药", "服饰", "食品", "新材料", "文化传媒", "机械", "化妆品",
            "网络科技", "电子商务", "酒业", "家居"};
    static final String[] SUFFIXES = {"有限公司", "有限公司", "股份有限公司", "有限责任公司", "贸易商行"};
    /** What an individual business (个体工商户) trades as: its district, its operator's name and one of these. */
    static final String[] SHOPS = {"服装店", "日用品商店", "电子产品经营部", "五金店", "食品商行", "化妆品店", "烟酒店", "网店", "鞋业商行",
            "箱包店"};
    static final String[] COOPERATIVES = {"农民专业合作社", "果蔬专业合作社", "茶叶专业合作社"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
            "林", "罗", "高"};
    static final String[] GIVEN_NAMES = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
            "秀英", "华", "建国", "志强", "桂英", "海燕", "晓东"};
    static final String[][] IP_VIOLATIONS = {
            {"PATENT", "假冒专利", "《专利法》第六十八条", "在产品及包装上标注他人专利号，足以使公众误认为是他人专利。"},
            {"TRADEMARK", "侵犯注册商标专用权", "《商标法》第六十条第二款", "销售侵犯注册商标专用权的商品，货值金额较大。"},
            {"TRADEMARK", "商标代理违法行为", "《商标法》第六十八条", "以欺骗手段办理商标代理事宜。"},
            {"COPYRIGHT", "侵犯著作权", "《著作权法》第五十三条", "未经许可通过信息网络传播他人作品。"},
            {"GEOGRAPHICAL_INDICATION", "擅自使用地理标志", "《地理标志产品保护规定》第二十一条", "在非产地产品上使用地理标志名称。"},
            {"TRADE_SECRET", "侵犯商业秘密", "《反不正当竞争法》第二十一条", "以不正当手段获取权利人的商业秘密。"},
    };

    /** The ledger's rulebook (deadlines on the official working-day calendar). */
    private static final Rulebook RULES = Rulebook.defaults();

    /** The first day a case may be filed: the ledger's clock starts on it. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 2);

    /** When on {@code day} its acts happen: the ledger's clock is set to 09:00 of each played day, in the legal zone. */
    public static OffsetDateTime morningOf(LocalDate day) {
        return day.atTime(9, 0).atZone(LedgerClock.LEGAL_ZONE).toOffsetDateTime();
    }


    public record Bureau(String division, String name, String uscc) {}

    /**
     * A case's party: an organisation carries its {@code uscc} and its legal representative (an individual business its
     * operator), a natural person a resident {@code idNumber}.
     */
    public record Subject(PartyKind kind, String name, String uscc, String idNumber, String representative) {
        /** What identifies the party: its code, a natural person's ID number. */
        public String identifier() {
            return uscc != null ? uscc : idNumber;
        }
    }

    /** What happens to one case after it is filed; dates are legal dates, all in the past. */
    public record CasePlan(int index, Bureau bureau, Subject subject, String ipType, String violationType, String legalBasis,
                           String facts, boolean ordinary, LocalDate filedOn, boolean decided, boolean penalty, long fine,
                           boolean withhold, boolean correct, boolean revoke, boolean execute, boolean list, boolean compressed) {
        public LocalDate noticeOn() { return filedOn.plusDays(7); }
        public LocalDate decidedOn() { return filedOn.plusDays(21); }
        /** {@code days} after the decision; a compressed plan does everything after the decision on the decision day. */
        public LocalDate laterOn(int days) { return compressed ? decidedOn() : decidedOn().plusDays(days); }
        /** 告知拟列入: the day a listing is proposed. */
        public LocalDate listingProposedOn() { return laterOn(2); }
        /**
         * 列入: the first day after the subject's statement window, on the ledger's own calendar (5 WD; the Spring Festival
         * and National Day stretch it past two weeks, and a decision inside it is refused).
         */
        public LocalDate listingDecidedOn() {
            return RULES.listingStatementDeadline(listingProposedOn()).dueOn().plusDays(1);
        }
        public String decisionNumber() { return bureau.name().substring(0, 2) + "知罚〔" + filedOn.getYear() + "〕" + index + "号"; }
        /** Art 63: whether the notice of the fine grants a hearing (the large amount is the party kind's). */
        public boolean hearingRight() {
            return RULES.grantsHearingRight(List.of(new Penalty(PenaltyType.FINE, BigDecimal.valueOf(fine), null, null)), subject.kind());
        }
    }

    private final List<Bureau> bureaus = new ArrayList<>();
    private final List<Subject> subjects = new ArrayList<>();
    private final long seed;

    /** {@code cases} sizes the subject pool (about one subject per three cases, so repeat infringers exist). */
    public SyntheticLedger(long seed, int cases) {
        this.seed = seed;
        Random random = new Random(seed);
        for (String[] d : DIVISIONS) {
            bureaus.add(new Bureau(d[0], d[1] + "市场监督管理局", uscc('1', '1', d[0], random)));
        }
        int pool = Math.max(4, cases / 3);
        for (int i = 0; i < pool; i++) subjects.add(subject(random));
    }

    public List<Bureau> bureaus() { return bureaus; }

    public List<Subject> subjects() { return subjects; }

    /** The plan of case {@code index}: the same index gives the same plan in every run with this seed. */
    public CasePlan plan(int index) {
        return plan(index, null);
    }

    /**
     * The plan of case {@code index} as it runs under load on the ledger's day {@code today}: filed 21 days ago (within the
     * backdating tolerance), decided today, and every later act today; no listing (its decision waits 5 WD).
     */
    public CasePlan planDecidedOn(int index, LocalDate today) {
        return plan(index, today);
    }

    private CasePlan plan(int index, LocalDate decidedToday) {
        Random r = new Random(seed * 1_000_003L + index);
        Bureau bureau = bureaus.get(r.nextInt(bureaus.size()));
        Subject subject = subjects.get(r.nextInt(subjects.size()));
        String[] v = IP_VIOLATIONS[r.nextInt(IP_VIOLATIONS.length)];
        LocalDate filedOn = FIRST_DAY.plusDays(r.nextInt(500));
        if (decidedToday != null) filedOn = decidedToday.minusDays(21);
        boolean ordinary = r.nextInt(10) != 0;
        boolean decided = r.nextInt(100) < 85;
        boolean penalty = decided && r.nextInt(100) < 95;
        long fine = ordinary ? 5_000 + r.nextInt(300_000) : 50 + r.nextInt(RULES.simpleProcedureFineLimit(subject.kind()).intValue() - 49);
        boolean published = penalty && ordinary;
        boolean withhold = published && r.nextInt(100) < 3;
        boolean disclosed = published && !withhold;
        boolean correct = disclosed && r.nextInt(100) < 10, revoke = disclosed && r.nextInt(100) < 4;
        boolean execute = penalty && r.nextInt(100) < 50, list = disclosed && r.nextInt(100) < 2 && decidedToday == null;
        // a subject holds one active entry per list (the ledger refuses a second proposal): each listed case has its own
        // (a listed subject is an organisation, identified by its code)
        if (list) subject = company(new Random(seed * 1_000_033L + index));
        return new CasePlan(index, bureau, subject, v[0], v[1], v[2], v[3], ordinary, filedOn, decided, penalty, fine, withhold,
                correct, revoke, execute, list, decidedToday != null);
    }

    /** A brand syllable of the names, drawn from {@code random} (a search word that hits many names). */
    public static String brand(Random random) {
        return BRANDS[random.nextInt(BRANDS.length)];
    }

    /** An industry syllable of the names, drawn from {@code random}. */
    public static String industry(Random random) {
        return INDUSTRIES[random.nextInt(INDUSTRIES.length)];
    }

    /** A division the bureaus sit in, drawn from {@code random}: its code and the name of its area. */
    public static String[] division(Random random) {
        return DIVISIONS[random.nextInt(DIVISIONS.length)].clone();
    }

    /**
     * A party in a random division, with a realistic name and a valid code: a company (57 %), an individual business
     * (28 %), a natural person (12 %) or a farmers' cooperative (3 %).
     */
    public static Subject subject(Random random) {
        int kind = random.nextInt(100);
        if (kind < 12) return naturalPerson(random);
        if (kind < 40) return individualBusiness(random);
        if (kind < 43) return cooperative(random);
        return company(random);
    }

    /** A company (企业法人, GB 32100 kind 91) in a random division. */
    private static Subject company(Random random) {
        String division = DIVISIONS[random.nextInt(DIVISIONS.length)][0];
        String name = REGIONS[random.nextInt(REGIONS.length)] + BRANDS[random.nextInt(BRANDS.length)]
                + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + SUFFIXES[random.nextInt(SUFFIXES.length)];
        return new Subject(PartyKind.LEGAL_PERSON, name, uscc('9', '1', division, random), null, personName(random));
    }

    /** An individual business (个体工商户, kind 92): its district, its operator's name and its trade, e.g. 朝阳区王伟服装店. */
    private static Subject individualBusiness(Random random) {
        String[] division = DIVISIONS[random.nextInt(DIVISIONS.length)];
        String operator = personName(random);
        String district = division[1].substring(division[1].indexOf('市') + 1);
        return new Subject(PartyKind.INDIVIDUAL_BUSINESS, district + operator + SHOPS[random.nextInt(SHOPS.length)],
                uscc('9', '2', division[0], random), null, operator);
    }

    /** A farmers' cooperative (农民专业合作社, kind 93), an organisation that is not a company. */
    private static Subject cooperative(Random random) {
        String division = DIVISIONS[random.nextInt(DIVISIONS.length)][0];
        String name = REGIONS[random.nextInt(REGIONS.length)] + BRANDS[random.nextInt(BRANDS.length)]
                + COOPERATIVES[random.nextInt(COOPERATIVES.length)];
        return new Subject(PartyKind.OTHER_ORGANIZATION, name, uscc('9', '3', division, random), null, personName(random));
    }

    /** A natural person, an adult born 1960-1999 in a random division, with a valid resident ID number. */
    private static Subject naturalPerson(Random random) {
        String division = DIVISIONS[random.nextInt(DIVISIONS.length)][0];
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
        String id = ResidentIdNumber.complete(division + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format(java.util.Locale.ROOT, "%03d", random.nextInt(1000)));
        return new Subject(PartyKind.NATURAL_PERSON, personName(random), null, id, null);
    }

    /** A surname and a given name of one or two characters. */
    private static String personName(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
    }

    /**
     * A GB 32100 code: registration authority, kind, division, a GB 11714 organisation code of random digits and the checks
     * ({@link Uscc#complete}).
     */
    static String uscc(char authority, char kind, String division, Random random) {
        StringBuilder first16 = new StringBuilder().append(authority).append(kind).append(division);
        for (int i = 0; i < 8; i++) first16.append(random.nextInt(10));
        return Uscc.complete(first16.toString());
    }
}
