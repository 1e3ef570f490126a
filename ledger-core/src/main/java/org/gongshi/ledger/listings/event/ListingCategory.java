package org.gongshi.ledger.listings.event;

import java.util.Arrays;
import java.util.List;

/**
 * The conduct an entry rests on. The first seven are the CNIPA 2022 rule's categories of dishonest
 * conduct (失信行为); {@link #REPEATED_INFRINGEMENT} is the Trademark Law Art 60 repeat (2 or more
 * effective infringement penalties within 5 years).
 */
public enum ListingCategory {
    /** 不以保护创新为目的的非正常专利申请行为. */
    ABNORMAL_PATENT_APPLICATION(true),
    /** 恶意商标注册申请行为. */
    BAD_FAITH_TRADEMARK_APPLICATION(true),
    /** 违法从事专利、商标代理并受到国家知识产权局行政处罚. */
    ILLEGAL_AGENCY(true),
    /** 提交虚假材料或隐瞒重要事实申请行政确认. */
    FALSE_MATERIALS(true),
    /** 适用信用承诺被认定承诺不实或未履行承诺. */
    BROKEN_CREDIT_COMMITMENT(true),
    /** 对行政处罚、行政裁决等有履行能力但拒不履行、逃避执行. */
    REFUSAL_TO_PERFORM(true),
    /** 重复侵权 (商标法 Art 60). */
    REPEATED_INFRINGEMENT(false),
    /** 其他被列入知识产权领域公共信用信息具体条目且应被认定为失信的行为. */
    OTHER(true);

    private final boolean cnipaDishonesty;

    ListingCategory(boolean cnipaDishonesty) {
        this.cnipaDishonesty = cnipaDishonesty;
    }

    /** One of the seven categories of the CNIPA 2022 rule. */
    public boolean isCnipaDishonesty() {
        return cnipaDishonesty;
    }

    public static List<ListingCategory> cnipaDishonesty() {
        return Arrays.stream(values()).filter(ListingCategory::isCnipaDishonesty).toList();
    }
}
