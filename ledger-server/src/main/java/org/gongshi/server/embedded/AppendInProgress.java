package org.gongshi.server.embedded;

import java.time.Duration;
import java.util.Optional;

/**
 * The append now holding the event store, where the ledger appends one transaction at a time (the embedded default): an
 * append that holds it far past any command's time is stuck, and no command can be recorded behind it (CI, 2026-12-07:
 * after a SIGKILL an append spun in H2 for minutes, unstoppable by Axon's interrupt, while health said UP).
 */
@FunctionalInterface
public interface AppendInProgress {

    /** The thread appending and how long it has held the event store, or empty when none is appending. */
    Optional<Holder> current();

    /** Who holds the event store's append and for how long. */
    record Holder(String thread, Duration held) {}
}
