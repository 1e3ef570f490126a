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
}
