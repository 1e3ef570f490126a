package org.gongshi.ledger.listings.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** 信用修复申请 received after the minimum wait ({@code repairWaitEnd}, 6 months from listing). */
public record ListingRepairApplied(String listingId, String applicationId, LocalDate appliedOn, String grounds, Deadline repairWaitEnd,
                                   String policyVersion) implements ListingEvent {}
