package org.gongshi.api.limits;

/**
 * Every bound on input, in one place (issue 11 item 5; README "Input bounds"). Request records name
 * these constants in their {@code @CodePointLength} rules for texts (characters, so a name in CJK Extension B such as
 * 𠮷 counts each character once, not as two UTF-16 units) and {@code @Size} rules for lists; a value over its bound is a
 * 400 naming the field.
 */
public final class Bounds {

    private Bounds() {
    }

    /** Identifiers a client passes back (case, listing, application ids, a token's sub). */
    public static final int ID = 64;
    /** Document numbers (文书号): decision and revision document numbers. */
    public static final int DOCUMENT_NUMBER = 100;
    /** Names of persons, companies, authorities, judicial organs; a legal representative. */
    public static final int NAME = 200;
    /** Short labels: violation type, source, execution method, sanction scope. */
    public static final int LABEL = 500;
    /**
     * One redaction term (a name, a number, a place): each is tried on every text of a record, with what may stand between its
     * characters, so its length bounds a publication's cost (a re-test from outside, stop 77: 50 terms of 497 characters
     * took 5–7 s to publish, and 100 made a correction time out).
     */
    public static final int TERM = 100;
    /** Reasons, grounds, legal bases, outcomes, explanations, notes. */
    public static final int TEXT = 2000;
    /** Statements, hearing outcomes, repair grounds. */
    public static final int SUMMARY = 5000;
    /** A decision's facts (the public summary). */
    public static final int FACTS = 10000;

    /** Penalties in one notice, decision or revision. */
    public static final int PENALTIES = 20;
    /** Redactions in one disclosure act; refusal grounds; roles in a token. */
    public static final int LIST = 50;
    /** Basis cases of one listing proposal. */
    public static final int BASIS_CASES = 100;
    /** Measures of one listing decision (there are six kinds). */
    public static final int MEASURES = 6;

    /**
     * The refusal of a list over its bound; a text's is in {@code ValidationMessages.properties} ("must have at most {max}
     * characters"), the message of {@code @CodePointLength}.
     */
    public static final String ITEMS = "must list at most {max} items";

    /**
     * The largest amount of money in yuan a request may name (13 digits and 2 decimals). Said beside {@code @Digits}, which
     * cannot: it counts a number's digits as its precision less its scale, an int that overflows for 1e2147483647 (a sweep
     * from outside, stop 71: such a fine passed, was recorded, and the case views' processor failed on it for good).
     */
    public static final String YUAN_MAX = "9999999999999.99";
    public static final String YUAN_MAX_MESSAGE = "must be at most " + YUAN_MAX + " yuan";

    /** A query parameter's value: room for every feed type's full name, comma-separated, in one {@code types} (about 370). */
    public static final int QUERY_VALUE = 512;

    /**
     * The most characters query parameter {@code name} takes: a name's part ({@code q}) at most a name's {@link #NAME}, any
     * other {@link #QUERY_VALUE}; a value over {@link #QUERY_VALUE} is refused naming this, so a caller who trims to it is not
     * refused again (a re-test from outside, stop 84).
     */
    public static int queryValue(String name) {
        return "q".equals(name) ? NAME : QUERY_VALUE;
    }
    /** A request body, in bytes (the largest valid body is well under this). */
    public static final int BODY_BYTES = 128 * 1024;
}
