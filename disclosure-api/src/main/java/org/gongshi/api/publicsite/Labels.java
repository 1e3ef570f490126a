package org.gongshi.api.publicsite;

import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.SanctionMeasure;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of the domain's codes, for the public pages. */
public final class Labels {

    public static final Map<IpType, String> IP_TYPES = new LinkedHashMap<>();
    public static final Map<PartyKind, String> SUBJECT_KINDS = Map.of(
            PartyKind.LEGAL_PERSON, "法人", PartyKind.OTHER_ORGANIZATION, "非法人组织",
            PartyKind.INDIVIDUAL_BUSINESS, "个体工商户", PartyKind.NATURAL_PERSON, "自然人");

    /** The credit lists by their legal names (DOMAIN.md glossary). */
    public static final Map<ListType, String> LIST_TYPES = new EnumMap<>(ListType.class);
    /** What each list is and where it comes from, one sentence for the public overview. */
    public static final Map<ListType, String> LIST_BASES = new EnumMap<>(ListType.class);
    /** The conduct an entry rests on: the CNIPA 2022 rule's categories, and repeated infringement. */
    public static final Map<ListingCategory, String> LISTING_CATEGORIES = new EnumMap<>(ListingCategory.class);
    /** Short names of the six management measures; the full text is {@link SanctionMeasure#defaultScope()}. */
    public static final Map<SanctionMeasure, String> SANCTION_MEASURES = new EnumMap<>(SanctionMeasure.class);

    static {
        LIST_TYPES.put(ListType.SEVERE_DISHONESTY, "严重失信主体名单");
        LIST_TYPES.put(ListType.REPEATED_INFRINGER, "重复侵权企业名录");
        LIST_TYPES.put(ListType.BLACKLIST, "黑名单");

        LIST_BASES.put(ListType.SEVERE_DISHONESTY,
                "依据《国家知识产权局知识产权信用管理规定》（国知发保字〔2022〕8号）认定失信行为并决定列入的主体，依法实施相应管理措施。");
        LIST_BASES.put(ListType.REPEATED_INFRINGER,
                "依据《中华人民共和国商标法》第六十条，多次受到知识产权侵权行政处罚、经行政机关决定列入的企业。");
        LIST_BASES.put(ListType.BLACKLIST,
                "市场主体诚信档案“黑名单”：经行政机关决定列入诚信档案黑名单管理的主体。");

        LISTING_CATEGORIES.put(ListingCategory.ABNORMAL_PATENT_APPLICATION, "非正常专利申请");
        LISTING_CATEGORIES.put(ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, "恶意商标注册申请");
        LISTING_CATEGORIES.put(ListingCategory.ILLEGAL_AGENCY, "违法从事专利、商标代理");
        LISTING_CATEGORIES.put(ListingCategory.FALSE_MATERIALS, "提交虚假材料或隐瞒重要事实申请行政确认");
        LISTING_CATEGORIES.put(ListingCategory.BROKEN_CREDIT_COMMITMENT, "信用承诺不实或未履行承诺");
        LISTING_CATEGORIES.put(ListingCategory.REFUSAL_TO_PERFORM, "有履行能力但拒不履行行政处罚、行政裁决");
        LISTING_CATEGORIES.put(ListingCategory.REPEATED_INFRINGEMENT, "重复侵权");
        LISTING_CATEGORIES.put(ListingCategory.OTHER, "其他失信行为");

        SANCTION_MEASURES.put(SanctionMeasure.FISCAL_PROJECT_REVIEW, "财政资金项目申请从严审查");
        SANCTION_MEASURES.put(SanctionMeasure.FEE_REDUCTION_REVIEW, "费用减缴、优先审查等从严审查");
        SANCTION_MEASURES.put(SanctionMeasure.NO_AWARDS, "不适用评优评先");
        SANCTION_MEASURES.put(SanctionMeasure.NO_DEMONSTRATION_APPLICATION, "不得申报示范、优势企业及中国专利奖");
        SANCTION_MEASURES.put(SanctionMeasure.KEY_SUPERVISION, "列为重点监管对象");
        SANCTION_MEASURES.put(SanctionMeasure.NO_CREDIT_COMMITMENT, "不适用信用承诺制");
    }

    static {
        IP_TYPES.put(IpType.PATENT, "专利");
        IP_TYPES.put(IpType.TRADEMARK, "商标");
        IP_TYPES.put(IpType.COPYRIGHT, "著作权");
        IP_TYPES.put(IpType.GEOGRAPHICAL_INDICATION, "地理标志");
        IP_TYPES.put(IpType.TRADE_SECRET, "商业秘密");
        IP_TYPES.put(IpType.PLANT_VARIETY, "植物新品种");
        IP_TYPES.put(IpType.IC_LAYOUT, "集成电路布图设计");
        IP_TYPES.put(IpType.OTHER, "其他");
    }

    public Map<IpType, String> ipTypes() {
        return IP_TYPES;
    }

    public String ipType(IpType type) {
        return type == null ? "" : IP_TYPES.get(type);
    }

    public String subjectKind(PartyKind kind) {
        return kind == null ? "" : SUBJECT_KINDS.get(kind);
    }

    /** What became of a revised decision, in the words of a withdrawal's notice (变更, 撤销, 确认违法, 确认无效). */
    public String revisionKind(org.gongshi.ledger.vocabulary.RevisionKind kind) {
        if (kind == null) return "";
        return switch (kind) {
            case CHANGED -> "变更";
            case REVOKED -> "撤销";
            case CONFIRMED_ILLEGAL -> "确认违法";
            case CONFIRMED_INVALID -> "确认无效";
        };
    }

    public String penaltyType(PenaltyType type) {
        return type == null ? "" : type.label();
    }

    public Map<ListType, String> listTypes() {
        return LIST_TYPES;
    }

    /** 严重失信主体名单, 重复侵权企业名录, 黑名单. */
    public String listType(ListType type) {
        return type == null ? "" : LIST_TYPES.getOrDefault(type, type.name());
    }

    public String listBasis(ListType type) {
        return type == null ? "" : LIST_BASES.getOrDefault(type, "");
    }

    public String listingCategory(ListingCategory category) {
        return category == null ? "" : LISTING_CATEGORIES.getOrDefault(category, category.name());
    }

    /** A measure's short name, e.g. 列为重点监管对象. */
    public String sanctionMeasure(SanctionMeasure measure) {
        return measure == null ? "" : SANCTION_MEASURES.getOrDefault(measure, measure.defaultScope());
    }

    /** A sanction's scope as decided, else the measure's own wording (the CNIPA rule's text, {@link SanctionMeasure#defaultScope()}). */
    public String sanctionContent(SanctionMeasure measure, String scope) {
        return scope != null && !scope.isBlank() ? scope.strip() : measure == null ? "" : measure.defaultScope();
    }

    /**
     * A measure with its scope, the decision's or the measure's own, shown once and in the text (a sweep from outside, stop 77:
     * a default scope was only a tooltip, which phones and screen readers never show, and a scope that began with the
     * measure's name repeated it): 列为重点监管对象（每季度检查一次）.
     */
    public String sanction(SanctionMeasure measure, String scope) {
        String label = sanctionMeasure(measure);
        String content = sanctionContent(measure, scope);
        if (content == null || content.isEmpty() || content.equals(label)) return label;
        return content.startsWith(label) ? content : label + "（" + content + "）";
    }

    /** 万元 amounts as people write them: 5.000000 → 5, 0.120050 → 0.12005. */
    public String tenThousandYuan(BigDecimal amount) {
        return amount == null ? "—" : amount.stripTrailingZeros().toPlainString();
    }
}
