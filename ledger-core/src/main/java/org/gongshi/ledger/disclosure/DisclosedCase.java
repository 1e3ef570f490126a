package org.gongshi.ledger.disclosure;

/**
 * What a {@link Disclosure} asks of the case it belongs to. The case implements it, so the only
 * arrow between the two packages points from cases to disclosure.
 */
public interface DisclosedCase {

    /** Refuses a bureau other than the one that filed the case ({@code OWN_CASES_ONLY}); null is an internal process. */
    void authorise(String actingBureau);

    /** The decision as it stands now. */
    DecisionFacts decision();
}
