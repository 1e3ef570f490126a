package org.gongshi.ledger.listings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * 信用修复决定: grant the pending application (the entry is removed as {@link RemovalReason#REPAIRED}),
 * or refuse it naming the conditions that failed ({@code refusalGrounds}).
 */
public record DecideListingRepair(@TargetAggregateIdentifier String listingId, String applicationId, LocalDate decidedOn, boolean granted,
                                  List<RepairRefusalGround> refusalGrounds, String reason) {}
