package org.gongshi.server.schedule;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.cases.command.CheckDeadlines;
import org.gongshi.ledger.listings.command.ExpireListing;
import org.gongshi.ledger.listings.command.LiftEndedSanctions;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.gongshi.server.roles.ConditionalOnRole;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Fires what the {@link DeadlineSchedule} holds when it falls due on the ledger's clock: every
 * {@code gongshi.deadlines.poll} (default 10 s), and whenever the clock is moved forward, once the schedule has read the
 * ledger up to the move ({@link #SCHEDULE_CATCH_UP}).
 * Each due entry is claimed with a lease (with a case's entry, the case's other due entries: one
 * check covers them), sent as {@link CheckDeadlines} (a case), {@link ExpireListing} (a list entry's term) or
 * {@link LiftEndedSanctions} (a list entry's sanctions whose term ended) under the system identity {@code system:deadlines},
 * then marked done; the aggregates record what passed unmet ({@code DecisionDeadlineMissed},
 * {@code DisclosureDeadlineMissed}, {@code DoublePublicityDeadlineMissed}), expire public records
 * and list entries and lift ended sanctions on the recording day. Replaces polling the read models.
 */
@Component
@ConditionalOnRole("command")
public class DeadlineRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRunner.class);

    private final DeadlineSchedule schedule;
    private final CommandGateway commands;
    private final LedgerClock clock;
    private final Clock wall = Clock.systemUTC();
    private final Duration lease;
    private final String owner = "runner-" + UUID.randomUUID();
    /** How many due entries one query of the schedule reads; each is then claimed and fired in turn. */
    static final int PAGE = 100;
    /** Whether the schedule has caught up with the ledger (on this node), so what it holds as due is still due. */
    private final BooleanSupplier scheduleCaughtUp;
    private final ExecutorService onMove = Executors.newSingleThreadExecutor(r -> new Thread(r, "deadlines-on-clock-move"));

    @Autowired
    public DeadlineRunner(DeadlineSchedule deadlineSchedule, CommandGateway commandGateway, LedgerClock ledgerClock,
                          @Value("${gongshi.deadlines.lease:PT1M}") Duration lease, EventProcessingConfiguration processing,
                          EventStore eventStore) {
        this(deadlineSchedule, commandGateway, ledgerClock, lease, () -> caughtUp(processing), () -> passedHeadOfNow(processing, eventStore));
    }

    DeadlineRunner(DeadlineSchedule deadlineSchedule, CommandGateway commandGateway, LedgerClock ledgerClock, Duration lease) {
        this(deadlineSchedule, commandGateway, ledgerClock, lease, () -> true);
    }

    DeadlineRunner(DeadlineSchedule deadlineSchedule, CommandGateway commandGateway, LedgerClock ledgerClock, Duration lease,
                   BooleanSupplier scheduleCaughtUp) {
        this(deadlineSchedule, commandGateway, ledgerClock, lease, scheduleCaughtUp, () -> scheduleCaughtUp);
    }

    DeadlineRunner(DeadlineSchedule deadlineSchedule, CommandGateway commandGateway, LedgerClock ledgerClock, Duration lease,
                   BooleanSupplier scheduleCaughtUp, Supplier<BooleanSupplier> scheduleAtHead) {
        this.scheduleCaughtUp = scheduleCaughtUp;
        this.scheduleAtHead = scheduleAtHead;
        this.schedule = deadlineSchedule;
        this.commands = commandGateway;
        this.clock = ledgerClock;
        this.lease = lease;
        // never on the caller's thread: POST /dev/clock runs on the event loop, and answers once this is done
        ledgerClock.onMoveSettled(moved -> {
            try {
                // the head as the clock moved (not as it will have grown), read on the runner's thread: the move runs on an
                // event loop, which must not wait for the event store
                return CompletableFuture.runAsync(() -> runOnMove(this.scheduleAtHead.get()), onMove);
            } catch (RejectedExecutionException closed) {
                return CompletableFuture.completedFuture(null); // shutting down
            }
        });
    }

    /**
     * Asked as the clock moves: whether this node's schedule has handled every event up to the ledger's head as it is then
     * (true where another node keeps it).
     */
    private final Supplier<BooleanSupplier> scheduleAtHead;

    /**
     * The longest a move of the clock waits for the schedule to handle the events before it ({@link #scheduleAtHead}), then
     * fires what fell due. Fired at once, a deadline of a case filed just before the move was not yet in the schedule: it
     * fired at the next poll, on whatever day the clock had reached by then (an audit moved it on weekly: misses recorded
     * weeks late, and some never, the case being disposed of first).
     */
    static final Duration SCHEDULE_CATCH_UP = Duration.ofSeconds(20);

    private void runOnMove(BooleanSupplier scheduleAtHead) {
        if (firedByCaller) return;
        long giveUp = System.nanoTime() + SCHEDULE_CATCH_UP.toNanos();
        while (!scheduleAtHead.getAsBoolean()) {
            if (closing) return;
            if (System.nanoTime() - giveUp >= 0) {
                log.warn("Deadlines: the schedule had not read the ledger up to the clock's move after {}; firing what it holds",
                        SCHEDULE_CATCH_UP);
                break;
            }
            try {
                Thread.sleep(20); // polling the processor's progress: it signals nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        run();
    }

    /** Whether every segment of this node's schedule processor has handled the ledger's newest event as it is now (none here: another node's). */
    private static BooleanSupplier passedHeadOfNow(EventProcessingConfiguration processing, EventStore eventStore) {
        var processor = processing.eventProcessor(DeadlineScheduling.PROCESSING_GROUP, StreamingEventProcessor.class);
        if (processor.isEmpty()) return () -> true;
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        return () -> {
            var segments = processor.get().processingStatus().values();
            return headPosition < 0 || !segments.isEmpty() && segments.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= headPosition);
        };
    }

    /** Set once a caller fires the due entries itself ({@link #fireDue()}) at moments of its choosing; guarded by nothing else. */
    private volatile boolean firedByCaller;

    /**
     * From now on only a call of {@link #fireDue()} fires: neither the poll nor a move of the clock does (the synthetic
     * generation fires at the end of each day it plays, in its own units of work).
     */
    public void fireOnlyWhenCalled() {
        firedByCaller = true;
    }

    @Scheduled(initialDelayString = "${gongshi.deadlines.initial-delay:PT5S}", fixedDelayString = "${gongshi.deadlines.poll:PT10S}")
    public void run() {
        if (firedByCaller) return;
        int fired = fireDue();
        if (fired > 0) log.info("Deadlines: {} due on the ledger's clock ({}) fired", fired, clock.instant());
    }

    /**
     * Whether this node's schedule processor has caught up with the ledger (true where another node runs it). While it
     * replays (a rebuild, a fresh read-model store) it holds entries whose deadline a later event already met or
     * recorded as missed: firing them would only send commands that change nothing (measured: 1,072 at the start
     * of a rebuild of a 2,500-event ledger, each a command competing with the replay).
     */
    private static boolean caughtUp(EventProcessingConfiguration processing) {
        return processing.eventProcessor(DeadlineScheduling.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp)) // none here: another node's
                .orElse(true);
    }

    /** Set as the application begins to close ({@link #stopFiring}); nothing fires after it. */
    private volatile boolean closing;

    /**
     * Stops firing as the application begins to close, before its command bus and processors stop (Spring publishes the
     * event before it stops any component): a poll that ran after the command bus had unsubscribed logged "No handler was
     * subscribed" for its deadline at shutdown (the entry fired again after its lease, at the next start). A firing under
     * way ends with the deadline it is sending; the rest wait for the next start.
     */
    @EventListener(ContextClosedEvent.class)
    public void stopFiring() {
        closing = true;
    }

    /** Fires every entry due now; returns how many commands succeeded. */
    public synchronized int fireDue() {
        int fired = 0;
        if (!scheduleCaughtUp.getAsBoolean()) return fired; // the next poll, or the clock's next move, fires them
        while (!closing) {
            List<String> page = schedule.claimable(clock.instant(), wall.instant(), PAGE);
            if (page.isEmpty()) return fired;
            for (String id : page) {
                if (closing) return fired;
                Instant ledgerNow = clock.instant(), wallNow = wall.instant();
                var claimed = schedule.claim(id, ledgerNow, wallNow, lease, owner);
                if (claimed.isEmpty()) continue; // another node's now, or fired with its case's earlier entry
                schedule.claimRestOfCase(claimed.get(), ledgerNow, wallNow, lease, owner);
                if (!fire(claimed.get())) return fired;
                fired++;
            }
        }
        return fired;
    }

    /** Sends the command {@code due} asks for and marks it done; false if the command failed (it fires again after its lease). */
    private boolean fire(DeadlineSchedule.Due due) {
        LocalDate dueDay = LocalDate.ofInstant(due.dueAt(), LedgerClock.LEGAL_ZONE); // the day after the deadline's last day
        Object command = switch (due.kind()) {
            case CASE -> new CheckDeadlines(due.target());
            case LISTING -> new ExpireListing(due.target(), dueDay.minusDays(1));
            case SANCTION -> new LiftEndedSanctions(due.target(), dueDay);
        };
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(MetadataKeys.ACTOR, Recording.DEADLINES)));
            schedule.done(due, owner);
            return true;
        } catch (RuntimeException e) {
            // the lease runs out and the entry is fired again, here or on another node
            log.warn("Deadline {} failed; it fires again after its lease: {}", due.id(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        closing = true;
        onMove.shutdownNow();
    }
}
