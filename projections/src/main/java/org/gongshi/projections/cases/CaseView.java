package org.gongshi.projections.cases;

import org.bson.codecs.pojo.annotations.BsonId;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.ChallengeKind;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.ledger.cases.DecisionKind;
import org.gongshi.ledger.cases.event.DismissalReason;
import org.gongshi.ledger.cases.event.ExtensionApproval;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.cases.event.PauseReason;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.DisclosabilityPolicy;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.policy.Rulebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The bureau's view of one case as it stands: its acts, the deadlines that applied and whether each
 * was met. Stored as one MongoDB document per case; {@code lastGlobalIndex} is the position of the
 * last event applied, so a redelivered event changes nothing. {@code transfer} is the case's latest transfer to the
 * judiciary, {@code earlierTransfers} those before it (each returned); {@code dismissal} its dismissal, if dismissed.
 * Fields added later are null in documents written before them (the codec reads a missing field as null).
 * {@code disclosureOverdueSince}: the day after the last day of the first disclosure deadline (7 WD 双公示 or 20 WD) the
 * standing penalty decision passed neither published nor withheld, as the ledger recorded the miss; null again once its disclosure is decided, or the decision is revised
 * (a changed one has deadlines of its own, a revoked one none). {@code disclosureDueFrom}: the day a penalty decision's
 * disclosure deadlines run from (its own, or its last change's, Order 45 Art 11) while its disclosure is not decided; null
 * otherwise ({@link #disclosureDue}). {@code historicalImport}: true for a case filed through the historical import (header
 * {@code Gongshi-Historical-Import}), whose acts never count as on time, so its deadlines read met {@code false}; false for
 * one filed live (null in a view written before the field: a rebuild fills it). Each imported act is marked in the audit
 * history's metadata.
 */
public record CaseView(
        @BsonId String caseId,
        String bureau,
        String authorityName,
        String division,
        CaseStatus status,
        Boolean disposed,
        LocalDate filedOn,
        IpType ipType,
        String violationType,
        Procedure procedure,
        String source,
        Party party,
        DeadlineView decisionDeadline,
        LocalDate escalationDueOn,
        Clock clock,
        List<Extension> extensions,
        Notice notice,
        Hearing hearing,
        List<Statement> statements,
        Decision decision,
        Transfer transfer,
        Execution execution,
        Closure closure,
        List<Revision> revisions,
        Disclosure disclosure,
        String policyVersion,
        Long lastGlobalIndex,
        List<MissedDeadline> missedDeadlines,
        List<Challenge> challenges,
        List<Withdrawal> withdrawals,
        Dismissal dismissal,
        List<Transfer> earlierTransfers,
        Disclosure firstPublication,
        LocalDate disclosureOverdueSince,
        LocalDate disclosureDueFrom,
        LocalDate actOn,
        Boolean historicalImport,
        CrimeSuspicion crimeSuspicion,
        LocalDate transferOverdueSince) {

    /** The view of a case just filed; {@code imported} when filed through the historical import (its acts never on time). */
    static CaseView filed(CaseFiled e, long globalIndex, boolean imported) {
        return new CaseView(e.caseId(), e.bureau(), e.authorityName(), e.division(), CaseStatus.FILED, false,
                e.filedOn(), e.ipType(), e.violationType(), e.procedure(), e.source(), e.party(),
                DeadlineView.pending(e.decisionDeadline()), e.escalationDueOn(), new Clock(false, null, null, 0L),
                List.of(), null, null, List.of(), null, null, null, null, List.of(), null, e.policyVersion(), globalIndex, List.of(), List.of(), List.of(),
                null, List.of(), null, null, null, e.actOn(), imported, null, null);
    }

    /** A change of this view by one event ({@link CaseViewProjection}): its changeable parts, set in place, then {@link Edit#at}. */
    Edit edit() {
        return new Edit(this);
    }

    /** The parts of a case view an event changes; the case's identity and filing stay as they were. */
    static final class Edit {
        private final CaseView view;
        CaseStatus status;
        Boolean disposed;
        DeadlineView decisionDeadline;
        Clock clock;
        List<Extension> extensions;
        Notice notice;
        Hearing hearing;
        List<Statement> statements;
        Decision decision;
        Transfer transfer;
        Execution execution;
        Closure closure;
        List<Revision> revisions;
        Disclosure disclosure;
        List<MissedDeadline> missedDeadlines;
        List<Challenge> challenges;
        List<Withdrawal> withdrawals;
        Dismissal dismissal;
        List<Transfer> earlierTransfers;
        Disclosure firstPublication;
        LocalDate disclosureOverdueSince;
        LocalDate disclosureDueFrom;
        CrimeSuspicion crimeSuspicion;
        LocalDate transferOverdueSince;

        private Edit(CaseView view) {
            this.view = view;
            status = view.status;
            disposed = view.disposed;
            decisionDeadline = view.decisionDeadline;
            clock = view.clock;
            extensions = view.extensions;
            notice = view.notice;
            hearing = view.hearing;
            statements = view.statements;
            decision = view.decision;
            transfer = view.transfer;
            execution = view.execution;
            closure = view.closure;
            revisions = view.revisions;
            disclosure = view.disclosure;
            missedDeadlines = view.missedDeadlines;
            challenges = view.challenges;
            withdrawals = view.withdrawals;
            dismissal = view.dismissal;
            earlierTransfers = view.earlierTransfers;
            firstPublication = view.firstPublication;
            disclosureOverdueSince = view.disclosureOverdueSince;
            disclosureDueFrom = view.disclosureDueFrom;
            crimeSuspicion = view.crimeSuspicion;
            transferOverdueSince = view.transferOverdueSince;
        }

        /** The view as the edit left it, with the event at {@code position} its last. */
        CaseView at(long position) {
            CaseView v = view;
            return new CaseView(v.caseId, v.bureau, v.authorityName, v.division, status, disposed, v.filedOn, v.ipType, v.violationType,
                    v.procedure, v.source, v.party, decisionDeadline, v.escalationDueOn, clock, extensions, notice, hearing, statements,
                    decision, transfer, execution, closure, revisions, disclosure, v.policyVersion, position, missedDeadlines, challenges,
                    withdrawals, dismissal, earlierTransfers, firstPublication, disclosureOverdueSince, disclosureDueFrom, v.actOn,
                    v.historicalImport, crimeSuspicion, transferOverdueSince);
        }
    }

    /**
     * The disclosure deadlines (20 WD, 7 WD 双公示) a standing penalty decision still awaits, as the ledger's deadline mechanism
     * checks them (from {@link #disclosureDueFrom}, on {@code rules}' calendar); null once its disclosure is decided, for a
     * decision never disclosed ({@link DisclosabilityPolicy}: simple procedure, warnings only, a minor), or one no longer standing.
     */
    public DisclosureDue disclosureDue(Rulebook rules) {
        if (disclosureDueFrom == null || decision == null
                || !DisclosabilityPolicy.disclosable(procedure, decision.penalties(), party, actOn, filedOn, decision.decidedOn())) {
            return null;
        }
        return new DisclosureDue(DeadlineView.pending(rules.disclosureDeadline(disclosureDueFrom)),
                DeadlineView.pending(rules.doublePublicityDeadline(disclosureDueFrom)));
    }

    /** The deadlines a decision's disclosure (publication or withholding) is due by: 20 WD (SAMR Order 45) and 7 WD (双公示). */
    public record DisclosureDue(DeadlineView deadline, DeadlineView doublePublicityDeadline) {}

    /** The day the case's latest revision took effect, or null when its decision was never revised. */
    public LocalDate latestRevisionEffectiveOn() {
        return latestEffectiveOn(revisions);
    }

    static LocalDate latestEffectiveOn(List<Revision> revisions) {
        return revisions == null || revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).effectiveOn();
    }

    /**
     * Whether the case is overdue on {@code today}: open, past its decision deadline, and its clock not paused (DOMAIN.md
     * long-pending: a paused case's deadline moves on when it resumes); or its standing penalty decision has passed a
     * disclosure deadline (7 WD 双公示, 20 WD) neither published nor withheld ({@link #disclosureOverdueSince}: a decided
     * case is late too until its disclosure is decided, outside audit); or a suspected crime's transfer step (the head's decision,
     * the sending) passed its deadline untaken ({@link #transferOverdueSince}: a sweep from outside, stop 88, found such cases off
     * the overdue work list). The work list's filter is the same
     * ({@link CaseViews#list}).
     */
    public boolean overdueOn(LocalDate today) {
        return decisionOverdueOn(today) || disclosureOverdueSince != null || transferOverdueSince != null;
    }

    /**
     * An open case whose decision deadline passed, its clock running. A provisional deadline (its year's holiday notice was not
     * loaded when it was recorded) passes only when the ledger records it missed: the case counts it again under the notice
     * it has then, and its last day may lie later (outside audit: overdue from 01-02 on a deadline the notice moved to 01-04).
     */
    private boolean decisionOverdueOn(LocalDate today) {
        return !Boolean.TRUE.equals(disposed) && decisionDeadline != null && today.isAfter(decisionDeadline.dueOn())
                && (!Boolean.TRUE.equals(decisionDeadline.provisional()) || missedDecision())
                && (clock == null || !Boolean.TRUE.equals(clock.paused()));
    }

    private boolean missedDecision() {
        return missedDeadlines != null && missedDeadlines.stream().anyMatch(m -> "DECISION".equals(m.kind()));
    }

    /**
     * A deadline the ledger recorded as passed unmet ({@code DECISION}, {@code DISCLOSURE},
     * {@code DOUBLE_PUBLICITY}, {@code WITHDRAWAL}, a transfer's {@code TRANSFER_APPROVAL} and {@code TRANSFER_SENDING}): its last
     * day and the day the miss was recorded.
     */
    public record MissedDeadline(String kind, LocalDate dueOn, LocalDate recordedOn) {}

    /**
     * 涉嫌犯罪: the latest crime suspected in the case's matter ({@code suspectedOn}, why), the head's decision on its transfer due
     * by {@code approvalDeadline} (answered by the approval, the refusal or a transfer naming its approval), whether the head
     * approved ({@code approved}, null while undecided) on {@code decidedOn}, a refusal's reason, and an approved transfer's
     * sending due by {@code sendingDeadline} (answered by the transfer) (Decree 310 Art 5).
     */
    public record CrimeSuspicion(LocalDate suspectedOn, String reason, DeadlineView approvalDeadline, Boolean approved, LocalDate decidedOn,
                                 String refusalReason, DeadlineView sendingDeadline) {}

    /**
     * A deadline that applied, the date of the act that answered it, if any, and whether the act was
     * on time as the ledger recorded it (the recording day against the deadline, never the act's date). {@code recordedLate}
     * says why an act dated within the deadline did not meet it: the ledger recorded it after the deadline (true); false for
     * any other answered deadline, null while none answers it (outside audit: {@code satisfiedOn} on the day due and
     * {@code met: false} read as a contradiction).
     */
    public record DeadlineView(LocalDate dueOn, Boolean provisional, LocalDate satisfiedOn, Boolean met, Boolean recordedLate) {

        /** {@code recordedLate} is derived, never taken as given: a view stored before it existed reads it right too. */
        public DeadlineView {
            recordedLate = dueOn == null || satisfiedOn == null || met == null ? null : !met && !satisfiedOn.isAfter(dueOn);
        }

        public DeadlineView(LocalDate dueOn, Boolean provisional, LocalDate satisfiedOn, Boolean met) {
            this(dueOn, provisional, satisfiedOn, met, null);
        }

        static DeadlineView pending(Deadline deadline) {
            if (deadline == null) return null; // not yet known (a payment deadline before the decision is served)
            return new DeadlineView(deadline.dueOn(), deadline.provisional(), null, null);
        }

        static DeadlineView answered(Deadline deadline, LocalDate on, boolean metAsRecorded) {
            if (deadline == null) return null;
            return new DeadlineView(deadline.dueOn(), deadline.provisional(), on, metAsRecorded);
        }
    }

    public record Clock(Boolean paused, LocalDate pausedSince, PauseReason reason, Long pausedDays) {}

    public record Extension(ExtensionApproval approval, LocalDate approvedOn, Integer days, LocalDate namedDeadline, String reason) {}

    public record Notice(LocalDate servedOn, List<Penalty> proposedPenalties, Boolean hearingRightGranted,
                         Boolean rightsWaived, DeadlineView hearingRequestDeadline) {}

    /** 听证: requested, notified ({@code notifiedOn}) for a hearing on {@code hearingOn}, held. */
    public record Hearing(LocalDate requestedOn, LocalDate notifiedOn, LocalDate hearingOn, LocalDate heldOn, String outcome) {}

    public record Statement(LocalDate receivedOn, String summary) {}

    /** The decision; {@code service} once the party received it (送达), from when the payment deadline runs. */
    public record Decision(String decisionId, DecisionKind kind, String decisionNumber, LocalDate decidedOn,
                           List<Penalty> penalties, String legalBasis, String facts, DeadlineView paymentDeadline, Service service,
                           List<Penalty> decidedPenalties) {

        public Decision(String decisionId, DecisionKind kind, String decisionNumber, LocalDate decidedOn, List<Penalty> penalties,
                        String legalBasis, String facts, DeadlineView paymentDeadline, Service service) {
            this(decisionId, kind, decisionNumber, decidedOn, penalties, legalBasis, facts, paymentDeadline, service, null);
        }

        /**
         * The penalties as decided on {@code decidedOn}: {@code penalties} are those in force (a change by review or court
         * replaces them), {@code decidedPenalties} the decision's own once a change replaced them (null before; a view
         * written before they were kept has them null until the case views are replayed). The figures judge the decision as
         * it was made (outside audit: a published fine changed to a warning left its period's disclosure figures).
         */
        public List<Penalty> asDecided() {
            return decidedPenalties != null ? decidedPenalties : penalties;
        }
    }

    /** 送达: the day the party received the decision and how it was served. */
    public record Service(LocalDate receivedOn, String method) {}

    /** 复议/诉讼 number {@code number} against the decision; pending until {@code endedOn}. */
    public record Challenge(Integer number, ChallengeKind kind, LocalDate filedOn, LocalDate endedOn, String outcome) {}

    /**
     * 移送司法机关: sent on {@code transferredOn}, after the crime was suspected ({@code suspectedOn}) and the head approved
     * ({@code approvedOn}); the approval's deadline (3 days from the suspicion) and the sending's (24 h from the approval) as
     * the ledger recorded them (Decree 310 Art 5); and, when the judiciary declined to file (不予立案), the day the case
     * returned and why. A transfer recorded before its deadlines were has them null.
     */
    public record Transfer(LocalDate transferredOn, String judicialOrgan, String reason, LocalDate suspectedOn, LocalDate approvedOn,
                           DeadlineView approvalDeadline, DeadlineView sendingDeadline, LocalDate returnedOn, String returnReason) {
        static Transfer sent(LocalDate transferredOn, String judicialOrgan, String reason) {
            return new Transfer(transferredOn, judicialOrgan, reason, null, null, null, null, null, null);
        }
    }

    /** 撤销立案: a disposition with its reason. */
    public record Dismissal(LocalDate dismissedOn, DismissalReason reason, String note) {}

    public record Execution(LocalDate executedOn, BigDecimal paidAmount, String method, BigDecimal latePaymentPenalty) {}

    public record Closure(LocalDate closedOn, String outcome) {}

    /**
     * 公示: the disclosure decision, its deadlines (20 WD, 7 WD) and the public record's state; {@code publicUntilProvisional}
     * marks a last day of publication counted in a year whose holiday notice was not loaded (DOMAIN.md), as the public
     * record does.
     */
    public record Disclosure(DisclosureAction action, String recordId, LocalDate decidedOn, String ground,
                             DeadlineView deadline, DeadlineView doublePublicityDeadline, LocalDate publicUntil,
                             Boolean publicUntilProvisional, RecordState state, LocalDate endedOn, DeadlineView withdrawalDeadline) {}

    /**
     * A public record withdrawn after a revision (3 WD, DOMAIN.md withdrawal): every one the case had, kept when a changed
     * decision is published again (its {@link Disclosure} then describes the new record), for the withdrawal figure.
     */
    public record Withdrawal(String recordId, LocalDate revisionEffectiveOn, DeadlineView deadline) {}

    public record Revision(RevisionKind kind, RevisionBy by, String documentNumber, LocalDate effectiveOn, String reason,
                           List<Penalty> penalties) {}
}
