package org.gongshi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost, skipped or rewritten when the embedded ledger is killed with SIGKILL
 * at random moments under mixed commands and live feed subscribers (the {@link CrashLoop}, 5 kills):
 * every acknowledged command is in the event store, every read model equals a from-scratch rebuild,
 * and the feed equals the rebuild byte for byte with no gap and no duplicate.
 */
class CrashDurabilityTest {

    @TempDir
    Path work;

    @Test
    void acknowledged_commands_survive_sigkill_and_every_read_model_and_the_feed_equal_a_rebuild() throws Exception {
        CrashLoop.Report report = CrashLoop.run(work, 5, System.out);
        System.out.println("crash loop: " + report);
        assertThat(report.problems()).as("crash loop problems").isEmpty();
        assertThat(report.kills()).isEqualTo(5);
        assertThat(report.acknowledged()).as("commands acknowledged").isPositive();
        assertThat(report.feedEntries()).as("feed entries").isPositive();
        assertThat(report.subscriberLines()).as("lines the subscribers received").isPositive();
    }
}
