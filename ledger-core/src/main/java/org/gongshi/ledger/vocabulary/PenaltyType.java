package org.gongshi.ledger.vocabulary;

/** 行政处罚种类 (行政处罚法 Art 9). */
public enum PenaltyType {
    WARNING("警告"), CIRCULATED_CRITICISM("通报批评"), FINE("罚款"), CONFISCATION_OF_ILLEGAL_GAINS("没收违法所得"),
    CONFISCATION_OF_ILLEGAL_PROPERTY("没收非法财物"), LICENSE_SUSPENSION("暂扣许可证件"), QUALIFICATION_DOWNGRADE("降低资质等级"),
    LICENSE_REVOCATION("吊销许可证件"), BUSINESS_RESTRICTION("限制开展生产经营活动"), ORDER_TO_SUSPEND("责令停产停业"),
    ORDER_TO_CLOSE("责令关闭"), PRACTICE_RESTRICTION("限制从业"), OTHER("其他行政处罚");

    private final String label;

    PenaltyType(String label) {
        this.label = label;
    }

    /** The statutory name (行政处罚法 Art 9), as the public record shows it. */
    public String label() {
        return label;
    }

    /**
     * Suspension, restriction, downgrade and revocation penalties: a record with one of these is
     * never ended early by credit repair (Order 45 Art 14).
     */
    public boolean barsEarlyEnd() {
        return this == LICENSE_SUSPENSION || this == ORDER_TO_SUSPEND || this == BUSINESS_RESTRICTION
                || this == PRACTICE_RESTRICTION || this == QUALIFICATION_DOWNGRADE || this == LICENSE_REVOCATION
                || this == ORDER_TO_CLOSE;
    }

    /** Business or practice restriction: its term can keep a record public beyond 3 years (Order 45 Art 13). */
    public boolean isRestriction() {
        return this == BUSINESS_RESTRICTION || this == PRACTICE_RESTRICTION;
    }

    /** Suspensions and restrictions: the decision names the last day of their term ({@code until}). */
    public boolean hasTerm() {
        return this == LICENSE_SUSPENSION || this == ORDER_TO_SUSPEND || isRestriction();
    }

    /** Types that carry an amount in yuan. */
    public boolean isMonetary() {
        return this == FINE || this == CONFISCATION_OF_ILLEGAL_GAINS || this == CONFISCATION_OF_ILLEGAL_PROPERTY;
    }
}
