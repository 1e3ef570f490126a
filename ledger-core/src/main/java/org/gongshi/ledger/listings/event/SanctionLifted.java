package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/**
 * A sanction no longer applies from {@code liftedOn}. Feed: {@code sanction.lifted}, naming the sanction it retracts.
 * {@code atMeasuresEnd}: lifted by the deadline mechanism because the measure's own term ended, not an act of the entry's
 * procedure, so an act dated before it may still be recorded (null in events stored before it existed: an act).
 */
public record SanctionLifted(String listingId, String sanctionId, String uscc, SanctionMeasure measure, LocalDate liftedOn,
                             String reason, Boolean atMeasuresEnd) implements ListingEvent {

    /** A lift that is an act of the entry's procedure: a bureau's, or the entry's removal. */
    public SanctionLifted(String listingId, String sanctionId, String uscc, SanctionMeasure measure, LocalDate liftedOn, String reason) {
        this(listingId, sanctionId, uscc, measure, liftedOn, reason, null);
    }
}
