package org.gongshi.ledger.calendar;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The ledger's clock: what "now" is for everything that records or decides (DESIGN.md, Conventions,
 * Time). Legal days are days in Asia/Shanghai. It runs with its source (the system clock in
 * production) and may be moved forward, never back: the embedded default plays scenarios across the
 * calendar this way ({@code POST /dev/clock}). Listeners hear every move (the deadline mechanism fires
 * what fell due; the embedded default persists how far ahead the clock is).
 */
public class LedgerClock extends Clock {

    /** Legal dates are LocalDate in this zone. */
    public static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock source;
    private volatile Duration ahead;
    private final boolean settable;
    private final CopyOnWriteArrayList<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Function<Instant, CompletableFuture<?>>> settling = new CopyOnWriteArrayList<>();

    private LedgerClock(Clock source, Duration ahead, boolean settable) {
        this.source = Objects.requireNonNull(source, "source");
        this.ahead = Objects.requireNonNull(ahead, "ahead");
        this.settable = settable;
    }

    /** The system clock; it cannot be moved. */
    public static LedgerClock system() {
        return new LedgerClock(Clock.systemUTC(), Duration.ZERO, false);
    }

    /** A clock that runs with {@code source}, {@code ahead} of it, and may be moved forward. */
    public static LedgerClock settable(Clock source, Duration ahead) {
        return new LedgerClock(source, ahead, true);
    }

    @Override
    public Instant instant() {
        return source.instant().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return LEGAL_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        LedgerClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() { return zone; }

            @Override
            public Clock withZone(ZoneId other) { return self.withZone(other); }

            @Override
            public Instant instant() { return self.instant(); }
        };
    }

    /** The legal day now (Asia/Shanghai). */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), LEGAL_ZONE);
    }

    public boolean settable() {
        return settable;
    }

    /** How far ahead of its source the clock runs. */
    public Duration ahead() {
        return ahead;
    }

    /**
     * Moves the clock forward to {@code target}.
     *
     * @throws IllegalStateException    if this clock cannot be moved (the system clock)
     * @throws IllegalArgumentException if {@code target} is before now: the ledger's time never goes back
     */
    public Instant moveForwardTo(Instant target) {
        move(target);
        return target;
    }

    /**
     * Moves the clock as {@link #moveForwardTo} does; completes once every listener that settles a move
     * ({@link #onMoveSettled}) is done with it: the deadline mechanism has recorded what fell due up to {@code target}.
     */
    public CompletableFuture<Void> moveForwardAndSettle(Instant target) {
        return CompletableFuture.allOf(move(target).toArray(CompletableFuture[]::new));
    }

    private List<CompletableFuture<?>> move(Instant target) {
        Objects.requireNonNull(target, "target");
        if (!settable) throw new IllegalStateException("the ledger runs on the system clock; it cannot be moved");
        synchronized (this) {
            Instant now = instant();
            if (target.isBefore(now)) {
                throw new IllegalArgumentException("the ledger's clock moves forward only: it is " + now + ", " + target + " is earlier");
            }
            ahead = ahead.plus(Duration.between(now, target));
        }
        listeners.forEach(listener -> listener.accept(target));
        return settling.stream().<CompletableFuture<?>>map(listener -> listener.apply(target)).toList();
    }

    /** Hears every move forward, with the instant moved to. */
    public void onMove(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    /** Hears every move forward and answers when it is done with it (off the mover's thread: it must not block). */
    public void onMoveSettled(Function<Instant, CompletableFuture<?>> listener) {
        settling.add(listener);
    }

    /**
     * An instant as people write it: ISO with an offset ({@code 2026-02-10T09:00:00+08:00}) or in UTC
     * ({@code 2026-02-10T01:00:00Z}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Instant parseInstant(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO instant with offset, e.g. 2026-02-10T09:00:00+08:00");
            }
        }
        if (instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("'" + text + "' is after " + LATEST + ", the latest instant the ledger's clock takes");
        }
        return instant;
    }

    /**
     * The latest instant the ledger's clock is set to: the last of the four-digit years. A sweep from outside (stop 71) moved
     * the embedded default's clock to year +999999999: every day's arithmetic overflowed from then on, and as the clock's
     * offset is kept, the ledger stayed down after a restart.
     */
    public static final Instant LATEST = OffsetDateTime.parse("9999-12-31T23:59:59+08:00").toInstant();

    /**
     * The day a command or event names for its act: the latest of its {@code LocalDate} components whose
     * names end in {@code On} ({@code filedOn}, {@code decidedOn}, ...; never terms or deadlines such as
     * {@code termEnd} or {@code until}); null when it names none.
     */
    public static LocalDate dayOfAct(Record message) {
        LocalDate latest = null;
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            if (component.getType() != LocalDate.class || !component.getName().endsWith("On")) continue;
            try {
                LocalDate date = (LocalDate) component.getAccessor().invoke(message);
                if (date != null && (latest == null || date.isAfter(latest))) latest = date;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + message.getClass().getSimpleName(), e);
            }
        }
        return latest;
    }

    @Override
    public String toString() {
        return "LedgerClock[" + instant() + (settable ? ", settable, " + ahead + " ahead" : "") + "]";
    }
}
