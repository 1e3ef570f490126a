package org.gongshi.server.tools;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SyntheticGenerationCommandTest {

    @Test
    void generation_into_a_data_directory_a_running_server_holds_says_so_in_one_line(CapturedOutput output) {
        Exception open = DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1, "retry:/srv/ledger/eventstore/ledger.mv.db").getSQLException();

        int status = SyntheticGenerationCommand.run(new String[]{"--cases", "10", "--gongshi.data-dir=/srv/ledger"}, args -> {
            throw new BeanCreationException("eventStoreDataSource", "Failed to initialize pool", open);
        });

        assertThat(status).isEqualTo(1);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("generate: ")).toList()).singleElement()
                .asString().contains("in use by another process", "/srv/ledger/eventstore/ledger.mv.db", "--gongshi.data-dir")
                .doesNotContain("syntheticGeneration", "Possible solutions");
    }

    @Test
    void a_bad_count_of_cases_is_refused_before_anything_starts(CapturedOutput output) {
        int status = SyntheticGenerationCommand.run(new String[]{"--cases", "0"}, args -> {
            throw new AssertionError("started");
        });

        assertThat(status).isEqualTo(2);
        assertThat(output.getErr()).contains("--cases takes a whole number of 1 or more", "usage:");
    }

    /** A sweep from outside, stop 86: generate --help was "unknown argument --help", exit 2, where the other tools print usage. */
    @Test
    void help_is_the_usage_and_zero_for_generate_and_rebuild(CapturedOutput output) throws Exception {
        assertThat(SyntheticGenerationCommand.run(new String[]{"--help"}, args -> {
            throw new AssertionError("started");
        })).isZero();
        assertThat(output.getOut()).contains("usage: java -jar ledger-server.jar generate");
        assertThat(RebuildCommand.command(new String[]{"--help"})).isZero();
        assertThat(output.getOut()).contains("usage: java -jar ledger-server.jar rebuild");
        assertThat(RebuildCommand.command(new String[]{"--bogus"})).isEqualTo(2);
    }

    /**
     * A sweep from outside, stop 86: generate with an unknown setting (named once every bean is made) left the ./data it made
     * behind; a data directory the run made, and the parents it made for it, are removed when the run fails; one that was there is left.
     */
    @Test
    void a_failed_generation_leaves_no_data_directory_it_made(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path made = dir.resolve("data");
        int status = SyntheticGenerationCommand.run(new String[]{"--cases", "5", "--gongshi.data-dir=" + made, "--gongshi.bogus=1"}, args -> {
            try {
                java.nio.file.Files.createDirectories(made.resolve("eventstore"));
                java.nio.file.Files.writeString(made.resolve("eventstore").resolve("ledger.mv.db"), "x");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("gongshi.bogus is no setting this node reads");
        });
        assertThat(status).isEqualTo(1);
        assertThat(made).doesNotExist();

        java.nio.file.Path there = java.nio.file.Files.createDirectory(dir.resolve("there"));
        SyntheticGenerationCommand.run(new String[]{"--cases", "5", "--gongshi.data-dir=" + there}, args -> {
            throw new IllegalStateException("failed");
        });
        assertThat(there).exists();

        // the parents it made for it too (a re-test, stop 86: they stayed, empty), never a directory that was there
        java.nio.file.Path deep = there.resolve("a").resolve("b").resolve("data");
        SyntheticGenerationCommand.run(new String[]{"--cases", "5", "--gongshi.data-dir=" + deep}, args -> {
            try {
                java.nio.file.Files.createDirectories(deep.resolve("eventstore"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("failed");
        });
        assertThat(there.resolve("a")).doesNotExist();
        assertThat(there).exists();
    }
}
