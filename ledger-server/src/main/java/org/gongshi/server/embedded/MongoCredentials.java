package org.gongshi.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded MongoDB's credentials: a user and a random password generated once into
 * {@code <data-dir>/mongo-credentials} (readable by the owner only), read again at every start. The
 * embedded server refuses every command of a connection that has not authenticated with them
 * ({@link AuthenticatingMongoBackend}); the ledger's own client authenticates with them.
 */
public record MongoCredentials(String user, String password) {

    public static final String FILE = "mongo-credentials";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public static MongoCredentials inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
                restrict(temp);
                Files.writeString(temp, "# the embedded MongoDB's credentials (generated; keep private)\nuser=gongshi\npassword=" + password + "\n");
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            restrict(file);
            Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String user = p.getProperty("user"), password = p.getProperty("password");
            if (user == null || user.isBlank() || password == null || password.length() < 16) {
                throw new IllegalStateException(file + " must name a user and a password of at least 16 characters;"
                        + " delete it to have new ones generated");
            }
            return new MongoCredentials(user.strip(), password.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the embedded MongoDB credentials " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the data directory's own permissions apply
        }
    }

    @Override
    public String toString() {
        return "MongoCredentials[user=" + user + ", password=***]";
    }
}
