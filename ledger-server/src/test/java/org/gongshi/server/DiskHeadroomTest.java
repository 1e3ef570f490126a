package org.gongshi.server;

import org.gongshi.server.health.DiskHeadroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No bureau's command while the data directory's disk has less room than health asks (an operator's sweep from outside, stop
 * 86: a full disk answered 500s, then the node stopped itself). A node asked to keep more room than any disk has stands for a
 * full one: the same check, the same answer.
 */
class DiskHeadroomTest {

    @TempDir
    static Path dataDir;

    @Test
    void a_command_on_a_disk_with_too_little_room_is_refused_503_naming_the_directory_and_nothing_is_recorded() {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--management.health.diskspace.threshold=4096TB")) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
            var refused = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(LedgerEndToEndTest.fileCase("91110000600037341L")).exchange()
                    .expectStatus().isEqualTo(503).expectBody(Map.class).returnResult().getResponseBody();
            assertThat(refused.get("title")).isEqualTo("Ledger not taking commands");
            assertThat((String) refused.get("detail")).contains(dataDir.toAbsolutePath().toString())
                    .contains("management.health.diskspace.threshold").contains("nothing was recorded").contains("Free space");
            assertThat(web.get().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("total")).as("no case was filed").isEqualTo(0);
            // reads are still served
            web.get().uri("/api/v1/public/penalties").exchange().expectStatus().isOk();
        }
    }

    @Test
    void the_room_is_measured_against_the_threshold() {
        File directory = new File("/var/gongshi");
        assertThat(DiskHeadroom.problem(directory, 10L << 20, 10L << 20)).isNull();
        assertThat(DiskHeadroom.problem(directory, (10L << 20) - 1, 10L << 20)).contains("/var/gongshi has 10.0 MB free, less than the 10.0 MB");
    }
}
