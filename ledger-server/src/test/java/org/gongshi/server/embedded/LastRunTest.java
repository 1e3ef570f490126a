package org.gongshi.server.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A start says whether the last run on the data directory stopped cleanly (an operator's sweep, stop 74). */
class LastRunTest {

    @Test
    void a_run_that_did_not_stop_cleanly_is_named_at_the_next_start_and_a_clean_stop_leaves_nothing(@TempDir Path dataDir) {
        LastRun first = LastRun.begin(dataDir);
        assertThat(first.unclean()).as("a fresh directory").isNull();
        assertThat(dataDir.resolve(LastRun.MARKER)).exists();
        first.close();
        assertThat(dataDir.resolve(LastRun.MARKER)).doesNotExist();

        LastRun second = LastRun.begin(dataDir);
        assertThat(second.unclean()).as("after a clean stop").isNull();
        // killed: no close
        LastRun third = LastRun.begin(dataDir);
        assertThat(third.unclean()).as("after a kill").startsWith("pid " + ProcessHandle.current().pid() + ", started ");
        third.close();
        assertThat(LastRun.begin(dataDir).unclean()).isNull();
    }

    @Test
    void a_marker_left_by_another_process_is_named_with_its_process_and_start(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve(LastRun.MARKER), "pid 4242, started 2026-12-06T01:02:03Z\n");
        assertThat(LastRun.begin(dataDir).unclean()).isEqualTo("pid 4242, started 2026-12-06T01:02:03Z");
    }
}
