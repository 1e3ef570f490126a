package org.gongshi.server.clock;

import org.gongshi.ledger.calendar.LedgerClock;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * The embedded default's settable clock, persisted in a small file beside the event store: how far
 * ahead of the system clock it runs, and the start instant it was given. Rules:
 * <ul>
 *   <li>a fresh ledger (no event yet) starts at {@code gongshi.clock.start}, or at the real time;</li>
 *   <li>a restart with the same start continues the persisted clock;</li>
 *   <li>another start on an existing ledger moves the clock forward to it, and is refused when it lies
 *       before the last recorded event;</li>
 *   <li>the clock never reads earlier than the last recorded event, nor than any instant it was moved to.</li>
 * </ul>
 */
final class PersistedClock {

    private static final String AHEAD = "ahead";
    private static final String START = "start";

    private PersistedClock() {
    }

    static LedgerClock open(Path file, Instant lastEvent, String startText) {
        Properties stored = load(file);
        Duration ahead = stored.getProperty(AHEAD) == null ? Duration.ZERO : Duration.parse(stored.getProperty(AHEAD));
        Clock system = Clock.systemUTC();
        String start = startText == null || startText.isBlank() ? null : startText.strip();
        if (start != null && !start.equals(stored.getProperty(START))) {
            Instant startAt = parse(start);
            if (lastEvent != null && startAt.isBefore(lastEvent)) {
                throw new IllegalStateException("--gongshi.clock.start=" + start + " is before the last recorded event of this ledger ("
                        + lastEvent + "): the ledger's clock never goes back. Start a fresh ledger (another gongshi.data-dir) to play an "
                        + "earlier calendar, or leave gongshi.clock.start out to continue this one");
            }
            Instant now = system.instant().plus(ahead);
            if (lastEvent == null || startAt.isAfter(now)) ahead = Duration.between(system.instant(), startAt);
        }
        LedgerClock clock = LedgerClock.settable(system, ahead);
        if (lastEvent != null && clock.instant().isBefore(lastEvent)) clock.moveForwardTo(lastEvent);
        if (start != null) stored.setProperty(START, start);
        save(file, stored, clock);
        clock.onMove(moved -> save(file, stored, clock));
        return clock;
    }

    static Instant parse(String text) {
        try {
            return LedgerClock.parseInstant(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gongshi.clock.start: " + e.getMessage(), e);
        }
    }

    /** The timestamp of the event with the highest global index, or null on a fresh ledger. */
    static Instant lastRecordedEvent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT timeStamp FROM DomainEventEntry ORDER BY globalIndex DESC LIMIT 1")) {
            return rows.next() ? Instant.parse(rows.getString(1)) : null;
        } catch (SQLException noTableYet) {
            return null;
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (!Files.exists(file)) return properties;
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger's clock from " + file, e);
        }
    }

    private static synchronized void save(Path file, Properties stored, LedgerClock clock) {
        stored.setProperty(AHEAD, clock.ahead().toString());
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            try (Writer writer = Files.newBufferedWriter(next)) {
                stored.store(writer, "the ledger's clock: how far ahead of the system clock it runs (never back)");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the ledger's clock to " + file, e);
        }
    }
}
