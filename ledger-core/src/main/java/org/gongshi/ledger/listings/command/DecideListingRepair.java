package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.listings.event.RepairRefusalGround;

import java.time.LocalDate;
import java.util.List;

/**
 * 信用修复决定: grant the pending application (the entry is removed as {@link org.gongshi.ledger.listings.event.RemovalReason#REPAIRED}),
 * or refuse it naming the conditions that failed ({@code refusalGrounds}).
 */
public record DecideListingRepair(@TargetAggregateIdentifier String listingId, String applicationId, LocalDate decidedOn, boolean granted,
                                  List<RepairRefusalGround> refusalGrounds, String reason) {}
