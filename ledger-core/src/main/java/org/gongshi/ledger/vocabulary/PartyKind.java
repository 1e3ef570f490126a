package org.gongshi.ledger.vocabulary;

/** 当事人类型: the kind of party, which decides the identifier it needs and the redaction it gets. */
public enum PartyKind {
    LEGAL_PERSON, OTHER_ORGANIZATION, INDIVIDUAL_BUSINESS, NATURAL_PERSON;

    public boolean isOrganisation() { return this != NATURAL_PERSON; }

    /**
     * Whether the amounts the law sets for 公民/自然人, rather than for 法人或者其他组织, apply to this kind: the simple
     * procedure's fine limit (行政处罚法 Art 51), the large amount that gives a hearing (Art 63) and the lower amount of a
     * short publicity period (Order 45 Art 13). An individual business (个体工商户) answers as a natural person in all three:
     * 民法典 places it among natural persons (Chapter II, Art 54). A sweep from outside (stop 71) found it a citizen for the
     * first and an organisation for the other two, so a ¥10,000–¥99,999.99 fine skipped its hearing and was public for 3
     * months instead of 3 years.
     */
    public boolean answersToNaturalPersonsAmounts() { return this == NATURAL_PERSON || this == INDIVIDUAL_BUSINESS; }
}
