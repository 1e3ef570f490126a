package org.gongshi.ledger.listings.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * 列入: the subject is on the list from {@code listedOn} to the last day of its term ({@code termEnd});
 * repair may be applied for after {@code repairWaitEnd}. {@code reason} is the decision's, or the
 * notice's when the decision gave none. Its measures follow as {@link SanctionImposed} events.
 * Feed: {@code listing.added}. {@code authorityName} is the listing bureau's name as its own basis case's filing recorded
 * it from the bureau's registration (列入机关, as a public record names its authority); null in an entry listed before it
 * was recorded.
 */
public record ListingAdded(String listingId, String bureau, String division, ListType listType, ListingCategory category, Subject subject,
                           List<String> basisCaseIds, String reason, LocalDate listedOn, Deadline termEnd, Deadline repairWaitEnd,
                           Deadline statementDeadline, boolean statementReceived, String policyVersion, String authorityName)
        implements ListingEvent {

    /** An entry that records no authority's name (as one listed before it was recorded). */
    public ListingAdded(String listingId, String bureau, String division, ListType listType, ListingCategory category, Subject subject,
                        List<String> basisCaseIds, String reason, LocalDate listedOn, Deadline termEnd, Deadline repairWaitEnd,
                        Deadline statementDeadline, boolean statementReceived, String policyVersion) {
        this(listingId, bureau, division, listType, category, subject, basisCaseIds, reason, listedOn, termEnd, repairWaitEnd,
                statementDeadline, statementReceived, policyVersion, null);
    }
}
