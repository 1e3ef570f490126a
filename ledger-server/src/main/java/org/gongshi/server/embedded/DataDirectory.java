package org.gongshi.server.embedded;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded default's data directory, made the owner's alone when the ledger makes it, before anything writes into it: it
 * holds the token key, the logs' signing keys and the ledger's clock, and made under the process's umask it was as open as
 * that (an operator's sweep, stop 74: under umask 000, {@code data/}, {@code data/keys/} and {@code clock.properties} were
 * writable by every local user, who could have put their own token key in place). One the operator made is left as it is;
 * {@link EmbeddedStorage} warns when others may write to it.
 */
public final class DataDirectory implements EnvironmentPostProcessor {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("distributed"))) return;
        Path directory = Path.of(environment.getRequiredProperty("gongshi.data-dir")).toAbsolutePath().normalize();
        if (Files.exists(directory)) return;
        try {
            if (directory.getParent() != null) Files.createDirectories(directory.getParent());
            boolean posix = Files.getFileStore(directory.getParent() == null ? directory.getRoot() : directory.getParent())
                    .supportsFileAttributeView(PosixFileAttributeView.class);
            if (posix) Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            else Files.createDirectory(directory);
        } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
            // another process made it first: it is that one's, and the data directory's lock decides who serves it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory + " (gongshi.data-dir)", e);
        }
    }

    /** Whether others than the owner may write to {@code directory} (false where the file system has no POSIX permissions). */
    static boolean othersMayWrite(Path directory) throws IOException {
        if (!Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) return false;
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        return permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }
}
