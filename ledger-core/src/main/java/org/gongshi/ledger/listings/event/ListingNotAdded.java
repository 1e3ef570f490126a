package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** 不予列入: the bureau decided not to list the subject; its place on the list is free again. */
public record ListingNotAdded(String listingId, ListType listType, Subject subject, LocalDate decidedOn, String reason,
                              String policyVersion) implements ListingEvent {}
