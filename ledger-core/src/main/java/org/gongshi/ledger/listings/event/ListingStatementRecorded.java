package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** 陈述、申辩 on a proposed listing received within the window. */
public record ListingStatementRecorded(String listingId, LocalDate receivedOn, String summary) implements ListingEvent {}
