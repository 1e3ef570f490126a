package org.gongshi.ledger.listings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * 告知拟列入: notify the subject, with reasons, that it is proposed for a list. Handled by
 * {@link ListingProposals}, which first takes the subject's place on the list ({@link ListEntrySlot}).
 */
public record ProposeListing(@TargetAggregateIdentifier String listingId, String bureau, String division, ListType listType, ListingCategory category,
                             Subject subject, List<String> basisCaseIds, String reason, LocalDate proposedOn) {}
