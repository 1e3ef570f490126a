package org.gongshi.ledger.vocabulary;

/** 当事人类型: the kind of party, which decides the identifier it needs and the redaction it gets. */
public enum PartyKind {
    LEGAL_PERSON, OTHER_ORGANIZATION, INDIVIDUAL_BUSINESS, NATURAL_PERSON;

    public boolean isOrganisation() { return this != NATURAL_PERSON; }
}
