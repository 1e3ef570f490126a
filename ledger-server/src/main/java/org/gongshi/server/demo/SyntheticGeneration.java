package org.gongshi.server.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.cases.command.CloseCase;
import org.gongshi.ledger.cases.command.DecideNoPenalty;
import org.gongshi.ledger.cases.command.DecidePenalty;
import org.gongshi.ledger.cases.command.FileCase;
import org.gongshi.ledger.cases.command.RecordExecution;
import org.gongshi.ledger.cases.command.ReviseDecision;
import org.gongshi.ledger.cases.command.ServeDecision;
import org.gongshi.ledger.cases.command.ServePenaltyNotice;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.disclosure.command.CorrectDisclosure;
import org.gongshi.ledger.disclosure.command.DecideDisclosure;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.WithholdingGround;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.Sanction;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.listings.ListingBasisWatch;
import org.gongshi.server.roles.ConditionalOnRole;
import org.gongshi.server.schedule.DeadlineRunner;
import org.gongshi.server.schedule.DeadlineScheduling;
import org.gongshi.synthetic.SyntheticLedger;
import org.gongshi.synthetic.SyntheticLedger.CasePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code java -jar ledger-server.jar generate --cases N}: writes the {@link SyntheticLedger} of N cases through the
 * ledger's own aggregates in this process, the command path a bureau's request takes after the API (the command
 * gateway, the aggregates' rules, the event store and its serializer), so a ledger of a million cases can be built
 * where the HTTP API would take days. The calendar is played as the bench plays it: the clock moved to each day that has
 * acts, then that day's acts, each case's in order, so every act is recorded on its legal date.
 *
 * <p>What differs from the API path, and why: {@value #THREADS} writers play a day's cases at once
 * ({@code gongshi.generate.threads}), each running {@value #BATCH} commands to a unit of work ({@code gongshi.generate.batch}:
 * each command still its own nested unit of work, their events appended together, one transaction and one file write a
 * batch instead of one a command); the aggregates are kept in memory between commands ({@link #KEPT_AGGREGATES}); and the
 * read models are not written meanwhile: they are built when the ledger next starts with them (every projection from the
 * first event, as a rebuild). The process manager that removes a listing whose basis is revoked runs meanwhile as it does
 * beside the API, and so does the schedule of deadlines: at the end of each played day, once the schedule has read every
 * event, what fell due fires ({@link DeadlineRunner}), as when the clock moves on a running ledger. With
 * {@code gongshi.generate.deadlines=false} nothing fires: the ledger schedules and fires them when it next starts (a storm
 * of commands, most changing nothing). An act the ledger refuses stops the generation, naming the act and the rule: the
 * plans are made to be accepted.
 */
@Component
@ConditionalOnRole("command")
@ConditionalOnProperty(name = "gongshi.generate.cases")
public class SyntheticGeneration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticGeneration.class);

    /** The process manager's processor (Axon names a saga's after its class): it runs beside the generation. */
    static final String PROCESS_MANAGER = ListingBasisWatch.class.getSimpleName() + "Processor";

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final LedgerClock clock;
    private final DeadlineRunner deadlines;
    private final int cases;
    private final long seed;
    private final boolean fireDeadlines;
    private final int batchSize;
    private final int threads;

    public SyntheticGeneration(CommandGateway gateway, EventStore eventStore, EventProcessingConfiguration processing,
                               TransactionManager transactions, LedgerClock ledgerClock, DeadlineRunner deadlineRunner,
                               @Value("${gongshi.generate.cases}") int cases, @Value("${gongshi.generate.seed:1}") long seed,
                               @Value("${gongshi.generate.deadlines:true}") boolean fireDeadlines,
                               @Value("${gongshi.generate.batch:" + BATCH + "}") int batchSize,
                               @Value("${gongshi.generate.threads:" + THREADS + "}") int threads) {
        if (cases < 1 || cases > MOST_CASES) {
            throw new IllegalArgumentException("gongshi.generate.cases is " + cases + ": generate 1 to " + MOST_CASES + " cases");
        }
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.processing = processing;
        this.transactions = transactions;
        this.clock = ledgerClock;
        this.deadlines = deadlineRunner;
        this.cases = cases;
        this.seed = seed;
        this.fireDeadlines = fireDeadlines;
        if (batchSize < 1 || batchSize > 100_000) throw new IllegalArgumentException("gongshi.generate.batch is " + batchSize + ": 1 to 100000");
        this.batchSize = batchSize;
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("gongshi.generate.threads is " + threads + ": 1 to 64");
        this.threads = threads;
    }

    /** Writers at once by default: one writes while another waits for the file to hold its batch. */
    static final int THREADS = 2;

    /**
     * Commands a unit of work by default (one transaction, one append, one file write each). Fewer commits write less, but
     * Axon looks through the batch's staged events each time it loads an aggregate the cache does not hold (a new decision
     * number's or list entry's slot), comparing each with every other: its cost grows with the square of the batch.
     */
    static final int BATCH = 250;

    /** The most cases one generation writes (a plan's index is an int, its acts a byte of it in the agenda). */
    static final int MOST_CASES = 10_000_000;

    /** What one generation wrote. */
    public record Generated(int cases, long commands, long events, double seconds, int days) {
        String line() {
            return String.format(java.util.Locale.ROOT, "generated: %d cases, %d commands, %d events in %.1f s over %d ledger days"
                    + " (%.0f commands/s, %.0f events/s)", cases, commands, events, seconds, days, commands / seconds, events / seconds);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        Generated generated = generate();
        // the last line of the tool's output: the harness reads it
        System.out.println(generated.line());
    }

    Generated generate() {
        if (!clock.settable()) throw new IllegalStateException("the ledger runs on the system clock: generation plays its calendar"
                + " and needs the settable clock of the embedded default (gongshi.clock.start)");
        if (head() > 0) throw new IllegalStateException("the event store already holds " + head() + " events: generate into an empty"
                + " data directory (gongshi.data-dir)");
        // the projections of this role write nothing now; the ledger builds them from the first event when it next starts
        processing.eventProcessors().forEach((name, processor) -> {
            if (!name.equals(PROCESS_MANAGER) && !(fireDeadlines && name.equals(DeadlineScheduling.PROCESSING_GROUP))) processor.shutDown();
        });
        deadlines.fireOnlyWhenCalled();
        SyntheticLedger ledger = new SyntheticLedger(seed, cases);
        TreeMap<LocalDate, int[]> agenda = agenda(ledger);
        long start = System.nanoTime(), lastReport = start, commands = 0;
        int day = 0;
        ExecutorService writers = Executors.newFixedThreadPool(threads, r -> new Thread(r, "generation-" + COUNTER.incrementAndGet()));
        try {
        for (Map.Entry<LocalDate, int[]> due : agenda.entrySet()) {
            Instant morning = SyntheticLedger.morningOf(due.getKey()).toInstant();
            if (clock.instant().isBefore(morning)) clock.moveForwardTo(morning);
            commands += playDay(ledger, due.getValue(), writers);
            if (revisedToday.getAndSet(false)) awaitProcessManager();
            if (fireDeadlines) commands += fireDue();
            day++;
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                double seconds = (lastReport - start) / 1e9;
                log.info("Generation: {} of {} ledger days played ({}), {} commands, {} commands/s", day, agenda.size(), due.getKey(),
                        commands, Math.round(commands / seconds));
            }
        }
        } finally {
            writers.shutdownNow();
        }
        if (fireDeadlines) commands += fireDue();
        long events = head();
        return new Generated(cases, commands, events, (System.nanoTime() - start) / 1e9, agenda.size());
    }

    /**
     * Every act of every plan by its day, each an int: the case's index times {@link #ACTS} plus the act's number; within a
     * day the cases in index order and each case's acts in their order (a case's acts of one day run in that order).
     */
    private TreeMap<LocalDate, int[]> agenda(SyntheticLedger ledger) {
        TreeMap<LocalDate, IntList> days = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            CasePlan plan = ledger.plan(i);
            List<Act> acts = acts(plan);
            for (int a = 0; a < acts.size(); a++) days.computeIfAbsent(acts.get(a).on(), d -> new IntList()).add(i * ACTS + a);
        }
        TreeMap<LocalDate, int[]> agenda = new TreeMap<>();
        days.forEach((d, list) -> agenda.put(d, list.toArray()));
        return agenda;
    }

    /** How many acts a plan may have at most (the factor of its index in the agenda's ints). */
    static final int ACTS = 16;

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Runs a day's acts on {@code threads} writers at once, the cases shared out by index (each case's acts on one writer, in
     * their order; no two cases share an aggregate), each writer's in batches; answers how many commands ran.
     */
    private int playDay(SyntheticLedger ledger, int[] acts, ExecutorService writers) {
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int writer = w;
            int[] mine = Arrays.stream(acts).filter(act -> act / ACTS % threads == writer).toArray();
            done.add(writers.submit(() -> {
                int played = 0;
                for (int from = 0; from < mine.length; from += batchSize) {
                    played += play(ledger, Arrays.copyOfRange(mine, from, Math.min(mine.length, from + batchSize)));
                }
                return played;
            }));
        }
        int played = 0;
        try {
            for (Future<Integer> writer : done) played += writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            done.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return played;
    }

    /** Runs one batch of acts in one unit of work; answers how many commands ran. */
    private int play(SyntheticLedger ledger, int[] acts) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        int played = 0;
        try {
            for (int act : acts) {
                CasePlan plan = ledger.plan(act / ACTS);
                Act a = acts(plan).get(act % ACTS);
                try {
                    gateway.sendAndWait(GenericCommandMessage.asCommandMessage(a.command())
                            .andMetaData(Map.of(MetadataKeys.BUREAU, plan.bureau().uscc(), MetadataKeys.ACTOR, ACTOR)));
                } catch (RuntimeException refused) {
                    throw new IllegalStateException("case " + plan.index() + ": the ledger refused " + a.command().getClass().getSimpleName()
                            + " on " + a.on() + ": " + refused.getMessage(), refused);
                }
                if (a.command() instanceof ReviseDecision) revisedToday.set(true);
                played++;
            }
            batch.commit();
        } catch (RuntimeException e) {
            if (batch.isActive()) batch.rollback(e);
            throw e;
        }
        return played;
    }

    /**
     * Fires every deadline due on the ledger's clock, as the ledger does when its clock moves ({@link DeadlineRunner}): once
     * the schedule (a projection) has read every event appended so far, in units of work of their own batch. Answers the
     * commands sent.
     */
    private int fireDue() {
        StreamingEventProcessor schedule = processing.eventProcessor(DeadlineScheduling.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + DeadlineScheduling.PROCESSING_GROUP + " processor"));
        int fired = 0;
        while (true) {
            long head = head();
            awaitPosition(schedule, head);
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            batch.attachTransaction(transactions);
            int now;
            try {
                now = deadlines.fireDue();
                batch.commit();
            } catch (RuntimeException e) {
                if (batch.isActive()) batch.rollback(e);
                throw e;
            }
            if (now == 0) return fired;
            fired += now;
        }
    }

    /** Whether a decision was revised on the day being played: the process manager may then remove listings resting on it. */
    private final java.util.concurrent.atomic.AtomicBoolean revisedToday = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Waits until the process manager ({@link ListingBasisWatch}) has handled every event so far, the events of the removals
     * it asked for included: a revoked basis removes its listings on the day of the revocation, as through the API, and the
     * same plans give the same ledger (without it, two 150,000-case runs made 84 and 93 removals, as far as the process
     * manager happened to lag behind the writers).
     */
    private void awaitProcessManager() {
        StreamingEventProcessor watch = processing.eventProcessor(PROCESS_MANAGER, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + PROCESS_MANAGER));
        long head;
        do {
            head = head();
            awaitPosition(watch, head);
        } while (head() != head);
    }

    /** Waits until every segment of {@code processor} has handled the event at {@code position}. */
    private static void awaitPosition(StreamingEventProcessor processor, long position) {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (!processor.processingStatus().values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= position)
                || processor.processingStatus().isEmpty()) {
            if (System.nanoTime() > giveUp) throw new IllegalStateException(processor.getName() + " did not reach " + position + " in 10 minutes");
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** Who the generated acts name as their officer (the audit history shows it). */
    static final String ACTOR = "synthetic-generator";

    /** One act of a plan: its legal day and the command that records it. */
    record Act(LocalDate on, Object command) {}

    /** The acts of a plan in order, the same acts the harness sends through the API (its Lifecycle), as commands. */
    List<Act> acts(CasePlan c) {
        String caseId = id(c, "case"), decisionId = id(c, "decision"), listingId = id(c, "listing");
        SyntheticLedger.Bureau bureau = c.bureau();
        List<Act> acts = new ArrayList<>();
        SyntheticLedger.Subject subject = c.subject();
        Party party = new Party(subject.kind(), subject.name(), subject.uscc(), subject.idNumber(), subject.representative());
        acts.add(new Act(c.filedOn(), new FileCase(caseId, bureau.uscc(), bureau.name(), bureau.division(), c.filedOn(),
                IpType.valueOf(c.ipType()), c.violationType(), c.ordinary() ? Procedure.ORDINARY : Procedure.SIMPLE, "日常检查", party)));
        if (!c.decided()) return acts;
        List<Penalty> penalties = List.of(new Penalty(PenaltyType.FINE, BigDecimal.valueOf(c.fine()), null, null));
        if (c.penalty()) acts.add(new Act(c.noticeOn(), new ServePenaltyNotice(caseId, c.noticeOn(), penalties, c.hearingRight(), true)));
        acts.add(new Act(c.decidedOn(), c.penalty()
                ? new DecidePenalty(caseId, decisionId, c.decisionNumber(), c.decidedOn(), penalties, c.legalBasis(), c.facts())
                : new DecideNoPenalty(caseId, decisionId, c.decisionNumber(), c.decidedOn(), c.legalBasis(), c.facts())));
        if (c.ordinary() && c.penalty()) acts.add(new Act(c.decidedOn(), c.withhold()
                ? new DecideDisclosure(caseId, DisclosureAction.WITHHOLD, null, WithholdingGround.OTHER_LAW, "法律、行政法规另有规定", null)
                : new DecideDisclosure(caseId, DisclosureAction.PUBLISH, null, null, null, null)));
        if (c.correct()) acts.add(new Act(c.laterOn(1), new CorrectDisclosure(caseId, c.laterOn(1), "更正事实描述中的笔误", null,
                c.facts() + "（已更正）", null, null, null)));
        if (c.list()) {
            acts.add(new Act(c.listingProposedOn(), new ProposeListing(listingId, bureau.uscc(), bureau.division(), ListType.SEVERE_DISHONESTY,
                    ListingCategory.REFUSAL_TO_PERFORM, new Subject(c.subject().name(), c.subject().uscc()), List.of(caseId),
                    "拒不履行行政处罚决定", c.listingProposedOn())));
            acts.add(new Act(c.listingDecidedOn(), new DecideListing(listingId, c.listingDecidedOn(), true,
                    List.of(new Sanction(null, SanctionMeasure.KEY_SUPERVISION, null, null)), null, null)));
        }
        if (c.execute()) {
            acts.add(new Act(c.laterOn(5), new ServeDecision(caseId, c.laterOn(5), "直接送达")));
            acts.add(new Act(c.laterOn(20), new RecordExecution(caseId, c.laterOn(20), BigDecimal.valueOf(c.fine()), "银行转账")));
            acts.add(new Act(c.laterOn(30), new CloseCase(caseId, c.laterOn(30), "罚款已缴清，结案")));
        }
        if (c.revoke()) acts.add(new Act(c.laterOn(40), new ReviseDecision(caseId, RevisionKind.REVOKED, RevisionBy.RECONSIDERATION,
                "复议决定〔" + c.filedOn().getYear() + "〕" + c.index() + "号", c.laterOn(40), "复议机关认为事实不清，撤销原处罚决定", List.of())));
        if (acts.size() > ACTS) throw new IllegalStateException("a plan of " + acts.size() + " acts; at most " + ACTS);
        return acts;
    }

    /** A case's, decision's or listing's id: the same plan (seed and index) gives the same ids. */
    private String id(CasePlan c, String what) {
        return UUID.nameUUIDFromBytes(("gongshi-synthetic:" + seed + ":" + c.index() + ":" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The event store's head position, as the health details show it: the embedded store numbers its events from 1, gap-free. */
    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * How many aggregates the generation keeps in memory between commands ({@code gongshi.embedded.kept-aggregates}, set by
     * {@code generate}): more than the cases under way at once in a ledger of a million. Loaded from the store inside a batch
     * of thousands of commands, each aggregate made Axon search the batch's staged events (measured: 60 % of the
     * generation's time at 100,000 cases).
     */
    public static final int KEPT_AGGREGATES = 400_000;

    /** A growable int array (the agenda of a million cases holds some six million acts). */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
