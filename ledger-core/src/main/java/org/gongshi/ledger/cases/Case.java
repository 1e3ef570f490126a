package org.gongshi.ledger.cases;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.interceptors.ExceptionHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.command.CheckDeadlines;
import org.gongshi.ledger.privacy.command.ShredPartyData;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.gongshi.ledger.cases.command.CloseCase;
import org.gongshi.ledger.cases.command.ConcludeHearing;
import org.gongshi.ledger.cases.command.DecideNoPenalty;
import org.gongshi.ledger.cases.command.DecidePenalty;
import org.gongshi.ledger.cases.command.ExtendDecisionDeadline;
import org.gongshi.ledger.cases.command.FileCase;
import org.gongshi.ledger.cases.command.PauseCaseClock;
import org.gongshi.ledger.cases.command.RecordExecution;
import org.gongshi.ledger.cases.command.RecordStatement;
import org.gongshi.ledger.cases.command.RequestHearing;
import org.gongshi.ledger.cases.command.ResumeCaseClock;
import org.gongshi.ledger.cases.command.ReviseDecision;
import org.gongshi.ledger.cases.command.ServeDecision;
import org.gongshi.ledger.cases.command.DismissCase;
import org.gongshi.ledger.cases.command.ScheduleHearing;
import org.gongshi.ledger.cases.event.HearingScheduled;
import org.gongshi.ledger.cases.command.ReturnTransfer;
import org.gongshi.ledger.cases.event.TransferDeadlines;
import org.gongshi.ledger.cases.event.TransferReturned;
import org.gongshi.ledger.cases.event.CaseDismissed;
import org.gongshi.ledger.cases.command.ServePenaltyNotice;
import org.gongshi.ledger.cases.command.FileChallenge;
import org.gongshi.ledger.cases.command.EndChallenge;
import org.gongshi.ledger.cases.event.ChallengeEnded;
import org.gongshi.ledger.cases.event.ChallengeFiled;
import org.gongshi.ledger.cases.event.DecisionServed;
import org.gongshi.ledger.cases.command.TransferToJudiciary;
import org.gongshi.ledger.cases.command.RecordCrimeSuspicion;
import org.gongshi.ledger.cases.command.DecideOnTransfer;
import org.gongshi.ledger.cases.event.CrimeSuspected;
import org.gongshi.ledger.cases.event.TransferApproved;
import org.gongshi.ledger.cases.event.TransferNotApproved;
import org.gongshi.ledger.cases.event.TransferDeadlineMissed;
import org.gongshi.ledger.cases.event.TransferStep;
import org.gongshi.ledger.cases.event.CaseClockPaused;
import org.gongshi.ledger.cases.event.CaseClockResumed;
import org.gongshi.ledger.cases.event.CaseClosed;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.CaseTransferredToJudiciary;
import org.gongshi.ledger.cases.event.DecisionDeadlineExtended;
import org.gongshi.ledger.cases.event.DecisionDeadlineMissed;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.ExtensionApproval;
import org.gongshi.ledger.cases.event.HearingConcluded;
import org.gongshi.ledger.cases.event.HearingRequested;
import org.gongshi.ledger.cases.event.NoPenaltyDecided;
import org.gongshi.ledger.cases.event.PauseReason;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyExecuted;
import org.gongshi.ledger.cases.event.PenaltyNoticeServed;
import org.gongshi.ledger.cases.event.StatementRecorded;
import org.gongshi.ledger.disclosure.DisclosabilityPolicy;
import org.gongshi.ledger.disclosure.DecisionFacts;
import org.gongshi.ledger.disclosure.DisclosedCase;
import org.gongshi.ledger.disclosure.Disclosure;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.text.VisibleText;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.vocabulary.RevisionKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * 案件: an administrative enforcement case, from filing to closure and later revision. It decides
 * whether each legal act may happen and records it as an event with the deadlines that applied.
 * The acting bureau arrives as message metadata ({@code bureau}); a command from another bureau is
 * refused ({@link Rule#OWN_CASES_ONLY}). The public record of its decision (公示) is its entity
 * {@link Disclosure}, which handles the disclosure commands and asks the case for the decision
 * ({@link #decision()}).
 */
public class Case implements DisclosedCase {

    @AggregateIdentifier
    private String caseId;
    private String bureau;
    private CaseStatus status;
    private LocalDate filedOn;
    private LocalDate lastActOn;
    private Procedure procedure;
    private PartyKind partyKind;

    private int headExtensionDays;
    private LocalDate collectiveDeadline;
    /** Paused days already behind the date a collective decision named: they do not move that date again. */
    private long pausedDaysBeforeCollective;
    private long pausedDays;
    private LocalDate pausedSince;
    private PauseReason pauseReason;
    private Deadline decisionDeadline;
    /** The last decision deadline recorded as missed. */
    private LocalDate missedDecisionDeadline;

    private List<Penalty> proposedPenalties;
    private LocalDate noticeServedOn;
    /** The party stated and defended its case (陈述、申辩) after the notice. */
    private boolean stated;
    private boolean hearingRightGranted;
    private boolean rightsWaived;
    private Deadline hearingRequestDeadline;
    private boolean hearingRequested;
    private boolean hearingConcluded;
    private LocalDate hearingOn;

    private String decisionId;
    private LocalDate decidedOn;
    private List<Penalty> penalties;
    /** Runs from the party's receipt of the decision (送达), so it is known once the decision is served. */
    private Deadline paymentDeadline;
    private LocalDate servedOn;
    /** Reconsiderations and lawsuits against the decision, by number (1, 2, ...). */
    private final List<Challenge> challenges = new ArrayList<>();
    private boolean transferred;
    /**
     * A crime suspected in the case's matter whose transfer is still due (Decree 310 Art 5): the day it was suspected (null when
     * none waits), the head's decision due by {@code transferApproval}, the approval once recorded and the sending it makes due,
     * and which of the two deadlines was recorded missed. Cleared by the transfer or by the head's refusal.
     */
    private LocalDate suspectedOn;
    private Deadline transferApproval;
    private LocalDate transferApprovedOn;
    private boolean transferApprovedInTime;
    private Deadline transferSending;
    private boolean transferApprovalMissed;
    private boolean transferSendingMissed;
    /** The day the head refused the transfer of the last suspicion (null when none was refused since): a transfer then needs a new one. */
    private LocalDate transferRefusedOn;
    private boolean executed;
    private RevisionKind lastRevision;
    private LocalDate lastRevisionEffectiveOn;
    /** The documents that revised the decision (复议决定书, 判决书 …), by number as a reader sees it: each is recorded once. */
    private final java.util.Set<String> revisionDocuments = new java.util.HashSet<>();
    private String partyUscc;
    /** The authority's name as the filing recorded it from the bureau's registration. */
    private String authorityName;
    /** The party's name as filed, which a credit listing resting on the case names its subject by. */
    private String partyName;
    private org.gongshi.ledger.vocabulary.IpType ipType;
    private String violationType;

    /** 公示: the public record of the decision, from the filing on. */
    @AggregateMember
    private Disclosure disclosure;
    /** The party's personal data was shredded: recorded in this stream, or its key deleted before (its filing reads shredded). */
    private boolean partyShredded;

    protected Case() {
        // for Axon
    }

    @CommandHandler
    public Case(FileCase command, Rulebook rules, Recording recording) {
        try {
            recording.requireIdentity();
            check(!recording.isSystem() && recording.bureau().equals(command.bureau()), Rule.OWN_CASES_ONLY,
                    "a bureau files cases in its own name; " + recording.actor() + " cannot file for " + command.bureau());
            recording.requireLegalDate(command.filedOn(), "the filing", rules);
            check(command.party() != null && command.party().problems().isEmpty(), Rule.VALID_IDENTIFIER,
                    command.party() == null ? "party is required" : String.join("; ", command.party().problems()));
            check(command.authorityName() != null && !command.authorityName().isBlank(), Rule.AUTHORITY_NAMED,
                    "authorityName: name the authority (处罚机关) as registered; every public record of the case shows it");
            requireBornBefore(command.party(), recording);
            DisclosabilityPolicy.requireActOnWhereMinorityTurnsOnIt(command.party(), command.actOn(), command.filedOn());
            if (command.actOn() != null && command.actOn().isAfter(command.filedOn())) {
                throw new RuleViolation(Rule.ACTS_IN_ORDER, "actOn", "the act of " + command.actOn() + " comes before its case is filed on "
                        + command.filedOn() + "; actOn is the day the act was committed");
            }
            Deadline deadline = rules.decisionDeadline(command.filedOn(), 0, null, 0);
            apply(new CaseFiled(command.caseId(), command.bureau(), command.authorityName(), command.division(),
                    command.filedOn(), command.ipType(), command.violationType(), command.procedure(), command.source(),
                    command.party(), deadline, rules.escalationDueOn(command.filedOn()), rules.version(), command.actOn()));
        } catch (RuleViolation violation) {
            // no aggregate instance exists yet, so no @ExceptionHandler wraps the refusal
            throw violation.acrossTheBus();
        }
    }

    @CommandHandler
    public void handle(ExtendDecisionDeadline command, Rulebook rules, Recording recording) {
        authorise(recording);
        requireOpenBeforeDisposition("extend the decision deadline");
        requireDatedInOrder(command.approvedOn(), "approval of the extension", recording, rules);
        check(!command.approvedOn().isAfter(decisionDeadline(rules).dueOn()), Rule.DECISION_EXTENSION,
                "the extension was approved on " + command.approvedOn() + ", after the deadline " + decisionDeadline(rules).dueOn()
                        + " had passed; an extension must be approved before the deadline");
        // nor recorded after the deadline passed, dated back into it: the miss may already be on record, and a backdated
        // extension would take it back (outside audit: overdue cleared, the decision counted on time), as a pause may not.
        // A historical import enters a past case act by act, each after its deadlines: its extension is judged by its
        // approval's date (a sweep from outside: a lawful extension of 2025 could not be entered); it never counts as on time
        check(recording.historicalImport() || !recording.today().isAfter(decisionDeadline(rules).dueOn()), Rule.DECISION_EXTENSION,
                "the extension is recorded on " + recording.today() + ", after the decision deadline " + decisionDeadline(rules).dueOn()
                        + " had passed; an extension recorded later cannot move a deadline already missed");
        if (command.approval() == ExtensionApproval.HEAD) {
            int days = command.days() == null ? rules.headExtensionDays() - headExtensionDays : command.days();
            check(days > 0 && headExtensionDays + days <= rules.headExtensionDays(), Rule.DECISION_EXTENSION,
                    "the head may extend by at most " + rules.headExtensionDays() + " CD in all; " + headExtensionDays
                            + " already approved, " + days + " requested; beyond that a collective decision must name the new date");
            check(collectiveDeadline == null, Rule.DECISION_EXTENSION,
                    "a collective decision already set the deadline; a further extension needs another collective decision");
            Deadline extended = rules.decisionDeadline(filedOn, headExtensionDays + days, null, pausedDays);
            apply(new DecisionDeadlineExtended(caseId, ExtensionApproval.HEAD, command.approvedOn(), days, null, command.reason(),
                    extended, rules.version()));
        } else {
            check(headExtensionDays >= rules.headExtensionDays() || collectiveDeadline != null, Rule.DECISION_EXTENSION,
                    "a collective extension comes only after the head's +" + rules.headExtensionDays() + " CD extension; "
                            + headExtensionDays + " CD approved so far");
            check(command.newDeadline() != null, Rule.DECISION_EXTENSION, "a collective decision must name the new deadline (newDeadline)");
            check(command.newDeadline().isAfter(decisionDeadline(rules).dueOn()), Rule.DECISION_EXTENSION,
                    "the new deadline " + command.newDeadline() + " must be after the current deadline " + decisionDeadline(rules).dueOn());
            int maxDays = rules.policy().timeBounds().collectiveDeadlineMaxDaysAfterFiling();
            check(!command.newDeadline().isAfter(filedOn.plusDays(maxDays)), Rule.DECISION_EXTENSION,
                    "a collective decision names a deadline at most " + maxDays + " CD after the filing on " + filedOn + " (to "
                            + filedOn.plusDays(maxDays) + ", project default), not " + command.newDeadline());
            Deadline extended = rules.decisionDeadline(filedOn, headExtensionDays, command.newDeadline(), 0);
            int days = Math.toIntExact(ChronoUnit.DAYS.between(decisionDeadline(rules).dueOn(), extended.dueOn()));
            apply(new DecisionDeadlineExtended(caseId, ExtensionApproval.COLLECTIVE, command.approvedOn(), days, command.newDeadline(), command.reason(),
                    extended, rules.version()));
        }
    }

    @CommandHandler
    public void handle(PauseCaseClock command, Rulebook rules, Recording recording) {
        authorise(recording);
        requireOpenBeforeDisposition("pause the clock");
        requireDatedInOrder(command.pausedOn(), "the pause", recording, rules);
        check(pausedSince == null, Rule.CLOCK_PAUSE, "the clock is already paused since " + pausedSince + " (" + pauseReason + ")");
        // days not counted toward a deadline that is still running; one already missed stays missed (as with an extension):
        // neither a pause that begins after it, nor one recorded after it, dated back into it (the miss may be on record),
        // unless it is a historical import, judged by the pause's own date (as an extension by its approval's)
        check(!command.pausedOn().isAfter(decisionDeadline(rules).dueOn()), Rule.CLOCK_PAUSE,
                "the clock is paused on " + command.pausedOn() + ", after the decision deadline " + decisionDeadline(rules).dueOn()
                        + " had passed; a pause must begin while the deadline still runs");
        check(recording.historicalImport() || !recording.today().isAfter(decisionDeadline(rules).dueOn()), Rule.CLOCK_PAUSE,
                "the pause is recorded on " + recording.today() + ", after the decision deadline " + decisionDeadline(rules).dueOn()
                        + " had passed; a pause recorded later cannot move a deadline already missed");
        apply(new CaseClockPaused(caseId, command.pausedOn(), command.reason(), command.note()));
    }

    @CommandHandler
    public void handle(ResumeCaseClock command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(pausedSince != null, Rule.CLOCK_PAUSE, "the clock is not paused");
        requireDatedInOrder(command.resumedOn(), "the resumption", recording, rules);
        resume(command.resumedOn(), rules);
    }

    @CommandHandler
    public void handle(ServePenaltyNotice command, Rulebook rules, Recording recording) {
        authorise(recording);
        requireOpenBeforeDisposition("serve a penalty notice");
        requireDatedInOrder(command.servedOn(), "the notice", recording, rules);
        check(command.proposedPenalties() != null && !command.proposedPenalties().isEmpty(), Rule.NOTICE_BEFORE_DECISION,
                "a penalty notice must propose at least one penalty");
        requireWithinSimpleProcedure(command.proposedPenalties(), rules);
        requireTerms(command.proposedPenalties(), command.servedOn(), rules);
        check(command.hearingRightGranted() || procedure != Procedure.ORDINARY
                        || !rules.grantsHearingRight(command.proposedPenalties(), partyKind), Rule.HEARING_RIGHT,
                "the proposed penalties give the party a right to a hearing (Art 63: large fine or confiscation, downgrade, revocation,"
                        + " order to suspend or close, practice restriction); the notice must grant it");
        apply(new PenaltyNoticeServed(caseId, command.servedOn(), List.copyOf(command.proposedPenalties()),
                command.hearingRightGranted(), command.rightsWaived(), rules.hearingRequestDeadline(command.servedOn()),
                rules.version()));
    }

    @CommandHandler
    public void handle(RecordStatement command, Rulebook rules, Recording recording) {
        authorise(recording);
        requireOpenBeforeDisposition("record a statement");
        check(proposedPenalties != null, Rule.ACTS_IN_ORDER, "a statement answers a served notice; serve the notice first");
        requireDatedInOrder(command.receivedOn(), "the statement", recording, rules);
        apply(new StatementRecorded(caseId, command.receivedOn(), command.summary()));
    }

    @CommandHandler
    public void handle(RequestHearing command, Rulebook rules, Recording recording) {
        authorise(recording);
        requireOpenBeforeDisposition("record a hearing request");
        check(proposedPenalties != null && hearingRightGranted, Rule.HEARING_REQUEST_WINDOW,
                "no served notice granted a right to a hearing");
        check(!hearingRequested, Rule.HEARING_REQUEST_WINDOW, "a hearing was already requested");
        requireDatedInOrder(command.requestedOn(), "the hearing request", recording, rules);
        check(hearingRequestDeadline(rules).metBy(command.requestedOn()), Rule.HEARING_REQUEST_WINDOW,
                "the hearing request of " + command.requestedOn() + " came after the window closed on "
                        + hearingRequestDeadline(rules).dueOn() + " (5 WD from the notice)");
        apply(new HearingRequested(caseId, command.requestedOn(), recording.onTime(hearingRequestDeadline(rules))));
        if (pausedSince == null) {
            apply(new CaseClockPaused(caseId, command.requestedOn(), PauseReason.HEARING, "hearing requested"));
        }
    }

    @CommandHandler
    public void handle(ScheduleHearing command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(hearingRequested && !hearingConcluded, Rule.HEARING_REQUEST_WINDOW, "there is no requested hearing to schedule");
        requireDatedInOrder(command.notifiedOn(), "the hearing notice", recording, rules);
        Deadline earliest = rules.earliestHearing(command.notifiedOn());
        check(!command.hearingOn().isBefore(earliest.dueOn()), Rule.HEARING_RIGHT, "a hearing notified on " + command.notifiedOn()
                + " is held on " + earliest.dueOn() + " at the earliest (7 WD after the notice), not on " + command.hearingOn());
        apply(new HearingScheduled(caseId, command.notifiedOn(), command.hearingOn(), earliest, rules.version()));
    }

    @CommandHandler
    public void handle(ConcludeHearing command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(hearingRequested && !hearingConcluded, Rule.HEARING_REQUEST_WINDOW, "there is no requested hearing to conclude");
        check(hearingOn != null, Rule.HEARING_RIGHT, "the hearing was never notified; notify it 7 WD ahead (Art 64) before holding it");
        check(!command.heldOn().isBefore(hearingOn), Rule.HEARING_RIGHT,
                "the hearing was notified for " + hearingOn + "; it cannot have been held on " + command.heldOn());
        requireDatedInOrder(command.heldOn(), "the hearing", recording, rules);
        apply(new HearingConcluded(caseId, command.heldOn(), command.outcome()));
        if (pauseReason == PauseReason.HEARING) {
            resume(command.heldOn(), rules);
        }
    }

    @CommandHandler
    public void handle(DecidePenalty command, Rulebook rules, Recording recording, DecisionNumbers numbers) {
        authorise(recording);
        requireUndecided();
        requireDatedInOrder(command.decidedOn(), "the decision", recording, rules);
        check(proposedPenalties != null, Rule.NOTICE_BEFORE_DECISION,
                "no penalty notice (事先告知) has been served on the party; serve it before deciding a penalty");
        check(!hearingRequested || hearingConcluded, Rule.HEARING_REQUEST_WINDOW,
                "the party requested a hearing on this case; record the hearing before deciding");
        check(!hearingRightGranted || rightsWaived || hearingRequested || command.decidedOn().isAfter(hearingRequestDeadline(rules).dueOn()),
                Rule.HEARING_REQUEST_WINDOW, "the party may request a hearing until " + hearingRequestDeadline(rules).dueOn()
                        + "; decide after that date, or record the party's express waiver on the notice");
        requireStatementWindowRun(command.decidedOn(), rules);
        check(pausedSince == null, Rule.CLOCK_PAUSE, "the clock is paused since " + pausedSince + " (" + pauseReason
                + "); resume it before deciding");
        check(command.penalties() != null && !command.penalties().isEmpty(), Rule.NO_HEAVIER_AFTER_DEFENCE,
                "a penalty decision names at least one penalty");
        requireNoHeavierThanNotice(command.penalties());
        requireTerms(command.penalties(), command.decidedOn(), rules);
        requireNoLongerTermThanNotice(command.penalties(), command.decidedOn());
        requireWithinSimpleProcedure(command.penalties(), rules);
        // the 15 CD to pay run from receipt (Art 67): DecisionServed records them
        numbers.take(bureau, command.decisionNumber(), caseId);
        missDecisionDeadlineIfPassed(recording, rules);
        apply(new PenaltyDecided(caseId, command.decisionId(), command.decisionNumber(), command.decidedOn(), procedure,
                List.copyOf(command.penalties()), command.legalBasis(), command.facts(), decisionDeadline(rules),
                recording.onTime(decisionDeadline(rules)), null, rules.version()));
        // a decision recorded after its 7 WD or 20 WD has passed: the miss is recorded with it, not at the next sweep; an imported
        // one is judged by the import's own later acts first (the deadline mechanism checks it a day on, DeadlineScheduling)
        if (!recording.historicalImport()) disclosure.checkDeadlines(recording, rules);
    }

    @CommandHandler
    public void handle(DecideNoPenalty command, Rulebook rules, Recording recording, DecisionNumbers numbers) {
        authorise(recording);
        requireUndecided();
        requireDatedInOrder(command.decidedOn(), "the decision", recording, rules);
        check(pausedSince == null, Rule.CLOCK_PAUSE, "the clock is paused since " + pausedSince + "; resume it before deciding");
        numbers.take(bureau, command.decisionNumber(), caseId);
        missDecisionDeadlineIfPassed(recording, rules);
        apply(new NoPenaltyDecided(caseId, command.decisionId(), command.decisionNumber(), command.decidedOn(),
                command.legalBasis(), command.facts(), decisionDeadline(rules), recording.onTime(decisionDeadline(rules)),
                rules.version()));
    }

    @CommandHandler
    public void handle(DismissCase command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is closed; it cannot be dismissed");
        check(!status.isDisposed(), Rule.DISMISSAL, "the case already has its disposition (" + status + "); only a case without one is"
                + " dismissed" + untilReturned());
        check(command.reason() != null, Rule.DISMISSAL,
                "a dismissal names its reason: NO_VIOLATION, NO_JURISDICTION, TIME_BARRED or PARTY_DECEASED_OR_DISSOLVED");
        requireNoTransferDue("dismissing");
        requireDatedInOrder(command.dismissedOn(), "the dismissal", recording, rules);
        endPauseBy(command.dismissedOn(), rules);
        missDecisionDeadlineIfPassed(recording, rules);
        apply(new CaseDismissed(caseId, command.dismissedOn(), command.reason(), command.note(), decisionDeadline(rules),
                recording.onTime(decisionDeadline(rules)), rules.version()));
    }

    @CommandHandler
    public void handle(TransferToJudiciary command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is closed; a suspected crime found later is a new case");
        check(!transferred, Rule.TRANSFER_NOT_REPLACED, "the case was already transferred to the judiciary");
        // a dismissed case was filed in error and has its disposition (a bureau contract sweep from outside, stop 85: a dismissed
        // case took a transfer and its return, and read DISMISSED with a transfer); a penalty decided does not bar one (Decree 310
        // Art 11: a penalty never replaces a due transfer)
        check(status != CaseStatus.DISMISSED, Rule.DECIDED_ONCE, "the case was dismissed (撤销立案) as filed in error: it has its"
                + " disposition and takes no transfer; a crime suspected in its matter is transferred from a case filed for it");
        requireDatedInOrder(command.transferredOn(), "the transfer", recording, rules);
        check(command.suspectedOn() != null && command.approvedOn() != null, Rule.TRANSFER_NOT_REPLACED,
                "a transfer records when the crime was suspected (suspectedOn) and when the head approved it (approvedOn)");
        recording.requireLegalDate(command.suspectedOn(), "the suspicion of a crime", rules);
        // the head approves the transfer of this case: an act of it (the suspicion may have arisen before it was filed)
        check(!command.approvedOn().isBefore(filedOn), Rule.DATE_NOT_BEFORE_FILING,
                "the date of the head's approval of the transfer (" + command.approvedOn() + ") is before the case was filed on " + filedOn);
        check(!command.suspectedOn().isAfter(command.approvedOn()) && !command.approvedOn().isAfter(command.transferredOn()),
                Rule.TRANSFER_NOT_REPLACED, "suspected " + command.suspectedOn() + ", approved " + command.approvedOn() + " and sent "
                        + command.transferredOn() + " must follow one another");
        // refused by the head: a transfer rests on a new suspicion (a sweep from outside, stop 88: a transfer naming the refusal's day
        // as its approval was recorded beside the refusal)
        check(transferRefusedOn == null, Rule.TRANSFER_NOT_REPLACED, "the head refused the transfer on " + transferRefusedOn
                + "; a transfer after that rests on a new suspicion: record it first (POST /api/v1/cases/{caseId}/transfer/suspicion);"
                + " the head's approval is then recorded on its own (/transfer/approval) or with the transfer");
        // a suspicion or an approval recorded before: the transfer names the same days
        check(suspectedOn == null || suspectedOn.equals(command.suspectedOn()), Rule.TRANSFER_NOT_REPLACED, "the crime was recorded"
                + " suspected on " + suspectedOn + " (POST /api/v1/cases/{caseId}/transfer/suspicion): the transfer names that day as suspectedOn");
        check(transferApprovedOn == null || transferApprovedOn.equals(command.approvedOn()), Rule.TRANSFER_NOT_REPLACED, "the head's"
                + " approval was recorded on " + transferApprovedOn + " (POST /api/v1/cases/{caseId}/transfer/approval): the transfer names"
                + " that day as approvedOn");
        endPauseBy(command.transferredOn(), rules);
        missDecisionDeadlineIfPassed(recording, rules);
        missTransferDeadlinesIfPassed(recording, rules);
        // each is met as the ledger recorded it; an approval recorded only with the transfer is carried in time by a transfer
        // recorded within the sending's deadline (a sweep from outside, stop 78: an approval dated in time but recorded a week
        // after both deadlines showed met, beside a sending shown recorded late); one recorded on its own was judged then
        Deadline approval = rules.transferApprovalDeadline(command.suspectedOn());
        Deadline sending = rules.transferSendingDeadline(command.approvedOn());
        boolean sentInTime = recording.onTime(sending);
        boolean approvedInTime = transferApprovedOn != null ? transferApprovedInTime
                : approval.metBy(command.approvedOn()) && (recording.onTime(approval) || sentInTime);
        apply(new CaseTransferredToJudiciary(caseId, command.transferredOn(), command.judicialOrgan(), command.reason(),
                decisionDeadline(rules), recording.onTime(decisionDeadline(rules)), rules.version()));
        apply(new TransferDeadlines(caseId, command.suspectedOn(), command.approvedOn(), approval, approvedInTime, sending, sentInTime,
                rules.version()));
    }

    /**
     * 涉嫌犯罪: a crime suspected in the case's matter, reported before the head decides on its transfer, so that the 3 days
     * for that decision and the 24 hours for the sending run, and are recorded missed, while the transfer waits (Decree 310
     * Art 5; a sweep of the legal rules from outside, stop 87: recorded only with the transfer, a transfer never made was never
     * late). Any time before closure, a penalty decided or not (Art 11).
     */
    @CommandHandler
    public void handle(RecordCrimeSuspicion command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is closed; a suspected crime found later is a new case");
        check(status != CaseStatus.DISMISSED, Rule.DECIDED_ONCE, "the case was dismissed (撤销立案) as filed in error; a crime suspected"
                + " in its matter is transferred from a case filed for it");
        check(!transferred, Rule.TRANSFER_NOT_REPLACED, "the case is already with the judiciary");
        check(suspectedOn == null, Rule.TRANSFER_NOT_REPLACED, "a crime was already recorded suspected on " + suspectedOn + " and its"
                + " transfer is due: record the head's decision (POST /api/v1/cases/{caseId}/transfer/approval) or the transfer");
        check(command.suspectedOn() != null && command.reason() != null && !command.reason().isBlank(), Rule.TRANSFER_NOT_REPLACED,
                "a suspicion of a crime records its day (suspectedOn) and why (reason)");
        // an act of the case, dated in its order: on or after the filing and the act before it (a sweep from outside, stop 88: a
        // suspicion dated before a return was recorded, the crime suspected while the judiciary had the case)
        requireDatedInOrder(command.suspectedOn(), "the suspicion of a crime", recording, rules);
        apply(new CrimeSuspected(caseId, command.suspectedOn(), command.reason(), rules.transferApprovalDeadline(command.suspectedOn()),
                rules.version()));
    }

    /** 批准移送 / 不予批准: the head's decision on the recorded suspicion, within 3 days of it; a refusal records its reason. */
    @CommandHandler
    public void handle(DecideOnTransfer command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is closed; it takes no further acts");
        check(suspectedOn != null, Rule.TRANSFER_NOT_REPLACED, "no suspected crime waits on the case: record the suspicion first"
                + " (POST /api/v1/cases/{caseId}/transfer/suspicion)");
        check(transferApprovedOn == null, Rule.TRANSFER_NOT_REPLACED, "the head approved the transfer on " + transferApprovedOn
                + "; record the transfer (POST /api/v1/cases/{caseId}/transfer)");
        check(command.approved() != null && command.decidedOn() != null, Rule.TRANSFER_NOT_REPLACED,
                "the head's decision says whether the transfer is approved (approved: true or false) and when (decidedOn)");
        check(command.approved() || command.reason() != null && !command.reason().isBlank(), Rule.TRANSFER_NOT_REPLACED,
                "a refusal to transfer a suspected crime records its reason in the file (Decree 310 Art 5)");
        requireDatedInOrder(command.decidedOn(), "the head's decision on the transfer", recording, rules);
        check(!command.decidedOn().isBefore(suspectedOn), Rule.TRANSFER_NOT_REPLACED, "the head decided on " + command.decidedOn()
                + ", before the crime was suspected on " + suspectedOn);
        missTransferDeadlinesIfPassed(recording, rules);
        boolean inTime = transferApproval.metBy(command.decidedOn()) && recording.onTime(transferApproval);
        if (command.approved()) {
            apply(new TransferApproved(caseId, command.decidedOn(), transferApproval, inTime, rules.transferSendingDeadline(command.decidedOn()),
                    rules.version()));
        } else {
            apply(new TransferNotApproved(caseId, command.decidedOn(), command.reason(), transferApproval, inTime, rules.version()));
        }
    }

    /**
     * Records each step of a due transfer missed when its deadline passed before the recording day, once: the head's decision
     * 3 days after the suspicion, the sending 24 hours after the approval; at the deadline mechanism's check, and at the step
     * itself when it is recorded late before that check reached the case.
     */
    private void missTransferDeadlinesIfPassed(Recording recording, Rulebook rules) {
        if (recording.historicalImport() || suspectedOn == null) return;
        if (transferApprovedOn == null && !transferApprovalMissed && recording.today().isAfter(transferApproval.dueOn())) {
            apply(new TransferDeadlineMissed(caseId, TransferStep.APPROVAL, transferApproval, recording.today(), rules.version()));
        }
        if (transferApprovedOn != null && !transferSendingMissed && recording.today().isAfter(transferSending.dueOn())) {
            apply(new TransferDeadlineMissed(caseId, TransferStep.SENDING, transferSending, recording.today(), rules.version()));
        }
    }

    /** Decree 310 Art 11: a penalty never replaces a due transfer; the case is not ended while one waits. */
    private void requireNoTransferDue(String act) {
        check(suspectedOn == null, Rule.TRANSFER_NOT_REPLACED, "a crime was recorded suspected on " + suspectedOn + " and its transfer"
                + " is due; a penalty never replaces it: record the transfer (POST /api/v1/cases/{caseId}/transfer) or the head's refusal"
                + " with its reason (POST /api/v1/cases/{caseId}/transfer/approval, approved false) before " + act + " the case");
    }

    @CommandHandler
    public void handle(ReturnTransfer command, Rulebook rules, Recording recording) {
        authorise(recording);
        // what to do instead (a sweep from outside, stop 88: the refusal said only what could not be done)
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is closed; a closed case takes no further acts, and a return"
                + " after its closure cannot reopen it: file the returned matter as a new case (POST /api/v1/cases, its source naming"
                + " this case) to decide it; a transferred case that may come back is closed once the judiciary has filed it");
        check(transferred, Rule.TRANSFER_RETURN, "the case is not with the judiciary; only a transferred case returns");
        requireDatedInOrder(command.returnedOn(), "the return", recording, rules);
        apply(new TransferReturned(caseId, command.returnedOn(), command.reason()));
    }

    @CommandHandler
    public void handle(RecordExecution command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(status == CaseStatus.PENALTY_DECIDED && !executed, Rule.EXECUTION_AFTER_PENALTY,
                status == CaseStatus.EXECUTED ? "execution was already recorded" : "there is no effective penalty decision to execute (case is " + status + ")");
        check(lastRevision == null || !lastRevision.endsDecision(), Rule.EXECUTION_AFTER_PENALTY,
                "the decision was " + lastRevision + " and has no effect");
        requireDatedInOrder(command.executedOn(), "the execution", recording, rules);
        BigDecimal fine = Penalty.total(penalties, PenaltyType.FINE);
        BigDecimal latePenalty = latePaymentPenalty(fine, command.executedOn(), rules);
        requirePaidAsDue(command.paidAmount(), command.executedOn(), fine, latePenalty);
        // paid before the decision was served: the period to pay had not started
        boolean inTime = paymentDeadline == null || paymentDeadline.metBy(command.executedOn());
        apply(new PenaltyExecuted(caseId, command.executedOn(), command.paidAmount(), command.method(), paymentDeadline,
                inTime, latePenalty, rules.version()));
    }

    @CommandHandler
    public void handle(ServeDecision command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(decisionId != null, Rule.SERVICE_OF_DECISION, "the case has no decision to serve");
        check(servedOn == null, Rule.SERVICE_OF_DECISION, "the decision was already served; the party received it on " + servedOn);
        recording.requireLegalDate(command.receivedOn(), "the service of the decision", rules);
        check(!command.receivedOn().isBefore(decidedOn), Rule.SERVICE_OF_DECISION,
                "the party cannot have received the decision on " + command.receivedOn() + ", before it was made on " + decidedOn);
        Deadline payment = Penalty.total(penalties, PenaltyType.FINE).signum() > 0 ? rules.paymentDeadline(command.receivedOn()) : null;
        apply(new DecisionServed(caseId, decisionId, command.receivedOn(), command.method(), payment, rules.version()));
    }

    @CommandHandler
    /** Answers the challenge's number (1, 2, … in the order filed). */
    public int handle(FileChallenge command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(decisionId != null, Rule.CHALLENGE_OF_DECISION, "the case has no decision to challenge");
        recording.requireLegalDate(command.filedOn(), "the challenge", rules);
        check(!command.filedOn().isBefore(decidedOn), Rule.CHALLENGE_OF_DECISION,
                "a challenge filed on " + command.filedOn() + " is before the decision of " + decidedOn);
        // one challenge at a time: a lawsuit waits for a reconsideration's decision (行政复议法 Art 29), a second of the same
        // kind is a repeat; a retry without an Idempotency-Key recorded a second pending challenge
        challenges.stream().filter(c -> c.endedOn() == null).findFirst().ifPresent(pending -> {
            throw new RuleViolation(Rule.CHALLENGE_OF_DECISION, "challenge " + (challenges.indexOf(pending) + 1) + " filed on "
                    + pending.filedOn() + " is still pending; end it (…/challenges/{n}/end) before another is filed");
        });
        int number = challenges.size() + 1;
        apply(new ChallengeFiled(caseId, number, command.kind(), command.filedOn()));
        return number;
    }

    @CommandHandler
    public void handle(EndChallenge command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(command.number() >= 1 && command.number() <= challenges.size(), Rule.NAMED_PART_EXISTS,
                "the case has no challenge number " + command.number() + " (" + challenges.size() + " filed)");
        Challenge challenge = challenges.get(command.number() - 1);
        check(challenge.endedOn() == null, Rule.CHALLENGE_OF_DECISION,
                "challenge " + command.number() + " already ended on " + challenge.endedOn());
        recording.requireLegalDate(command.endedOn(), "the end of the challenge", rules);
        check(!command.endedOn().isBefore(challenge.filedOn()), Rule.CHALLENGE_OF_DECISION,
                "challenge " + command.number() + " cannot end on " + command.endedOn() + ", before it was filed on " + challenge.filedOn());
        apply(new ChallengeEnded(caseId, command.number(), command.endedOn(), command.outcome()));
    }

    @CommandHandler
    public void handle(CloseCase command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is already closed");
        boolean penaltyEnded = status == CaseStatus.PENALTY_DECIDED && lastRevision != null && lastRevision.endsDecision();
        check(status == CaseStatus.EXECUTED || status == CaseStatus.NO_PENALTY_DECIDED || status == CaseStatus.TRANSFERRED
                        || status == CaseStatus.DISMISSED || penaltyEnded,
                Rule.CLOSURE_AFTER_DISPOSITION, switch (status) {
                    case PENALTY_DECIDED -> "the penalty decision has not been executed; record execution before closing";
                    default -> "the case has no disposition yet (status " + status + "); decide or transfer it before closing";
                });
        // Art 61: every decision records the day the party received it; a revoked one has nothing left to serve
        check(decisionId == null || penaltyEnded || servedOn != null, Rule.SERVICE_OF_DECISION,
                "the day the party received decision " + decisionId + " is not recorded; record its service (送达) before closing");
        requireNoTransferDue("closing");
        requireDatedInOrder(command.closedOn(), "the closure", recording, rules);
        apply(new CaseClosed(caseId, command.closedOn(), command.outcome()));
    }

    @CommandHandler
    public void handle(ReviseDecision command, Rulebook rules, Recording recording) {
        authorise(recording);
        check(decisionId != null, Rule.REVISION_OF_DECISION, "the case has no decision to revise");
        recording.requireLegalDate(command.effectiveOn(), "the revision", rules);
        check(lastRevision == null || !lastRevision.endsDecision(), Rule.REVISION_OF_DECISION,
                "the decision was already " + lastRevision + " and has no effect");
        check(!command.effectiveOn().isBefore(decidedOn), Rule.REVISION_OF_DECISION,
                "the revision takes effect on " + command.effectiveOn() + ", before the decision of " + decidedOn);
        // outside audit: the same document sent twice was recorded as two revisions
        if (command.documentNumber() != null && revisionDocuments.contains(VisibleText.of(command.documentNumber()))) {
            throw new RuleViolation(Rule.REVISION_OF_DECISION, "documentNumber",
                    "document " + command.documentNumber() + " has already revised this decision; a further revision is another document");
        }
        List<Penalty> revised = List.of();
        if (command.kind() == RevisionKind.CHANGED) {
            check(command.penalties() != null && !command.penalties().isEmpty(), Rule.REVISION_OF_DECISION,
                    "a changed decision names its new penalties");
            // a decision not to penalise has no penalties to change: the case read as no penalty with penalties, neither
            // disclosable nor executable (outside audit); a penalty after it is revoked needs a decision of its own
            check(!penalties.isEmpty(), Rule.REVISION_OF_DECISION,
                    "the decision imposed no penalty, so it has no penalties to change; record its revocation (REVOKED) instead");
            revised = List.copyOf(command.penalties());
        }
        apply(new DecisionRevised(caseId, decisionId, command.kind(), command.by(), command.documentNumber(),
                command.effectiveOn(), command.reason(), revised, rules.version()));
        // Art 48 / Order 45 Art 11: a public record is withdrawn, with the reason, in the same command
        disclosure.withdrawAfterRevision(command.kind(), command.effectiveOn(), command.reason(), recording, rules);
        // a change recorded after its republication's 7 WD or 20 WD has passed: the miss is recorded with it (an imported change
        // is checked a day on, as an imported decision)
        if (!recording.historicalImport()) disclosure.checkDeadlines(recording, rules);
    }

    /**
     * The deadline mechanism's check: records a decision deadline that passed with no disposition
     * (once per deadline; not while the clock is paused, which moves the deadline), and lets the public
     * record check its own deadlines and publicity period.
     */
    @CommandHandler
    public void handle(CheckDeadlines command, Rulebook rules, Recording recording) {
        authorise(recording, Recording.DEADLINES);
        missDecisionDeadlineIfPassed(recording, rules);
        missTransferDeadlinesIfPassed(recording, rules); // a closed case has no transfer waiting: closure needs none due
        disclosure.checkDeadlines(recording, rules);
    }

    /**
     * Records the decision deadline missed when it passed unmet before the recording day, the case open and its clock
     * running, once per deadline: at the deadline mechanism's check, and at a disposition recorded late before that check
     * reached the case (a move of the clock under way, the minutes after midnight), so the misses counted do not depend on
     * which came first (a sweep from outside, stop 74, found that race for publications). An imported disposition is judged
     * by its own dates, its case's deadlines checked a day on (DeadlineScheduling).
     */
    private void missDecisionDeadlineIfPassed(Recording recording, Rulebook rules) {
        if (recording.historicalImport()) return;
        boolean open = status != CaseStatus.CLOSED && !status.isDisposed();
        Deadline deadline = decisionDeadline(rules);
        if (open && pausedSince == null && recording.today().isAfter(deadline.dueOn()) && !deadline.dueOn().equals(missedDecisionDeadline)) {
            apply(new DecisionDeadlineMissed(caseId, deadline, recording.today(), rules.version()));
        }
    }

    @Override
    public DecisionFacts decision() {
        return new DecisionFacts(decisionId, decidedOn, penalties, lastRevision, lastRevisionEffectiveOn, executed);
    }

    /** Domain refusals cross the command bus, local or remote, with their rule as details. */
    @ExceptionHandler(resultType = RuleViolation.class)
    public void refuse(RuleViolation violation) {
        throw violation.acrossTheBus();
    }

    // ---- rules shared by several acts

    @Override
    public void authorise(Recording recording, String... systems) {
        recording.requireActingFor(bureau, "case " + caseId + " was filed", systems);
    }

    /** A natural person's resident ID names a birth date before the filing is recorded. */
    private static void requireBornBefore(org.gongshi.ledger.vocabulary.Party party, Recording recording) {
        if (party.idNumber() == null) return;
        LocalDate born = org.gongshi.ledger.identity.ResidentIdNumber.birthDate(party.idNumber());
        check(born.isBefore(recording.today()), Rule.DATE_WITHIN_LEDGER_YEARS,
                "the resident ID number names a birth date " + born + ", not before " + recording.today() + "; check the number");
    }

    private void requireOpenBeforeDisposition(String act) {
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is closed; cannot " + act);
        check(!status.isDisposed(), Rule.DECIDED_ONCE, "the case already has its disposition (" + status + "); cannot " + act + untilReturned());
    }

    private void requireUndecided() {
        check(status != CaseStatus.CLOSED, Rule.CASE_CLOSED, "the case is closed; it cannot be decided");
        check(!status.isDisposed(), Rule.DECIDED_ONCE, "the case already has its disposition (" + status + ")" + untilReturned());
    }

    /**
     * For a transferred case, what lets the bureau act again: the judiciary's return (a sweep from outside, stop 87: a notice
     * refused on a transferred case never said that the 不予立案 return must be recorded first).
     */
    private String untilReturned() {
        return status == CaseStatus.TRANSFERRED ? "; a transferred case is the judiciary's until it declines to file it (不予立案):"
                + " record that first (POST /api/v1/cases/{caseId}/transfer/return), then the case may be noticed, decided or dismissed" : "";
    }

    private void requireDatedInOrder(LocalDate date, String act, Recording recording, Rulebook rules) {
        recording.requireLegalDate(date, act, rules);
        check(!date.isBefore(filedOn), Rule.DATE_NOT_BEFORE_FILING,
                "the date of " + act + " (" + date + ") is before the case was filed on " + filedOn);
        check(!date.isBefore(lastActOn), Rule.ACTS_IN_ORDER,
                "the date of " + act + " (" + date + ") is before the previous act of the case on " + lastActOn);
    }

    /** Arts 44-45: the party has 5 WD from the notice to state and defend; a decision inside them is voidable. */
    private void requireStatementWindowRun(LocalDate decidedOn, Rulebook rules) {
        // the simple procedure hears the party on the spot (Art 52); the 5 WD belong to the ordinary procedure
        if (procedure != Procedure.ORDINARY || rightsWaived || stated || hearingConcluded) return;
        Deadline window = rules.statementDeadline(noticeServedOn);
        check(decidedOn.isAfter(window.dueOn()), Rule.STATEMENT_WINDOW, "the party may state and defend its case until "
                + window.dueOn() + " (5 WD from the notice of " + noticeServedOn + "); decide after that date, record its statement,"
                + " or record its written waiver on the notice");
    }

    private void requireNoHeavierThanNotice(List<Penalty> decided) {
        for (Penalty penalty : decided) {
            var notified = Penalty.ofType(proposedPenalties, penalty.type());
            check(notified.isPresent(), Rule.NO_HEAVIER_AFTER_DEFENCE,
                    "penalty " + penalty.type() + " was not in the notice served; the decision may not add penalty types");
            if (penalty.type().isMonetary()) {
                BigDecimal decidedAmount = Penalty.total(decided, penalty.type());
                BigDecimal notifiedAmount = Penalty.total(proposedPenalties, penalty.type());
                check(decidedAmount.compareTo(notifiedAmount) <= 0, Rule.NO_HEAVIER_AFTER_DEFENCE,
                        penalty.type() + " of ¥" + decidedAmount.toPlainString() + " exceeds the ¥" + notifiedAmount.toPlainString()
                                + " notified; the decision may not raise amounts beyond the notice");
            }
        }
    }

    /**
     * A suspension or restriction names the last day of its term ({@code until}), after the act and within the longest
     * term the policy bounds (audit: 9999-12-31 was accepted, and a restriction's term becomes its public record's end).
     */
    private static void requireTerms(List<Penalty> penalties, LocalDate actOn, Rulebook rules) {
        int longestYears = rules.policy().caseHandling().longestTermYears();
        for (Penalty penalty : penalties) {
            if (!penalty.type().hasTerm()) continue;
            check(penalty.until() != null, Rule.TERM_OF_PENALTY, penalty.type() + " (" + penalty.type().label()
                    + ") names the last day of its term (until)");
            check(penalty.until().isAfter(actOn), Rule.TERM_OF_PENALTY, penalty.type() + " ends on " + penalty.until()
                    + ", not after " + actOn);
            check(!penalty.until().isAfter(actOn.plusYears(longestYears)), Rule.TERM_OF_PENALTY, penalty.type() + " ends on "
                    + penalty.until() + ", more than " + longestYears + " years after " + actOn + "; check the date of until");
        }
    }

    /**
     * Art 45: a suspension or restriction may not run longer than the notice proposed. Each term is
     * measured from its own act (the notice's service, the decision) to its last day.
     */
    private void requireNoLongerTermThanNotice(List<Penalty> decided, LocalDate decidedOn) {
        for (Penalty penalty : decided) {
            if (!penalty.type().hasTerm()) continue;
            Penalty notified = Penalty.ofType(proposedPenalties, penalty.type()).orElseThrow();
            if (notified.until() == null) continue; // a notice served before terms were recorded
            long proposedDays = ChronoUnit.DAYS.between(noticeServedOn, notified.until());
            long decidedDays = ChronoUnit.DAYS.between(decidedOn, penalty.until());
            check(decidedDays <= proposedDays, Rule.NO_HEAVIER_AFTER_DEFENCE, penalty.type() + " of " + decidedDays
                    + " days (to " + penalty.until() + ") is longer than the " + proposedDays + " days notified (" + noticeServedOn
                    + " to " + notified.until() + "); the decision may not lengthen a suspension or restriction");
        }
    }

    private void requireWithinSimpleProcedure(List<Penalty> proposed, Rulebook rules) {
        if (procedure != Procedure.SIMPLE) return;
        BigDecimal limit = rules.simpleProcedureFineLimit(partyKind);
        for (Penalty penalty : proposed) {
            check(penalty.type() == PenaltyType.WARNING || penalty.type() == PenaltyType.FINE, Rule.SIMPLE_PROCEDURE_LIMITS,
                    "simple procedure allows only a warning or a fine, not " + penalty.type() + "; use the ordinary procedure");
        }
        BigDecimal fine = Penalty.total(proposed, PenaltyType.FINE);
        check(fine.compareTo(limit) <= 0, Rule.SIMPLE_PROCEDURE_LIMITS, "simple procedure allows a fine of at most ¥"
                + limit.toPlainString() + " for this party; ¥" + fine.toPlainString() + " needs the ordinary procedure");
    }

    /**
     * Art 72: 3% of the fine a day after the payment deadline, capped at the fine; no day counts on
     * which a reconsideration or lawsuit against the decision was pending (Art 73; 行政强制法 Art 45).
     */
    private BigDecimal latePaymentPenalty(BigDecimal fine, LocalDate paidOn, Rulebook rules) {
        if (fine.signum() == 0 || paymentDeadline == null || paymentDeadline.metBy(paidOn)) return BigDecimal.ZERO;
        long daysLate = paymentDeadline.dueOn().plusDays(1).datesUntil(paidOn.plusDays(1))
                .filter(day -> challenges.stream().noneMatch(c -> c.pendingOn(day))).count();
        BigDecimal penalty = fine.multiply(rules.policy().caseHandling().latePaymentDailyRate())
                .multiply(BigDecimal.valueOf(daysLate)).setScale(2, RoundingMode.HALF_UP);
        return penalty.min(fine);
    }

    /**
     * {@link Rule#PAYMENT_DUE}: the party pays the fine and the illegal gains confiscated (罚没款; property confiscated is
     * seized, not paid), with the late-payment penalty accrued by the day it pays ({@link #latePaymentPenalty}). The
     * execution records the penalty carried out (执行完毕), which closes the case and counts as the obligations fulfilled for
     * credit repair: it needs the fine and the illegal gains paid in full (audit: ¥0.01 of a ¥100,000 fine closed the case and
     * ended its publication early, and what was still owed could never be recorded). The late-payment penalty may be paid
     * in part or not at all, as an enforcement agreement may reduce or waive it (行政强制法 Art 42); a payment above the whole
     * sum is not what happened.
     */
    private void requirePaidAsDue(BigDecimal paid, LocalDate paidOn, BigDecimal fine, BigDecimal latePenalty) {
        BigDecimal gains = Penalty.total(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS);
        BigDecimal owed = fine.add(gains);
        BigDecimal due = owed.add(latePenalty);
        String dueThatDay = "¥" + yuan(due) + " (fine ¥" + yuan(fine) + ", illegal gains ¥" + yuan(gains) + ", late-payment penalty ¥"
                + yuan(latePenalty) + ")";
        if (paid == null) {
            check(owed.signum() == 0, Rule.PAYMENT_DUE, "the decision orders ¥" + yuan(owed) + " paid: record paidAmount, the amount paid"
                    + " on " + paidOn + " (due that day: " + dueThatDay + ")");
            return;
        }
        check(paid.compareTo(owed) >= 0, Rule.PAYMENT_DUE, "¥" + yuan(paid) + " paid on " + paidOn + " is less than the fine and the"
                + " illegal gains, ¥" + yuan(owed) + ": the execution is recorded once they are paid in full (due that day: " + dueThatDay + ")");
        check(paid.compareTo(due) <= 0, Rule.PAYMENT_DUE, "¥" + yuan(paid) + " paid on " + paidOn + " is more than is due that day: "
                + dueThatDay + "; record the amount paid, at most ¥" + yuan(due));
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The decision deadline as the calendar loaded now counts it. One recorded {@code provisional} (its last day lay in a year
     * whose holiday notice was not loaded) is counted again from what it was counted from, so a notice loaded since decides it
     * (DOMAIN.md: provisional "until the notice is loaded"; outside audit: a deadline on 2027-01-01, a holiday in the notice
     * loaded later, was still recorded missed on 01-02). A final one stands as recorded.
     */
    private Deadline decisionDeadline(Rulebook rules) {
        if (!decisionDeadline.provisional()) return decisionDeadline;
        long counted = Math.max(0, pausedDays - (collectiveDeadline == null ? 0 : pausedDaysBeforeCollective));
        return rules.decisionDeadline(filedOn, headExtensionDays, collectiveDeadline, counted);
    }

    /**
     * The hearing request window (5 WD from the notice) as the calendar loaded now counts it: a provisional one is counted again
     * (outside audit: a request on the 5th working day under the notice loaded since was refused as after the window).
     */
    private Deadline hearingRequestDeadline(Rulebook rules) {
        return hearingRequestDeadline.provisional() ? rules.hearingRequestDeadline(noticeServedOn) : hearingRequestDeadline;
    }

    /**
     * A dismissal or a transfer made while the clock stands still ends the pause on its own day, so the days paused up to it
     * do not count and the disposition is judged against the deadline they moved (a decision is refused until the clock is
     * resumed; an outside sweep, stop 72: a case dismissed during a suspension was recorded late against the deadline the
     * pause had moved, and counted in the handling rate of a period its deadline no longer fell in).
     */
    private void endPauseBy(LocalDate disposedOn, Rulebook rules) {
        if (pausedSince != null) resume(disposedOn, rules);
    }

    private void resume(LocalDate resumedOn, Rulebook rules) {
        long days = ChronoUnit.DAYS.between(pausedSince, resumedOn);
        long counted = pausedDays + days - (collectiveDeadline == null ? 0 : pausedDaysBeforeCollective);
        Deadline moved = rules.decisionDeadline(filedOn, headExtensionDays, collectiveDeadline, counted);
        apply(new CaseClockResumed(caseId, resumedOn, days, moved, rules.version()));
    }

    /** A reconsideration or lawsuit: pending from the day it was filed up to and including the day it ended. */
    private record Challenge(LocalDate filedOn, LocalDate endedOn) {
        boolean pendingOn(LocalDate day) {
            return !day.isBefore(filedOn) && (endedOn == null || !day.isAfter(endedOn));
        }
    }

    /**
     * The party's personal data shredded ({@link ShredPartyData}): by an admin of any bureau (the controller checks the role),
     * once; its key is deleted after it is recorded.
     */
    @CommandHandler
    public void handle(ShredPartyData command, java.time.Clock clock) {
        if (partyShredded) return;
        apply(new SubjectShredded(caseId, clock.instant()));
    }

    // ---- state from events

    @EventSourcingHandler
    void on(SubjectShredded event) {
        partyShredded = true;
    }

    @EventSourcingHandler
    void on(CaseFiled event) {
        caseId = event.caseId();
        bureau = event.bureau();
        partyUscc = event.party() == null ? null : event.party().uscc();
        partyName = event.party() == null || event.party().shredded() ? null : event.party().name();
        partyShredded = event.party() != null && event.party().shredded();
        authorityName = event.authorityName();
        ipType = event.ipType();
        violationType = event.violationType();
        status = CaseStatus.FILED;
        filedOn = event.filedOn();
        lastActOn = event.filedOn();
        procedure = event.procedure();
        partyKind = event.party().kind();
        decisionDeadline = event.decisionDeadline();
        disclosure = new Disclosure(this);
    }

    @EventSourcingHandler
    void on(DecisionDeadlineExtended event) {
        lastActOn = event.approvedOn();
        if (event.approval() == ExtensionApproval.HEAD) {
            headExtensionDays += event.days();
        } else {
            collectiveDeadline = event.namedDeadline();
            pausedDaysBeforeCollective = pausedDays
                    + (pausedSince == null ? 0 : ChronoUnit.DAYS.between(pausedSince, event.approvedOn()));
        }
        decisionDeadline = event.decisionDeadline();
    }

    @EventSourcingHandler
    void on(DecisionDeadlineMissed event) {
        missedDecisionDeadline = event.decisionDeadline().dueOn();
    }

    @EventSourcingHandler
    void on(CaseClockPaused event) {
        lastActOn = event.pausedOn();
        pausedSince = event.pausedOn();
        pauseReason = event.reason();
    }

    @EventSourcingHandler
    void on(CaseClockResumed event) {
        lastActOn = event.resumedOn();
        pausedDays += event.pausedDays();
        pausedSince = null;
        pauseReason = null;
        decisionDeadline = event.decisionDeadline();
    }

    @EventSourcingHandler
    void on(PenaltyNoticeServed event) {
        lastActOn = event.servedOn();
        status = CaseStatus.NOTICE_SERVED;
        proposedPenalties = event.proposedPenalties();
        noticeServedOn = event.servedOn();
        stated = false;
        hearingRightGranted = event.hearingRightGranted();
        rightsWaived = event.rightsWaived();
        hearingRequestDeadline = event.hearingRequestDeadline();
    }

    @EventSourcingHandler
    void on(StatementRecorded event) {
        lastActOn = event.receivedOn();
        stated = true;
    }

    @EventSourcingHandler
    void on(HearingRequested event) {
        lastActOn = event.requestedOn();
        hearingRequested = true;
    }

    @EventSourcingHandler
    void on(HearingScheduled event) {
        lastActOn = event.notifiedOn();
        hearingOn = event.hearingOn();
    }

    @EventSourcingHandler
    void on(HearingConcluded event) {
        lastActOn = event.heldOn();
        hearingConcluded = true;
    }

    @EventSourcingHandler
    void on(PenaltyDecided event) {
        lastActOn = event.decidedOn();
        status = CaseStatus.PENALTY_DECIDED;
        decisionId = event.decisionId();
        decidedOn = event.decidedOn();
        penalties = event.penalties();
        paymentDeadline = event.paymentDeadline();
    }

    @EventSourcingHandler
    void on(NoPenaltyDecided event) {
        lastActOn = event.decidedOn();
        status = CaseStatus.NO_PENALTY_DECIDED;
        decisionId = event.decisionId();
        decidedOn = event.decidedOn();
        penalties = List.of();
    }

    @EventSourcingHandler
    void on(DecisionServed event) {
        servedOn = event.receivedOn();
        paymentDeadline = event.paymentDeadline();
    }

    @EventSourcingHandler
    void on(ChallengeFiled event) {
        challenges.add(new Challenge(event.filedOn(), null));
    }

    @EventSourcingHandler
    void on(ChallengeEnded event) {
        challenges.set(event.number() - 1, new Challenge(challenges.get(event.number() - 1).filedOn(), event.endedOn()));
    }

    @EventSourcingHandler
    void on(CrimeSuspected event) {
        lastActOn = event.suspectedOn();
        transferRefusedOn = null;
        suspectedOn = event.suspectedOn();
        transferApproval = event.approvalDeadline();
        transferApprovedOn = null;
        transferSending = null;
        transferApprovalMissed = false;
        transferSendingMissed = false;
    }

    @EventSourcingHandler
    void on(TransferApproved event) {
        lastActOn = event.approvedOn();
        transferApprovedOn = event.approvedOn();
        transferApprovedInTime = event.approvedInTime();
        transferSending = event.sendingDeadline();
    }

    @EventSourcingHandler
    void on(TransferNotApproved event) {
        lastActOn = event.decidedOn();
        transferRefusedOn = event.decidedOn();
        suspectedOn = null;
    }

    @EventSourcingHandler
    void on(TransferDeadlineMissed event) {
        if (event.step() == TransferStep.APPROVAL) transferApprovalMissed = true;
        else transferSendingMissed = true;
    }

    @EventSourcingHandler
    void on(CaseTransferredToJudiciary event) {
        lastActOn = event.transferredOn();
        transferred = true;
        suspectedOn = null;
        transferApprovedOn = null;
        if (!status.isDisposed()) status = CaseStatus.TRANSFERRED;
    }

    @EventSourcingHandler
    void on(TransferReturned event) {
        lastActOn = event.returnedOn();
        transferred = false;
        if (status == CaseStatus.TRANSFERRED) status = proposedPenalties != null ? CaseStatus.NOTICE_SERVED : CaseStatus.FILED;
    }

    @EventSourcingHandler
    void on(CaseDismissed event) {
        lastActOn = event.dismissedOn();
        status = CaseStatus.DISMISSED;
    }

    @EventSourcingHandler
    void on(PenaltyExecuted event) {
        lastActOn = event.executedOn();
        executed = true;
        status = CaseStatus.EXECUTED;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        lastActOn = event.closedOn();
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(DecisionRevised event) {
        lastRevision = event.kind();
        lastRevisionEffectiveOn = event.effectiveOn();
        if (event.documentNumber() != null) revisionDocuments.add(VisibleText.of(event.documentNumber()));
        if (event.kind() == RevisionKind.CHANGED) penalties = event.penalties();
    }

    /** What a credit listing may rely on about this case ({@code listings.ListingBasisRule}, and a repair of the listing). */
    public BasisFacts basisFacts() {
        boolean penalty = decisionId != null && penalties != null && !penalties.isEmpty(); // a no-penalty decision has none
        return new BasisFacts(caseId, bureau, authorityName, partyUscc, partyName, penalty, decidedOn,
                lastRevision != RevisionKind.REVOKED && lastRevision != RevisionKind.CONFIRMED_INVALID, ipType, procedure,
                penalty ? List.copyOf(penalties) : List.of(), violationType,
                penalty && penalties.stream().anyMatch(p -> p.type().isMonetary()), executed);
    }

    /** What this case's public record hid, for a credit listing resting on it to hide too. */
    public org.gongshi.ledger.disclosure.RecordRedactions recordRedactions() {
        return disclosure == null ? org.gongshi.ledger.disclosure.RecordRedactions.NONE : disclosure.recordRedactions();
    }

    @Override
    public String toString() {
        return "Case[" + caseId + ", " + status + "]";
    }

}
