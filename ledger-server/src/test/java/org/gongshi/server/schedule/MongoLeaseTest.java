package org.gongshi.server.schedule;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.gongshi.ledger.calendar.LedgerClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** One node at a time holds a lease; the holder writes it once per half lease, not on every run. */
class MongoLeaseTest {

    static final Duration TTL = Duration.ofSeconds(30);
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoDatabase database;
    /** Commands the server answered with an error (the embedded server logs each one as an ERROR). */
    final List<String> failed = new CopyOnWriteArrayList<>();
    /** A clock moved by hand (the ledger's settable clock, here standing for wall time). */
    final LedgerClock wall = LedgerClock.settable(Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO);

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandFailed(CommandFailedEvent event) {
                        failed.add(event.getCommandName() + ": " + event.getThrowable().getMessage());
                    }
                }).build());
        database = client.getDatabase("leases-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void one_node_holds_the_lease_renewing_it_once_half_has_passed_and_another_takes_it_only_once_it_has_run_out() {
        MongoLease a = new MongoLease(database, "signer", TTL, wall);
        MongoLease b = new MongoLease(database, "signer", TTL, wall);

        assertThat(a.hold()).isTrue();
        assertThat(b.hold()).isFalse();
        assertThat(until()).isEqualTo(T0.plus(TTL));

        wall.moveForwardTo(wall.instant().plus(Duration.ofSeconds(14)));
        assertThat(a.hold()).as("within the first half: held, nothing written").isTrue();
        assertThat(until()).isEqualTo(T0.plus(TTL));
        assertThat(b.hold()).isFalse();

        wall.moveForwardTo(wall.instant().plus(Duration.ofSeconds(2))); // 16 s: past half
        assertThat(a.hold()).isTrue();
        assertThat(until()).as("renewed").isEqualTo(T0.plusSeconds(16).plus(TTL));

        wall.moveForwardTo(wall.instant().plus(TTL)); // a stopped renewing (a node died): the lease ran out
        assertThat(b.hold()).isTrue();
        assertThat(a.hold()).as("a learns it lost the lease as soon as its own half has passed").isFalse();

        assertThat(failed).as("a node that finds the lease held asks without an error").isEmpty();

        b.release();
        assertThat(database.getCollection("leases").countDocuments()).isZero();
        assertThat(a.hold()).as("released: taken at once").isTrue();
    }

    private Instant until() {
        Document lease = database.getCollection("leases").find(new Document("_id", "signer")).first();
        return ((Date) lease.get("until")).toInstant();
    }
}
