package org.gongshi.ledger.vocabulary;

/** 变更 / 撤销 / 确认违法 / 确认无效. */
public enum RevisionKind {
    CHANGED, REVOKED, CONFIRMED_ILLEGAL, CONFIRMED_INVALID;

    /** After these the decision no longer has effect. */
    public boolean endsDecision() { return this == REVOKED || this == CONFIRMED_INVALID; }
}
