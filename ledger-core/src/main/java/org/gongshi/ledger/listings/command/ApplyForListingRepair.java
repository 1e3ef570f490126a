package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 信用修复申请: record the subject's application to have the entry repaired (removed early). */
public record ApplyForListingRepair(@TargetAggregateIdentifier String listingId, String applicationId, LocalDate appliedOn, String grounds) {}
