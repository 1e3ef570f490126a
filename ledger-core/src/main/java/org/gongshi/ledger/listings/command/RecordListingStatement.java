package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 陈述、申辩: record the subject's statement on the proposed listing. */
public record RecordListingStatement(@TargetAggregateIdentifier String listingId, LocalDate receivedOn, String summary) {}
