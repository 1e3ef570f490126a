package org.gongshi.ledger.vocabulary;

/**
 * The metadata keys every command carries and Axon copies onto the events it causes: the acting
 * bureau ({@code bureau}, checked by the aggregates) and the officer ({@code actor}).
 */
public final class MetadataKeys {

    public static final String BUREAU = "bureau";
    public static final String ACTOR = "actor";

    private MetadataKeys() {
    }
}
