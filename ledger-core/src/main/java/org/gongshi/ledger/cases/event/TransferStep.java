package org.gongshi.ledger.cases.event;

/** The two steps of a transfer with deadlines of their own (Decree 310 Art 5): the head's decision, and the sending. */
public enum TransferStep {
    /** The head decides on the transfer within 3 days of the suspicion. */
    APPROVAL,
    /** An approved transfer is sent within 24 hours. */
    SENDING
}
