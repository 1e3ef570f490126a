package org.gongshi.ledger.listings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** 移出: remove an entry from its list for a named reason; {@code detail} says what happened. */
public record RemoveListing(@TargetAggregateIdentifier String listingId, LocalDate removedOn, RemovalReason reason, String detail) {}
