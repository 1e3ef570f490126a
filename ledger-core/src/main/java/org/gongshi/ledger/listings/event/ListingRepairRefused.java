package org.gongshi.ledger.listings.event;

import java.time.LocalDate;
import java.util.List;

/** 不予修复: the application was refused for the conditions named in {@code grounds}; the entry stays. */
public record ListingRepairRefused(String listingId, String applicationId, LocalDate decidedOn, List<RepairRefusalGround> grounds,
                                   String reason, String policyVersion) implements ListingEvent {}
