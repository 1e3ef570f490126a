package org.gongshi.ledger.vocabulary;

/**
 * The metadata keys every command carries and Axon copies onto the events it causes: the acting
 * bureau ({@code bureau}, checked by the aggregates), the officer or system identity ({@code actor}),
 * when the ledger recorded it ({@code recordedAt}) and whether it is a historical import.
 */
public final class MetadataKeys {

    public static final String BUREAU = "bureau";
    public static final String ACTOR = "actor";
    /** When the ledger recorded the command (ISO instant, the ledger's clock), stamped at dispatch. */
    public static final String RECORDED_AT = "recordedAt";
    /** "true" on a command of the historical import: it may be dated before the tolerance, and never counts as on time. */
    public static final String HISTORICAL_IMPORT = "historicalImport";
    /**
     * The request a command was sent for under an {@code Idempotency-Key} (a digest of bureau, key and request): its events
     * carry it, so a retry whose first answer a crash lost finds what the first attempt recorded instead of acting again.
     */
    public static final String REQUEST = "request";

    private MetadataKeys() {
    }
}
