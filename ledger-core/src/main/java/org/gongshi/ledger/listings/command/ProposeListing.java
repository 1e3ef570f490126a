package org.gongshi.ledger.listings.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.Subject;

import java.time.LocalDate;
import java.util.List;

/**
 * 告知拟列入: notify the subject, with reasons, that it is proposed for a list. Handled by
 * {@link org.gongshi.ledger.listings.ListingProposals}, which first takes the subject's place on the list ({@link org.gongshi.ledger.listings.ListEntrySlot}).
 */
public record ProposeListing(@TargetAggregateIdentifier String listingId, String bureau, String division, ListType listType, ListingCategory category,
                             Subject subject, List<String> basisCaseIds, String reason, LocalDate proposedOn) {}
