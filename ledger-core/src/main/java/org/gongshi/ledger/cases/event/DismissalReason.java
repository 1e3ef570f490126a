package org.gongshi.ledger.cases.event;

/** Why a case is dismissed (撤销立案, SAMR 程序规定). */
public enum DismissalReason {
    /** 违法事实不能成立. */
    NO_VIOLATION,
    /** 不属于本机关管辖. */
    NO_JURISDICTION,
    /** 超过追责时效 (行政处罚法 Art 36). */
    TIME_BARRED,
    /** 当事人死亡或者终止. */
    PARTY_DECEASED_OR_DISSOLVED
}
