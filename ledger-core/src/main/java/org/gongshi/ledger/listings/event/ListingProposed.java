package org.gongshi.ledger.listings.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;
import java.util.List;

/** 告知拟列入: the subject was notified, with reasons, of its proposed listing; records the statement deadline (5 WD). */
public record ListingProposed(String listingId, String bureau, String division, ListType listType, ListingCategory category, Subject subject,
                              List<String> basisCaseIds, String reason, LocalDate proposedOn, Deadline statementDeadline,
                              String policyVersion) implements ListingEvent {}
