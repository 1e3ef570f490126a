package org.gongshi.ledger.listings.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * 列入: the subject is on the list from {@code listedOn} to the last day of its term ({@code termEnd});
 * repair may be applied for after {@code repairWaitEnd}. {@code reason} is the decision's, or the
 * notice's when the decision gave none. Its measures follow as {@link SanctionImposed} events.
 * Feed: {@code listing.added}.
 */
public record ListingAdded(String listingId, String bureau, String division, ListType listType, ListingCategory category, Subject subject,
                           List<String> basisCaseIds, String reason, LocalDate listedOn, Deadline termEnd, Deadline repairWaitEnd,
                           Deadline statementDeadline, boolean statementReceived, String policyVersion) implements ListingEvent {}
