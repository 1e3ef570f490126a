package org.gongshi.server.ops;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.gongshi.api.feed.FeedStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Operating the ledger: what the processors are doing ({@link Processors}) and the metrics in Boot's
 * registry ({@code /actuator/metrics}): {@code gongshi.processor.lag} and
 * {@code gongshi.processor.dead.letters} per processor, {@code gongshi.feed.subscribers} (live feed
 * streams on this node), {@code gongshi.command.latency} per command type and outcome, and on the embedded default
 * {@code gongshi.read-models.documents.written} per read-model collection and kind of write
 * ({@code org.gongshi.server.embedded.DocumentWrites}).
 */
@Configuration(proxyBeanMethods = false)
public class Operations {

    /** A setting given that nothing of this node reads (a typo) stops the start, or is warned of ({@link SettingNames}). */
    @Bean
    static org.springframework.beans.factory.SmartInitializingSingleton settingNames(org.springframework.core.env.ConfigurableEnvironment environment) {
        return SettingNames.check(environment);
    }

    @Bean
    Processors processors(EventProcessingConfiguration processing, EventStore eventStore, MongoDatabase readModelDatabase,
                          @Qualifier("serializer") Serializer serializer) {
        return new Processors(processing, eventStore, readModelDatabase, serializer);
    }

    /** A rebuild running as the node stops is told so first (its stores close under it), and a rebuild cut short is reported at the start. */
    @Bean(destroyMethod = "stopping")
    Rebuilds rebuilds(MongoDatabase readModelDatabase, EventStore eventStore, EventProcessingConfiguration processing, Processors processors,
                      @org.springframework.beans.factory.annotation.Value("${gongshi.processors.batch-size:1000}") int batchSize) {
        return new Rebuilds(readModelDatabase, eventStore, processing, processors, batchSize);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> leftOverRebuilds(Rebuilds rebuilds) {
        return ready -> rebuilds.reportLeftOver();
    }

    /** Registered once the application is ready, when the processors exist. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> ledgerMetrics(MeterRegistry registry, Processors processors, CommandBus commandBus,
                                                             ObjectProvider<FeedStreams> feedStreams) {
        return ready -> {
            for (String name : processors.names()) {
                Gauge.builder("gongshi.processor.lag", processors,
                                p -> p.state(name).map(s -> s.lag() == null ? Double.NaN : s.lag().doubleValue()).orElse(Double.NaN))
                        .tag("processor", name).description("events between the ledger's head and the processor's position")
                        .register(registry);
                Gauge.builder("gongshi.processor.dead.letters", processors, p -> p.deadLetters(name))
                        .tag("processor", name).description("events waiting in the processor's dead-letter queue").register(registry);
            }
            FeedStreams streams = feedStreams.getIfAvailable();
            if (streams != null) {
                Gauge.builder("gongshi.feed.subscribers", streams, FeedStreams::subscribers)
                        .description("live feed streams on this node").register(registry);
            }
            commandBus.registerHandlerInterceptor(commandLatency(registry));
        };
    }

    /** From the start of handling to the end of its unit of work: its events stored (or rolled back). */
    private static MessageHandlerInterceptor<CommandMessage<?>> commandLatency(MeterRegistry registry) {
        return (unitOfWork, chain) -> {
            long start = System.nanoTime();
            String command = unitOfWork.getMessage().getCommandName().replaceAll(".*\\.", "");
            unitOfWork.onCleanup(u -> Timer.builder("gongshi.command.latency")
                    .description("time to handle a command, until its events are stored or it is refused")
                    .tag("command", command).tag("outcome", u.isRolledBack() ? "refused" : "ok")
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            return chain.proceed();
        };
    }
}
