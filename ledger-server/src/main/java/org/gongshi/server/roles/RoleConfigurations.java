package org.gongshi.server.roles;

import org.gongshi.api.ApiConfiguration;
import org.gongshi.api.dev.DevClockController;
import org.gongshi.api.dev.DevTokenController;
import org.gongshi.api.problem.ProblemAdvice;
import org.gongshi.api.security.SecurityConfiguration;
import org.gongshi.api.web.LedgerPositions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.gongshi.ledger.cases.Case;
import org.gongshi.ledger.privacy.DataSubject;
import org.gongshi.ledger.cases.DecisionNumberSlot;
import org.gongshi.ledger.cases.DecisionNumbers;
import org.gongshi.ledger.listings.BasisCases;
import org.gongshi.ledger.listings.ListEntrySlot;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import java.util.Optional;
import org.gongshi.ledger.listings.ListEntrySlots;
import org.gongshi.ledger.listings.Listing;
import org.gongshi.ledger.listings.ListingBasisWatch;
import org.gongshi.ledger.listings.ListingProposals;
import org.gongshi.ledger.listings.event.ListType;
import org.springframework.beans.factory.ObjectProvider;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.gongshi.ledger.disclosure.CreditStanding;
import org.gongshi.projections.listings.PenaltyHistory;
import org.gongshi.projections.ProjectionsConfiguration;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViewReplay;
import org.gongshi.projections.cases.ShreddedFold;
import org.gongshi.projections.privacy.PersonalDataSeal;
import org.gongshi.server.replay.ReplayDatabases;
import org.gongshi.projections.feed.FeedLogProjection;
import org.gongshi.projections.ledger.LedgerTreeProjection;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.PenaltyHistoryProjection;
import org.gongshi.projections.publicrecords.PublicRecordProjection;
import org.axonframework.common.transaction.NoTransactionManager;
import java.util.List;
import org.gongshi.projections.ReadModelConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Switches the parts of the ledger on by role ({@code gongshi.roles}). */
public final class RoleConfigurations {

    private RoleConfigurations() {
    }

    /** The name of the bean that, where it is defined, keeps aggregates between commands ({@code CommandRole#aggregate}). */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    /**
     * Always: the read models every role reads, and token security and problem answers for whatever endpoints are up (a
     * projections node's administration answered its refusals without their reason, as Boot's bare error body).
     */
    @Configuration(proxyBeanMethods = false)
    @Import({ReadModelConfiguration.class, SecurityConfiguration.class, ProblemAdvice.class})
    static class ReadModels {
    }

    /** command: the aggregates that decide, and (later) the schedulers that issue due commands. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("command")
    static class CommandRole {
        @Bean
        ConfigurerModule caseAggregate(@Qualifier(AGGREGATE_CACHE) ObjectProvider<Cache> cache) {
            return configurer -> {
                configurer.configureAggregate(aggregate(Case.class, cache));
                configurer.configureAggregate(aggregate(DecisionNumberSlot.class, cache));
            };
        }

        /**
         * An aggregate as Axon configures it by default, kept in the {@value #AGGREGATE_CACHE} between commands where one is
         * defined: the embedded default defines one (its JVM is its event store's only writer, {@code EmbeddedStorage}); the
         * distributed profile does not, so there every command loads its aggregate from its events and is never served a
         * state another node has moved on from.
         */
        private static <T> AggregateConfigurer<T> aggregate(Class<T> type, ObjectProvider<Cache> cache) {
            AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(type);
            Cache kept = cache.getIfAvailable();
            if (kept == null) return aggregate;
            // each kind of aggregate its own ids in the one cache: a case's id is no listing's (KeptAggregates#forKind)
            Cache ofKind = kept instanceof org.gongshi.server.embedded.KeptAggregates shared ? shared.forKind(type) : kept;
            return aggregate.configureCache(c -> ofKind);
        }

        /**
         * The bureaus' decision numbers as a deciding case takes them (a bean, so the handler
         * parameter resolves), backed by the {@link DecisionNumberSlot} repository once Axon is built.
         */
        @Bean
        DecisionNumbers decisionNumbers(ObjectProvider<org.axonframework.config.Configuration> axon) {
            return new DecisionNumbers() {
                private volatile DecisionNumbers delegate;

                @Override
                public void take(String bureau, String decisionNumber, String caseId) {
                    if (delegate == null) delegate = DecisionNumbers.backedBy(axon.getObject().repository(DecisionNumberSlot.class));
                    delegate.take(bureau, decisionNumber, caseId);
                }
            };
        }

