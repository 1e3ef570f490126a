package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by a scheduler once a sanction's last day ({@code until}) is over: lift every active sanction of the entry
 * whose last day is before the day this is recorded ({@code asOf} is the day the schedule fired it for). Idempotent:
 * for an entry off the list, or without such a sanction, it does nothing and is not an error.
 */
public record LiftEndedSanctions(@TargetAggregateIdentifier String listingId, LocalDate asOf) {}
