package org.gongshi.server.schedule;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.cases.command.CheckDeadlines;
import org.gongshi.ledger.listings.command.ExpireListing;
import org.gongshi.ledger.listings.command.LiftEndedSanctions;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.policy.Rulebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline mechanism fires each due entry exactly once across a cluster, on the ledger's clock,
 * and survives a node that dies holding an entry: two runners (two nodes) share one MongoDB.
 */
class DeadlineRunnerTest {

    private static final Instant T0 = Instant.parse("2026-02-01T01:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
    private final List<String> identities = new CopyOnWriteArrayList<>();
    /** The list-entry commands the nodes handled, with who sent them. */
    private final List<String> listingCommands = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("deadlines-test");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    /** A node: its own command bus (counting the checks it handles) and its own runner, on {@code clock}. */
    private DeadlineRunner node(LedgerClock clock, Duration lease) {
        return node(clock, lease, () -> true);
    }

    private DeadlineRunner node(LedgerClock clock, Duration lease, java.util.function.BooleanSupplier scheduleCaughtUp) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(CheckDeadlines.class.getName(), message -> {
            identities.add((String) message.getMetaData().get("actor"));
            fired.computeIfAbsent(((CheckDeadlines) message.getPayload()).caseId(), id -> new AtomicInteger()).incrementAndGet();
            return null;
        });
        bus.subscribe(ExpireListing.class.getName(), message -> {
            listingCommands.add(message.getPayload() + " by " + message.getMetaData().get("actor"));
            return null;
        });
        bus.subscribe(LiftEndedSanctions.class.getName(), message -> {
            listingCommands.add(message.getPayload() + " by " + message.getMetaData().get("actor"));
            return null;
        });
        return new DeadlineRunner(new DeadlineSchedule(database), DefaultCommandGateway.builder().commandBus(bus).build(), clock, lease,
                scheduleCaughtUp);
    }

    private static LedgerClock clockAt(Instant now) {
        return LedgerClock.settable(Clock.fixed(now, ZoneOffset.UTC), Duration.ZERO);
    }

