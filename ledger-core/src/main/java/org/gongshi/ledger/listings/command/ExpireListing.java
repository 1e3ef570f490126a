package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by a scheduler: remove the entry if its term ended before {@code asOf}. Idempotent: for an
 * entry that is not on the list, or whose term still runs, it does nothing and is not an error.
 */
public record ExpireListing(@TargetAggregateIdentifier String listingId, LocalDate asOf) {}
