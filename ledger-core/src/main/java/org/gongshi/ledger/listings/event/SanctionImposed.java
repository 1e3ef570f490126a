package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** 失信惩戒: a measure applies to the listed subject from {@code imposedOn} to {@code until}. Feed: {@code sanction.imposed}. */
public record SanctionImposed(String listingId, String sanctionId, String uscc, SanctionMeasure measure, String scope,
                              LocalDate imposedOn, LocalDate until, String policyVersion) implements ListingEvent {}
