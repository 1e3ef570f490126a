package org.gongshi.server.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.ledger.StoredForm;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.PenaltyHistoryProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Supplier;

/**
 * No handler failure, and no crash, ever moves a processor's token past an event it has not applied.
 *
 * <p>The token is stored after the handlers ran. Axon's tracking processor stores it <em>before</em>
 * processing a batch whenever a transaction manager is configured, trusting the token to roll back
 * with the handlers' writes; the embedded default's transaction manager is the H2 event store's, and
 * neither the MongoDB token nor the MongoDB documents take part in it. So a handler that failed, or
 * a SIGKILL between the token write and the document writes, left the token past an event that was
 * never applied, and a retry or restart started after it: the case view and the feed entry lost
 * under SIGKILL (2026-11-29), and every failed event skipped. The processors therefore run without a
 * transaction manager (their writes are idempotent and not transactional anyway).
 *
 * <p>Failures (Axon's default logs them and moves on):
 * <ul>
 * <li>Every processor propagates a handler's exception: the processor stops on that event, shows as
 * in error, and retries it with back-off (1 s doubling to 60 s) until it succeeds. The public feed,
 * the public records and the process managers work this way: they never skip.</li>
 * <li>The bureau views ({@link #DEAD_LETTERED}) put a failed event in a sequenced dead-letter queue in
 * MongoDB instead, with every later event of the same aggregate (case or listing) behind it, so one
 * poisoned case never blocks the others and nothing of it is applied out of order. An administrator
 * lists, retries and evicts them ({@code /api/v1/admin/dead-letters}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorErrorHandling {

    /** The processing groups whose failed events are dead-lettered rather than retried in place. */
    public static final List<String> DEAD_LETTERED = List.of(
            CaseViewProjection.PROCESSING_GROUP, ListingViewProjection.PROCESSING_GROUP, PenaltyHistoryProjection.PROCESSING_GROUP);

    /** The collection that holds every dead letter (per processing group). */
    public static final String DEAD_LETTERS = "dead_letters";

    @Bean
    ConfigurerModule processorErrorHandlers(MongoDatabase readModelDatabase, ObjectProvider<StoredForm> storedForm) {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(readModelDatabase)
                .deadLetterCollectionName(DEAD_LETTERS).build();
        return configurer -> {
            var processing = configurer.eventProcessing();
            // Without a transaction manager a tracking processor stores its token after the handlers
            // ran (in the unit of work's prepare-commit), never before: see the class comment.
            processing.registerDefaultTransactionManager(c -> NoTransactionManager.instance());
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
            for (String group : DEAD_LETTERED) {
                // the stored form is known once the event store is built, which needs this module: asked at the first letter
                processing.registerDeadLetterQueue(group, c -> deadLetterQueue(group, template, c.eventSerializer(), storedForm::getObject));
                // Axon asks the queue whether each event's case or listing is parked (a MongoDB aggregate per event: a
                // tenth of a rebuild's round trips); its cache remembers the sequences it parked and, when the queue was
                // empty as the segment was claimed, knows every other one is not, and asks the queue only otherwise
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker.enableSequenceIdentifierCache());
            }
        };
    }

    /** A processing group's dead letters, each event's payload kept as stored ({@link StoredFormDeadLetters}). */
    static MongoSequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String group, MongoTemplate template, Serializer eventSerializer,
                                                                          Supplier<StoredForm> storedForm) {
        return MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .mongoTemplate(template)
                .serializer(eventSerializer)
                .clearConverters()
                .addConverter(new StoredFormDeadLetters(storedForm))
                .build();
    }
}
