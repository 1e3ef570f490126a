package org.gongshi.server.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded MongoDB listens on loopback and serves only connections that authenticated with the
 * credentials generated into the data directory (issue 11 item 4).
 */
class EmbeddedMongoAuthenticationTest {

    @TempDir
    Path dataDir;

    MongoServer server;
    MongoCredentials credentials;
    int port;

    @BeforeEach
    void start() {
        credentials = MongoCredentials.inDataDir(dataDir);
        server = new MongoServer(new AuthenticatingMongoBackend(dataDir.resolve("mongo.mv"), java.time.Duration.ofMillis(200), credentials));
        server.bind("127.0.0.1", 0);
        port = server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    MongoClient client(MongoCredential credential) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(20, TimeUnit.SECONDS));
        if (credential != null) settings.credential(credential);
        return MongoClients.create(settings.build());
    }

    @Test
    void credentials_are_generated_once_into_the_data_directory_readable_by_the_owner_only() throws Exception {
        Path file = dataDir.resolve(MongoCredentials.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(credentials.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(MongoCredentials.inDataDir(dataDir)).isEqualTo(credentials);
        assertThat(credentials.toString()).doesNotContain(credentials.password());
    }

    @Test
    void the_server_listens_on_loopback_only() {
        assertThat(server.getLocalAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void a_client_with_the_generated_credentials_reads_and_writes() {
        try (MongoClient client = client(MongoCredential.createScramSha256Credential(credentials.user(), "admin",
                credentials.password().toCharArray()))) {
            var views = client.getDatabase("gongshi").getCollection("case_views");
            views.insertOne(new Document("_id", "c1").append("idNumber", "110101199003071234"));
            assertThat(views.find().first()).containsEntry("_id", "c1");
        }
    }

    @Test
    void a_client_without_credentials_can_neither_read_nor_write() {
        try (MongoClient client = client(null)) {
            var views = client.getDatabase("gongshi").getCollection("case_views");
            assertThatThrownBy(() -> views.find().first()).isInstanceOf(MongoCommandException.class)
                    .satisfies(e -> assertThat(((MongoCommandException) e).getErrorCode()).isEqualTo(13));
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "x"))).isInstanceOf(MongoCommandException.class);
            assertThatThrownBy(() -> client.listDatabaseNames().into(new ArrayList<>())).isInstanceOf(MongoCommandException.class);
        }
    }

    @Test
    void a_client_with_a_wrong_password_or_user_is_refused() {
        for (MongoCredential wrong : new MongoCredential[]{
                MongoCredential.createScramSha256Credential(credentials.user(), "admin", "not-the-password-at-all".toCharArray()),
                MongoCredential.createScramSha256Credential("root", "admin", credentials.password().toCharArray())}) {
            try (MongoClient client = client(wrong)) {
                assertThatThrownBy(() -> client.getDatabase("gongshi").getCollection("case_views").find().first())
                        .isInstanceOf(MongoSecurityException.class);
            }
        }
    }
}