        /** Data subjects: the record that a subject's personal data was shredded. */
        @Bean
        ConfigurerModule dataSubjectAggregate(@Qualifier(AGGREGATE_CACHE) ObjectProvider<Cache> cache) {
            return configurer -> configurer.configureAggregate(aggregate(DataSubject.class, cache));
        }

        /**
         * Credit lists: the listing and the subject's place on each list (one active entry per list),
         * the proposal handler that spans both, and the process manager that removes a listing
         * whose basis decision is revoked. Sagas are stored in MongoDB (AxonWiring#sagaStore).
         */
        @Bean
        ConfigurerModule creditLists(ListEntrySlots listEntrySlots, BasisCases basisCases,
                                     @Qualifier(AGGREGATE_CACHE) ObjectProvider<Cache> cache) {
            return configurer -> {
                configurer.configureAggregate(aggregate(Listing.class, cache));
                configurer.configureAggregate(aggregate(ListEntrySlot.class, cache));
                configurer.registerCommandHandler(c -> new ListingProposals(c.repository(Listing.class), listEntrySlots, basisCases));
                configurer.eventProcessing().registerSaga(ListingBasisWatch.class);
            };
        }

        /**
         * The cases a listing rests on, as their Case aggregates stand: loaded through the
         * event-sourced repository inside the command's unit of work (a proposal, a removal as
         * BASIS_REVOKED), never from a read model. A bean, so a listing's command handler parameter resolves;
         * the repository is looked up on first use, as it exists only once the Axon configuration is built.
         */
        @Bean
        BasisCases basisCases(ObjectProvider<org.axonframework.config.Configuration> axon) {
            return new BasisCases() {
                @Override
                public Optional<org.gongshi.ledger.cases.BasisFacts> find(String caseId) {
                    return of(caseId, Case::basisFacts);
                }

                @Override
                public org.gongshi.ledger.disclosure.RecordRedactions recordRedactions(String caseId) {
                    return of(caseId, Case::recordRedactions).orElse(org.gongshi.ledger.disclosure.RecordRedactions.NONE);
                }

                private <T> Optional<T> of(String caseId, java.util.function.Function<Case, T> read) {
                    try {
                        return Optional.of(axon.getObject().repository(Case.class).load(caseId).invoke(read));
                    } catch (AggregateNotFoundException noSuchCase) {
                        return Optional.empty();
                    }
                }
            };
        }

        /**
         * The subjects' places on the lists, as listing command handlers take them (a bean, so the
         * handler parameter resolves); backed by the {@link ListEntrySlot} repository, looked up on
         * first use because the repository exists only once the Axon configuration is built.
         */
        @Bean
        ListEntrySlots listEntrySlots(ObjectProvider<org.axonframework.config.Configuration> axon) {
            return new ListEntrySlots() {
                private volatile ListEntrySlots delegate;

                private ListEntrySlots delegate() {
                    if (delegate == null) delegate = ListEntrySlots.backedBy(axon.getObject().repository(ListEntrySlot.class));
                    return delegate;
                }

                @Override
                public void occupy(ListType listType, String uscc, String listingId, LocalDate on) {
                    delegate().occupy(listType, uscc, listingId, on);
                }

                @Override
                public void vacate(ListType listType, String uscc, String listingId, LocalDate on, String because) {
                    delegate().vacate(listType, uscc, listingId, on, because);
                }

                @Override
                public Optional<String> holder(ListType listType, String uscc) {
                    return delegate().holder(listType, uscc);
                }

                @Override
                public java.util.List<LocalDate> repairsGranted(ListType listType, String uscc) {
                    return delegate().repairsGranted(listType, uscc);
                }
            };
        }