    @Test
    void a_due_deadline_fires_once_when_two_runners_race() throws Exception {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        for (int i = 0; i < 200; i++) schedule.schedule(DeadlineSchedule.Kind.CASE, "case-" + i, T0.minusSeconds(i));
        LedgerClock clock = clockAt(T0);
        DeadlineRunner a = node(clock, Duration.ofMinutes(1));
        DeadlineRunner b = node(clock, Duration.ofMinutes(1));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<Integer> first = threads.submit(() -> { go.await(); return a.fireDue(); });
            Future<Integer> second = threads.submit(() -> { go.await(); return b.fireDue(); });
            go.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            threads.shutdownNow();
            a.close();
            b.close();
        }
        assertThat(fired).hasSize(200);
        assertThat(fired.values()).allSatisfy(count -> assertThat(count.get()).as("fired exactly once").isEqualTo(1));
        assertThat(identities).containsOnly(Recording.DEADLINES);
        assertThat(schedule.pending()).isZero();
    }

    /**
     * Many entries due at once (a restart after a rebuild: every past entry) are read a page at a time and claimed each by
     * its {@code _id}: a claim by the pending state read every pending entry (the embedded store serves the state, not
     * the due time), once per entry, so firing n entries read n²/2.
     */
    @Test
    void many_due_entries_are_read_a_page_at_a_time_and_each_claimed_by_its_id() throws Exception {
        List<org.bson.BsonDocument> commands = new CopyOnWriteArrayList<>();
        int entries = 3 * DeadlineRunner.PAGE + 7;
        try (MongoClient counted = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(server.getConnectionString()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        if (List.of("find", "findAndModify").contains(event.getCommandName())) commands.add(event.getCommand().clone());
                    }
                }).build())) {
            database = counted.getDatabase("deadlines-test");
            DeadlineSchedule schedule = new DeadlineSchedule(database);
            for (int i = 0; i < entries; i++) schedule.schedule(DeadlineSchedule.Kind.CASE, "case-" + i, T0.minusSeconds(i));
            DeadlineRunner runner = node(clockAt(T0), Duration.ofMinutes(1));
            try {
                assertThat(runner.fireDue()).isEqualTo(entries);
            } finally {
                runner.close();
            }
            assertThat(fired).hasSize(entries);
            assertThat(schedule.pending()).isZero();
        }
        long pages = commands.stream().filter(c -> c.containsKey("find")).count();
        List<org.bson.BsonDocument> claims = commands.stream().filter(c -> c.containsKey("findAndModify")).toList();
        assertThat(pages).as("queries of the due entries: a page of %d each, and the empty one", DeadlineRunner.PAGE).isEqualTo(5);
        assertThat(claims).hasSize(entries).allSatisfy(claim -> assertThat(claim.getDocument("query").toJson()).contains("\"_id\""));
    }

    /**
     * A case's entries due by now (a restart after a rebuild holds every past one) are fired as one check, which records
     * every deadline of the case that has passed; an entry not due yet, and a list entry's expiry, stay apart.
     */
    @Test
    void the_due_entries_of_one_case_are_fired_as_one_check() throws Exception {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        for (int days = 1; days <= 3; days++) {
            schedule.schedule(DeadlineSchedule.Kind.CASE, "case-1", T0.minus(Duration.ofDays(days)));
            schedule.schedule(DeadlineSchedule.Kind.CASE, "case-2", T0.minus(Duration.ofDays(days)).plusSeconds(60));
        }
        schedule.schedule(DeadlineSchedule.Kind.CASE, "case-1", T0.plus(Duration.ofDays(2)));
        LedgerClock clock = clockAt(T0);
        DeadlineRunner runner = node(clock, Duration.ofMinutes(1));
        try {
            assertThat(runner.fireDue()).isEqualTo(2);
            assertThat(fired.get("case-1")).as("three entries of case-1, one check").hasValue(1);
            assertThat(fired.get("case-2")).hasValue(1);
            assertThat(schedule.pending()).as("the entry due in two days").isEqualTo(1);

            clock.moveForwardTo(T0.plus(Duration.ofDays(3))); // fires what fell due, on the runner's own thread
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (fired.get("case-1").get() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            runner.fireDue(); // and whatever the move's run had not fired yet
            assertThat(fired.get("case-1")).hasValue(2);
            assertThat(schedule.pending()).isZero();
        } finally {
            runner.close();
        }
    }

    @Test
    void a_deadline_fires_on_the_ledger_clock_when_it_moves_forward() throws Exception {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        schedule.schedule(DeadlineSchedule.Kind.CASE, "case-spring-festival", Instant.parse("2026-03-16T16:00:00Z"));
        schedule.schedule(DeadlineSchedule.Kind.CASE, "case-spring-festival", Instant.parse("2026-03-16T16:00:00Z")); // a replay
        LedgerClock clock = clockAt(T0);
        DeadlineRunner runner = node(clock, Duration.ofMinutes(1));
        try {
            assertThat(runner.fireDue()).as("not due on the ledger's clock yet").isZero();
            clock.moveForwardTo(Instant.parse("2026-03-17T02:00:00Z"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!fired.containsKey("case-spring-festival") && System.nanoTime() < deadline) Thread.sleep(20);
        } finally {
            runner.close();
        }
        assertThat(fired.get("case-spring-festival")).as("fired by the move, once").hasValue(1);
        assertThat(schedule.pending()).isZero();
    }

    @Test
    void a_deadline_claimed_by_a_node_that_died_fires_again_after_its_lease() {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        schedule.schedule(DeadlineSchedule.Kind.CASE, "case-1", T0);
        Instant wall = Instant.now();
        // a node claims the entry and dies before marking it done
        assertThat(schedule.claim(T0, wall, Duration.ofSeconds(2), "node-that-died")).isPresent();
        DeadlineRunner survivor = node(clockAt(T0), Duration.ofSeconds(2));
        try {
            assertThat(survivor.fireDue()).as("the lease still runs").isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int firedNow = 0;
            while (firedNow == 0 && System.nanoTime() < deadline) firedNow = survivor.fireDue();
            assertThat(firedNow).isEqualTo(1);
        } finally {
            survivor.close();
        }
        assertThat(fired.get("case-1")).hasValue(1);
        assertThat(schedule.pending()).isZero();
    }

    @Test
    void nothing_fires_while_the_schedule_replays_the_ledger_and_everything_due_fires_once_it_has_caught_up() {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        for (int i = 0; i < 5; i++) schedule.schedule(DeadlineSchedule.Kind.CASE, "case-" + i, T0.minusSeconds(i));
        java.util.concurrent.atomic.AtomicBoolean caughtUp = new java.util.concurrent.atomic.AtomicBoolean(false);
        DeadlineRunner runner = node(clockAt(T0), Duration.ofMinutes(1), caughtUp::get);
        try {
            assertThat(runner.fireDue()).as("replaying: a later event may have met these deadlines").isZero();
            assertThat(fired).isEmpty();
            assertThat(schedule.pending()).isEqualTo(5);
            caughtUp.set(true);
            assertThat(runner.fireDue()).isEqualTo(5);
        } finally {
            runner.close();
        }
        assertThat(schedule.pending()).isZero();
    }

    @Test
    void nothing_fires_once_the_application_begins_to_close_before_its_command_bus_unsubscribes() {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        for (int i = 0; i < 3; i++) schedule.schedule(DeadlineSchedule.Kind.CASE, "case-" + i, T0.minusSeconds(i));
        DeadlineRunner runner = node(clockAt(T0), Duration.ofMinutes(1));
        try {
            runner.stopFiring();
            runner.run();
            assertThat(runner.fireDue()).isZero();
        } finally {
            runner.close();
        }
        assertThat(fired).as("no command sent while closing").isEmpty();
        assertThat(schedule.pending()).as("every entry waits for the next start").isEqualTo(3);
    }

    /**
     * A sanction applies to its last day ({@code until}); the schedule lifts it the next day on the ledger's clock
     * (Asia/Shanghai midnight), as it ends a list entry's term: {@link LiftEndedSanctions} under {@code system:deadlines},
     * once. Sanctions of one entry ending on the same day share an entry, a replay schedules nothing twice, and nothing
     * fires while the schedule replays the ledger.
     */
    @Test
    void a_sanction_s_until_date_fires_a_lift_of_the_entry_s_ended_sanctions_once_the_next_day() {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        DeadlineScheduling scheduling = new DeadlineScheduling(schedule, Rulebook.defaults());
        SanctionImposed keySupervision = sanction("listing-1/2", SanctionMeasure.KEY_SUPERVISION, "2026-06-30");
        scheduling.on(sanction("listing-1/1", SanctionMeasure.NO_AWARDS, "2026-06-30"), null, null);
        scheduling.on(keySupervision, null, null);
        scheduling.on(keySupervision, null, null); // a replay
        scheduling.on(sanction("listing-1/3", SanctionMeasure.FISCAL_PROJECT_REVIEW, "2026-09-30"), null, null);
        assertThat(schedule.pending()).as("one entry per listing and last day").isEqualTo(2);

        LedgerClock clock = clockAt(Instant.parse("2026-06-30T15:59:00Z")); // 23:59 on 06-30 in Shanghai: the last day still runs
        java.util.concurrent.atomic.AtomicBoolean caughtUp = new java.util.concurrent.atomic.AtomicBoolean(true);
        DeadlineRunner runner = node(clock, Duration.ofMinutes(1), caughtUp::get);
        try {
            assertThat(runner.fireDue()).isZero();
            clock.moveForwardTo(Instant.parse("2026-07-01T02:00:00Z"));
            runner.fireDue(); // and whatever the move's own run has not fired yet
            assertThat(listingCommands).containsExactly(new LiftEndedSanctions("listing-1", LocalDate.parse("2026-07-01")) + " by " + Recording.DEADLINES);
            assertThat(schedule.pending()).isEqualTo(1);

            caughtUp.set(false);
            clock.moveForwardTo(Instant.parse("2026-10-02T02:00:00Z"));
            assertThat(runner.fireDue()).as("replaying: a later event may have lifted it").isZero();
            assertThat(listingCommands).hasSize(1);
            caughtUp.set(true);
            runner.fireDue(); // (or the move's own run, if it comes late)
        } finally {
            runner.close();
        }
        assertThat(listingCommands).hasSize(2).last().isEqualTo(new LiftEndedSanctions("listing-1", LocalDate.parse("2026-10-01")) + " by " + Recording.DEADLINES);
        assertThat(schedule.pending()).isZero();
    }

    /**
     * An imported act's deadline is checked no sooner than a day (ledger clock) after it was recorded, so the import's next acts of
     * the same case come first (a law sweep from outside, stop 73); a live act's at the start of the day after its last day.
     */
    @Test
    void an_imported_acts_deadline_is_checked_a_day_after_its_recording_at_the_earliest() {
        org.gongshi.ledger.calendar.Deadline longPassed = new org.gongshi.ledger.calendar.Deadline(LocalDate.parse("2025-04-10"), false);
        Instant recorded = Instant.parse("2026-03-31T01:00:00Z");
        assertThat(DeadlineScheduling.checkAt(longPassed, "true", recorded)).isEqualTo(Instant.parse("2026-04-01T01:00:00Z"));
        assertThat(DeadlineScheduling.checkAt(longPassed, null, recorded)).isEqualTo(Instant.parse("2025-04-10T16:00:00Z"));
        org.gongshi.ledger.calendar.Deadline ahead = new org.gongshi.ledger.calendar.Deadline(LocalDate.parse("2026-06-01"), false);
        assertThat(DeadlineScheduling.checkAt(ahead, "true", recorded)).as("still ahead: at its own time")
                .isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));
    }

    /**
     * A sweep from outside, stop 76: an imported return was checked at once (the import's later decision and publication
     * recorded missed, its record expired before the import's credit repair), and an imported entry whose term had ended, or
     * its sanctions, were ended within seconds (the import's own removal then refused). Each is checked a day on, as every
     * imported act; a live return at once.
     */
    @Test
    void an_imported_return_list_entry_and_sanction_are_checked_a_day_after_their_recording() {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        DeadlineScheduling scheduling = new DeadlineScheduling(schedule, Rulebook.defaults());
        Instant recorded = Instant.parse("2026-03-02T01:00:00Z");
        scheduling.on(new org.gongshi.ledger.cases.event.TransferReturned("case-imported", LocalDate.parse("2019-06-03"), "不构成犯罪"), "true", recorded);
        org.gongshi.ledger.calendar.Deadline ended = new org.gongshi.ledger.calendar.Deadline(LocalDate.parse("2021-01-16"), false);
        scheduling.on(new org.gongshi.ledger.listings.event.ListingAdded("listing-imported", "91110000600037341L", "110105",
                org.gongshi.ledger.listings.event.ListType.SEVERE_DISHONESTY, org.gongshi.ledger.listings.event.ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                new org.gongshi.ledger.listings.event.Subject("北京示例商贸有限公司", "91110000600037341L"), List.of("case-imported"), "理由",
                LocalDate.parse("2020-01-16"), ended, ended, ended, true, "CN-2026.1"), "true", recorded);
        scheduling.on(new SanctionImposed("listing-imported", "listing-imported/1", "91110000600037341L", SanctionMeasure.NO_AWARDS,
                SanctionMeasure.NO_AWARDS.defaultScope(), LocalDate.parse("2020-01-16"), LocalDate.parse("2021-01-16"), "CN-2026.1"), "true", recorded);
        Instant wall = Instant.now().plus(Duration.ofDays(1));
        assertThat(schedule.claimable(recorded.plus(Duration.ofHours(23)), wall, 10)).as("not within the import's day").isEmpty();
        assertThat(schedule.claimable(recorded.plus(Duration.ofDays(1)), wall, 10)).hasSize(3);

        scheduling.on(new org.gongshi.ledger.cases.event.TransferReturned("case-live", LocalDate.parse("2026-03-02"), "不构成犯罪"), null, recorded);
        assertThat(schedule.claimable(recorded, wall, 10)).as("a live return: at once").hasSize(1);
    }

    /**
     * A provisional decision deadline is checked on its next day and on each of the 10 days after it: the case counts it again
     * under the notice loaded since, which may move its last day past a holiday (DOMAIN.md: provisional "until the notice is loaded").
     */
    @Test
    void a_provisional_decision_deadline_is_checked_each_day_it_may_fall_on_once_its_notice_is_loaded() {
        DeadlineSchedule schedule = new DeadlineSchedule(database);
        DeadlineScheduling scheduling = new DeadlineScheduling(schedule, Rulebook.defaults());
        scheduling.on(filed("case-final", new org.gongshi.ledger.calendar.Deadline(LocalDate.parse("2026-06-01"), false)), null,
                Instant.parse("2026-03-02T02:00:00Z"));
        assertThat(schedule.pending()).isEqualTo(1);
        scheduling.on(filed("case-provisional", new org.gongshi.ledger.calendar.Deadline(LocalDate.parse("2027-01-01"), true)), null,
                Instant.parse("2026-10-02T02:00:00Z"));
        assertThat(schedule.pending()).isEqualTo(1 + 1 + DeadlineScheduling.PROVISIONAL_RECHECK_DAYS);

        DeadlineRunner runner = node(clockAt(Instant.parse("2027-01-11T02:00:00Z")), Duration.ofMinutes(1));
        try {
            runner.fireDue();
        } finally {
            runner.close();
        }
        assertThat(fired.get("case-provisional")).as("due entries of one case fire as one check").hasValue(1);
        assertThat(schedule.pending()).as("the check of 01-12 is still to come").isEqualTo(1);
    }

    private static org.gongshi.ledger.cases.event.CaseFiled filed(String caseId, org.gongshi.ledger.calendar.Deadline deadline) {
        return new org.gongshi.ledger.cases.event.CaseFiled(caseId, "91110000600037341L", "北京市朝阳区市场监督管理局", "110105",
                deadline.dueOn().minusDays(90), org.gongshi.ledger.vocabulary.IpType.TRADEMARK, "销售侵权商品",
                org.gongshi.ledger.vocabulary.Procedure.ORDINARY, "投诉", new org.gongshi.ledger.vocabulary.Party(
                        org.gongshi.ledger.vocabulary.PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, null),
                deadline, deadline.dueOn().plusDays(90), "CN-2026.1");
    }

    private static SanctionImposed sanction(String sanctionId, SanctionMeasure measure, String until) {
        return new SanctionImposed("listing-1", sanctionId, "91110000600037341L", measure, measure.defaultScope(), LocalDate.parse("2026-04-15"),
                LocalDate.parse(until), "CN-2026.1");
    }
}
