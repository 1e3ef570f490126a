package org.gongshi.ledger.cases;

/** 行政处罚种类 (行政处罚法 Art 9). */
public enum PenaltyType {
    WARNING, CIRCULATED_CRITICISM, FINE, CONFISCATION_OF_ILLEGAL_GAINS, CONFISCATION_OF_ILLEGAL_PROPERTY,
    LICENSE_SUSPENSION, QUALIFICATION_DOWNGRADE, LICENSE_REVOCATION, BUSINESS_RESTRICTION, ORDER_TO_SUSPEND,
    ORDER_TO_CLOSE, PRACTICE_RESTRICTION, OTHER;

    /** Types that carry an amount in yuan. */
    public boolean isMonetary() {
        return this == FINE || this == CONFISCATION_OF_ILLEGAL_GAINS || this == CONFISCATION_OF_ILLEGAL_PROPERTY;
    }
}
