package org.gongshi.projections.cases;

import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.HearingConcluded;
import org.gongshi.ledger.cases.event.HearingRequested;
import org.gongshi.ledger.cases.event.NoPenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.DecisionServed;
import org.gongshi.ledger.cases.event.CaseDismissed;
import org.gongshi.ledger.cases.event.TransferReturned;
import org.gongshi.ledger.cases.event.TransferDeadlines;
import org.gongshi.ledger.cases.event.CrimeSuspected;
import org.gongshi.ledger.cases.event.TransferApproved;
import org.gongshi.ledger.cases.event.TransferNotApproved;
import org.gongshi.ledger.cases.event.TransferDeadlineMissed;
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
import org.gongshi.projections.writes.BatchedWrites;
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

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.gongshi.projections.writes.ReadModelWrites.create;
import static org.gongshi.projections.writes.ReadModelWrites.createAndGet;
import static org.gongshi.projections.writes.ReadModelWrites.position;

/**
 * Builds {@link CaseView} documents from the case events. An event changes the case's view in memory, as the view stood
 * after the events before it; a tracking processor's batch holds each case it changed and writes it once, at the batch's
 * end (a batch of a replay changes a case with several events: one write where each event made one round trip, the
 * largest part of a rebuild, issue 13). Outside a batch (a handler called directly) each change is written at once.
 *
 * <p>Every write is conditional on the event's global position being newer than the document's {@code lastGlobalIndex},
 * so a redelivered event (at-least-once delivery, a restart mid-batch) changes nothing and a rebuild gives the same
 * documents. A failing handler changes nothing that the batch holds (the view is changed only once the event is
 * applied whole), so the dead-letter queue parks the event and the batch goes on without it; a write failing at the
 * batch's end fails the batch, which is processed again.
 */
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class CaseViewProjection {

    public static final String PROCESSING_GROUP = "case-views";

    private final MongoCollection<CaseView> views;
    /** Told of every case after each event (the target figures' counters), or null (a rebuild into another collection). */
    private final CaseChanges changes;
    /** How a rebuild folds an erased case (an organisation's sealed texts), or null: a rebuild's or a replay's projection. */
    private final ShreddedFold shreddedFold;
    /** The key of a batch's held cases in its unit of work (one per instance: a rebuild's projection is another). */
    private final String batchResource = CaseViewProjection.class.getName() + "#" + INSTANCES.incrementAndGet();
    private static final AtomicLong INSTANCES = new AtomicLong();

    /**
     * The live projection: it tells {@code changes} of every case, and learns from {@code shreddedFold} (null: it does not)
     * which texts of an organisation's case its erasure shreds.
     */
    public CaseViewProjection(CaseViews caseViews, CaseChanges changes, ShreddedFold shreddedFold) {
        this(caseViews.collection(), changes, shreddedFold);
    }

    /** The live projection without the fold of an erased case (an organisation's erased texts stay until a rebuild). */
    public CaseViewProjection(CaseViews caseViews, CaseChanges changes) {
        this(caseViews, changes, null);
    }

    /** Writing into {@code views}: the live collection, or a rebuild's. */
    public CaseViewProjection(MongoCollection<CaseView> views) {
        this(views, null, null);
    }

    CaseViewProjection(MongoCollection<CaseView> views, CaseChanges changes, ShreddedFold shreddedFold) {
        this.views = views;
        this.changes = changes;
        this.shreddedFold = shreddedFold;
    }

    /**
     * A natural-person party's name and ID number read as shredded once the case's data subject was shredded, and so do
     * the bureau's free texts about it (sealed with its key: {@code PersonalData#ifSubjectIsNaturalPerson}), as a rebuild
     * from the event store reads them. Written field by field (not with a position: the event may come without one), after
     * whatever the batch wrote of the case before.
     */
    @EventHandler
    void on(SubjectShredded event) {
        Map<String, Held> batch = batch();
        Held held = held(batch, event.subjectId());
        if (held == null || held.view.party() == null) return;
        if (held.view.party().kind() != PartyKind.NATURAL_PERSON) {
            shredSealedTexts(batch, held, event.subjectId());
            return;
        }
        BsonDocument stored = ReadModelWrites.encoded(views, held.view);
        List<Bson> updates = new ArrayList<>();
        for (String path : List.of("party.name", "party.idNumber")) shredAt(stored, path, "", updates, true);
        for (String path : FREE_TEXTS) shredAt(stored, path, "", updates, false);
        held.shredded(ReadModelWrites.decoded(views, stored),
                new UpdateOneModel<>(and(eq("_id", event.subjectId()), eq("party.kind", PartyKind.NATURAL_PERSON.name())),
                        combine(updates)));
        if (batch == null) write(List.of(held));
    }

    /**
     * An organisation's case: its free texts that were sealed read shredded once its key is deleted, as a rebuild reads them.
     * Only its stored events say which were (those written once it had a key), so they are folded as a rebuild will fold
     * them ({@link ShreddedFold}), and each text shredded there is shredded here; the others stay, as the rebuild keeps them.
     */
    private void shredSealedTexts(Map<String, Held> batch, Held held, String caseId) {
        if (shreddedFold == null) return;
        Optional<CaseView> folded = shreddedFold.fold(caseId);
        if (folded.isEmpty()) return;
        BsonDocument rebuilt = ReadModelWrites.encoded(views, folded.get());
        BsonDocument stored = ReadModelWrites.encoded(views, held.view);
        List<Bson> updates = new ArrayList<>();
        for (String path : FREE_TEXTS) shredWhereShredded(rebuilt, stored, path, "", updates);
        if (updates.isEmpty()) return;
        held.shredded(ReadModelWrites.decoded(views, stored), new UpdateOneModel<>(eq("_id", caseId), combine(updates)));
        if (batch == null) write(List.of(held));
    }

    /** Shreds each text at {@code path} of {@code live} (under {@code prefix}) that reads shredded at the same place of {@code rebuilt}. */
    private static void shredWhereShredded(BsonValue rebuilt, BsonValue live, String path, String prefix, List<Bson> updates) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (head.equals("*")) {
            if (!(rebuilt instanceof BsonArray r) || !(live instanceof BsonArray l)) return;
            for (int i = 0; i < Math.min(r.size(), l.size()); i++) shredWhereShredded(r.get(i), l.get(i), rest, prefix + i + ".", updates);
            return;
        }
        if (!(rebuilt instanceof BsonDocument r) || !(live instanceof BsonDocument l)) return;
        if (rest != null) {
            shredWhereShredded(r.get(head), l.get(head), rest, prefix + head + ".", updates);
        } else if (r.get(head) instanceof BsonString folded && folded.getValue().equals(PersonalData.SHREDDED)
                && l.get(head) instanceof BsonString text && !text.getValue().equals(PersonalData.SHREDDED)) {
            l.put(head, new BsonString(PersonalData.SHREDDED));
            updates.add(set(prefix + head, PersonalData.SHREDDED));
        }
    }

    /**
     * Where the view keeps the free texts of the events that seal them when the subject is a natural person ({@code *}: each
     * element of a list): the filing's source, decision facts and legal basis, statements, hearing outcome, extension reasons, dismissal
     * note, transfer reasons, challenge outcomes, closure outcome, revision reasons, how the decision was served and paid,
     * and the penalties' descriptions.
     */
    static final List<String> FREE_TEXTS = List.of("source", "decision.facts", "decision.legalBasis", "statements.*.summary", "hearing.outcome", "extensions.*.reason",
            "dismissal.note", "transfer.reason", "transfer.returnReason", "crimeSuspicion.reason", "crimeSuspicion.refusalReason", "earlierTransfers.*.reason", "earlierTransfers.*.returnReason",
            "challenges.*.outcome", "closure.outcome", "revisions.*.reason", "execution.method", "decision.service.method",
            "notice.proposedPenalties.*.description", "decision.penalties.*.description", "revisions.*.penalties.*.description");

    /**
     * Shreds each text at {@code path} in {@code node} (under {@code prefix}) that is there (or, {@code always}, whether there
     * or not), and adds its {@code $set} to {@code updates}.
     */
    private static void shredAt(BsonValue node, String path, String prefix, List<Bson> updates, boolean always) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (head.equals("*")) {
            if (!(node instanceof BsonArray items)) return;
            for (int i = 0; i < items.size(); i++) shredAt(items.get(i), rest, prefix + i + ".", updates, always);
            return;
        }
        if (!(node instanceof BsonDocument document)) return;
        BsonValue value = document.get(head);
        if (rest != null) {
            shredAt(value, rest, prefix + head + ".", updates, always);
        } else if (always || (value != null && !value.isNull())) {
            document.put(head, new BsonString(PersonalData.SHREDDED));
            updates.add(set(prefix + head, PersonalData.SHREDDED));
        }
    }

    @EventHandler
    void on(CaseFiled event, TrackingToken token, org.axonframework.messaging.MetaData metaData) {
        long position = position(token);
        CaseView filed = CaseView.filed(event, position, org.gongshi.ledger.policy.Recording.from(metaData).historicalImport());
        Map<String, Held> batch = batch();
        if (batch == null) {
            if (changes == null) create(views, event.caseId(), filed);
            else changes.changed(createAndGet(views, event.caseId(), filed), position);
            return;
        }
        Held seen = batch.get(event.caseId());
        if (seen != null) { // filed again within the batch: a redelivery
            tell(seen.view, position);
            return;
        }
        // no read: a case is filed once; were it stored already (a redelivery), its creation changes nothing and the
        // batch's later writes of it are older than what it holds
        batch.put(event.caseId(), Held.created(filed));
        tell(filed, position);
    }

    @EventHandler
    void on(DecisionDeadlineExtended e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.extensions = plus(v.extensions, new Extension(e.approval(), e.approvedOn(), e.days(), e.namedDeadline(), e.reason()));
            v.decisionDeadline = DeadlineView.pending(e.decisionDeadline());
        });
    }

    // ---- deadlines the ledger recorded as missed (the deadline mechanism's events)

    @EventHandler
    void on(DecisionDeadlineMissed e, TrackingToken token) {
        // the miss records the deadline as the case counted it: one recorded provisional, counted again under a holiday notice
        // loaded since, shows its final date from now on (outside audit: the view kept the provisional 2027-01-01)
        change(e.caseId(), token, v -> {
            v.missedDeadlines = plus(v.missedDeadlines, new CaseView.MissedDeadline("DECISION", e.decisionDeadline().dueOn(), e.recordedOn()));
            if (v.decisionDeadline != null && v.decisionDeadline.satisfiedOn() == null) v.decisionDeadline = DeadlineView.pending(e.decisionDeadline());
        });
    }

    @EventHandler
    void on(DisclosureDeadlineMissed e, TrackingToken token) {
        disclosureMissed(e.caseId(), token, "DISCLOSURE", e.deadline().dueOn(), e.recordedOn());
    }

    @EventHandler
    void on(DoublePublicityDeadlineMissed e, TrackingToken token) {
        disclosureMissed(e.caseId(), token, "DOUBLE_PUBLICITY", e.deadline().dueOn(), e.recordedOn());
    }

    /** A disclosure deadline missed: the case is late until its disclosure is decided ({@link CaseView#disclosureOverdueSince}). */
    private void disclosureMissed(String caseId, TrackingToken token, String kind, LocalDate dueOn, LocalDate recordedOn) {
        change(caseId, token, v -> {
            v.missedDeadlines = plus(v.missedDeadlines, new CaseView.MissedDeadline(kind, dueOn, recordedOn));
            // late from the day after the deadline's last day, whenever the ledger recorded it (a clock moved on weeks at once)
            LocalDate since = dueOn.plusDays(1);
            if (v.disclosureOverdueSince == null || since.isBefore(v.disclosureOverdueSince)) v.disclosureOverdueSince = since;
        });
    }

    /**
     * A withdrawal missed: recorded beside the record's late withdrawal, or alone when the record's publicity period ended
     * before the revision was recorded (never withdrawn, public past the deadline): then it is the record's withdrawal for the
     * figure, due and not met.
     */
    @EventHandler
    void on(WithdrawalDeadlineMissed e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.missedDeadlines = plus(v.missedDeadlines, new CaseView.MissedDeadline("WITHDRAWAL", e.deadline().dueOn(), e.recordedOn()));
            boolean withdrawn = v.withdrawals != null && v.withdrawals.stream().anyMatch(w -> e.recordId().equals(w.recordId()));
            LocalDate revised = CaseView.latestEffectiveOn(v.revisions);
            if (!withdrawn && revised != null) {
                v.withdrawals = plus(v.withdrawals, new CaseView.Withdrawal(e.recordId(), revised,
                        new DeadlineView(e.deadline().dueOn(), e.deadline().provisional(), null, false)));
            }
        });
    }

    @EventHandler
    void on(CaseClockPaused e, TrackingToken token) {
        change(e.caseId(), token, v -> v.clock = new CaseView.Clock(true, e.pausedOn(), e.reason(), v.clock == null ? null : v.clock.pausedDays()));
    }

    /**
     * The decision deadline moves by the paused days. Only its date: an open case's deadline has no answer yet, and a case
     * dismissed or transferred while its clock was paused keeps the answer its disposition recorded (the date it moves to
     * is the one a transfer return reopens).
     */
    @EventHandler
    void on(CaseClockResumed e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            long before = v.clock == null || v.clock.pausedDays() == null ? 0 : v.clock.pausedDays();
            v.clock = new CaseView.Clock(false, null, null, before + e.pausedDays());
            if (e.decisionDeadline() != null) {
                DeadlineView d = v.decisionDeadline;
                v.decisionDeadline = new DeadlineView(e.decisionDeadline().dueOn(), e.decisionDeadline().provisional(),
                        d == null ? null : d.satisfiedOn(), d == null ? null : d.met());
            }
        });
    }

    @EventHandler
    void on(PenaltyNoticeServed e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.status = CaseStatus.NOTICE_SERVED;
            v.notice = new Notice(e.servedOn(), e.proposedPenalties(), e.hearingRightGranted(), e.rightsWaived(),
                    DeadlineView.pending(e.hearingRequestDeadline()));
        });
    }

    @EventHandler
    void on(StatementRecorded e, TrackingToken token) {
        change(e.caseId(), token, v -> v.statements = plus(v.statements, new Statement(e.receivedOn(), e.summary())));
    }

    @EventHandler
    void on(HearingRequested e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.hearing = new CaseView.Hearing(e.requestedOn(), null, null, null, null);
            Notice n = v.notice;
            DeadlineView answered = answer(n == null ? null : n.hearingRequestDeadline(), e.requestedOn(), e.requestedInTime() == null || e.requestedInTime());
            v.notice = n == null ? new Notice(null, null, null, null, answered)
                    : new Notice(n.servedOn(), n.proposedPenalties(), n.hearingRightGranted(), n.rightsWaived(), answered);
        });
    }

    /** 听证通知: the day the notice went out and the day of the hearing (a later notice replaces an earlier one). */
    @EventHandler
    void on(HearingScheduled e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            CaseView.Hearing h = v.hearing;
            v.hearing = new CaseView.Hearing(h == null ? null : h.requestedOn(), e.notifiedOn(), e.hearingOn(),
                    h == null ? null : h.heldOn(), h == null ? null : h.outcome());
        });
    }

    @EventHandler
    void on(HearingConcluded e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            CaseView.Hearing h = v.hearing;
            v.hearing = h == null ? new CaseView.Hearing(null, null, null, e.heldOn(), e.outcome())
                    : new CaseView.Hearing(h.requestedOn(), h.notifiedOn(), h.hearingOn(), e.heldOn(), e.outcome());
        });
    }

    @EventHandler
    void on(PenaltyDecided e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            disposed(v, CaseStatus.PENALTY_DECIDED, DeadlineView.answered(e.decisionDeadline(), e.decidedOn(), e.decidedInTime()));
            v.decision = new Decision(e.decisionId(), DecisionKind.PENALTY, e.decisionNumber(), e.decidedOn(),
                    e.penalties(), e.legalBasis(), e.facts(), DeadlineView.pending(e.paymentDeadline()), null);
            v.disclosureDueFrom = e.decidedOn();
        });
    }

    /** 送达: the day the party received the decision, and the payment deadline, which runs from receipt (a fine's). */
    @EventHandler
    void on(DecisionServed e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            Decision d = v.decision;
            DeadlineView payment = d == null ? null : d.paymentDeadline();
            if (e.paymentDeadline() != null) {
                // paid before the decision was served (the ledger allows it): met, on the day it was paid
                LocalDate paidOn = v.execution == null ? null : v.execution.executedOn();
                payment = paidOn == null ? DeadlineView.pending(e.paymentDeadline())
                        : DeadlineView.answered(e.paymentDeadline(), paidOn, !paidOn.isAfter(e.paymentDeadline().dueOn()));
            }
            v.decision = decision(d, d == null ? null : d.penalties(), payment, new Service(e.receivedOn(), e.method()));
        });
    }

    @EventHandler
    void on(ChallengeFiled e, TrackingToken token) {
        change(e.caseId(), token, v -> v.challenges = plus(v.challenges, new CaseView.Challenge(e.number(), e.kind(), e.filedOn(), null, null)));
    }

    @EventHandler
    void on(ChallengeEnded e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            List<CaseView.Challenge> challenges = v.challenges == null ? new ArrayList<>() : new ArrayList<>(v.challenges);
            int at = e.number() - 1;
            while (challenges.size() <= at) challenges.add(null); // as a $set past an array's end pads it
            CaseView.Challenge c = challenges.get(at);
            challenges.set(at, c == null ? new CaseView.Challenge(null, null, null, e.endedOn(), e.outcome())
                    : new CaseView.Challenge(c.number(), c.kind(), c.filedOn(), e.endedOn(), e.outcome()));
            v.challenges = Collections.unmodifiableList(challenges);
        });
    }

    /**
     * 不予立案退回: the transfer shows the return. A case the transfer disposed of is back with the bureau with no
     * disposition again: its decision deadline is open (unanswered) once more, on the date it had (the return names none;
     * the case's deadline does not move while it is with the judiciary but by a resumed clock, which the view follows).
     */
    @EventHandler
    void on(TransferReturned e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            Transfer t = v.transfer;
            v.transfer = t == null ? new Transfer(null, null, null, null, null, null, null, e.returnedOn(), e.reason())
                    : new Transfer(t.transferredOn(), t.judicialOrgan(), t.reason(), t.suspectedOn(), t.approvedOn(), t.approvalDeadline(),
                    t.sendingDeadline(), e.returnedOn(), e.reason());
            if (v.status == CaseStatus.TRANSFERRED) {
                v.status = v.notice != null ? CaseStatus.NOTICE_SERVED : CaseStatus.FILED;
                v.disposed = false;
                DeadlineView d = v.decisionDeadline;
                if (d != null) v.decisionDeadline = new DeadlineView(d.dueOn(), d.provisional(), null, null);
            }
        });
    }

    /** 撤销立案: a disposition with its reason, answering the decision deadline. */
    @EventHandler
    void on(CaseDismissed e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            disposed(v, CaseStatus.DISMISSED, DeadlineView.answered(e.decisionDeadline(), e.dismissedOn(), e.dismissedInTime()));
            v.dismissal = new Dismissal(e.dismissedOn(), e.reason(), e.note());
        });
    }

    @EventHandler
    void on(NoPenaltyDecided e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            disposed(v, CaseStatus.NO_PENALTY_DECIDED, DeadlineView.answered(e.decisionDeadline(), e.decidedOn(), e.decidedInTime()));
            v.decision = new Decision(e.decisionId(), DecisionKind.NO_PENALTY, e.decisionNumber(), e.decidedOn(),
                    List.of(), e.legalBasis(), e.facts(), null, null);
        });
    }

    /** 涉嫌犯罪: the head's decision on the transfer due in 3 days (Decree 310 Art 5). */
    @EventHandler
    void on(CrimeSuspected e, TrackingToken token) {
        change(e.caseId(), token, v -> v.crimeSuspicion = new CaseView.CrimeSuspicion(e.suspectedOn(), e.reason(),
                DeadlineView.pending(e.approvalDeadline()), null, null, null, null));
    }

    /** 批准移送: the head's decision answered; the sending due in 24 hours. */
    @EventHandler
    void on(TransferApproved e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            CaseView.CrimeSuspicion c = v.crimeSuspicion;
            v.crimeSuspicion = new CaseView.CrimeSuspicion(c == null ? null : c.suspectedOn(), c == null ? null : c.reason(),
                    DeadlineView.answered(e.approvalDeadline(), e.approvedOn(), e.approvedInTime()), true, e.approvedOn(), null,
                    DeadlineView.pending(e.sendingDeadline()));
            v.transferOverdueSince = null; // the head decided; the sending is late only once its own deadline is missed
        });
    }

    /** 不予批准移送: the head's decision answered, with its reason; nothing is sent. */
    @EventHandler
    void on(TransferNotApproved e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            CaseView.CrimeSuspicion c = v.crimeSuspicion;
            v.crimeSuspicion = new CaseView.CrimeSuspicion(c == null ? null : c.suspectedOn(), c == null ? null : c.reason(),
                    DeadlineView.answered(e.approvalDeadline(), e.decidedOn(), e.decidedInTime()), false, e.decidedOn(), e.reason(), null);
            v.transferOverdueSince = null;
        });
    }

    @EventHandler
    void on(TransferDeadlineMissed e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.missedDeadlines = plus(v.missedDeadlines, new CaseView.MissedDeadline("TRANSFER_" + e.step().name(), e.deadline().dueOn(), e.recordedOn()));
            // late from the day after the step's last day until the step is taken (approved, refused or sent)
            LocalDate since = e.deadline().dueOn().plusDays(1);
            if (v.transferOverdueSince == null || since.isBefore(v.transferOverdueSince)) v.transferOverdueSince = since;
        });
    }

    /** A case transferred again after a return keeps the earlier transfer, with its return, in {@code earlierTransfers}. */
    @EventHandler
    void on(CaseTransferredToJudiciary e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            if (v.transfer != null) v.earlierTransfers = plus(v.earlierTransfers, v.transfer);
            v.transfer = Transfer.sent(e.transferredOn(), e.judicialOrgan(), e.reason());
            if (!Boolean.TRUE.equals(v.disposed)) {
                disposed(v, CaseStatus.TRANSFERRED, DeadlineView.answered(e.decisionDeadline(), e.transferredOn(), e.transferredInTime()));
            }
        });
    }

    /**
     * Decree 310 Art 5, recorded with the transfer it follows: the approval within 3 days of the suspicion (answered on the
     * approval's day) and the sending within 24 h of the approval (answered by the transfer), each met as the ledger
     * recorded it. No missed-deadline event exists for them, so they never enter {@code missedDeadlines}.
     */
    @EventHandler
    void on(TransferDeadlines e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            Transfer t = v.transfer;
            LocalDate sentOn = t == null ? null : t.transferredOn();
            v.transfer = new Transfer(sentOn, t == null ? null : t.judicialOrgan(), t == null ? null : t.reason(), e.suspectedOn(),
                    e.approvedOn(), DeadlineView.answered(e.approvalDeadline(), e.approvedOn(), e.approvedInTime()),
                    DeadlineView.answered(e.sendingDeadline(), sentOn, e.sentInTime()), t == null ? null : t.returnedOn(),
                    t == null ? null : t.returnReason());
            v.transferOverdueSince = null;
            // the suspicion recorded before it, its deadlines answered by the transfer
            CaseView.CrimeSuspicion c = v.crimeSuspicion;
            if (c != null && !Boolean.FALSE.equals(c.approved()) && (c.sendingDeadline() == null || c.sendingDeadline().satisfiedOn() == null)) {
                v.crimeSuspicion = new CaseView.CrimeSuspicion(c.suspectedOn(), c.reason(), v.transfer.approvalDeadline(), true,
                        e.approvedOn(), null, v.transfer.sendingDeadline());
            }
        });
    }

    @EventHandler
    void on(PenaltyExecuted e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.status = CaseStatus.EXECUTED;
            Decision d = v.decision;
            v.decision = decision(d, d == null ? null : d.penalties(),
                    DeadlineView.answered(e.paymentDeadline(), e.executedOn(), e.paidInTime()), d == null ? null : d.service());
            v.execution = new Execution(e.executedOn(), e.paidAmount(), e.method(), e.latePaymentPenalty());
        });
    }

    @EventHandler
    void on(CaseClosed e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.status = CaseStatus.CLOSED;
            v.closure = new Closure(e.closedOn(), e.outcome());
        });
    }

    @EventHandler
    void on(DecisionRevised e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            v.revisions = plus(v.revisions, new Revision(e.kind(), e.by(), e.documentNumber(), e.effectiveOn(), e.reason(), e.penalties()));
            v.disclosureOverdueSince = null; // a changed decision's deadlines run from the change; a revoked one is disclosed no more
            v.disclosureDueFrom = e.kind() == RevisionKind.CHANGED && v.decision != null && v.decision.kind() == DecisionKind.PENALTY
                    ? e.effectiveOn() : null;
            Decision d = v.decision;
            if (!e.penalties().isEmpty()) {
                v.decision = revised(d, e.penalties());
            }
        });
    }

    /**
     * The decision's disclosure. A changed decision published again replaces it; the decision's first publication is kept
     * in {@code firstPublication}, whose deadlines are the decision's own (the target figures count them: the
     * republication, due from the change, rewrote a missed 7 WD as met, audit). Only a later edition of the decision's
     * record (its id is not the decision's) can follow a first publication.
     */
    @EventHandler
    void on(DisclosureDecided e, TrackingToken token) {
        change(e.caseId(), token, v -> {
            boolean published = e.action() == DisclosureAction.PUBLISH;
            boolean laterEdition = published && e.recordId() != null && !e.recordId().equals(e.decisionId());
            CaseView.Disclosure before = v.disclosure;
            v.disclosureOverdueSince = null;
            v.disclosureDueFrom = null;
            if (laterEdition && v.firstPublication == null && before != null && before.action() == DisclosureAction.PUBLISH
                    && !e.recordId().equals(before.recordId())) {
                v.firstPublication = before;
            }
            v.disclosure = new CaseView.Disclosure(e.action(), published ? e.recordId() : null, e.decidedOn(), e.ground(),
                    DeadlineView.answered(e.disclosureDeadline(), e.decidedOn(), e.disclosedInTime()),
                    DeadlineView.answered(e.doublePublicityDeadline(), e.decidedOn(), e.doublePublicityInTime()),
                    published ? e.publicUntil().dueOn() : null, published ? e.publicUntil().provisional() : null,
                    published ? RecordState.PUBLISHED : null, null, null);
        });
    }

    /** The revision it follows is the case's latest (a record is withdrawn when the revision is recorded). */
    @EventHandler
    void on(DisclosureWithdrawn e, TrackingToken token) {
        DeadlineView deadline = DeadlineView.answered(e.withdrawalDeadline(), e.withdrawnOn(), e.withdrawnInTime());
        change(e.caseId(), token, v -> {
            LocalDate revised = CaseView.latestEffectiveOn(v.revisions);
            v.disclosure = ended(v.disclosure, RecordState.WITHDRAWN, e.withdrawnOn(), deadline, true);
            v.withdrawals = plus(v.withdrawals, new CaseView.Withdrawal(e.recordId(), revised == null ? e.withdrawnOn() : revised, deadline));
        });
    }

    @EventHandler
    void on(DisclosureExpired e, TrackingToken token) {
        change(e.caseId(), token, v -> v.disclosure = ended(v.disclosure, RecordState.EXPIRED, e.expiredOn(), null, false));
    }

    @EventHandler
    void on(PublicationTerminated e, TrackingToken token) {
        change(e.caseId(), token, v -> v.disclosure = ended(v.disclosure, RecordState.TERMINATED, e.terminatedOn(), null, false));
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new org.bson.Document());
        if (changes != null) changes.reset();
    }

    // ---- the parts of a view several events change

    private static void disposed(CaseView.Edit v, CaseStatus status, DeadlineView decisionDeadline) {
        v.status = status;
        v.disposed = true;
        v.decisionDeadline = decisionDeadline;
    }

    /** {@code decision} (or, if there is none, a decision of only these) with these penalties, payment deadline and service. */
    private static Decision decision(Decision d, List<Penalty> penalties, DeadlineView payment, Service service) {
        return d == null ? new Decision(null, null, null, null, penalties, null, null, payment, service)
                : new Decision(d.decisionId(), d.kind(), d.decisionNumber(), d.decidedOn(), penalties, d.legalBasis(), d.facts(), payment, service,
                d.decidedPenalties());
    }

    /** {@code d} with the penalties a change by review or court put in force, its penalties as decided kept ({@link Decision#asDecided}). */
    private static Decision revised(Decision d, List<Penalty> penalties) {
        if (d == null) return decision(null, penalties, null, null);
        return new Decision(d.decisionId(), d.kind(), d.decisionNumber(), d.decidedOn(), penalties, d.legalBasis(), d.facts(),
                d.paymentDeadline(), d.service(), d.asDecided());
    }

    /** {@code deadline} answered on {@code on} (a deadline not recorded is one of only its answer). */
    private static DeadlineView answer(DeadlineView deadline, LocalDate on, boolean met) {
        return new DeadlineView(deadline == null ? null : deadline.dueOn(), deadline == null ? null : deadline.provisional(), on, met);
    }

    /** The disclosure's record ended in {@code state} on {@code on} (and, for a withdrawal, its deadline's answer). */
    private static CaseView.Disclosure ended(CaseView.Disclosure d, RecordState state, LocalDate on, DeadlineView withdrawal, boolean withdrawn) {
        if (d == null) return new CaseView.Disclosure(null, null, null, null, null, null, null, null, state, on, withdrawal);
        return new CaseView.Disclosure(d.action(), d.recordId(), d.decidedOn(), d.ground(), d.deadline(), d.doublePublicityDeadline(),
                d.publicUntil(), d.publicUntilProvisional(), state, on, withdrawn ? withdrawal : d.withdrawalDeadline());
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> longer = list == null ? new ArrayList<>(1) : new ArrayList<>(list);
        longer.add(item);
        return Collections.unmodifiableList(longer);
    }

    // ---- how a change reaches the view, and the store

    /**
     * Applies {@code edit} to the case as it stands, if the event at {@code token} is newer than the case's last; the
     * followers then see the case as it stands (also when the event was applied before: they are idempotent per position,
     * and are told again on a redelivery, which finishes what a crash between the two writes left undone).
     */
    private void change(String caseId, TrackingToken token, Consumer<CaseView.Edit> edit) {
        long position = position(token);
        Map<String, Held> batch = batch();
        Held held = held(batch, caseId);
        if (held == null) return; // no such case
        CaseView current = held.view;
        if (current.lastGlobalIndex() == null || current.lastGlobalIndex() >= position) { // applied already
            tell(current, position);
            return;
        }
        CaseView.Edit changed = current.edit();
        edit.accept(changed);
        held.changed(shreddedParty(current) ? textsShredded(changed.at(position)) : changed.at(position));
        if (batch == null) write(List.of(held));
        tell(held.view, position);
    }

    /** Whether {@code view} is a natural person's case whose party was shredded (its name reads shredded). */
    private static boolean shreddedParty(CaseView view) {
        return view.party() != null && view.party().kind() == PartyKind.NATURAL_PERSON && PersonalData.SHREDDED.equals(view.party().name());
    }

    /**
     * {@code view} with its free texts shredded: an act of a case recorded after its party's shredding, sealed with the key
     * before the key was deleted, was opened here in clear and kept so until a rebuild, which reads it shredded (a sweep from
     * outside, stop 76: a decision racing the erasure left its facts and legal basis in the case view).
     */
    private CaseView textsShredded(CaseView view) {
        BsonDocument stored = ReadModelWrites.encoded(views, view);
        List<Bson> unused = new ArrayList<>();
        for (String path : FREE_TEXTS) shredAt(stored, path, "", unused, false);
        return unused.isEmpty() ? view : ReadModelWrites.decoded(views, stored);
    }

    private void tell(CaseView view, long position) {
        if (changes != null) changes.changed(view, position);
    }

    /**
     * The case as {@code batch} holds it, or as stored (then held by the batch from now on, if there is one), or null if
     * there is none.
     */
    private Held held(Map<String, Held> batch, String caseId) {
        Held held = batch == null ? null : batch.get(caseId);
        if (held != null) return held;
        CaseView stored = views.find(eq("_id", caseId)).first();
        if (stored == null) return null;
        held = new Held(stored);
        if (batch != null) batch.put(caseId, held);
        return held;
    }

    /** The cases the current batch changed, by id (written at its end), or null outside a batch. */
    private Map<String, Held> batch() {
        if (!CurrentUnitOfWork.isStarted()) return null;
        var root = CurrentUnitOfWork.get().root();
        Map<String, Held> batch = root.getResource(batchResource);
        if (batch == null) {
            Map<String, Held> made = new LinkedHashMap<>();
            root.resources().put(batchResource, made);
            BatchedWrites.atBatchEnd(() -> write(made.values()));
            if (root instanceof BatchingUnitOfWork<?> unit) readAhead(unit.getMessages(), made);
            batch = made;
        }
        return batch;
    }

    /**
     * Reads, with one query, every case the batch's events are of (their aggregate: the case's events and its disclosure's)
     * that it does not file, where each would take a round trip when its first event comes. A case it misses (an event of
     * another aggregate) is read when its event comes.
     */
    private void readAhead(List<? extends Message<?>> messages, Map<String, Held> batch) {
        if (messages.size() < 2) return;
        Set<String> filed = new HashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (var message : messages) {
            if (!(message instanceof DomainEventMessage<?> event)) continue;
            if (event.getPayloadType() == CaseFiled.class) filed.add(event.getAggregateIdentifier());
            else ids.add(event.getAggregateIdentifier());
        }
        ids.removeAll(filed);
        if (ids.isEmpty()) return;
        for (CaseView stored : views.find(in("_id", ids))) batch.put(stored.caseId(), new Held(stored));
    }

    /**
     * Writes what {@code held} changed: each case as it stands, inserted or in place of an older stored one (one write a
     * case, whether the batch filed it, changed it or both), then the shreddings in order.
     */
    private void write(Collection<Held> held) {
        List<WriteModel<CaseView>> puts = new ArrayList<>(), shreds = new ArrayList<>();
        for (Held h : held) h.drainInto(puts, shreds);
        ReadModelWrites.newerOnly(views, puts);
        BatchedWrites.inOrder(views, shreds);
    }

    /** One case as a batch changed it, and what of it is still to be written. */
    private static final class Held {
        private CaseView view;
        private boolean create;
        private boolean replace;
        private final List<WriteModel<CaseView>> shreds = new ArrayList<>();

        Held(CaseView stored) {
            this.view = stored;
        }

        static Held created(CaseView filed) {
            Held held = new Held(filed);
            held.create = true;
            return held;
        }

        void changed(CaseView next) {
            view = next;
            replace = true;
        }

        void shredded(CaseView next, WriteModel<CaseView> write) {
            view = next;
            shreds.add(write);
        }

        /**
         * Adds its writes, and none are left: to {@code puts} the case as it stands now if the batch filed or changed it
         * ({@link ReadModelWrites#put}: inserted, or in place of an older stored one; a case filed again by a redelivery
         * is older than the one stored), to {@code shreds} its shreddings, in order.
         */
        void drainInto(List<WriteModel<CaseView>> puts, List<WriteModel<CaseView>> shreds) {
            if (create || replace) puts.add(ReadModelWrites.put(view.caseId(), view.lastGlobalIndex(), view));
            shreds.addAll(this.shreds);
            create = false;
            replace = false;
            this.shreds.clear();
        }
    }
}
