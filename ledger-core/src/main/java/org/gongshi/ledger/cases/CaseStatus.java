package org.gongshi.ledger.cases;

/** Where a case stands in its lifecycle. */
public enum CaseStatus {
    FILED, NOTICE_SERVED, PENALTY_DECIDED, NO_PENALTY_DECIDED, TRANSFERRED, EXECUTED, CLOSED;

    /** Has the case had its disposition (decision, no penalty, transfer)? */
    public boolean isDisposed() { return this != FILED && this != NOTICE_SERVED; }
}
