package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.policy.Recording;

/**
 * What a {@link Disclosure} asks of the case it belongs to. The case implements it, so the only
 * arrow between the two packages points from cases to disclosure.
 */
public interface DisclosedCase {

    /**
     * Refuses a command without identity ({@code IDENTITY_REQUIRED}), of a bureau other than the one
     * that filed the case ({@code OWN_CASES_ONLY}), or of a system identity not named in {@code systems}.
     */
    void authorise(Recording recording, String... systems);

    /** The decision as it stands now. */
    DecisionFacts decision();
}
