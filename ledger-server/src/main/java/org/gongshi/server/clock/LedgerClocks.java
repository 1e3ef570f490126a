package org.gongshi.server.clock;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.gongshi.server.demo.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The ledger's clock ({@link LedgerClock}), the one answer to "now" for every role: Axon stamps every
 * event's timestamp with it ({@code GenericEventMessage.clock}), and every command carries
 * {@code recordedAt} from it, stamped at dispatch, which the aggregates read as the recording day.
 * The embedded default runs a settable clock persisted under the data directory
 * ({@link PersistedClock}); every other profile runs on the system clock.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerClocks {

    private static final Logger log = LoggerFactory.getLogger(LedgerClocks.class);

    @Bean
    @Profile("distributed")
    LedgerClock systemLedgerClock() {
        return recordEventsBy(LedgerClock.system());
    }

    /**
     * The embedded default: settable ({@code POST /dev/clock}), started at {@code gongshi.clock.start}
     * on a fresh ledger, and never back across restarts.
     */
    @Bean
    @Profile("!distributed")
    LedgerClock settableLedgerClock(DataSource eventStoreDataSource, @Value("${gongshi.data-dir}") String dataDir,
                                    @Value("${gongshi.clock.start:}") String start, @Value("${gongshi.demo:false}") String demoFlag,
                                    @Value("${gongshi.policy.time-bounds.backdating-tolerance-days:30}") int backdatingTolerance) {
        // true or false exactly, as the demo data reads it (a sweep from outside: "yes" started the demo's clock and no demo data)
        if (!demoFlag.strip().equals("true") && !demoFlag.strip().equals("false")) {
            throw new IllegalArgumentException("gongshi.demo must be true or false, not '" + demoFlag + "'");
        }
        boolean demo = demoFlag.strip().equals("true");
        // a fresh demo ledger plays its 2026 scenario from its first day, unless told another start
        String freshStart = start.isBlank() && demo ? DemoData.START : start;
        Instant lastEvent = PersistedClock.lastRecordedEvent(eventStoreDataSource);
        // the scenario's acts are dated from its first day: on a clock started later they were more than 30 CD old, and the start
        // failed on the first with a stack trace (a sweep from outside, stop 77); said at once, naming both settings
        java.time.LocalDate firstAct = PersistedClock.parse(DemoData.START).atZone(LedgerClock.LEGAL_ZONE).toLocalDate();
        if (demo && lastEvent == null && !start.isBlank()
                && firstAct.isBefore(PersistedClock.parse(start.strip()).atZone(LedgerClock.LEGAL_ZONE).toLocalDate().minusDays(backdatingTolerance))) {
            throw new IllegalStateException("gongshi.demo plays its scenario from " + DemoData.START + " on a fresh ledger, and gongshi.clock.start="
                    + start.strip() + " is more than " + backdatingTolerance + " CD after it: its first acts would be dated too long before the"
                    + " ledger's day. Leave gongshi.clock.start out (the demo starts the clock on its first day; POST /dev/clock moves it on"
                    + " after), give one at most " + backdatingTolerance + " CD after " + firstAct + ", or leave gongshi.demo out");
        }
        LedgerClock clock = PersistedClock.open(Path.of(dataDir).toAbsolutePath().normalize().resolve("clock.properties"),
                lastEvent, lastEvent == null ? freshStart : start);
        log.info("The ledger's clock is settable (POST /dev/clock, loopback only); now {}", clock.instant());
        return recordEventsBy(clock);
    }

    /** Every event's timestamp comes from the ledger's clock (Axon reads this static clock when it creates a message). */
    private static LedgerClock recordEventsBy(LedgerClock clock) {
        GenericEventMessage.clock = clock;
        return clock;
    }

    /** Stamps every command sent through the gateway with the time the ledger records it; a value sent in is overwritten. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> recordedAtStamp(LedgerClock ledgerClock) {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(Map.of(MetadataKeys.RECORDED_AT, ledgerClock.instant().toString()));
            }
        };
    }
}
