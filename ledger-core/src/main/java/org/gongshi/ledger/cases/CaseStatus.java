package org.gongshi.ledger.cases;

/** Where a case stands in its lifecycle. */
public enum CaseStatus {
    FILED, NOTICE_SERVED, PENALTY_DECIDED, NO_PENALTY_DECIDED, TRANSFERRED, DISMISSED, EXECUTED, CLOSED;

    /** Has the case had its disposition (decision, no penalty, transfer, dismissal)? */
    public boolean isDisposed() { return this != FILED && this != NOTICE_SERVED; }
}
