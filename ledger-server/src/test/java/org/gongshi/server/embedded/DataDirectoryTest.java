package org.gongshi.server.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's sweep, stop 74: under umask 000 the data directory the ledger made was writable by every local user, who
 * could have put a token key of their own in place. The ledger makes it the owner's alone; one the operator made is left.
 */
class DataDirectoryTest {

    @Test
    void the_data_directory_the_ledger_makes_is_the_owners_alone_and_one_made_before_is_left_as_it_is(@TempDir Path parent) throws Exception {
        Path made = parent.resolve("data");
        new DataDirectory().postProcessEnvironment(new MockEnvironment().withProperty("gongshi.data-dir", made.toString()), null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
        assertThat(DataDirectory.othersMayWrite(made)).isFalse();

        Path open = Files.createDirectory(parent.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        new DataDirectory().postProcessEnvironment(new MockEnvironment().withProperty("gongshi.data-dir", open.toString()), null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).as("the operator's, left").isEqualTo("rwxrwxrwx");
        assertThat(DataDirectory.othersMayWrite(open)).isTrue();

        Path distributed = parent.resolve("not-made");
        MockEnvironment profile = new MockEnvironment().withProperty("gongshi.data-dir", distributed.toString());
        profile.setActiveProfiles("distributed");
        new DataDirectory().postProcessEnvironment(profile, null);
        assertThat(distributed).doesNotExist();
    }

    /**
     * An operator's sweep from outside, stop 86: an empty data directory put the stores in the working directory and the token
     * key at the file system's root; a file, a directory under /proc or a read-only one stopped the start with 47 stack frames
     * ({@code generate}: 103). Each is one line naming gongshi.data-dir and what to give.
     */
    @Test
    void a_data_directory_that_cannot_serve_is_refused_in_one_line_naming_the_setting(@TempDir Path parent) throws Exception {
        Path file = Files.writeString(parent.resolve("afile"), "");
        java.util.Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("", "The setting gongshi.data-dir is empty");
        refusals.put(file.toString(), "names " + file + ", which is a file, not a directory");
        refusals.put(file.resolve("data").toString(), "cannot be made");
        if (Files.isDirectory(Path.of("/proc"))) {
            refusals.put("/proc/version", "is a file, not a directory");
            refusals.put("/proc/gongshi-data", "cannot be made");
        }
        // a re-test, stop 86: the stores' own directories were 47 stack frames when a file stood in their place
        Path fileForAStore = Files.createDirectory(parent.resolve("store-a-file"));
        Files.writeString(fileForAStore.resolve("eventstore"), "");
        refusals.put(fileForAStore.toString(), "cannot hold its eventstore directory");
        Path readOnly = Files.createDirectory(parent.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        if (!Files.isWritable(readOnly)) refusals.put(readOnly.toString(), "may not write to"); // root writes anywhere
        refusals.forEach((setting, problem) -> {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> new DataDirectory().postProcessEnvironment(
                    new MockEnvironment().withProperty("gongshi.data-dir", setting), null));
            assertThat(refused).as(setting).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gongshi.data-dir")
                    .hasMessageContaining(problem);
            org.springframework.boot.diagnostics.FailureAnalysis analysis = new org.gongshi.server.ops.SettingValueFailureAnalyzer()
                    .analyze(new org.springframework.beans.factory.BeanCreationException("x", "failed", refused));
            assertThat(analysis).as(setting).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo(refused.getMessage()).doesNotContain("\n");
        });

        MockEnvironment distributed = new MockEnvironment().withProperty("gongshi.data-dir", "");
        distributed.setActiveProfiles("distributed");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new DataDirectory().postProcessEnvironment(distributed, null)))
                .as("empty in every profile").hasMessageContaining("gongshi.data-dir is empty");
    }
}
