package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/** 信用修复: the application was granted; the entry is removed as {@link RemovalReason#REPAIRED}. */
public record ListingRepairGranted(String listingId, String applicationId, LocalDate decidedOn, String reason,
                                   String policyVersion) implements ListingEvent {}
