package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Lift one active sanction of a listed subject. */
public record LiftSanction(@TargetAggregateIdentifier String listingId, String sanctionId, LocalDate liftedOn, String reason) {}
