package org.gongshi.ledger.listings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;

import java.util.Objects;

import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * Handles {@link ProposeListing} (告知拟列入), the one listing act that spans two aggregates: it checks
 * the proposal, takes the subject's place on the list ({@link ListEntrySlot}, refused under
 * {@link Rule#ONE_ACTIVE_ENTRY_PER_LIST} naming the listing that holds it) once its basis cases bear
 * it ({@link ListingBasisRule}, the cases as their aggregates stand) and then creates the
 * {@link Listing} through its repository. All of it happens in the command's unit of work, so a
 * refused or failed proposal leaves neither a listing nor a taken place behind.
 */
public class ListingProposals {

    private final Repository<Listing> listings;
    private final ListEntrySlots slots;
    private final BasisCases basisCases;

    public ListingProposals(Repository<Listing> listings, ListEntrySlots slots, BasisCases basisCases) {
        this.listings = Objects.requireNonNull(listings, "listings");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.basisCases = Objects.requireNonNull(basisCases, "basisCases");
    }

    /** @return the id of the proposed listing */
    @CommandHandler
    public String handle(ProposeListing command, Rulebook rules, Recording recording) throws Exception {
        try {
            recording.requireIdentity();
            check(!recording.isSystem() && recording.bureau().equals(command.bureau()), Rule.OWN_CASES_ONLY,
                    "a bureau proposes listings in its own name; " + recording.actor() + " cannot propose for " + command.bureau());
            Listing.checkProposal(command, rules);
            recording.requireLegalDate(command.proposedOn(), "the notice of proposed listing", rules);
            ListingBasisRule.of(rules).require(command, basisCases);
            slots.occupy(command.listType(), command.subject().uscc(), command.listingId(), command.proposedOn());
            listings.newInstance(() -> new Listing(command, rules));
            return command.listingId();
        } catch (RuleViolation violation) {
            // no aggregate instance handles this command, so no @ExceptionHandler wraps the refusal
            throw violation.acrossTheBus();
        }
    }
}
