package org.gongshi.server.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.gongshi.projections.privacy.SubjectKeys;
import org.gongshi.server.roles.RoleConfigurations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: everything in one JVM with nothing to install. Axon's own
 * {@link JdbcEventStorageEngine} on an H2 file database (every commit written and forced to the disk before it is
 * acknowledged), and mongo-java-server with its on-disk H2 backend, bound to 127.0.0.1 and requiring
 * the credentials generated into the data directory, for read models and processor tokens. Data lives under {@code gongshi.data-dir} (default {@code ./data}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!distributed")
public class EmbeddedStorage {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStorage.class);

    private final Path dataDir;

    public EmbeddedStorage(@Value("${gongshi.data-dir}") String dataDir) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            for (String store : DataDirectory.STORES) ownerOnly(Files.createDirectories(this.dataDir.resolve(store)));
            if (DataDirectory.othersMayWrite(this.dataDir)) {
                log.warn("Others than its owner may write to the data directory {}: they could put a token key or signing key of"
                        + " their own in place, or move the ledger's clock. Make it the owner's alone (chmod 700).", this.dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + this.dataDir, e);
        }
    }

    /**
     * The stores' directories are the owner's alone: the read-model store holds the data subjects' keys and the event store
     * their sealed data, so another local user who could read the files could read what a deleted key was meant to make
     * unreadable (a sweep from outside, stop 72: both were world-readable under umask 022, beside the owner-only credentials).
     * The data directory itself is left as it is: it may be one the operator shares.
     */
    static Path ownerOnly(Path directory) throws IOException {
        if (Files.getFileStore(directory).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(directory, DataDirectory.OWNER_ONLY);
        }
        return directory;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource eventStoreDataSource() {
        HikariConfig config = new HikariConfig();
        // WRITE_DELAY: H2's own writer stores committed changes at most this often; a command does not wait for it but
        // writes the store itself after its transaction and before it is acknowledged, and one such write serves every
        // command committed by then (group commit, CommitOrderedEventStorageEngine). With WRITE_DELAY=0 every
        // transaction wrote the file inside the append lock, one by one.
        // Space reuse (H2's default): a commit may be written into space older versions freed, so the file holds the live
        // events and 45 s of commits, not every commit since the last clean stop. Recovery after a SIGKILL found such a
        // commit only once the file's header named it, so every durable write points the header at its chunk
        // (StoreHeader): without that, acknowledged events were lost (2 of 62,228 commits after a minute of concurrent
        // appends, 2026-11-29; 2 of 30 kill rounds of a bare H2 loop, 2026-12-03, and 0 of 30 with the header), and the
        // ledger ran with REUSE_SPACE=FALSE, its file growing until a clean stop (3.6 KB per event after load).
        // RETENTION_TIME=2000: H2 keeps a chunk 45 s by default before it writes over it, "assuming the file system flushes
        // within that time"; the ledger forces the file to the disk at every durable write (StoreHeader), so a chunk freed
        // 2 s ago is not needed by anything a crash or a power loss could fall back to, and the file holds the live events
        // and 2 s of commits: 1.1-1.7 KB per event at 3,000 cases where 45 s left 2.4-3.0 KB (issue 13, stop 44).
        // PAGE_SIZE=2048: every commit writes the changed page of each of the table's maps (rows, primary key,
        // two unique indexes) whole; with H2's default split size a commit of one event took about 55 KB of
        // file, with 2 KB pages about 23 KB (measured 2026-11-30 on Axon's table shape, 3,000 one-event
        // commits; 1 KB pages gave 20 KB and slower appends). The floor is H2's per-commit metadata.
        config.setJdbcUrl(eventStoreUrl(dataDir.resolve("eventstore").resolve("ledger")));
        config.setUsername("gongshi");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setPoolName("event-store");
        HikariDataSource pool = new HikariDataSource(config);
        if (LastRun.leftItsMarker(dataDir)) {
            // the last run did not stop cleanly: before anything reads or appends, clear what its open transactions left; a long
            // read on a large ledger (about 3 s at 560,000 events), said before it begins, so a slow start is explained
            log.info("The last run did not stop cleanly: reading the event store's indexes for values its open transactions left");
            try (java.sql.Connection first = pool.getConnection()) {
                UnfinishedWrites.clear(first);
            } catch (java.sql.SQLException | RuntimeException e) {
                pool.close();
                throw new IllegalStateException("cannot clear what the last run's open transactions left in the event store", e);
            }
        }
        return pool;
    }

    /** The JDBC URL of the event store's H2 file {@code file} (without {@code .mv.db}), with the settings above. */
    static String eventStoreUrl(Path file) {
        return "jdbc:h2:" + interruptSafe(file) + ";WRITE_DELAY=" + EVENT_STORE_WRITE_DELAY_MS + ";PAGE_SIZE=" + EVENT_STORE_PAGE_SIZE
                + ";RETENTION_TIME=" + EVENT_STORE_RETENTION_MS + ";MAX_COMPACT_TIME=" + EVENT_STORE_CLOSE_COMPACTION_MS + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The name under which H2 opens {@code file} for the ledger: through H2's {@code retry:} file system, which reopens
     * the file's channel when a thread using it was interrupted. Java closes a file channel whenever a thread blocked on
     * it is interrupted, and Reactor interrupts the {@code boundedElastic} thread of every request it cancels (a client
     * that hangs up): on H2's plain file system every later read of a page not cached and every write of the store
     * failed, for every connection, until a restart (an append was then refused, a clean stop could not write what the
     * store held; issue 13, stop 47). Every H2 file of the embedded default is opened through this.
     */
    static String interruptSafe(Path file) {
        return "retry:" + file.toAbsolutePath();
    }

    /** The embedded MongoDB server's event-loop threads, see {@link #embeddedMongoServer}. */
    static final int MONGO_WORKER_THREADS = 16;

    /** H2's page split size for the event store (bytes), see {@link #eventStoreDataSource()}. */
    static final int EVENT_STORE_PAGE_SIZE = 2048;

    /** How long H2 keeps a chunk before it may write over it once it holds nothing live (ms), see {@link #eventStoreDataSource()}. */
    static final int EVENT_STORE_RETENTION_MS = 2000;

    /**
     * How long a clean stop may compact the event store's file (ms; H2's default 200): a generated ledger of 3,000 cases was
     * left at 1.1-2.4 KB per event after 200 ms, and 2 s compacted the same file to 0.9 KB (issue 13, stops 43 and 44).
     */
    static final int EVENT_STORE_CLOSE_COMPACTION_MS = 2000;

    /** How often H2's background writer stores what commands have not stored themselves (ms), see {@link #eventStoreDataSource()}. */
    static final int EVENT_STORE_WRITE_DELAY_MS = 1000;

    /** Says at the start whether the last run on the data directory stopped cleanly, once this process holds it. */
    @Bean(destroyMethod = "close")
    LastRun lastRun(DataSource eventStoreDataSource) throws java.sql.SQLException {
        try (java.sql.Connection holding = eventStoreDataSource.getConnection()) {
            return LastRun.begin(dataDir);
        }
    }

    @Bean
    PlatformTransactionManager eventStoreTransactions(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * The event store over the JDBC engine. Processors at the head share Axon's in-memory cache of
     * recent events ("optimize event consumption"); that is safe because appends commit in global
     * index order ({@link CommitOrderedEventStorageEngine}), so no event appears behind one already
     * read. Every append is made in this JVM and wakes the store's producer once it is in the file
     * (the engine's write runs in an earlier after-commit step than the store's wake-up, and a wake-up
     * during a fetch is kept for the next wait), so {@code fetchDelay} (the look at the table when
     * nothing new came) costs no latency, only idle work: at Axon's default second that look was about
     * 1 % of a core at rest (issue 13), so it looks every {@value #FETCH_DELAY_MS} ms.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine) {
        return EmbeddedEventStore.builder().storageEngine(eventStorageEngine)
                .fetchDelay(FETCH_DELAY_MS)
                .build();
    }

    /** How long the event store's producer waits for a wake-up before it looks at the table anyway. */
    static final long FETCH_DELAY_MS = 10_000;

    /** The append holding the event store now, said by health ({@link AppendInProgress}). */
    @Bean
    AppendInProgress appendInProgress(EventStorageEngine eventStorageEngine) {
        return ((CommitOrderedEventStorageEngine) eventStorageEngine)::current;
    }

    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager axonTransactionManager,
                                          @Qualifier("serializer") Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ObjectProvider<SubjectKeys> subjectKeys) {
        PersistenceExceptionResolver duplicates = EmbeddedStorage::isDuplicateKey;
        CommitOrderedEventStorageEngine engine = new CommitOrderedEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(PooledConnections.of(dataSource))
                .transactionManager(axonTransactionManager)
                .persistenceExceptionResolver(duplicates)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter()));
        engine.createSchema(H2EventTableFactory.INSTANCE);
        // events the processors share were deserialized with personal data in clear: a deleted key makes them read again
        subjectKeys.ifAvailable(keys -> keys.onDelete(engine::forgetRecentlyRead));
        return engine;
    }

    /**
     * The aggregates kept between commands, the {@code gongshi.embedded.kept-aggregates} used last (10,000 by default: a
     * bureau's acts on a case in a row, and the cases under way in a busy hour): this JVM is its event store's only writer,
     * so a kept aggregate is never behind its events (the distributed profile keeps none: another node may have moved it
     * on). A deleted data-subject key empties it, as it empties the store's shared reads: a kept aggregate holds the
     * subject's data as read before.
     */
    @Bean(RoleConfigurations.AGGREGATE_CACHE)
    KeptAggregates aggregateCache(@Value("${gongshi.embedded.kept-aggregates:10000}") int kept, ObjectProvider<SubjectKeys> subjectKeys) {
        KeptAggregates aggregates = new KeptAggregates(kept);
        subjectKeys.ifAvailable(keys -> keys.onDelete(aggregates::removeAll));
        return aggregates;
    }

    /** The credentials of the embedded MongoDB, generated once into the data directory (owner-only). */
    @Bean
    MongoCredentials embeddedMongoCredentials() {
        return MongoCredentials.inDataDir(dataDir);
    }

    /**
     * mongo-java-server on loopback only. Its store is crash-consistent (see
     * {@link CrashConsistentH2Backend}), durable at most {@code gongshi.embedded.checkpoint-interval}
     * behind the last write (1 s: a crash loses at most that, which the processors replay from their tokens; at 200 ms
     * the checkpoints, which write every page changed since the last one, took 7 % of a rebuild's CPU, at 1 s 3.9 %,
     * issue 13), and it refuses every connection that has not authenticated with the
     * generated credentials (mongo-java-server has no authentication of its own:
     * {@link AuthenticatingMongoBackend} adds SCRAM-SHA-256).
     */
    @Bean(destroyMethod = "") // closed by the server's shutdown
    AuthenticatingMongoBackend embeddedMongoBackend(@Value("${gongshi.embedded.checkpoint-interval:1s}") Duration checkpointInterval,
                                                    MongoCredentials embeddedMongoCredentials, MeterRegistry registry) {
        AuthenticatingMongoBackend backend = new AuthenticatingMongoBackend(dataDir.resolve("readmodels").resolve("mongo.mv"),
                checkpointInterval, embeddedMongoCredentials);
        backend.countWrites(new DocumentWrites(registry));
        return backend;
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(@Value("${gongshi.embedded.mongo-port:0}") int port, AuthenticatingMongoBackend embeddedMongoBackend) {
        MongoServer server = new MongoServer(embeddedMongoBackend);
        // Netty serves each connection's commands on one event-loop thread (2 per core by default), one command at a time:
        // a long command there holds up the other connections on that thread; with more threads than the processors and
        // readers keep busy connections, the operating system shares the cores between them instead (2,000-case bench:
        // feed lag p50 2.8-4.1 s with the default 4 threads, 0.3 s with 16)
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, MONGO_WORKER_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire-protocol server on {}:{}, authentication required (credentials in {}, data {})",
                address.getHostString(), address.getPort(), dataDir.resolve(MongoCredentials.FILE), dataDir);
        return server;
    }

    /**
     * Tells the read models' store when a processor of this node is catching up with the ledger, so that it commits in
     * larger steps meanwhile ({@link CrashConsistentH2Backend#COMMIT_PAST_UNSAVED_BYTES_CATCHING_UP}). From the moment the
     * application is ready: asked before Axon has built its processors, the checkpoint's thread would build them itself.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> readModelsCatchingUp(AuthenticatingMongoBackend embeddedMongoBackend,
                                                                    ObjectProvider<EventProcessingConfiguration> processing) {
        return ready -> processing.ifAvailable(p -> embeddedMongoBackend.catchingUpWhile(() -> catchingUp(p)));
    }

    /** Whether a streaming processor of this node has a segment that has not reached the head since it started. */
    static boolean catchingUp(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream().anyMatch(processor -> processor instanceof StreamingEventProcessor streaming
                && streaming.processingStatus().values().stream().anyMatch(segment -> !segment.isCaughtUp()));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer, MongoCredentials embeddedMongoCredentials) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .credential(MongoCredential.createScramSha256Credential(embeddedMongoCredentials.user(), "admin",
                        embeddedMongoCredentials.password().toCharArray()))
                // connections opened at start, in the background: each one authenticates with SCRAM-SHA-256
                // (PBKDF2, 15,000 rounds), which took a quarter of the CPU when the pool grew under load (JFR, issue 13)
                .applyToConnectionPoolSettings(pool -> pool.minSize(POOL_MIN_SIZE))
                .build());
    }

    /** Connections the read models' client keeps open: processors, command-side checks and API reads at once. */
    static final int POOL_MIN_SIZE = 16;

    /**
     * A unique-key violation (SQLSTATE 23505) on append means another command wrote the same
     * aggregate sequence first: Axon turns it into a ConcurrencyException (409), not a store failure.
     * Axon's error-code resolver misses H2 2.x's batch exceptions.
     */
    static boolean isDuplicateKey(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
                    if ("23505".equals(e.getSQLState())) return true;
                }
            }
        }
        return false;
    }

    public Path dataDir() {
        return dataDir;
    }
}
