package org.gongshi.server;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.gongshi.server.tools.FeedMirror;
import org.gongshi.server.tools.Verify;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} passes on an untouched ledger and, after tampering, names the exact entry: one byte
 * of a stored event in the H2 event store, one byte of a stored feed entry in MongoDB. A checkpoint
 * inconsistent with one seen earlier is a fork, which {@code verify} and a checking {@code mirror} report.
 */
class VerifyEndToEndTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    ConfigurableApplicationContext app;
    final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (app != null) app.close();
    }

    record Run(int status, String output) {}

    static Run verify(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Verify.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verify_passes_on_an_untouched_ledger_and_names_the_index_of_a_tampered_stored_event_or_feed_entry() throws Exception {
        app = LedgerEndToEndTest.start(dataDir, "--gongshi.feed.sign-interval=PT0.3S");
        WebTestClient web = LedgerEndToEndTest.client(app);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        BureauClient bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
        String caseId = bureau.decidedCase("北京核验示例有限公司", AuditEndToEndTest.COMPANY, 20000);
        bureau.publish(caseId);
        bureau.publish(bureau.decidedCase("北京核验示例二有限公司", AuditEndToEndTest.COMPANY, 30000));
        // the case rests under a listing: its history holds the list entry's slot, whose events name the listing only (an
        // auditor's sweep, stop 74: every listed case failed verify --case)
        web.post().uri("/api/v1/listings").headers(h -> h.setBearerAuth(LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer")))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(ListingsEndToEndTest.proposal("SEVERE_DISHONESTY", "REFUSAL_TO_PERFORM", "北京核验示例有限公司", AuditEndToEndTest.COMPANY,
                        List.of(caseId), "2026-03-13"))
                .exchange().expectStatus().isCreated();
        String auditor = AuditEndToEndTest.token(web, "auditor", "110000");
        List<JsonNode> events = AuditEndToEndTest.awaitEvents(web, auditor, caseId, 7);
        assertThat(events).extracting(e -> e.get("aggregateType").asString()).contains("Listing", "ListEntrySlot");
        AuditEndToEndTest.awaitLedgerCheckpoint(web, events.get(events.size() - 1).get("leafIndex").asLong() + 1);
        awaitFeedCheckpoint(web, 2);
        Path mirror = work.resolve("feed.jsonl");
        Files.writeString(mirror, web.get().uri("/feed/v1/entries?after=-1&limit=100").exchange()
                .expectBody(String.class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        Path state = work.resolve("state");
        String[] all = {"--url", base, "--mirror", mirror.toString(), "--state", state.toString(), "--case", caseId, "--token", auditor};

        Run untouched = verify(all);
        assertThat(untouched.status()).as(untouched.output()).isZero();
        assertThat(untouched.output()).contains("PASS  feed checkpoint signature", "PASS  ledger checkpoint signature",
                "PASS  served feed entries against the feed tree", "PASS  mirror", "PASS  case " + caseId + " events against the ledger tree")
                .doesNotContain("FAIL");
        Run again = verify(all);
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(again.output()).contains("PASS  feed consistency with the last head seen: unchanged", "keys pinned in");

        // a proxy that changes one character of the first leafHash of the case's history it passes on: the hash the history shows
        // is no longer its leaf's (a sweep from outside, stop 87: verify rebuilt the leaves, never read that field, and passed)
        try (RewritingProxy proxy = new RewritingProxy(base, VerifyEndToEndTest::firstLeafHashChanged)) {
            Run rewritten = verify("--url", proxy.url(), "--state", work.resolve("proxy-state").toString(), "--case", caseId, "--token", auditor);
            assertThat(rewritten.status()).as(rewritten.output()).isEqualTo(1);
            assertThat(rewritten.output()).contains("FAIL  case " + caseId + " event globalIndex " + events.get(0).get("globalIndex").asLong())
                    .contains("is not the hash of the leaf it encodes to");
        }
        // and of an event the history shows as newer than the signed head (its re-test: "checked next time", and a PASS)
        try (RewritingProxy proxy = new RewritingProxy(base,
                body -> firstLeafHashChanged(body).replaceFirst("\"leafIndex\":[0-9]+", "\"leafIndex\":999999999"))) {
            Run unsigned = verify("--url", proxy.url(), "--state", work.resolve("proxy-state-2").toString(), "--case", caseId, "--token", auditor);
            assertThat(unsigned.status()).as(unsigned.output()).isEqualTo(1);
            assertThat(unsigned.output()).contains("is not the hash of the leaf it encodes to").doesNotContain("proved next time");
        }

        // lines forged onto the mirror beyond the signed head: nothing verifies them, so they fail by line number
        Path forged = work.resolve("forged.jsonl");
        Files.writeString(forged, Files.readString(mirror, StandardCharsets.UTF_8) + "this is not json\n", StandardCharsets.UTF_8);
        long mirrored = Files.readAllLines(mirror, StandardCharsets.UTF_8).size();
        Run forgedLines = verify("--url", base, "--mirror", forged.toString(), "--state", state.toString());
        assertThat(forgedLines.status()).as(forgedLines.output()).isEqualTo(1);
        assertThat(forgedLines.output()).contains("FAIL  mirror " + forged + " line " + (mirrored + 1) + ": not a feed entry");

        // one byte of the decision's stored payload in the H2 event store: 20000 -> 20001
        JsonNode decided = events.stream().filter(e -> e.get("type").asString().endsWith(".PenaltyDecided")).findFirst().orElseThrow();
        tamperStoredEvent(app.getBean("eventStoreDataSource", DataSource.class), decided.get("eventId").asString());
        Run tamperedEvent = verify(all);
        assertThat(tamperedEvent.status()).isEqualTo(1);
        assertThat(tamperedEvent.output()).contains("FAIL  case " + caseId + " event globalIndex " + decided.get("globalIndex").asLong()
                + " (leafIndex " + decided.get("leafIndex").asLong() + ", org.gongshi.ledger.cases.event.PenaltyDecided)");

        // one byte of feed entry 1 in MongoDB (the served line; its stored leaf hash untouched)
        MongoDatabase mongo = app.getBean(MongoDatabase.class);
        String line = mongo.getCollection("feed_entries").find(Filters.eq("_id", 1L)).first().getString("line");
        mongo.getCollection("feed_entries").updateOne(Filters.eq("_id", 1L), Updates.set("line", line.replace("30000", "30001")));
        Run tamperedEntry = verify("--url", base, "--state", state.toString());
        assertThat(tamperedEntry.status()).isEqualTo(1);
        assertThat(tamperedEntry.output()).contains("FAIL  served feed entries against the feed tree: index 1 is not the leaf the tree signed");
    }

    @Test
    void a_checkpoint_inconsistent_with_one_seen_earlier_is_a_fork_for_verify_and_for_a_checking_mirror() throws Exception {
        app = LedgerEndToEndTest.start(dataDir, "--gongshi.feed.sign-interval=PT0.3S");
        WebTestClient web = LedgerEndToEndTest.client(app);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        BureauClient bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
        bureau.publish(bureau.decidedCase("北京分叉示例有限公司", AuditEndToEndTest.COMPANY, 20000));
        bureau.publish(bureau.decidedCase("北京分叉示例二有限公司", AuditEndToEndTest.COMPANY, 30000));
        awaitFeedCheckpoint(web, 2);
        Path state = work.resolve("state");
        assertThat(verify("--url", base, "--state", state.toString()).status()).isZero();

        FeedMirror mirror = new FeedMirror(URI.create(base), work.resolve("mirror.jsonl"), Duration.ofMillis(200), work.resolve("mirror-state"));
        background.submit(() -> {
            mirror.run(Instant.now().plus(Duration.ofMinutes(2)));
            return null;
        });
        awaitMirrored(mirror, 2);
        awaitChecked(mirror);

        // the log rewrites entry 0 and signs a new history from scratch: the same size, another root
        MongoDatabase mongo = app.getBean(MongoDatabase.class);
        Document first = mongo.getCollection("feed_entries").find(Filters.eq("_id", 0L)).first();
        String forged = first.getString("line").replace("20000", "20001");
        mongo.getCollection("feed_entries").updateOne(Filters.eq("_id", 0L), Updates.combine(Updates.set("line", forged),
                Updates.set("leafHash", org.gongshi.projections.transparency.Rfc6962.leafHash(forged.getBytes(StandardCharsets.UTF_8)))));
        mongo.getCollection("feed_tree_heads").deleteMany(new Document());
        awaitFeedCheckpoint(web, 2);

        Run fork = verify("--url", base, "--state", state.toString());
        assertThat(fork.status()).isEqualTo(1);
        assertThat(fork.output()).contains("FAIL  feed consistency with the last head seen: FORK: two roots for size 2");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mirror.failure() == null && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(mirror.failure()).contains("FORK");
    }

    /** {@code body} with one character of its first leafHash changed. */
    static String firstLeafHashChanged(String body) {
        int at = body.indexOf("\"leafHash\":\"");
        if (at < 0) return body;
        int c = at + "\"leafHash\":\"".length();
        return body.substring(0, c) + (body.charAt(c) == 'A' ? 'B' : 'A') + body.substring(c + 1);
    }

    /** Passes GET requests on to {@code target}, rewriting the answers of a case's history with {@code rewrite}. */
    static final class RewritingProxy implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        RewritingProxy(String target, java.util.function.UnaryOperator<String> rewrite) throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try {
                    var request = java.net.http.HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI())).GET();
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    if (authorization != null) request.header("Authorization", authorization);
                    var answer = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    String body = exchange.getRequestURI().getPath().endsWith("/events") && exchange.getRequestURI().getPath().contains("/audit/cases/")
                            ? rewrite.apply(answer.body()) : answer.body();
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
                    exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
                    exchange.getResponseBody().write(bytes);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static void tamperStoredEvent(DataSource dataSource, String eventId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            byte[] payload;
            try (PreparedStatement read = c.prepareStatement("SELECT payload FROM DomainEventEntry WHERE eventIdentifier = ?")) {
                read.setString(1, eventId);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    payload = rs.getBytes(1);
                }
            }
            String json = new String(payload, StandardCharsets.UTF_8);
            int at = json.indexOf("20000");
            assertThat(at).as("the stored decision holds the fine: %s", json).isNotNegative();
            byte[] tampered = payload.clone();
            int offset = json.substring(0, at).getBytes(StandardCharsets.UTF_8).length + 4;
            tampered[offset] = '1';
            try (PreparedStatement write = c.prepareStatement("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?")) {
                write.setBytes(1, tampered);
                write.setString(2, eventId);
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
        }
    }

    static void awaitFeedCheckpoint(WebTestClient web, long size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var result = web.get().uri("/feed/v1/tree-head").exchange().expectBody(String.class).returnResult();
            if (result.getStatus().value() == 200 && AuditEndToEndTest.json(result.getResponseBody()).get("treeSize").asLong() >= size) return;
            Thread.sleep(100);
        }
        throw new AssertionError("no feed head of size " + size);
    }

    static void awaitMirrored(FeedMirror mirror, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mirror.lastSequence() + 1 < count && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(mirror.lastSequence() + 1).isEqualTo(count);
    }

    static void awaitChecked(FeedMirror mirror) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mirror.checksPassed() == 0 && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(mirror.checksPassed()).as("checks the mirror ran: failure %s", mirror.failure()).isPositive();
    }
}
