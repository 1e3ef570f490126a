package org.gongshi.server.axon;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.gongshi.ledger.calendar.WorkingDayCalendar;
import org.gongshi.ledger.policy.EnforcementPolicy;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.gongshi.projections.ledger.StoredForm;
import org.gongshi.projections.privacy.PersonalDataSeal;
import org.gongshi.projections.privacy.SealingSerializer;
import org.gongshi.projections.privacy.SubjectKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Axon and read-model wiring shared by both runtime shapes: Jackson 3 serialisation, processor
 * tokens in MongoDB beside the read models, the policy and calendar, and who acted on each event.
 */
@Configuration(proxyBeanMethods = false)
public class AxonWiring {

    public static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Axon 4.13.0's Jackson 3 serializer cannot read back a ReplayToken (its polymorphic type
     * validator denies it), so a reset would retry forever; allow Axon's own token types.
     */
    @Bean
    Jackson3SerializerCustomizer axonTokenTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.util.")
                .build());
    }

    /**
     * Crypto-shredding: the events serializer (both event stores use it) seals every
     * {@code @PersonalData} field with its data subject's key from {@code subject_keys}, and reads a
     * field whose key was deleted as {@code shredded}. Tokens, sagas and commands keep the plain serializer.
     */
    @Bean
    static BeanPostProcessor sealPersonalDataInEvents(ObjectProvider<SubjectKeys> subjectKeys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!"eventSerializer".equals(beanName) || !(bean instanceof Serializer serializer) || bean instanceof SealingSerializer) {
                    return bean;
                }
                return new SealingSerializer(serializer, () -> new PersonalDataSeal(subjectKeys.getObject()));
            }
        };
    }

    /**
     * Events read back from the store give their payloads as stored through a serializer equal to the one the store read
     * them with ({@link StoredForm}): the embedded store reads with the event serializer itself, Axon Server's connector
     * with its own wrapper of it (a {@link GrpcMetaDataAwareSerializer} equals any other wrapper of the same serializer).
     */
    @Bean
    StoredForm storedForm(@Qualifier("eventSerializer") Serializer eventSerializer, EventStore eventStore) {
        return storedForm(eventSerializer, eventStore instanceof AxonServerEventStore);
    }

    static StoredForm storedForm(Serializer eventSerializer, boolean axonServerStoresEvents) {
        return new StoredForm(axonServerStoresEvents ? new GrpcMetaDataAwareSerializer(eventSerializer) : eventSerializer);
    }

    /**
     * Reads events stored under their names before the ledger's packages moved (see
     * {@link MovedEventTypes}); Axon puts every upcaster bean into the chain both event stores use.
     */
    @Bean
    MovedEventTypes movedEventTypes() {
        return new MovedEventTypes();
    }

    /**
     * Copies the acting bureau and officer (or system identity), when the ledger recorded the command
     * (its clock's {@code recordedAt}), the historical-import mark and the idempotent request from the command onto every event
     * it causes: what the audit history and the ledger tree's leaves show of each event.
     */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(MetadataKeys.BUREAU, MetadataKeys.ACTOR, MetadataKeys.RECORDED_AT,
                MetadataKeys.HISTORICAL_IMPORT, MetadataKeys.REQUEST);
    }

    /**
     * The read models, processor tokens, dead letters and process-manager state. A write is
     * acknowledged once a majority has it in its journal, so a token (written after the documents it
     * covers) is never durable ahead of them, not even across a fail-over.
     */
    @Bean
    MongoDatabase readModelDatabase(MongoClient mongoClient, Environment environment) {
        String database = readModelDatabaseName(environment.getProperty("spring.mongodb.uri"), environment.getProperty("gongshi.mongodb.database"));
        return mongoClient.getDatabase(database).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /**
     * With Axon Server (the distributed profile), its access-control token is given, or the node does not start: every
     * secret comes from the environment, none has a default (README), and a node without one started and tried to connect
     * for ever, not ready, without a word of why (a deployer's sweep, stop 80).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    static org.springframework.beans.factory.config.BeanFactoryPostProcessor axonServerTokenGiven(Environment environment) {
        return beans -> {
            String token = environment.getProperty("axon.axonserver.token");
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("No Axon Server token: set AXONSERVER_TOKEN (axon.axonserver.token) to Axon Server's"
                        + " access-control token (axoniq.axonserver.accesscontrol.token on the server)");
            }
        };
    }

    /**
     * The read models' database: the one the MongoDB URI names ({@code MONGODB_URI}'s path: mongodb://…/gongshi_staging), else
     * {@code gongshi.mongodb.database}, else {@code gongshi}. The two naming different databases stops the start, naming both:
     * a deployer's sweep, stop 80, found the URI's database ignored, so two ledgers separated by it on one cluster shared
     * their read models, keys and logs.
     */
    static String readModelDatabaseName(String uri, String configured) {
        String fromUri = uri == null || uri.isBlank() ? null : new ConnectionString(uri).getDatabase();
        String setting = configured == null || configured.isBlank() ? null : configured.strip();
        if (fromUri != null && setting != null && !fromUri.equals(setting)) {
            throw new IllegalStateException("The read models' database is named twice, as '" + fromUri + "' in the MongoDB URI"
                    + " (spring.mongodb.uri, MONGODB_URI) and as '" + setting + "' in gongshi.mongodb.database: name it once");
        }
        return fromUri != null ? fromUri : setting != null ? setting : "gongshi";
    }

    /**
     * Processor tokens in MongoDB. A claim runs out {@link #CLAIM_TIMEOUT} after it was last written (another node may
     * then take the segment); an idle processor's extensions are written every third of that, not every second, and a
     * batch running longer than the timeout keeps its claim for up to the processors' batch timeout
     * ({@code axon.timeout.transaction.event-processors.timeout-ms}), after which Axon interrupts it.
     */
    @Bean
    TokenStore tokenStore(MongoDatabase readModelDatabase, @Qualifier("serializer") Serializer serializer,
                          @Value("${axon.timeout.transaction.event-processors.timeout-ms}") long longestBatchMs) {
        return new ThrottledClaimExtensions(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readModelDatabase).build())
                .serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT)
                .build(), CLAIM_TIMEOUT.dividedBy(3), java.time.Duration.ofMillis(longestBatchMs), java.time.Clock.systemUTC(), true);
    }

    /** How long a processor's claim on its segment holds without being written (MongoTokenStore's default). */
    static final java.time.Duration CLAIM_TIMEOUT = java.time.Duration.ofSeconds(10);

    /** Process-manager (saga) state in MongoDB beside the tokens, so it survives restarts and moves between nodes; every read a key lookup. */
    @Bean
    SagaStore<Object> sagaStore(MongoDatabase readModelDatabase, @Qualifier("serializer") Serializer serializer) {
        KeyedSagaStore store = new KeyedSagaStore(readModelDatabase, serializer);
        int adopted = store.adoptAxonEntries();
        if (adopted > 0) org.slf4j.LoggerFactory.getLogger(KeyedSagaStore.class).info("{} sagas moved from Axon's Mongo saga store to key lookups", adopted);
        return store;
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${gongshi.calendar.location:}") String location) {
        // the shipped notices, with those of the operator's file added (a year in the file replaces the shipped one)
        if (location.isBlank()) return WorkingDayCalendar.official();
        // named by its setting, in the start's short report (an operator's sweep, stop 74: a NoSuchFileException's trace)
        if (!java.nio.file.Files.isReadable(Path.of(location)) || !java.nio.file.Files.isRegularFile(Path.of(location))) {
            throw new IllegalStateException("gongshi.calendar.location names " + Path.of(location).toAbsolutePath()
                    + ", which is no file this process can read");
        }
        try {
            return WorkingDayCalendar.official().withNotices(WorkingDayCalendar.load(Path.of(location)));
        } catch (IllegalArgumentException | java.io.UncheckedIOException badEntry) {
            // named by its setting, so the start's short report says it in one line (a README sweep from outside, stop 85: the
            // entry's fault stood inside 73 lines of stack trace; a re-test: a file that is no UTF-8 text, in 82)
            String why = badEntry instanceof java.io.UncheckedIOException unreadable
                    ? "it cannot be read as UTF-8 text (" + unreadable.getCause().getClass().getSimpleName() + ")" : badEntry.getMessage();
            throw new IllegalArgumentException("gongshi.calendar.location names " + Path.of(location).toAbsolutePath() + ": " + why, badEntry);
        }
    }

    /** The policy: DOMAIN.md's defaults, with whatever {@code gongshi.policy.*} properties override. */
    @Bean
    Rulebook rulebook(Environment environment, WorkingDayCalendar calendar) {
        EnforcementPolicy policy = Binder.get(environment).bind("gongshi.policy", EnforcementPolicy.class)
                .orElseGet(EnforcementPolicy::defaults);
        return new Rulebook(policy, calendar);
    }
}
