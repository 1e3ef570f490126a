package org.gongshi.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad option stops the bench before it starts anything, with a message that names the option. */
class BenchOptionsTest {

    @Test
    void a_number_that_is_not_one_is_refused_by_its_option_name() {
        assertThatThrownBy(() -> new Bench(Map.of("cases", "ten")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--cases must be a whole number of 1 or more, not \"ten\"");
        assertThatThrownBy(() -> new Bench(Map.of("cases", "-5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--cases must be");
    }

    @Test
    void an_unknown_option_is_refused_with_the_options_there_are() {
        assertThatThrownBy(() -> new Bench(Map.of("case", "10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown option --case (the options: --baseline-events,")
                .hasMessageContaining("--cases");
    }

    @Test
    void a_kept_ledger_that_is_not_there_or_two_phases_of_one_are_refused_before_anything_starts(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new Bench(Map.of("search-of", dir.toString(), "out", dir.resolve("out").toString())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no kept ledger at " + dir.resolve("data"));
        Files.createDirectories(dir.resolve("data"));
        assertThatThrownBy(() -> new Bench(Map.of("search-of", dir.toString(), "rebuild-of", dir.toString())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name one");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void deadlines_are_held_only_where_nothing_fires_them_otherwise(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new Bench(Map.of("deadlines", "hold", "out", dir.resolve("out").toString())).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with --generate in-process, --rebuild-of or --search-of only");
        assertThatThrownBy(() -> new Bench(Map.of("deadlines", "later", "out", dir.resolve("out").toString())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("not \"later\"");
        assertThat(dir.resolve("out")).as("refused before anything is made").doesNotExist();
    }

    /**
     * Every option is read before any work (a README sweep from outside, stop 85: --search-records 10,abc was refused after
     * minutes of load, --gen-threads 0 failed 45 s in with "bench: null", --rebuild yes was read as false, a missing
     * --server-jar ended in a stack trace).
     */
    @Test
    void every_option_is_checked_before_any_work_naming_it(@TempDir Path dir) throws Exception {
        Path jar = java.nio.file.Files.write(dir.resolve("server.jar"), new byte[] {'P', 'K', 3, 4});
        for (var bad : List.of(Map.entry("search-records", "10,abc"), Map.entry("stats-cases", "-1"), Map.entry("gen-threads", "0"),
                Map.entry("clients", "1,0"), Map.entry("rebuild", "yes"), Map.entry("baseline-events", "x"), Map.entry("phase-seconds", "0"))) {
            assertThatThrownBy(() -> new Bench(Map.of(bad.getKey(), bad.getValue(), "server-jar", jar.toString(),
                    "out", dir.resolve("out").toString())).run())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--" + bad.getKey());
        }
        assertThatThrownBy(() -> new Bench(Map.of("server-jar", dir.resolve("none.jar").toString(), "out", dir.resolve("out").toString())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no server jar at");
        assertThat(dir.resolve("out")).as("refused before anything is made").doesNotExist();
        // a server jar that is no jar, results into a file (a re-test from outside, stop 85: each ended in a stack trace)
        Path notAJar = java.nio.file.Files.writeString(dir.resolve("hostname"), "host\n");
        assertThatThrownBy(() -> new Bench(Map.of("server-jar", notAJar.toString(), "out", dir.resolve("out").toString())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is no jar");
        assertThatThrownBy(() -> new Bench(Map.of("server-jar", jar.toString(), "out", notAJar.toString())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a file, not a directory");
    }
}
