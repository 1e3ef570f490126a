package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** A sanction no longer applies from {@code liftedOn}. Feed: {@code sanction.lifted}, naming the sanction it retracts. */
public record SanctionLifted(String listingId, String sanctionId, String uscc, SanctionMeasure measure, LocalDate liftedOn,
                             String reason) implements ListingEvent {}
