package org.gongshi.ledger.listings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.interceptors.ExceptionHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.BasisFacts;
import org.gongshi.ledger.disclosure.RecordRedactions;
import org.gongshi.ledger.disclosure.RedactionPolicy;
import org.gongshi.ledger.listings.command.ApplyForListingRepair;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.command.DecideListingRepair;
import org.gongshi.ledger.listings.command.ExpireListing;
import org.gongshi.ledger.listings.command.FlagListingBasisRevoked;
import org.gongshi.ledger.listings.command.ImposeSanction;
import org.gongshi.ledger.listings.command.LiftEndedSanctions;
import org.gongshi.ledger.listings.command.LiftSanction;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.command.RecordListingStatement;
import org.gongshi.ledger.listings.command.RemoveListing;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.ListingFlaggedForRemoval;
import org.gongshi.ledger.listings.event.ListingNotAdded;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.ListingRepairApplied;
import org.gongshi.ledger.listings.event.ListingRepairGranted;
import org.gongshi.ledger.listings.event.ListingRepairRefused;
import org.gongshi.ledger.listings.event.ListingStatementRecorded;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.RepairRefusalGround;
import org.gongshi.ledger.listings.event.Sanction;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionLifted;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * A credit-list entry (失信名单 / 重复侵权名录 / 黑名单), from the notice of proposed listing to its
 * removal: notice with reasons → statement window (5 WD) → decision with measures and term →
 * sanctions → removal (term expired, repair granted, basis revoked, listed in error). Each step is an
 * event recording its dates, deadlines and the policy version.
 *
 * <p>A subject holds at most one active entry per list ({@link Rule#ONE_ACTIVE_ENTRY_PER_LIST}); that
 * rule spans aggregates, so {@link ListingProposals} takes the subject's {@link ListEntrySlot} before
 * creating the listing, and every handler here that ends the entry frees it through the injected
 * {@link ListEntrySlots} in the same unit of work.
 *
 * <p>Who acts and when arrives as message metadata ({@link Recording}); a bureau acts only on listings it
 * proposed ({@link Rule#OWN_CASES_ONLY}); a system identity only where a handler names the rule that lets
 * it act; a command with neither is refused ({@link Rule#IDENTITY_REQUIRED}).
 */
public class Listing {

    @AggregateIdentifier
    private String listingId;
    private String bureau;
    private String division;
    private ListType listType;
    private ListingCategory category;
    private Subject subject;
    private List<String> basisCaseIds;
    private String noticeReason;
    private LocalDate proposedOn;
    private ListingStatus status;
    private LocalDate lastActOn;
    private Deadline statementDeadline;
    private boolean statementReceived;
    private LocalDate listedOn;
    private Deadline termEnd;
    private Deadline repairWaitEnd;
    private final Map<String, SanctionImposed> activeSanctions = new LinkedHashMap<>();
    private final Set<String> sanctionIds = new HashSet<>();
    /** Each measure lifted at its own end by the deadline mechanism, and its last day in force (its until date). */
    private final Map<SanctionMeasure, LocalDate> inForceThrough = new java.util.EnumMap<>(SanctionMeasure.class);
    private final Map<String, LocalDate> repairApplications = new LinkedHashMap<>();
    private String pendingRepair;
    private RemovalReason removalReason;
    private LocalDate removedOn;

    protected Listing() {
        // for Axon
    }

    /**
     * 告知拟列入. Not a command handler: {@link ListingProposals} handles {@link ProposeListing}, takes
     * the subject's place on the list and then creates the listing through the repository.
     */
    public Listing(ProposeListing command, Rulebook rules) {
        checkProposal(command, rules);
        apply(new ListingProposed(command.listingId(), command.bureau(), command.division(), command.listType(), command.category(), command.subject(),
                List.copyOf(command.basisCaseIds()), command.reason(), command.proposedOn(),
                rules.listingStatementDeadline(command.proposedOn()), rules.version()));
    }

    /**
     * The listing bureau's name (列入机关) as the filing of one of its own basis cases recorded it from the bureau's registration
     * (every list rests on at least one of the proposing bureau's penalties); the feed's {@code listing.added} carries it, so a
     * credit platform names the authority as the public list does (a credit platform's sweep, stop 74: only its code).
     */
    private String authorityName(BasisCases basisCases) {
        return basisCaseIds.stream().map(basisCases::find).flatMap(java.util.Optional::stream)
                .filter(f -> bureau.equals(f.bureau()) && f.authorityName() != null).map(BasisFacts::authorityName).findFirst().orElse(null);
    }

    /** What a proposal must say before it may take the subject's place on the list. */
    static void checkProposal(ProposeListing command, Rulebook rules) {
        check(command.subject() != null && command.subject().problems().isEmpty(), Rule.VALID_IDENTIFIER,
                command.subject() == null ? "subject is required" : String.join("; ", command.subject().problems()));
        check(command.listType() != null, Rule.LISTING_CATEGORY, "name the list (listType), one of " + Arrays.toString(ListType.values()));
        check(command.category() != null, Rule.LISTING_CATEGORY,
                "name the category of conduct (category), one of " + Arrays.toString(ListingCategory.values()));
        check(command.listType().allows(command.category()), Rule.LISTING_CATEGORY, command.listType() == ListType.REPEATED_INFRINGER
                ? "the repeated-infringer list takes only REPEATED_INFRINGEMENT, not " + command.category()
                : "the " + command.listType() + " list takes the seven CNIPA categories " + ListingCategory.cnipaDishonesty()
                        + ", not " + command.category());
        List<String> basis = command.basisCaseIds() == null ? List.of() : command.basisCaseIds();
        check(!basis.isEmpty() && basis.stream().noneMatch(id -> id == null || id.isBlank()), Rule.LISTING_CATEGORY,
                "a listing names the cases it rests on (basisCaseIds)");
        if (command.listType() == ListType.REPEATED_INFRINGER) {
            RepeatedInfringementPolicy.of(rules).requireBasisNamed(basis);
        }
        check(command.reason() != null && !command.reason().isBlank(), Rule.LISTING_PROCEDURE,
                "the notice states the reasons for the proposed listing (reason)");
        check(command.proposedOn() != null, Rule.LISTING_PROCEDURE, "the notice is dated (proposedOn)");
        check(command.bureau() != null && !command.bureau().isBlank(), Rule.LISTING_PROCEDURE, "the notice names the proposing bureau");
        check(command.listingId() != null && !command.listingId().isBlank(), Rule.LISTING_PROCEDURE, "listingId is required");
    }

    @CommandHandler
    public void handle(RecordListingStatement command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(status == ListingStatus.PROPOSED, Rule.LISTING_PROCEDURE,
                "a statement answers the notice of a proposed listing; listing " + listingId + " is " + status);
        requireDatedInOrder(command.receivedOn(), "the statement", recording, rules);
        check(statementDeadline.metBy(command.receivedOn()), Rule.LISTING_PROCEDURE,
                "the statement of " + command.receivedOn() + " came after the window closed on " + statementDeadline.dueOn() + " ("
                        + rules.policy().creditListing().statementWorkingDays() + " WD from the notice)");
        apply(new ListingStatementRecorded(listingId, command.receivedOn(), command.summary()));
    }

    @CommandHandler
    public void handle(DecideListing command, Rulebook rules, ListEntrySlots slots, Recording recording, BasisCases basisCases) {
        authorise(recording);
        check(status == ListingStatus.PROPOSED, Rule.LISTING_PROCEDURE, "listing " + listingId + " was already decided (" + status + ")");
        LocalDate decidedOn = command.decidedOn();
        requireDatedInOrder(decidedOn, "the decision", recording, rules);
        if (!command.list()) {
            // a decision in the subject's favour need not wait for its statement
            apply(new ListingNotAdded(listingId, listType, subject, decidedOn, command.reason(), rules.version()));
            slots.vacate(listType, subject.uscc(), listingId, decidedOn, "listing not added");
            return;
        }
        check(statementReceived || decidedOn.isAfter(statementDeadline.dueOn()), Rule.LISTING_PROCEDURE,
                "the subject may make a statement until " + statementDeadline.dueOn() + " ("
                        + rules.policy().creditListing().statementWorkingDays() + " WD from the notice); decide after that date, or record the statement first");
        check(command.measures() != null && !command.measures().isEmpty(), Rule.SANCTION_MEASURES,
                "a listing decision names its measures, from " + Arrays.toString(SanctionMeasure.values()));
        ListingBasisRule.of(rules).requireStillBears(listType, subject.uscc(), basisCaseIds, proposedOn, basisCases);
        Deadline longest = rules.listingTermEnd(decidedOn);
        Deadline term = longest;
        if (command.termEnd() != null) {
            check(command.termEnd().isAfter(decidedOn), Rule.LISTING_TERM,
                    "the term must end after the listing date " + decidedOn + ", not on " + command.termEnd());
            check(!command.termEnd().isAfter(longest.dueOn()), Rule.LISTING_TERM,
                    "the term runs at most " + rules.policy().creditListing().termYears() + " year(s) from listing on " + decidedOn + ", to "
                            + longest.dueOn() + "; " + command.termEnd() + " is later");
            term = rules.namedListingTermEnd(command.termEnd());
        }
        Set<String> taken = new HashSet<>(sanctionIds);
        List<SanctionImposed> imposed = new ArrayList<>();
        for (Sanction measure : command.measures()) {
            check(measure != null, Rule.SANCTION_MEASURES, "a measure of the decision is empty");
            SanctionImposed sanction = newSanction(measure.sanctionId(), measure.measure(), publicText(measure.scope(), basisCases, command.reason()),
                    measure.until(), decidedOn, term, taken, rules);
            check(imposed.stream().noneMatch(other -> other.measure() == sanction.measure()), Rule.SANCTION_MEASURES,
                    "the decision names " + sanction.measure() + " more than once; a measure is imposed once, with one scope and term");
            imposed.add(sanction);
        }
        String reason = command.reason() == null || command.reason().isBlank() ? noticeReason : command.reason();
        apply(new ListingAdded(listingId, bureau, division, listType, category, publicSubject(), basisCaseIds, publicText(reason, basisCases),
                decidedOn, term,
                rules.listingRepairWaitEnd(decidedOn), statementDeadline, statementReceived, rules.version(), authorityName(basisCases)));
        imposed.forEach(sanction -> apply(sanction));
    }

    @CommandHandler
    public void handle(ImposeSanction command, Rulebook rules, Recording recording, BasisCases basisCases) {
        authorise(recording);
        check(status == ListingStatus.ACTIVE, Rule.SANCTION_MEASURES,
                "sanctions are imposed on an entry on the list; listing " + listingId + " is " + status);
        requireDatedInOrder(command.imposedOn(), "the sanction", recording, rules);
        requireWithinTerm(command.imposedOn(), "impose a sanction");
        activeSanctions.values().stream().filter(active -> active.measure() == command.measure()).findFirst().ifPresent(active -> {
            throw new RuleViolation(Rule.SANCTION_MEASURES, command.measure() + " is already in force on listing " + listingId + " as sanction "
                    + active.sanctionId() + " (" + active.scope() + ", until " + active.until() + "); lift it first to impose it again"
                    + " with another scope or term");
        });
        // a measure lifted at its own end was in force through its last day: imposed again dated on or before it, it would be in force
        // twice (a re-test from outside, stop 86, once acts could be dated before such a lift)
        LocalDate lastDay = inForceThrough.get(command.measure());
        check(lastDay == null || command.imposedOn().isAfter(lastDay), Rule.SANCTION_MEASURES, command.measure() + " was in force on listing "
                + listingId + " through " + lastDay + ", its last day (lifted at its end); imposed again it starts after " + lastDay
                + ", not on " + command.imposedOn());
        apply(newSanction(command.sanctionId(), command.measure(), publicText(command.scope(), basisCases), command.until(), command.imposedOn(), termEnd,
                new HashSet<>(sanctionIds), rules));
    }

    @CommandHandler
    public void handle(LiftSanction command, Rulebook rules, Recording recording, BasisCases basisCases) {
        authorise(recording);
        SanctionImposed sanction = activeSanctions.get(command.sanctionId());
        // one never imposed is none to find (outside audit: a 409 for an unknown number); one lifted is a conflict
        check(sanctionIds.contains(command.sanctionId()), Rule.NAMED_PART_EXISTS, "listing " + listingId + " has no sanction " + command.sanctionId());
        check(sanction != null, Rule.SANCTION_MEASURES, "sanction " + command.sanctionId() + " was already lifted");
        requireDatedInOrder(command.liftedOn(), "lifting the sanction", recording, rules);
        requireWithinTerm(command.liftedOn(), "lift a sanction");
        apply(new SanctionLifted(listingId, sanction.sanctionId(), subject.uscc(), sanction.measure(), command.liftedOn(),
                publicText(command.reason(), basisCases)));
    }

    @CommandHandler
    public void handle(RemoveListing command, Rulebook rules, ListEntrySlots slots, Recording recording, BasisCases basisCases) {
        authorise(recording);
        requireOnList("remove it");
        check(command.reason() != null, Rule.LISTING_REMOVAL, "name the reason for the removal: TERM_EXPIRED, BASIS_REVOKED or LISTED_IN_ERROR");
        requireDatedInOrder(command.removedOn(), "the removal", recording, rules);
        // the detail (which decision revoked the basis, what the error was) is published when given, never required: API.md's
        // removal is {removedOn, reason}, and the ledger itself knows whether a basis was revoked (a contract sweep from
        // outside, stop 80: a removal with only the contract's fields was refused)
        switch (command.reason()) {
            case REPAIRED -> check(false, Rule.LISTING_REMOVAL,
                    "an entry is removed as REPAIRED only by granting a repair application (DecideListingRepair)");
            case TERM_EXPIRED -> check(command.removedOn().isAfter(termEnd.dueOn()), Rule.LISTING_REMOVAL,
                    "the term runs until " + termEnd.dueOn() + "; the entry expires from " + termEnd.dueOn().plusDays(1));
            case BASIS_REVOKED -> {
                // the ledger knows whether a basis still bears the entry (the cases' aggregates): a claim in the detail is not
                // enough. A repeated infringer rests on its rule: the penalties that still count (a sweep from outside, stop 72:
                // one changed to a warning only no longer counts, yet the entry could not be removed, "every decision still stands")
                if (listType == ListType.REPEATED_INFRINGER) {
                    ListingBasisRule.of(rules).requireNoLongerACandidate(subject.uscc(), basisCaseIds, proposedOn, basisCases);
                } else {
                    check(basisCaseIds.stream().map(basisCases::find).anyMatch(facts -> facts.isPresent() && !facts.get().standing()),
                            Rule.LISTING_REMOVAL, "every decision listing " + listingId + " rests on still stands " + basisCaseIds
                                    + ": record the revocation (or confirmed invalidity) as a revision of the case first, which removes the"
                                    + " listing by itself; or remove it as LISTED_IN_ERROR");
                }
            }
            case LISTED_IN_ERROR -> { } // what the error was is the bureau's to say, in the optional detail
        }
        end(command.reason(), command.removedOn(), publicText(command.detail(), basisCases), rules, slots);
    }

    /**
     * A text of this listing as it may be published: scrubbed, and with what the basis cases' public records hid hidden too
     * (the terms their bureaus listed, the names the patterns found in them; the second audit from outside found a basis
     * record's listed 王建军 in the listing's reason), and the names the patterns find in the listing's own texts as written
     * (its notice's reason, {@code ownTexts}: the privacy audit found 邓建平, hidden in the reason, in a sanction's scope).
     * The subject's name is public.
     */
    private String publicText(String text, BasisCases basisCases, String... ownTexts) {
        if (text == null) return null;
        List<String> terms = new ArrayList<>(), texts = new ArrayList<>();
        texts.add(noticeReason);
        for (String own : ownTexts) if (own != null) texts.add(own);
        for (String caseId : basisCaseIds) {
            RecordRedactions hidden = basisCases.recordRedactions(caseId);
            terms.addAll(hidden.terms());
            texts.addAll(hidden.texts());
        }
        return RedactionPolicy.reason(text, terms, java.util.Collections.singletonList(subject == null ? null : subject.name()), texts);
    }

    /**
     * Sent by the deadline mechanism ({@code system:deadlines}, or the listing's bureau) when the term
     * has ended: the entry is removed on the day this is recorded. Idempotent: an entry off the list,
     * or whose term has not ended by the recording day, is left alone.
     */
    @CommandHandler
    public void handle(ExpireListing command, Rulebook rules, ListEntrySlots slots, Recording recording) {
        authorise(recording, Recording.DEADLINES);
        LocalDate today = recording.today();
        if (status != ListingStatus.ACTIVE || !today.isAfter(termEnd.dueOn())) {
            return;
        }
        end(RemovalReason.TERM_EXPIRED, today, "term ended on " + termEnd.dueOn(), rules, slots);
    }

    /**
     * Sent by the deadline mechanism ({@code system:deadlines}, or the listing's bureau) when a sanction's last day
     * ({@code until}) is over: every active sanction whose last day is before the recording day is lifted on that day,
     * naming the end of its term. Idempotent: an entry off the list, or without such a sanction, is left alone; so is an
     * entry whose own term has ended, which its expiry ({@link ExpireListing}, scheduled at the term's end) removes with
     * every sanction, whichever of the two fires first.
     */
    @CommandHandler
    public void handle(LiftEndedSanctions command, Recording recording) {
        authorise(recording, Recording.DEADLINES);
        LocalDate today = recording.today();
        if (status != ListingStatus.ACTIVE || today.isAfter(termEnd.dueOn())) {
            return;
        }
        for (SanctionImposed sanction : List.copyOf(activeSanctions.values())) {
            if (sanction.until() != null && today.isAfter(sanction.until())) {
                apply(new SanctionLifted(listingId, sanction.sanctionId(), subject.uscc(), sanction.measure(), today,
                        "term of the measure ended on " + sanction.until(), true));
            }
        }
    }

    /**
     * By policy a listing is removed once a decision it rests on no longer stands; a listing already off
     * the list is left alone, and so is a repeated-infringer entry whose basis decisions still standing make
     * its subject a candidate ({@link ListingBasisRule#stillMakeACandidate}). Besides the listing's bureau,
     * {@code system:listing-basis-watch} may flag any listing resting on the case, whichever bureau revised it:
     * a revoked basis removes every listing that rests on it.
     */
    @CommandHandler
    public void handle(FlagListingBasisRevoked command, Rulebook rules, ListEntrySlots slots, Recording recording, BasisCases basisCases) {
        authorise(recording, Recording.LISTING_BASIS_WATCH);
        if (status != ListingStatus.ACTIVE) {
            return;
        }
        check(basisCaseIds.contains(command.caseId()), Rule.LISTING_REMOVAL,
                "case " + command.caseId() + " is not a basis of listing " + listingId + " " + basisCaseIds);
        check(command.revokedOn() != null, Rule.LISTING_REMOVAL, "the date the basis decision stopped standing is required (revokedOn)");
        if (listType == ListType.REPEATED_INFRINGER) {
            // a change counts too: a penalty changed to a warning only no longer counts (DOMAIN.md, repeated infringer)
            if (ListingBasisRule.of(rules).stillMakeACandidate(subject.uscc(), basisCaseIds, proposedOn, basisCases)) return;
        } else if (basisCases.find(command.caseId()).map(BasisFacts::standing).orElse(false)) {
            return; // changed, or confirmed illegal: the decision still stands, and the entry with it
        }
        apply(new ListingFlaggedForRemoval(listingId, command.caseId(), command.revokedOn()));
        LocalDate on = recording.today();
        boolean stands = basisCases.find(command.caseId()).map(BasisFacts::standing).orElse(false);
        end(RemovalReason.BASIS_REVOKED, on, stands
                ? "the decision of case " + command.caseId() + " was changed from " + command.revokedOn() + ": the penalties that still count"
                        + " no longer make the subject a repeated infringer"
                : "the decision of case " + command.caseId() + " no longer stands from " + command.revokedOn(), rules, slots);
    }

    @CommandHandler
    public void handle(ApplyForListingRepair command, Rulebook rules, ListEntrySlots slots, Recording recording) {
        authorise(recording);
        check(status == ListingStatus.ACTIVE, Rule.LISTING_REPAIR, "only an entry on the list can be repaired; listing " + listingId + " is " + status);
        LocalDate appliedOn = command.appliedOn();
        requireDatedInOrder(appliedOn, "the repair application", recording, rules);
        requireWithinTerm(appliedOn, "apply for repair");
        check(pendingRepair == null, Rule.LISTING_REPAIR,
                "repair application " + pendingRepair + " of " + repairApplications.get(pendingRepair) + " is still undecided; decide it first");
        check(command.applicationId() != null && !command.applicationId().isBlank() && !repairApplications.containsKey(command.applicationId()),
                Rule.LISTING_REPAIR, "a repair application needs an applicationId not used before on this listing");
        var listing = rules.policy().creditListing();
        check(appliedOn.isAfter(repairWaitEnd.dueOn()), Rule.LISTING_REPAIR,
                "repair may be applied for after " + listing.repairAfterMonths() + " months from listing on " + listedOn + ", that is from "
                        + repairWaitEnd.dueOn().plusDays(1) + "; " + appliedOn + " is too early");
        requireRepairsLeftInTheYear(appliedOn, rules, slots);
        apply(new ListingRepairApplied(listingId, command.applicationId(), appliedOn, command.grounds(), repairWaitEnd, rules.version()));
    }

    @CommandHandler
    public void handle(DecideListingRepair command, Rulebook rules, ListEntrySlots slots, Recording recording, BasisCases basisCases,
                       org.gongshi.ledger.disclosure.CreditStanding standing) {
        authorise(recording);
        // an entry no longer on the list says so, never that the application it holds is not the one it holds (a credit
        // listings sweep, stop 75: "has no undecided repair application X; the undecided one is X" after the term ended)
        check(status == ListingStatus.ACTIVE, Rule.LISTING_REPAIR, "listing " + listingId + " is " + status
                + (removedOn == null ? "" : " since " + removedOn + " (" + removalReason + ")")
                + ": only an entry on the list takes a repair decision" + (removedOn == null ? "" : "; an application it held lapsed with it"));
        check(pendingRepair != null && pendingRepair.equals(command.applicationId()), Rule.LISTING_REPAIR,
                "listing " + listingId + " has no undecided repair application " + command.applicationId()
                        + (pendingRepair == null ? "" : "; the undecided one is " + pendingRepair));
        requireDatedInOrder(command.decidedOn(), "the repair decision", recording, rules);
        requireWithinTerm(command.decidedOn(), "decide a repair");
        List<RepairRefusalGround> grounds = command.refusalGrounds() == null ? List.of() : List.copyOf(command.refusalGrounds());
        if (command.granted()) {
            check(grounds.isEmpty(), Rule.LISTING_REPAIR, "a repair cannot be granted while its conditions fail: " + grounds);
            requireObligationsFulfilled(basisCases);
            requireNoPenaltySinceListing(standing);
            apply(new ListingRepairGranted(listingId, command.applicationId(), command.decidedOn(), command.reason(), rules.version()));
            end(RemovalReason.REPAIRED, command.decidedOn(), "repair application " + command.applicationId() + " granted", rules, slots);
        } else {
            check(!grounds.isEmpty(), Rule.LISTING_REPAIR,
                    "a refusal names the conditions that failed (refusalGrounds), from " + Arrays.toString(RepairRefusalGround.values()));
            apply(new ListingRepairRefused(listingId, command.applicationId(), command.decidedOn(), grounds, command.reason(), rules.version()));
        }
    }

    /** Domain refusals cross the command bus, local or remote, with their rule as details. */
    @ExceptionHandler(resultType = RuleViolation.class)
    public void refuse(RuleViolation violation) {
        throw violation.acrossTheBus();
    }

    // ---- rules shared by several acts

    /**
     * DOMAIN.md (list term): at most {@code repairsPerYear} (policy default 1) granted repairs a year, counted over the
     * subject's entries on this list (a grant ends its entry; refused applications do not count). Checked when the
     * application is made: the subject holds one entry per list at a time, so no other grant can come between.
     */
    private void requireRepairsLeftInTheYear(LocalDate on, Rulebook rules, ListEntrySlots slots) {
        int perYear = rules.policy().creditListing().repairsPerYear();
        List<LocalDate> withinYear = slots.repairsGranted(listType, subject.uscc()).stream()
                .filter(granted -> !granted.isBefore(on.minusYears(1))).sorted().toList(); // the year after a grant ends on its anniversary
        if (withinYear.size() >= perYear) {
            throw new RuleViolation(Rule.LISTING_REPAIR, "at most " + perYear + " granted repair(s) a year on the " + listType
                    + "; repairs of " + subject.uscc() + " were granted on " + withinYear + ", so a repair may be applied for from "
                    + withinYear.get(withinYear.size() - perYear).plusYears(1).plusDays(1));
        }
    }

    /**
     * DOMAIN.md (early end, read for a credit list as for a public record): a repair is granted only with the obligations
     * fulfilled, that is with the execution of every fine or confiscation of a standing basis decision recorded in the
     * ledger. Checked against the cases as their aggregates stand ({@link BasisCases}), never taken from the request.
     */
    private void requireObligationsFulfilled(BasisCases basisCases) {
        List<String> unpaid = basisCaseIds.stream().map(basisCases::find).flatMap(Optional::stream)
                .filter(BasisFacts::obligationsOutstanding).map(BasisFacts::caseId).toList();
        check(unpaid.isEmpty(), Rule.LISTING_REPAIR, "obligations not fulfilled (" + RepairRefusalGround.OBLIGATIONS_NOT_FULFILLED
                + "): no execution is recorded of the penalty of basis case(s) " + unpaid + "; record the execution first,"
                + " or refuse the application on that ground");
    }

    /**
     * DOMAIN.md (early end, read for a credit list as for a public record: "no repeat (no later penalty in the ledger)"): a
     * repair is not granted to a subject penalised again since it was listed, as the ledger knows it (a penalty decision of any
     * bureau that still stands), never as the request says (a sweep from outside, stop 72: only the payment was checked; the
     * repeat was a refusal ground the officer had to assert). Counted, never named: a later case may be another bureau's.
     */
    private void requireNoPenaltySinceListing(org.gongshi.ledger.disclosure.CreditStanding standing) {
        List<String> again = standing.penalisedAfter(new org.gongshi.ledger.vocabulary.Party(org.gongshi.ledger.vocabulary.PartyKind.LEGAL_PERSON,
                subject.name(), subject.uscc(), null, null), listedOn, null);
        check(again.isEmpty(), Rule.LISTING_REPAIR, "the subject was penalised again after it was listed on " + listedOn + " (" + again.size()
                + (again.size() == 1 ? " later penalty decision" : " later penalty decisions") + " in the ledger: "
                + RepairRefusalGround.REPEAT_VIOLATION + "); refuse the application on that ground");
    }

    /** Ends the entry: lifts its sanctions, removes it naming the reason, and frees the subject's place on the list. */
    private void end(RemovalReason reason, LocalDate on, String detail, Rulebook rules, ListEntrySlots slots) {
        for (SanctionImposed sanction : List.copyOf(activeSanctions.values())) {
            apply(new SanctionLifted(listingId, sanction.sanctionId(), subject.uscc(), sanction.measure(), on, "entry removed: " + reason));
        }
        apply(new ListingRemoved(listingId, listType, publicSubject(), listedOn, reason, on, RedactionPolicy.scrub(detail), rules.version()));
        slots.vacate(listType, subject.uscc(), listingId, on, ListEntrySlots.removedBecause(reason));
    }

    /** A sanction of {@code measure}; {@code scope} as it may be published ({@link #publicText}), the measure's own when none is given. */
    private SanctionImposed newSanction(String sanctionId, SanctionMeasure measure, String scope, LocalDate until, LocalDate imposedOn,
                                        Deadline term, Set<String> taken, Rulebook rules) {
        check(measure != null, Rule.SANCTION_MEASURES, "name one of the six CNIPA measures: " + Arrays.toString(SanctionMeasure.values()));
        String id = sanctionId == null || sanctionId.isBlank() ? nextSanctionId(taken) : sanctionId;
        check(!taken.contains(id), Rule.SANCTION_MEASURES, "sanction id " + id + " is already used on listing " + listingId);
        LocalDate last = until == null ? term.dueOn() : until;
        check(!last.isBefore(imposedOn), Rule.SANCTION_MEASURES,
                "sanction " + measure + " would end on " + last + ", before it is imposed on " + imposedOn);
        check(!last.isAfter(term.dueOn()), Rule.SANCTION_MEASURES,
                "sanction " + measure + " runs until " + last + ", after the entry's term ends on " + term.dueOn() + "; a sanction lasts at most the term");
        taken.add(id);
        return new SanctionImposed(listingId, id, subject.uscc(), measure,
                scope == null || scope.isBlank() ? measure.defaultScope() : scope, imposedOn, last, rules.version());
    }

    /** The subject as a public list entry names it: its name through the one redaction policy. */
    private Subject publicSubject() {
        return new Subject(RedactionPolicy.scrub(subject.name()), subject.uscc());
    }

    private String nextSanctionId(Set<String> taken) {
        int n = taken.size() + 1;
        while (taken.contains(listingId + "/" + n)) n++;
        return listingId + "/" + n;
    }

    private void authorise(Recording recording, String... systems) {
        recording.requireActingFor(bureau, "listing " + listingId + " was proposed", systems);
    }

    private void requireOnList(String act) {
        check(status == ListingStatus.ACTIVE, Rule.LISTING_REMOVAL, switch (status) {
            case REMOVED -> "listing " + listingId + " was already removed on " + removedOn + " (" + removalReason + "); an entry is removed once";
            case NOT_ADDED -> "listing " + listingId + " was not added to the list; cannot " + act;
            default -> "listing " + listingId + " is only proposed; decide not to list it instead";
        });
    }

    private void requireDatedInOrder(LocalDate date, String act, Recording recording, Rulebook rules) {
        check(date != null, Rule.LISTING_PROCEDURE, "the date of " + act + " is required");
        recording.requireLegalDate(date, act, rules);
        check(!date.isBefore(lastActOn), Rule.LISTING_PROCEDURE,
                "the date of " + act + " (" + date + ") is before the previous act on listing " + listingId + " on " + lastActOn);
    }

    private void requireWithinTerm(LocalDate date, String act) {
        check(termEnd.metBy(date), Rule.LISTING_TERM, "the entry's term ended on " + termEnd.dueOn() + "; cannot " + act + " on " + date
                + "; the entry expires (TERM_EXPIRED) with all its sanctions");
    }

    // ---- state from events

    @EventSourcingHandler
    void on(ListingProposed event) {
        listingId = event.listingId();
        bureau = event.bureau();
        division = event.division();
        listType = event.listType();
        category = event.category();
        subject = event.subject();
        basisCaseIds = event.basisCaseIds();
        noticeReason = event.reason();
        proposedOn = event.proposedOn();
        status = ListingStatus.PROPOSED;
        lastActOn = event.proposedOn();
        statementDeadline = event.statementDeadline();
    }

    @EventSourcingHandler
    void on(ListingStatementRecorded event) {
        lastActOn = event.receivedOn();
        statementReceived = true;
    }

    @EventSourcingHandler
    void on(ListingAdded event) {
        lastActOn = event.listedOn();
        status = ListingStatus.ACTIVE;
        listedOn = event.listedOn();
        termEnd = event.termEnd();
        repairWaitEnd = event.repairWaitEnd();
    }

    @EventSourcingHandler
    void on(ListingNotAdded event) {
        lastActOn = event.decidedOn();
        status = ListingStatus.NOT_ADDED;
    }

    @EventSourcingHandler
    void on(SanctionImposed event) {
        lastActOn = event.imposedOn();
        activeSanctions.put(event.sanctionId(), event);
        sanctionIds.add(event.sanctionId());
    }

    @EventSourcingHandler
    void on(SanctionLifted event) {
        // the measure's own end, lifted on the day after it by the deadline mechanism, is no act of the entry's procedure: an act
        // dated before it (a repair applied for on the measure's last day, recorded the day after) keeps its date (a sweep, stop 86)
        if (!Boolean.TRUE.equals(event.atMeasuresEnd())) lastActOn = event.liftedOn();
        else {
            SanctionImposed lifted = activeSanctions.get(event.sanctionId());
            LocalDate lastDay = lifted != null && lifted.until() != null ? lifted.until() : event.liftedOn().minusDays(1);
            inForceThrough.merge(event.measure(), lastDay, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
        }
        activeSanctions.remove(event.sanctionId());
    }

    @EventSourcingHandler
    void on(ListingRepairApplied event) {
        lastActOn = event.appliedOn();
        repairApplications.put(event.applicationId(), event.appliedOn());
        pendingRepair = event.applicationId();
    }

    @EventSourcingHandler
    void on(ListingRepairGranted event) {
        lastActOn = event.decidedOn();
        pendingRepair = null;
    }

    @EventSourcingHandler
    void on(ListingRepairRefused event) {
        lastActOn = event.decidedOn();
        pendingRepair = null;
    }

    @EventSourcingHandler
    void on(ListingRemoved event) {
        lastActOn = event.removedOn();
        status = ListingStatus.REMOVED;
        removalReason = event.reason();
        removedOn = event.removedOn();
    }

    @Override
    public String toString() {
        return "Listing[" + listingId + ", " + listType + ", " + status + "]";
    }
}
