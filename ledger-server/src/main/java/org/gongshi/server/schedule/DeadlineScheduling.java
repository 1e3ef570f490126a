package org.gongshi.server.schedule;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.cases.event.CaseClockResumed;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.DecisionDeadlineExtended;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.cases.event.TransferReturned;
import org.gongshi.ledger.cases.event.CrimeSuspected;
import org.gongshi.ledger.cases.event.TransferApproved;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.server.roles.ConditionalOnRole;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Puts each deadline the ledger records into the {@link DeadlineSchedule}, due at the start of the day
 * after its last day (Asia/Shanghai): the decision deadline (as filed, extended, moved by pauses), the
 * 7 WD and 20 WD disclosure deadlines of a decision, a returned transfer's decision deadline, a suspected crime's transfer
 * deadlines (the head's decision, the sending), the end of a record's publicity period, of a
 * list entry's term and of each sanction's term ({@code until}). Replays schedule nothing twice.
 */
@Component
@ConditionalOnRole("command")
@ProcessingGroup(DeadlineScheduling.PROCESSING_GROUP)
public class DeadlineScheduling {

    public static final String PROCESSING_GROUP = "deadline-schedule";

    private final DeadlineSchedule schedule;
    private final Rulebook rules;

    public DeadlineScheduling(DeadlineSchedule deadlineSchedule, Rulebook rulebook) {
        this.schedule = deadlineSchedule;
        this.rules = rulebook;
    }

    /** When a deadline whose last day is {@code deadline} has passed: the start of the next day. */
    static Instant passed(Deadline deadline) {
        return deadline.dueOn().plusDays(1).atStartOfDay(LedgerClock.LEGAL_ZONE).toInstant();
    }

    /**
     * How long after an imported act (the historical import) its deadlines are checked at the earliest, on the ledger's clock: an
     * import sends a case's acts one after the other, and a deadline of an imported filing or decision has mostly passed already,
     * so a check at once recorded a miss between two acts of the same import, or not, as the import ran fast or slow (a law sweep
     * from outside, stop 73: misses of disclosures the import then showed published on time). A deadline the import leaves unmet
     * is recorded missed this long after the act that left it.
     */
    static final Duration IMPORT_GRACE = Duration.ofDays(1);

    /** When to check {@code deadline} of an event recorded at {@code recordedAt}, imported or not ({@link #IMPORT_GRACE}). */
    static Instant checkAt(Deadline deadline, String imported, Instant recordedAt) {
        Instant passed = passed(deadline);
        if (!"true".equals(imported) || recordedAt == null) return passed;
        Instant earliest = recordedAt.plus(IMPORT_GRACE);
        return passed.isBefore(earliest) ? earliest : passed;
    }

    @EventHandler
    void on(CaseFiled e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        scheduleDecision(e.caseId(), e.decisionDeadline(), imported, recordedAt);
    }

    @EventHandler
    void on(DecisionDeadlineExtended e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        scheduleDecision(e.caseId(), e.decisionDeadline(), imported, recordedAt);
    }

    @EventHandler
    void on(CaseClockResumed e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        scheduleDecision(e.caseId(), e.decisionDeadline(), imported, recordedAt);
    }

    /**
     * How many days after a provisional decision deadline the case is checked again, each day: the case counts a provisional
     * deadline again under the calendar loaded when it is checked (a holiday notice loaded since moves its last day past a
     * holiday: at most the longest holiday, 8 days in the notices of 2024–2026, and a day for the weekend beside it).
     */
    static final int PROVISIONAL_RECHECK_DAYS = 10;

    /** The decision deadline's check, and for a provisional one the days after it on which it may fall once its year's notice is loaded. */
    private void scheduleDecision(String caseId, Deadline deadline, String imported, Instant recordedAt) {
        schedule.schedule(DeadlineSchedule.Kind.CASE, caseId, checkAt(deadline, imported, recordedAt));
        if (!deadline.provisional()) return;
        for (int day = 1; day <= PROVISIONAL_RECHECK_DAYS; day++) {
            schedule.schedule(DeadlineSchedule.Kind.CASE, caseId, checkAt(new Deadline(deadline.dueOn().plusDays(day), true), imported, recordedAt));
        }
    }

    /**
     * A case the judiciary returns is open again under its decision deadline (DOMAIN.md): checked as the return is recorded (its
     * timestamp, the ledger's clock: an entry of its own, where the start of a day could be the deadline's own check, fired while
     * the case was away), so a deadline that passed meanwhile is recorded missed (a sweep from outside, stop 73: the case was
     * overdue on the work list, yet no miss was recorded and the handling rate left it out); one still ahead keeps its check.
     */
    @EventHandler
    void on(TransferReturned e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        // an imported return is checked a day on, as every imported act (a sweep from outside, stop 76: checked at once, it
        // recorded the import's later decision and publication missed, and expired the record before the import's credit repair)
        schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), "true".equals(imported) && recordedAt != null
                ? recordedAt.plus(IMPORT_GRACE) : recordedAt);
    }

    /** A suspected crime's transfer: the head's decision due in 3 days, an approved transfer's sending in 24 hours (Decree 310 Art 5). */
    @EventHandler
    void on(CrimeSuspected e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), checkAt(e.approvalDeadline(), imported, recordedAt));
    }

    @EventHandler
    void on(TransferApproved e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), checkAt(e.sendingDeadline(), imported, recordedAt));
    }

    @EventHandler
    void on(PenaltyDecided e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), checkAt(rules.doublePublicityDeadline(e.decidedOn()), imported, recordedAt));
        schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), checkAt(rules.disclosureDeadline(e.decidedOn()), imported, recordedAt));
    }

    /** A changed decision is published again as a new record, due from the change (Order 45 Art 11). */
    @EventHandler
    void on(DecisionRevised e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        if (e.kind() != RevisionKind.CHANGED) return;
        schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), checkAt(rules.doublePublicityDeadline(e.effectiveOn()), imported, recordedAt));
        schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), checkAt(rules.disclosureDeadline(e.effectiveOn()), imported, recordedAt));
    }

    @EventHandler
    void on(DisclosureDecided e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        if (e.action() == DisclosureAction.PUBLISH) {
            schedule.schedule(DeadlineSchedule.Kind.CASE, e.caseId(), checkAt(e.publicUntil(), imported, recordedAt));
        }
    }

    /**
     * An entry's term ends the day after its last day; an imported entry's is checked a day on at the earliest (a sweep from
     * outside, stop 76: an entry imported after its term ended was removed as TERM_EXPIRED within seconds, and the import's
     * own removal, listed in error years before, was refused).
     */
    @EventHandler
    void on(ListingAdded e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        schedule.schedule(DeadlineSchedule.Kind.LISTING, e.listingId(), checkAt(e.termEnd(), imported, recordedAt));
    }

    /**
     * A sanction applies to its last day ({@code until}) and is lifted the day after. Sanctions of a listing that end on the
     * same day share one entry (one command lifts them all); a sanction running to the term's end is lifted with the
     * entry's expiry, and its own entry then changes nothing.
     */
    @EventHandler
    void on(SanctionImposed e, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported, @Timestamp Instant recordedAt) {
        if (e.until() == null) return;
        schedule.schedule(DeadlineSchedule.Kind.SANCTION, e.listingId(), checkAt(new Deadline(e.until(), false), imported, recordedAt));
    }
}
