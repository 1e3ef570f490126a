package org.gongshi.ledger.privacy;

/** A value whose {@link PersonalData} fields are personal data only for some values (a natural person, not a company). */
public interface MaybePersonal {

    /** Whether this value's {@link PersonalData} fields belong to a natural person and must be sealed. */
    boolean personal();
}
