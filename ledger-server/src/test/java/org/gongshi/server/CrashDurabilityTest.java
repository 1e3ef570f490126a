package org.gongshi.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No acknowledged event is lost when the embedded ledger is killed with SIGKILL: every case whose
 * filing was answered 201 is there after a restart on the same data directory.
 */
class CrashDurabilityTest {

    @TempDir
    Path dataDir;

    private Process server;

    @AfterEach
    void stop() {
        if (server != null) server.destroyForcibly();
    }

    @Test
    void acknowledged_events_survive_sigkill() throws Exception {
        int port = freePort();
        server = launch(port);
        WebTestClient web = await(port);
        String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<?, ?> filed = web.post().uri("/api/v1/cases").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            acknowledged.add((String) filed.get("caseId"));
        }
        server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no flush
        assertThat(server.exitValue()).isEqualTo(137);

        server = launch(port);
        web = await(port);
        String again = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
        for (String caseId : acknowledged) {
            // each acknowledged filing is in the event store: the aggregate loads and applies its rules
            web.post().uri("/api/v1/cases/{id}/closure", caseId).headers(h -> h.setBearerAuth(again))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("closedOn", "2026-03-01", "outcome", "x"))
                    .exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.rule").isEqualTo("closure-after-disposition");
        }
        Map<?, ?> total = web.get().uri("/api/v1/cases?size=100").headers(h -> h.setBearerAuth(again))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        // the killed node still holds its processors' token claims until they time out, and the
        // read store may have lost its last second of writes: the view catches up after the claim
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (((Number) total.get("total")).intValue() < acknowledged.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            total = web.get().uri("/api/v1/cases?size=100").headers(h -> h.setBearerAuth(again))
                    .exchange().expectBody(Map.class).returnResult().getResponseBody();
        }
        assertThat(((Number) total.get("total")).intValue()).as("read model rebuilt after the kill; the restarted node's log ends:%n%s",
                logTail(40)).isEqualTo(acknowledged.size());
    }

    /** The last lines of the newest server log, to show why a catch-up did not finish. */
    private String logTail(int lines) throws IOException {
        try (var logs = java.nio.file.Files.list(dataDir)) {
            Path newest = logs.filter(p -> p.getFileName().toString().startsWith("server-"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified())).orElse(null);
            if (newest == null) return "(no log)";
            List<String> all = java.nio.file.Files.readAllLines(newest);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private Process launch(int port) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                LedgerServerApplication.class.getName(),
                "--server.port=" + port, "--gongshi.data-dir=" + dataDir, "--logging.level.root=WARN",
                // every restart passes the same start: the persisted clock continues (it never goes back)
                "--gongshi.clock.start=" + LedgerEndToEndTest.CLOCK_START);
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile());
        return builder.start();
    }

    private WebTestClient await(int port) throws InterruptedException {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .filter(OnItsDay.filter("http://127.0.0.1:" + port)).responseTimeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server process alive").isTrue();
            try {
                var status = web.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus();
                if (status.is2xxSuccessful()) return web;
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("ledger did not become healthy on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
