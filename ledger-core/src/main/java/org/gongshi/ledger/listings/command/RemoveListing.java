package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.listings.event.RemovalReason;

import java.time.LocalDate;

/** 移出: remove an entry from its list for a named reason; {@code detail} says what happened. */
public record RemoveListing(@TargetAggregateIdentifier String listingId, LocalDate removedOn, RemovalReason reason, String detail) {}
