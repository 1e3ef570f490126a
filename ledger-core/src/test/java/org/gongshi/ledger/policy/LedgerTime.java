package org.gongshi.ledger.policy;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.vocabulary.MetadataKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The ledger's clock in aggregate fixtures: stamps each command with when it is recorded and who
 * sent it, as the server's dispatch interceptor does. Unless a test sets the clock ({@link #at}),
 * an act is recorded on its own day: at 10:00 (Asia/Shanghai) on the latest date the command
 * names ({@code ...On}), so rule tests about other rules read as before. An officer's command that names only its
 * bureau gets the actor {@code officer-test}; a command with no metadata stays without identity.
 */
public final class LedgerTime implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String OFFICER = "officer-test";

    private Instant fixed;

    private LedgerTime() {
    }

    /** Registers the clock with {@code fixture}; returns it, so a test can set it. */
    public static LedgerTime on(AggregateTestFixture<?> fixture) {
        LedgerTime time = following();
        fixture.registerCommandDispatchInterceptor(time);
        return time;
    }

    /** A clock that records each act on its own day, to register as a dispatch interceptor. */
    public static LedgerTime following() {
        return new LedgerTime();
    }

    /** From now on every command is recorded at {@code instant}. */
    public LedgerTime at(Instant instant) {
        fixed = instant;
        return this;
    }

    /** From now on every command is recorded at 10:00 on {@code day} (Asia/Shanghai). */
    public LedgerTime on(LocalDate day) {
        return at(tenOClock(day));
    }

    /** Metadata of a system identity, e.g. {@link Recording#DEADLINES}. */
    public static Map<String, String> asSystem(String identity) {
        return Map.of(MetadataKeys.ACTOR, identity);
    }

    /** Metadata of an officer of {@code bureau} importing a historical act. */
    public static Map<String, String> importedBy(String bureau) {
        return Map.of(MetadataKeys.BUREAU, bureau, MetadataKeys.HISTORICAL_IMPORT, "true");
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> stamped = new HashMap<>();
            stamped.put(MetadataKeys.RECORDED_AT, recordedAt(command.getPayload()).toString());
            MetaData metaData = command.getMetaData();
            if (metaData.containsKey(MetadataKeys.BUREAU) && !metaData.containsKey(MetadataKeys.ACTOR)) {
                stamped.put(MetadataKeys.ACTOR, OFFICER);
            }
            return command.andMetaData(stamped);
        };
    }

    private Instant recordedAt(Object payload) {
        if (fixed != null) return fixed;
        LocalDate day = payload instanceof Record command ? LedgerClock.dayOfAct(command) : null;
        return tenOClock(Objects.requireNonNullElse(day, LocalDate.of(2026, 11, 20)));
    }

    public static Instant tenOClock(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(LedgerClock.LEGAL_ZONE).toInstant();
    }
}
