package org.gongshi.ledger.listings.event;

/**
 * The six management measures (管理措施) of the CNIPA 2022 rule, which 「不减损权益、不增加义务」.
 * Each carries the scope it has when a decision names no narrower one.
 */
public enum SanctionMeasure {
    FISCAL_PROJECT_REVIEW("财政资金项目申请从严审查"),
    FEE_REDUCTION_REVIEW("费用减缴、优先审查等优惠政策从严审查"),
    NO_AWARDS("不适用国家知识产权局评优评先"),
    NO_DEMONSTRATION_APPLICATION("不得申报示范、优势企业及中国专利奖"),
    KEY_SUPERVISION("列为重点监管对象，提高检查频次"),
    NO_CREDIT_COMMITMENT("不适用信用承诺制");

    private final String defaultScope;

    SanctionMeasure(String defaultScope) {
        this.defaultScope = defaultScope;
    }

    /** The measure as the CNIPA rule states it: the scope of a sanction that names none. */
    public String defaultScope() {
        return defaultScope;
    }
}
