package org.gongshi.projections.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The ledger's tree-head signing key and the verifier keys it used before.
 *
 * <p>The current key comes from configuration (a {@code PRIVATE+KEY+…} signer key string, the form for
 * production secrets) or, failing that, from a key file under a data directory, generated on first use
 * and written with permissions {@code rw-------}. Retired keys are kept as verifier key strings so that
 * {@code GET /.well-known/gongshi-keys} can list them and old checkpoints stay verifiable.
 */
public final class SigningKeys {

    /** The key file's name under the key directory. */
    public static final String KEY_FILE_NAME = "checkpoint-signer.key";

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private final NoteSigner current;
    private final List<NoteVerifier> retired;

    private SigningKeys(NoteSigner current, Collection<String> retiredVerifierKeys) {
        this.current = current;
        List<NoteVerifier> parsed = NoteVerifier.parseAll(retiredVerifierKeys == null ? List.of() : retiredVerifierKeys);
        for (NoteVerifier v : parsed) {
            if (v.equals(current.verifier())) {
                throw new IllegalArgumentException("the current key " + v.verifierKey() + " is also listed as retired");
            }
        }
        this.retired = parsed;
    }

    /** Keys from a configured signer key string. */
    public static SigningKeys fromSignerKey(String signerKey, Collection<String> retiredVerifierKeys) {
        return new SigningKeys(NoteSigner.parse(signerKey.strip()), retiredVerifierKeys);
    }

    /**
     * Keys from {@code directory/}{@value #KEY_FILE_NAME}; when the file does not exist, a new key named
     * {@code keyName} is generated and saved there (owner read/write only).
     *
     * @throws IllegalStateException if the stored key has another name than {@code keyName} (renaming the
     *                               key is a rotation: retire the old one explicitly)
     */
    public static SigningKeys loadOrCreate(Path directory, String keyName, Collection<String> retiredVerifierKeys) {
        NoteFormat.requireValidName(keyName);
        Path file = directory.resolve(KEY_FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                save(file, NoteSigner.generate(keyName));
            }
            NoteSigner signer = NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (!signer.name().equals(keyName)) {
                throw new IllegalStateException("the key in " + file + " is named \"" + signer.name()
                        + "\", not \"" + keyName + "\"; move it away and list its verifier key "
                        + signer.verifierKey() + " as retired to rotate");
            }
            return new SigningKeys(signer, retiredVerifierKeys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file, e);
        }
    }

    /**
     * The configured signer key when there is one (non-blank), else the key file under {@code directory}.
     */
    public static SigningKeys load(String configuredSignerKey, Path directory, String keyName,
                                   Collection<String> retiredVerifierKeys) {
        if (configuredSignerKey != null && !configuredSignerKey.isBlank()) {
            SigningKeys configured = fromSignerKey(configuredSignerKey, retiredVerifierKeys);
            // a witness knows a log's key by the log's origin: a key named otherwise signs notes no witness of this log accepts
            // (a sweep from outside, stop 72: a key made for another origin was taken, and its notes named two origins)
            if (!configured.current().name().equals(keyName)) {
                throw new IllegalStateException("the configured signer key is named \"" + configured.current().name() + "\", not after the"
                        + " log's origin \"" + keyName + "\": make one with java -jar ledger-server.jar keygen " + keyName
                        + ", or set the origin (gongshi.feed.origin, gongshi.ledger.origin) to the key's name");
            }
            return configured;
        }
        return loadOrCreate(directory, keyName, retiredVerifierKeys);
    }

    /** The key that signs new tree heads. */
    public NoteSigner current() {
        return current;
    }

    /** The current key's verifier key string. */
    public String currentVerifierKey() {
        return current.verifierKey();
    }

    /** Keys that signed earlier tree heads, as verifier key strings, in configuration order. */
    public List<String> retiredVerifierKeys() {
        return retired.stream().map(NoteVerifier::verifierKey).toList();
    }

    /** The current verifier first, then the retired ones: what a checkpoint may be opened with. */
    public List<NoteVerifier> verifiers() {
        List<NoteVerifier> all = new ArrayList<>(retired.size() + 1);
        all.add(current.verifier());
        all.addAll(retired);
        return List.copyOf(all);
    }

    /**
     * Writes the signer key to a temporary file created {@code rw-------}, then links it into place so an
     * existing key is never overwritten (if another process won the race, its key is kept).
     */
    private static void save(Path file, NoteSigner signer) throws IOException {
        Path dir = file.getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, ".checkpoint-signer", ".tmp", attrs);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap((signer.signerKey() + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, OWNER_READ_WRITE);
            }
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another process created the key first: use theirs
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file); // no REPLACE_EXISTING: never overwrites a key
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
