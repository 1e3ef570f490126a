package org.gongshi.server.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Whether the last run on a data directory stopped cleanly, said at the start: a run leaves a marker in the directory
 * ({@value #MARKER}: its process and start) and takes it away when it stops cleanly, so a marker found at the start is a
 * run that was killed, crashed or lost its machine (an operator's sweep, stop 74: after a SIGKILL the restarted node said
 * only that the read models caught up). Begun once this process holds the directory (its event store open), so a second
 * process refused the directory never touches the first one's marker.
 */
public final class LastRun implements AutoCloseable {

    static final String MARKER = "running";

    private static final Logger log = LoggerFactory.getLogger(LastRun.class);

    private final Path marker;
    private final String unclean;

    private LastRun(Path marker, String unclean) {
        this.marker = marker;
        this.unclean = unclean;
    }

    /** Whether the last run on {@code dataDir} left its marker: it did not stop cleanly. */
    static boolean leftItsMarker(Path dataDir) {
        return Files.exists(dataDir.resolve(MARKER));
    }

    /** The run on {@code dataDir} begins: says how the last one ended, and leaves this one's marker. */
    public static LastRun begin(Path dataDir) {
        Path marker = dataDir.resolve(MARKER);
        try {
            String unclean = leftItsMarker(dataDir) ? Files.readString(marker).strip() : null;
            if (unclean != null) {
                log.warn("The last run on {} did not stop cleanly ({}): it was killed, crashed or lost its machine. Every"
                        + " acknowledged command is in the event store; the read models, the feed and the logs' trees catch up from"
                        + " where they had stored their positions, and a command left unanswered is safe to send again with its"
                        + " Idempotency-Key.", dataDir, unclean);
            }
            Files.writeString(marker, "pid " + ProcessHandle.current().pid() + ", started " + Instant.now());
            return new LastRun(marker, unclean);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker + " (gongshi.data-dir)", e);
        }
    }

    /** The marker the last run left when it did not stop cleanly (its process and start), or null when it did. */
    public String unclean() {
        return unclean;
    }

    /** A clean stop: the marker goes. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.warn("Could not remove {}: the next start will say this run did not stop cleanly", marker, e);
        }
    }
}