        /**
         * What credit repair checks in the ledger (SAMR Order 45 Art 14): the subject's places on the
         * lists (the slot aggregates, read in the repair command's unit of work) and its later
         * standing penalties (the penalty history read model).
         */
        @Bean
        CreditStanding creditStanding(ListEntrySlots listEntrySlots, PenaltyHistory penaltyHistory) {
            return new CreditStanding() {
                @Override
                public List<String> listsHolding(String uscc) {
                    return Arrays.stream(ListType.values()).filter(list -> listEntrySlots.holder(list, uscc).isPresent())
                            .map(ListType::name).toList();
                }

                @Override
                public List<String> penalisedAfter(org.gongshi.ledger.vocabulary.Party subject, LocalDate after, String exceptCaseId) {
                    return penaltyHistory.penalisedAfter(subject, after, exceptCaseId);
                }
            };
        }
    }

    /** projections: the event handlers that build the read models. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("projections")
    @Import(ProjectionsConfiguration.class)
    static class ProjectionsRole {

        /**
         * The read-model processors write only MongoDB, so they run without the event store's JDBC
         * transaction. With one, Axon's tracking processor stores its token when a batch starts,
         * trusting the transaction to undo it; MongoDB takes no part in it, so the token was durable
         * before the batch's documents (a read sent with a command's position could find the view
         * "past" it and the document not yet written, and a crash mid-batch lost the batch). Without
         * one, the token is stored after the documents are written.
         */
        @Bean
        ConfigurerModule readModelsStoreTokensAfterTheirDocuments() {
            return configurer -> {
                for (String processor : List.of(CaseViewProjection.PROCESSING_GROUP, PublicRecordProjection.PROCESSING_GROUP,
                        FeedLogProjection.PROCESSING_GROUP, ListingViewProjection.PROCESSING_GROUP,
                        PenaltyHistoryProjection.PROCESSING_GROUP, LedgerTreeProjection.PROCESSING_GROUP)) {
                    configurer.eventProcessing().registerTransactionManager(processor, c -> NoTransactionManager.instance());
                }
                // the ledger tree may not skip an event: a failed leaf stops the processor, which retries it
                configurer.eventProcessing().registerListenerInvocationErrorHandler(LedgerTreeProjection.PROCESSING_GROUP,
                        c -> org.axonframework.eventhandling.PropagatingErrorHandler.instance());
            };
        }

        /**
         * An erased case folded as a rebuild will fold it: its stored events read with the subject's sealed values shredded,
         * through the case-view projection itself, in a scratch database dropped after (CaseViewReplay).
         */
        @Bean
        ShreddedFold shreddedFold(EventStore eventStore, MongoClient mongoClient) {
            CaseViewReplay replay = new CaseViewReplay(() -> ReplayDatabases.scratch(mongoClient));
            // on a thread of its own: on the processor's, the replay's unit of work nested in the batch's and wrote only when
            // the batch committed, after the scratch database was read (and dropped)
            java.util.concurrent.Executor own = task -> {
                Thread thread = new Thread(task, "shredded-fold");
                thread.setDaemon(true);
                thread.start();
            };
            return caseId -> java.util.concurrent.CompletableFuture.supplyAsync(() -> PersonalDataSeal.readingShredded(caseId, () -> {
                List<org.axonframework.eventhandling.DomainEventMessage<?>> events = new java.util.ArrayList<>();
                eventStore.readEvents(caseId, 0).asStream().forEach(event -> {
                    event.getPayload(); // opened here, within the shredded reading
                    events.add(event);
                });
                return replay.replay(caseId, events);
            }), own).join();
        }
    }

    /** api: the WebFlux endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("api")
    @Import(ApiConfiguration.class)
    static class ApiRole {

        /**
         * Where the ledger and its views stand, for read-your-writes: the head from the event store, the
         * views' progress from the processors' tokens in the token store's collection (AxonWiring#tokenStore).
         */
        @Bean
        LedgerPositions ledgerPositions(EventStore eventStore, MongoDatabase readModelDatabase,
                                        @Qualifier("serializer") Serializer serializer) {
            var tokens = DefaultMongoTemplate.builder().mongoDatabase(readModelDatabase).build().trackingTokensCollection();
            return new LedgerPositions(eventStore, tokens, serializer);
        }

        /** Auditors' as-of answers replay the case-view projection into scratch databases on the read models' MongoDB. */
        @Bean
        ReplayDatabases replayDatabases(MongoClient mongoClient) {
            return new ReplayDatabases(mongoClient);
        }

        @Bean
        CaseViewReplay caseViewReplay(ReplayDatabases replayDatabases) {
            return new CaseViewReplay(replayDatabases);
        }

        /** POST /dev/tokens, only where the embedded default enables it. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnProperty(name = "gongshi.security.dev-tokens", havingValue = "true")
        @Import(DevTokenController.class)
        static class DevTokens {
        }

        /** GET/POST /dev/clock, only where the embedded default runs a settable ledger clock. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnProperty(name = "gongshi.clock.settable", havingValue = "true")
        @Import(DevClockController.class)
        static class DevClock {
        }
    }
}
