package org.gongshi.projections.cases;

import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.gongshi.ledger.vocabulary.PartyKind;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.conversions.Bson;
import org.gongshi.ledger.cases.event.CaseClockPaused;
import org.gongshi.ledger.cases.event.CaseClockResumed;
import org.gongshi.ledger.cases.event.CaseClosed;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.ledger.cases.event.CaseTransferredToJudiciary;
import org.gongshi.ledger.cases.event.DecisionDeadlineExtended;
import org.gongshi.ledger.cases.event.DecisionDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed;
import org.gongshi.ledger.disclosure.event.WithdrawalDeadlineMissed;
import org.gongshi.ledger.cases.DecisionKind;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.HearingConcluded;
import org.gongshi.ledger.cases.event.HearingRequested;
import org.gongshi.ledger.cases.event.NoPenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.DecisionServed;
import org.gongshi.ledger.cases.event.CaseDismissed;
import org.gongshi.ledger.cases.event.TransferReturned;
import org.gongshi.ledger.cases.event.TransferDeadlines;
import org.gongshi.ledger.cases.event.HearingScheduled;
import org.gongshi.ledger.cases.event.ChallengeEnded;
import org.gongshi.ledger.cases.event.ChallengeFiled;
import org.gongshi.ledger.cases.event.PenaltyExecuted;
import org.gongshi.ledger.cases.event.PenaltyNoticeServed;
import org.gongshi.ledger.cases.event.StatementRecorded;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureExpired;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.disclosure.event.PublicationTerminated;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.projections.writes.ReadModelWrites;
import org.gongshi.projections.cases.CaseView.Closure;
import org.gongshi.projections.cases.CaseView.Decision;
import org.gongshi.projections.cases.CaseView.Dismissal;
import org.gongshi.projections.cases.CaseView.DeadlineView;
import org.gongshi.projections.cases.CaseView.Execution;
import org.gongshi.projections.cases.CaseView.Extension;
import org.gongshi.projections.cases.CaseView.Notice;
import org.gongshi.projections.cases.CaseView.Revision;
import org.gongshi.projections.cases.CaseView.Service;
import org.gongshi.projections.cases.CaseView.Statement;
import org.gongshi.projections.cases.CaseView.Transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.gongshi.projections.writes.ReadModelWrites.applyAndGet;
import static org.gongshi.projections.writes.ReadModelWrites.create;
import static org.gongshi.projections.writes.ReadModelWrites.createAndGet;
import static org.gongshi.projections.writes.ReadModelWrites.position;

