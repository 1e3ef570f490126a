package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.listings.event.SanctionMeasure;

import java.time.LocalDate;

/** 失信惩戒: impose one of the six measures on a listed subject; {@code scope} and {@code until} may be left out. */
public record ImposeSanction(@TargetAggregateIdentifier String listingId, String sanctionId, SanctionMeasure measure, String scope,
                             LocalDate until, LocalDate imposedOn) {}
