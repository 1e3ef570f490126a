package org.gongshi.server.embedded;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.io.IOException;
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
        String setting = environment.getRequiredProperty("gongshi.data-dir");
        if (setting.isBlank()) {
            // an operator's sweep from outside, stop 86: the stores went into the working directory, the token key to /jwt-secret
            throw new IllegalArgumentException("The setting gongshi.data-dir is empty: give the directory the ledger keeps its stores"
                    + " and keys in (--gongshi.data-dir=./data), or leave it out for ./data");
        }
        if (environment.acceptsProfiles(Profiles.of("distributed"))) return;
        prepare(setting);
    }

    /**
     * Makes the data directory {@code setting} names, the owner's alone, or checks that the one there is a directory this
     * process may write to; else refuses in one line naming the setting (a sweep from outside, stop 86: a file, a read-only
     * directory or one under /proc stopped the start with 47 stack frames, {@code generate} with 103).
     */
    static Path prepare(String setting) {
        Path directory;
        try {
            directory = Path.of(setting).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("The setting gongshi.data-dir is '" + setting + "', which is no path: " + e.getReason()
                    + "; give the directory the ledger keeps its stores and keys in");
        }
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) throw refused(directory, "is a file, not a directory");
            if (!Files.isWritable(directory) || !Files.isExecutable(directory)) {
                throw refused(directory, "is a directory this process may not write to (its owner or mode)");
            }
            return stores(directory);
        }
        try {
            if (directory.getParent() != null) Files.createDirectories(directory.getParent());
            boolean posix = Files.getFileStore(directory.getParent() == null ? directory.getRoot() : directory.getParent())
                    .supportsFileAttributeView(PosixFileAttributeView.class);
            if (posix) Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            else Files.createDirectory(directory);
        } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
            // another process made it first (or a file stands in its path): the data directory's lock decides who serves it
            if (!Files.isDirectory(directory)) throw refused(directory, "cannot be made: " + madeMeanwhile.getFile() + " is a file");
        } catch (IOException | UnsupportedOperationException e) {
            throw refused(directory, "cannot be made (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()) + ")");
        }
        return stores(directory);
    }

    /** The stores' directories in {@code directory}, made here so that one that cannot be (a file in its place) is said in one line. */
    private static Path stores(Path directory) {
        for (String store : STORES) {
            try {
                Files.createDirectories(directory.resolve(store));
            } catch (IOException | UnsupportedOperationException e) {
                // a re-test from outside, stop 86: eventstore/ a file, or a directory root may write to but not make one in (/sys)
                throw refused(directory, "cannot hold its " + store + " directory (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
        return directory;
    }

    /** The stores' directories, in the data directory. */
    static final java.util.List<String> STORES = java.util.List.of("eventstore", "readmodels");

    private static IllegalArgumentException refused(Path directory, String problem) {
        return new IllegalArgumentException("The setting gongshi.data-dir names " + directory + ", which " + problem + ": give a"
                + " directory this process may create or write to (--gongshi.data-dir=DIR), or leave it out for ./data");
    }

    /** Whether others than the owner may write to {@code directory} (false where the file system has no POSIX permissions). */
    static boolean othersMayWrite(Path directory) throws IOException {
        if (!Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) return false;
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        return permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }
}