/**
 * Builds {@link CaseView} documents from the case events. Every write is conditional on the event's
 * global position being newer than the document's {@code lastGlobalIndex}, so a redelivered event
 * (at-least-once delivery, a restart mid-batch) changes nothing and a rebuild gives the same documents.
 */
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class CaseViewProjection {

    public static final String PROCESSING_GROUP = "case-views";

    private final MongoCollection<CaseView> views;
    /** Told of every case after each event (the target figures' counters), or null (a rebuild into another collection). */
    private final CaseChanges changes;

    public CaseViewProjection(CaseViews caseViews, CaseChanges changes) {
        this(caseViews.collection(), changes);
    }

    /** Writing into {@code views}: the live collection, or a rebuild's. */
    public CaseViewProjection(MongoCollection<CaseView> views) {
        this(views, null);
    }

    private CaseViewProjection(MongoCollection<CaseView> views, CaseChanges changes) {
        this.views = views;
        this.changes = changes;
    }

    /**
     * A natural-person party's name and ID number read as shredded once the case's data subject was shredded, and so do
     * the bureau's free texts about it (sealed with its key: {@code PersonalData#ifSubjectIsNaturalPerson}), as a rebuild
     * from the event store reads them.
     */
    @EventHandler
    void on(SubjectShredded event) {
        MongoCollection<org.bson.Document> raw = views.withDocumentClass(org.bson.Document.class);
        org.bson.Document view = raw.find(and(eq("_id", event.subjectId()), eq("party.kind", PartyKind.NATURAL_PERSON.name()))).first();
        if (view == null) return;
        List<Bson> updates = new ArrayList<>(List.of(set("party.name", PersonalData.SHREDDED), set("party.idNumber", PersonalData.SHREDDED)));
        for (String path : FREE_TEXTS) shredAt(view, path, "", updates);
        views.updateOne(eq("_id", event.subjectId()), combine(updates));
    }

    /**
     * Where the view keeps the free texts of the events that seal them when the subject is a natural person ({@code *}: each
     * element of a list): the filing's source, decision facts, statements, hearing outcome, extension reasons, dismissal
     * note, transfer reasons, challenge outcomes, closure outcome, revision reasons, how the decision was served and paid,
     * and the penalties' descriptions.
     */
    static final List<String> FREE_TEXTS = List.of("source", "decision.facts", "statements.*.summary", "hearing.outcome", "extensions.*.reason",
            "dismissal.note", "transfer.reason", "transfer.returnReason", "earlierTransfers.*.reason", "earlierTransfers.*.returnReason",
            "challenges.*.outcome", "closure.outcome", "revisions.*.reason", "execution.method", "decision.service.method",
            "notice.proposedPenalties.*.description", "decision.penalties.*.description", "revisions.*.penalties.*.description");

    /** Adds a {@code $set} to shredded of each text at {@code path} in {@code node} (under {@code prefix}) that is there. */
    private static void shredAt(Object node, String path, String prefix, List<Bson> updates) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (head.equals("*")) {
            if (!(node instanceof List<?> items)) return;
            for (int i = 0; i < items.size(); i++) shredAt(items.get(i), rest, prefix + i + ".", updates);
            return;
        }
        if (!(node instanceof org.bson.Document document) || document.get(head) == null) return;
        if (rest == null) updates.add(set(prefix + head, PersonalData.SHREDDED));
        else shredAt(document.get(head), rest, prefix + head + ".", updates);
    }

    @EventHandler
    void on(CaseFiled event, TrackingToken token) {
        if (changes == null) create(views, event.caseId(), CaseView.filed(event, position(token)));
        else changes.changed(createAndGet(views, event.caseId(), CaseView.filed(event, position(token))), position(token));
    }

    @EventHandler
    void on(DecisionDeadlineExtended e, TrackingToken token) {
        apply(e.caseId(), token,
                push("extensions", new Extension(e.approval(), e.approvedOn(), e.days(), e.namedDeadline(), e.reason())),
                set("decisionDeadline", DeadlineView.pending(e.decisionDeadline())));
    }

    // ---- deadlines the ledger recorded as missed (the deadline mechanism's events)

    @EventHandler
    void on(DecisionDeadlineMissed e, TrackingToken token) {
        missed(e.caseId(), token, "DECISION", e.decisionDeadline().dueOn(), e.recordedOn());
    }

    @EventHandler
    void on(DisclosureDeadlineMissed e, TrackingToken token) {
        missed(e.caseId(), token, "DISCLOSURE", e.deadline().dueOn(), e.recordedOn());
    }

    @EventHandler
    void on(DoublePublicityDeadlineMissed e, TrackingToken token) {
        missed(e.caseId(), token, "DOUBLE_PUBLICITY", e.deadline().dueOn(), e.recordedOn());
    }

    @EventHandler
    void on(WithdrawalDeadlineMissed e, TrackingToken token) {
        missed(e.caseId(), token, "WITHDRAWAL", e.deadline().dueOn(), e.recordedOn());
    }

    private void missed(String caseId, TrackingToken token, String kind, LocalDate dueOn, LocalDate recordedOn) {
        apply(caseId, token, push("missedDeadlines", new CaseView.MissedDeadline(kind, dueOn, recordedOn)));
    }

    @EventHandler
    void on(CaseClockPaused e, TrackingToken token) {
        apply(e.caseId(), token, set("clock.paused", true), set("clock.pausedSince", e.pausedOn()), set("clock.reason", e.reason()));
    }

    /**
     * The decision deadline moves by the paused days. Only its date: an open case's deadline has no answer yet, and a case
     * dismissed or transferred while its clock was paused keeps the answer its disposition recorded (the date it moves to
     * is the one a transfer return reopens).
     */
    @EventHandler
    void on(CaseClockResumed e, TrackingToken token) {
        List<Bson> updates = new ArrayList<>(List.of(set("clock.paused", false), set("clock.pausedSince", null),
                set("clock.reason", null), Updates.inc("clock.pausedDays", e.pausedDays())));
        if (e.decisionDeadline() != null) {
            updates.add(set("decisionDeadline.dueOn", e.decisionDeadline().dueOn()));
            updates.add(set("decisionDeadline.provisional", e.decisionDeadline().provisional()));
        }
        apply(e.caseId(), token, updates.toArray(Bson[]::new));
    }

    @EventHandler
    void on(PenaltyNoticeServed e, TrackingToken token) {
        apply(e.caseId(), token, set("status", CaseStatus.NOTICE_SERVED),
                set("notice", new Notice(e.servedOn(), e.proposedPenalties(), e.hearingRightGranted(), e.rightsWaived(),
                        DeadlineView.pending(e.hearingRequestDeadline()))));
    }

    @EventHandler
    void on(StatementRecorded e, TrackingToken token) {
        apply(e.caseId(), token, push("statements", new Statement(e.receivedOn(), e.summary())));
    }

    @EventHandler
    void on(HearingRequested e, TrackingToken token) {
        apply(e.caseId(), token, set("hearing", new CaseView.Hearing(e.requestedOn(), null, null, null, null)),
                set("notice.hearingRequestDeadline.satisfiedOn", e.requestedOn()),
                set("notice.hearingRequestDeadline.met", true));
    }

    /** 听证通知: the day the notice went out and the day of the hearing (a later notice replaces an earlier one). */
    @EventHandler
    void on(HearingScheduled e, TrackingToken token) {
        apply(e.caseId(), token, set("hearing.notifiedOn", e.notifiedOn()), set("hearing.hearingOn", e.hearingOn()));
    }

    @EventHandler
    void on(HearingConcluded e, TrackingToken token) {
        apply(e.caseId(), token, set("hearing.heldOn", e.heldOn()), set("hearing.outcome", e.outcome()));
    }

    @EventHandler
    void on(PenaltyDecided e, TrackingToken token) {
        apply(e.caseId(), token, set("status", CaseStatus.PENALTY_DECIDED), set("disposed", true),
                set("decisionDeadline", DeadlineView.answered(e.decisionDeadline(), e.decidedOn(), e.decidedInTime())),
                set("decision", new Decision(e.decisionId(), DecisionKind.PENALTY, e.decisionNumber(), e.decidedOn(),
                        e.penalties(), e.legalBasis(), e.facts(), DeadlineView.pending(e.paymentDeadline()), null)));
    }

    /** 送达: the day the party received the decision, and the payment deadline, which runs from receipt (a fine's). */
    @EventHandler
    void on(DecisionServed e, TrackingToken token) {
        List<Bson> updates = new ArrayList<>(List.of(set("decision.service", new Service(e.receivedOn(), e.method()))));
        if (e.paymentDeadline() != null) {
            // paid before the decision was served (the ledger allows it): met, on the day it was paid
            CaseView current = views.find(eq("_id", e.caseId())).first();
            LocalDate paidOn = current == null || current.execution() == null ? null : current.execution().executedOn();
            updates.add(set("decision.paymentDeadline", paidOn == null ? DeadlineView.pending(e.paymentDeadline())
                    : DeadlineView.answered(e.paymentDeadline(), paidOn, !paidOn.isAfter(e.paymentDeadline().dueOn()))));
        }
        apply(e.caseId(), token, updates.toArray(Bson[]::new));
    }

    @EventHandler
    void on(ChallengeFiled e, TrackingToken token) {
        apply(e.caseId(), token, push("challenges", new CaseView.Challenge(e.number(), e.kind(), e.filedOn(), null, null)));
    }

    @EventHandler
    void on(ChallengeEnded e, TrackingToken token) {
        apply(e.caseId(), token, set("challenges." + (e.number() - 1) + ".endedOn", e.endedOn()),
                set("challenges." + (e.number() - 1) + ".outcome", e.outcome()));
    }

    /**
     * 不予立案退回: the transfer shows the return. A case the transfer disposed of is back with the bureau with no
     * disposition again: its decision deadline is open (unanswered) once more, on the date it had (the return names none;
     * the case's deadline does not move while it is with the judiciary but by a resumed clock, which the view follows).
     */
    @EventHandler
    void on(TransferReturned e, TrackingToken token) {
        CaseView current = views.find(eq("_id", e.caseId())).first();
        List<Bson> updates = new ArrayList<>(List.of(set("transfer.returnedOn", e.returnedOn()), set("transfer.returnReason", e.reason())));
        if (current != null && current.status() == CaseStatus.TRANSFERRED) {
            updates.add(set("status", current.notice() != null ? CaseStatus.NOTICE_SERVED : CaseStatus.FILED));
            updates.add(set("disposed", false));
            updates.add(set("decisionDeadline.satisfiedOn", null));
            updates.add(set("decisionDeadline.met", null));
        }
        apply(e.caseId(), token, updates.toArray(Bson[]::new));
    }

    /** 撤销立案: a disposition with its reason, answering the decision deadline. */
    @EventHandler
    void on(CaseDismissed e, TrackingToken token) {
        apply(e.caseId(), token, set("status", CaseStatus.DISMISSED), set("disposed", true),
                set("decisionDeadline", DeadlineView.answered(e.decisionDeadline(), e.dismissedOn(), e.dismissedInTime())),
                set("dismissal", new Dismissal(e.dismissedOn(), e.reason(), e.note())));
    }

    @EventHandler
    void on(NoPenaltyDecided e, TrackingToken token) {
        apply(e.caseId(), token, set("status", CaseStatus.NO_PENALTY_DECIDED), set("disposed", true),
                set("decisionDeadline", DeadlineView.answered(e.decisionDeadline(), e.decidedOn(), e.decidedInTime())),
                set("decision", new Decision(e.decisionId(), DecisionKind.NO_PENALTY, e.decisionNumber(), e.decidedOn(),
                        List.of(), e.legalBasis(), e.facts(), null, null)));
    }

    /** A case transferred again after a return keeps the earlier transfer, with its return, in {@code earlierTransfers}. */
    @EventHandler
    void on(CaseTransferredToJudiciary e, TrackingToken token) {
        List<Bson> updates = new ArrayList<>(List.of(set("transfer", Transfer.sent(e.transferredOn(), e.judicialOrgan(), e.reason()))));
        CaseView current = views.find(eq("_id", e.caseId())).first();
        if (current != null && current.transfer() != null) updates.add(push("earlierTransfers", current.transfer()));
        if (current != null && !Boolean.TRUE.equals(current.disposed())) {
            updates.add(set("status", CaseStatus.TRANSFERRED));
            updates.add(set("disposed", true));
            updates.add(set("decisionDeadline", DeadlineView.answered(e.decisionDeadline(), e.transferredOn(), e.transferredInTime())));
        }
        apply(e.caseId(), token, updates.toArray(Bson[]::new));
    }

    /**
     * Decree 310 Art 5, recorded with the transfer it follows: the approval within 3 days of the suspicion (answered on the
     * approval's day) and the sending within 24 h of the approval (answered by the transfer), each met as the ledger
     * recorded it. No missed-deadline event exists for them, so they never enter {@code missedDeadlines}.
     */
    @EventHandler
    void on(TransferDeadlines e, TrackingToken token) {
        CaseView current = views.find(eq("_id", e.caseId())).first();
        LocalDate sentOn = current == null || current.transfer() == null ? null : current.transfer().transferredOn();
        apply(e.caseId(), token, set("transfer.suspectedOn", e.suspectedOn()), set("transfer.approvedOn", e.approvedOn()),
                set("transfer.approvalDeadline", DeadlineView.answered(e.approvalDeadline(), e.approvedOn(), e.approvedInTime())),
                set("transfer.sendingDeadline", DeadlineView.answered(e.sendingDeadline(), sentOn, e.sentInTime())));
    }

    @EventHandler
    void on(PenaltyExecuted e, TrackingToken token) {
        apply(e.caseId(), token, set("status", CaseStatus.EXECUTED),
                set("decision.paymentDeadline", DeadlineView.answered(e.paymentDeadline(), e.executedOn(), e.paidInTime())),
                set("execution", new Execution(e.executedOn(), e.paidAmount(), e.method(), e.latePaymentPenalty())));
    }

    @EventHandler
    void on(CaseClosed e, TrackingToken token) {
        apply(e.caseId(), token, set("status", CaseStatus.CLOSED), set("closure", new Closure(e.closedOn(), e.outcome())));
    }

    @EventHandler
    void on(DecisionRevised e, TrackingToken token) {
        List<Bson> updates = new ArrayList<>();
        updates.add(push("revisions", new Revision(e.kind(), e.by(), e.documentNumber(), e.effectiveOn(), e.reason(), e.penalties())));
        if (!e.penalties().isEmpty()) updates.add(set("decision.penalties", e.penalties()));
        apply(e.caseId(), token, updates.toArray(Bson[]::new));
    }

    /**
     * The decision's disclosure. A changed decision published again replaces it; the decision's first publication is kept
     * in {@code firstPublication}, whose deadlines are the decision's own (the target figures count them: the
     * republication, due from the change, rewrote a missed 7 WD as met, audit).
     */
    @EventHandler
    void on(DisclosureDecided e, TrackingToken token) {
        boolean published = e.action() == DisclosureAction.PUBLISH;
        List<Bson> updates = new ArrayList<>(List.of(set("disclosure", new CaseView.Disclosure(e.action(), published ? e.recordId() : null,
                e.decidedOn(), e.ground(), DeadlineView.answered(e.disclosureDeadline(), e.decidedOn(), e.disclosedInTime()),
                DeadlineView.answered(e.doublePublicityDeadline(), e.decidedOn(), e.doublePublicityInTime()), published ? e.publicUntil().dueOn() : null,
                published ? RecordState.PUBLISHED : null, null, null))));
        // only a later edition of the decision's record (its id is not the decision's) can follow a first publication: the
        // first one reads nothing (a read per publication was added to the case views' replay otherwise)
        boolean laterEdition = published && e.recordId() != null && !e.recordId().equals(e.decisionId());
        CaseView current = laterEdition ? views.find(eq("_id", e.caseId())).first() : null;
        if (current != null && current.firstPublication() == null && current.disclosure() != null
                && current.disclosure().action() == DisclosureAction.PUBLISH && !e.recordId().equals(current.disclosure().recordId())) {
            updates.add(set("firstPublication", current.disclosure()));
        }
        apply(e.caseId(), token, updates.toArray(Bson[]::new));
    }

    /** The revision it follows is the case's latest (a record is withdrawn when the revision is recorded). */
    @EventHandler
    void on(DisclosureWithdrawn e, TrackingToken token) {
        DeadlineView deadline = DeadlineView.answered(e.withdrawalDeadline(), e.withdrawnOn(), e.withdrawnInTime());
        CaseView current = views.find(eq("_id", e.caseId())).first();
        LocalDate revised = current == null ? null : current.latestRevisionEffectiveOn();
        LocalDate effectiveOn = revised == null ? e.withdrawnOn() : revised;
        apply(e.caseId(), token, set("disclosure.state", RecordState.WITHDRAWN), set("disclosure.endedOn", e.withdrawnOn()),
                set("disclosure.withdrawalDeadline", deadline),
                push("withdrawals", new CaseView.Withdrawal(e.recordId(), effectiveOn, deadline)));
    }

    @EventHandler
    void on(DisclosureExpired e, TrackingToken token) {
        apply(e.caseId(), token, set("disclosure.state", RecordState.EXPIRED), set("disclosure.endedOn", e.expiredOn()));
    }

    @EventHandler
    void on(PublicationTerminated e, TrackingToken token) {
        apply(e.caseId(), token, set("disclosure.state", RecordState.TERMINATED), set("disclosure.endedOn", e.terminatedOn()));
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new org.bson.Document());
        if (changes != null) changes.reset();
    }

    /**
     * Writes the event into the view; the followers then see the case as it stands (the write answers it, one round trip,
     * or a key lookup when the view had the event already). They are idempotent per position, and are told again on a
     * redelivery, which finishes what a crash between the two writes left undone.
     */
    private void apply(String caseId, TrackingToken token, Bson... updates) {
        if (changes == null) {
            ReadModelWrites.apply(views, caseId, position(token), updates);
            return;
        }
        CaseView view = applyAndGet(views, caseId, position(token), updates);
        if (view == null) view = views.find(eq("_id", caseId)).first();
        if (view != null) changes.changed(view, position(token));
    }

}
