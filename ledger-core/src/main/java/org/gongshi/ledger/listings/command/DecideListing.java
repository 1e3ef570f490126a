package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.listings.event.Sanction;

import java.time.LocalDate;
import java.util.List;

/**
 * 列入 / 不予列入: decide the proposed listing. To list ({@code list} true) name the measures; the
 * term ends on {@code termEnd}, or 1 year after {@code decidedOn} when it is left out.
 */
public record DecideListing(@TargetAggregateIdentifier String listingId, LocalDate decidedOn, boolean list, List<Sanction> measures,
                            LocalDate termEnd, String reason) {}
