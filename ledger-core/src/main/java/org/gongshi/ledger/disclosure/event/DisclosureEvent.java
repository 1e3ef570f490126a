package org.gongshi.ledger.disclosure.event;

/** Every event of a decision's public record (公示), addressed by the case it belongs to. */
public sealed interface DisclosureEvent permits DisclosureDecided, DisclosureCorrected, DisclosureWithdrawn, DisclosureExpired,
        PublicationTerminated, DisclosureDeadlineMissed, DoublePublicityDeadlineMissed, WithdrawalDeadlineMissed {
    String caseId();
}
