package org.gongshi.server;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.gongshi.projections.feed.FeedLogProjection;
import org.gongshi.projections.feed.FeedTypes;
import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.transparency.NoteVerifier;
import org.gongshi.projections.transparency.ProofVerifier;
import org.gongshi.projections.transparency.Rfc6962;
import org.gongshi.server.tools.FeedMirror;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit platforms mirror every public change in order, without gaps, across reconnects and a
 * server restart; every entry is a valid CloudEvent; the tree heads and proofs verify from the
 * entries alone.
 */
class FeedConformanceTest {

    static final String COMPANY_A = "91110000600037341L";
    static final String COMPANY_B = "91310000132200004B";

    @TempDir
    Path dataDir;
    @TempDir
    Path mirrors;

    ConfigurableApplicationContext app;
    final ExecutorService clients = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (app != null) app.close();
    }

    ConfigurableApplicationContext start(int port) {
        return LedgerEndToEndTest.start(dataDir, "--server.port=" + port, "--gongshi.feed.sign-interval=PT0.5S",
                "--gongshi.feed.poll-interval=PT0.05S");
    }

    @Test
    void every_subscriber_ends_with_the_same_gapless_sequence_across_reconnects_and_a_restart() throws Exception {
        int port = Ports.free();
        app = start(port);
        WebTestClient web = LedgerEndToEndTest.client(app);
        BureauClient bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
        URI base = URI.create("http://127.0.0.1:" + port);

        // phase 1: three published records, one of them revoked (published, published, published, withdrawn)
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = bureau.decidedCase("北京示例专利" + i + "有限公司", COMPANY_A, 20000 + i);
            bureau.publish(id);
            cases.add(id);
        }
        bureau.revoke(cases.get(0), "法院判决撤销原处罚决定");

        List<FeedMirror> mirrorsRunning = new ArrayList<>();
        for (int i = 0; i < 3; i++) mirrorsRunning.add(mirror(base, "client-" + i + ".jsonl"));
        awaitAll(mirrorsRunning, 4);

        // client-1 drops its connection mid-stream and comes back later with Last-Event-ID
        mirrorsRunning.get(1).stop();
        bureau.publish(bureau.decidedCase("上海示例医疗器械有限公司", COMPANY_B, 30000));

        // the server restarts on the same data directory; every client loses its stream
        app.close();
        app = start(port);
        assertThat(app.getBean(org.gongshi.server.embedded.LastRun.class).unclean()).as("the run before stopped cleanly").isNull();
        web = LedgerEndToEndTest.client(app);
        bureau = new BureauClient(web, LedgerEndToEndTest.BUREAU);
        FeedMirror rejoined = mirror(base, "client-1.jsonl");
        mirrorsRunning.set(1, rejoined);

        // phase 2, on the restarted server
        bureau.publish(bureau.decidedCase("北京示例专利9有限公司", COMPANY_A, 40000));
        bureau.revoke(cases.get(1), "复议撤销");
        // 3 published, 1 withdrawn, 1 published before the restart; 1 published, 1 withdrawn after
        List<String> entries = awaitEntries(base, 7);
        assertThat(entries).hasSize(7);
        awaitAll(mirrorsRunning, entries.size());

        for (int i = 0; i < 3; i++) {
            List<String> mirrored = Files.readAllLines(mirrors.resolve("client-" + i + ".jsonl"), StandardCharsets.UTF_8);
            assertThat(mirrored).as("client-%d holds exactly the feed", i).isEqualTo(entries);
        }
        assertGaplessCloudEvents(entries);
        assertTreeVerifies(base, entries);
    }

    @Test
    void a_rebuild_of_the_feed_gives_the_same_numbers_and_the_same_bytes() throws Exception {
        int port = Ports.free();
        app = start(port);
        BureauClient bureau = new BureauClient(LedgerEndToEndTest.client(app), LedgerEndToEndTest.BUREAU);
        URI base = URI.create("http://127.0.0.1:" + port);
        String id = bureau.decidedCase("北京重建示例有限公司", COMPANY_A, 12000);
        bureau.publish(id);
        bureau.publish(bureau.decidedCase("北京重建示例二有限公司", COMPANY_A, 13000));
        bureau.revoke(id, "撤销");
        List<String> before = awaitEntries(base, 3);
        String snapshotBefore = get(base, "/feed/v1/snapshot");

        var processor = app.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                .eventProcessor(FeedLogProjection.PROCESSING_GROUP, org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> after = List.of();
        while (System.nanoTime() < deadline && !after.equals(before)) {
            Thread.sleep(100);
            after = lines(get(base, "/feed/v1/entries?limit=1000"));
        }
        assertThat(after).isEqualTo(before);
        assertThat(get(base, "/feed/v1/snapshot")).isEqualTo(snapshotBefore);
        assertThat(snapshotBefore.lines().findFirst().orElseThrow()).startsWith("{\"sequence\":2");
        assertThat(snapshotBefore.lines().count()).as("header + the one record still public").isEqualTo(2);
    }

    @Test
    void filters_narrow_the_stream_without_renumbering_and_bad_parameters_are_400() throws Exception {
        int port = Ports.free();
        // heartbeats ten minutes apart: a stream at the head must still answer at once (below)
        app = LedgerEndToEndTest.start(dataDir, "--server.port=" + port, "--gongshi.feed.sign-interval=PT0.5S",
                "--gongshi.feed.poll-interval=PT0.05S", "--gongshi.feed.heartbeat=PT10M");
        BureauClient bureau = new BureauClient(LedgerEndToEndTest.client(app), LedgerEndToEndTest.BUREAU);
        URI base = URI.create("http://127.0.0.1:" + port);
        String id = bureau.decidedCase("北京过滤示例有限公司", COMPANY_A, 15000);
        bureau.publish(id);
        bureau.revoke(id, "撤销");
        awaitEntries(base, 2);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/events?types=disclosure.withdrawn&division=1101"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        String first = response.body().filter(l -> l.startsWith("id:") || l.startsWith("event:")).limit(2)
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(first).isEqualTo("id:1\nevent:" + FeedTypes.DISCLOSURE_WITHDRAWN + "\n");
        response.body().close();

        // a stream at the head answers its status and headers at once, with a first heartbeat (the first audit from outside:
        // nothing came until the first heartbeat, 10 s later, and a client with a short read timeout gave up)
        HttpResponse<java.util.stream.Stream<String>> atHead = http.sendAsync(HttpRequest.newBuilder(base.resolve("/feed/v1/events?after=1"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines()).get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(atHead.statusCode()).isEqualTo(200);
        assertThat(atHead.body().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith(":"));
        atHead.body().close();

        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/events?types=nope")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/entries?after=abc")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);
        // the largest sequence has no next one: refused, not wrapped round to the start (audit: it replayed the feed from 0)
        for (String resume : List.of("/feed/v1/entries?after=9223372036854775807", "/feed/v1/events?after=9223372036854775807")) {
            var wrapped = http.send(HttpRequest.newBuilder(base.resolve(resume)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrapped.statusCode()).as(resume).isEqualTo(400);
            assertThat(wrapped.body()).as(resume).contains("\"field\":\"after\"");
        }
        // a position beyond the head names entries this log never wrote: refused, not waited on (outside audit: a subscriber
        // holding another ledger's position got heartbeats and would have skipped every entry up to it)
        for (HttpRequest ahead : List.of(HttpRequest.newBuilder(base.resolve("/feed/v1/entries?after=2")).build(),
                HttpRequest.newBuilder(base.resolve("/feed/v1/events?after=2")).header("Accept", "text/event-stream").build(),
                HttpRequest.newBuilder(base.resolve("/feed/v1/events")).header("Accept", "text/event-stream").header("Last-Event-ID", "7").build())) {
            var refused = http.sendAsync(ahead, HttpResponse.BodyHandlers.ofString()).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(refused.statusCode()).as(ahead.uri() + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(ahead.uri().toString()).contains(ahead.headers().firstValue("Last-Event-ID").isPresent()
                    ? "\"field\":\"Last-Event-ID\"" : "\"field\":\"after\"").contains("beyond the feed's last entry 1");
        }
        // the entries are the whole log, which filters would not be (audit: they were ignored)
        var filtered = http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/entries?types=org.gongshi.disclosure.withdrawn.v1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(filtered.body()).contains("\"field\":\"types\"").contains("/feed/v1/events");
        // and so is the snapshot, every public record (a sweep from outside, stop 84: ?division=31 answered the whole country)
        for (String asked : List.of("division=31", "types=org.gongshi.listing.added.v1")) {
            var snapshot = http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/snapshot?" + asked)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(snapshot.statusCode()).as(asked).isEqualTo(400);
            assertThat(snapshot.body()).contains("\"field\":\"" + asked.substring(0, asked.indexOf('=')) + "\"").contains("/feed/v1/events");
        }
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/proofs/inclusion?index=5")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);
        // each refusal names the parameter to fix
        var beyond = http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/proofs/consistency?first=1&second=100000")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("\"field\":\"second\"");
        var empty = http.send(HttpRequest.newBuilder(base.resolve("/feed/v1/proofs/inclusion?index=0&treeSize=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"treeSize\"");
    }

    FeedMirror mirror(URI base, String file) throws Exception {
        FeedMirror mirror = new FeedMirror(base, mirrors.resolve(file));
        clients.submit(() -> {
            mirror.run(Instant.now().plus(Duration.ofMinutes(2)));
            return null;
        });
        return mirror;
    }

    static void awaitAll(List<FeedMirror> mirrors, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && mirrors.stream().anyMatch(m -> m.lastSequence() + 1 < count)) Thread.sleep(50);
        for (FeedMirror m : mirrors) assertThat(m.lastSequence() + 1).as("entries mirrored").isEqualTo(count);
    }

    static List<String> awaitEntries(URI base, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> entries = List.of();
        while (System.nanoTime() < deadline && entries.size() < atLeast) {
            entries = lines(get(base, "/feed/v1/entries?limit=1000"));
            if (entries.size() < atLeast) Thread.sleep(100);
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(atLeast);
        return entries;
    }

    static void assertGaplessCloudEvents(List<String> entries) {
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        for (int i = 0; i < entries.size(); i++) {
            CloudEvent event = format.deserialize(entries.get(i).getBytes(StandardCharsets.UTF_8));
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getType()).isIn(FeedTypes.ALL);
            assertThat(event.getSource()).isNotNull();
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getSubject()).isNotBlank();
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(((Number) event.getExtension("sequence")).longValue()).as("sequence of line %d", i).isEqualTo(i);
            assertThat(event.getData()).isNotNull();
            String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            if (event.getType().equals(FeedTypes.DISCLOSURE_WITHDRAWN)) {
                assertThat(data).as("a withdrawal names the entry it retracts").containsPattern("\"retracts\":\\d+");
            }
        }
    }

    static void assertTreeVerifies(URI base, List<String> entries) throws Exception {
        // the head covers the whole feed once the signer has caught up (after a restart, once it holds the
        // signing lease: at once after a clean stop, within the lease's 30 s after a crash)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<?, ?> head = Map.of("treeSize", -1);
        while (System.nanoTime() < deadline && ((Number) head.get("treeSize")).intValue() < entries.size()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/feed/v1/tree-head")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // 503 until the first head is signed
            if (response.statusCode() == 200) head = json(response.body());
            else assertThat(response.statusCode()).isEqualTo(503);
            Thread.sleep(100);
        }
        assertThat(((Number) head.get("treeSize")).intValue()).isEqualTo(entries.size());
        List<byte[]> leaves = entries.stream().map(l -> Rfc6962.leafHash(l.getBytes(StandardCharsets.UTF_8))).toList();
        MerkleProofs local = new MerkleProofs(LeafHashes.of(leaves));
        byte[] root = local.rootHash(entries.size());
        assertThat(head.get("rootHash")).isEqualTo(Base64.getEncoder().encodeToString(root));

        // the checkpoint is signed by the key the ledger publishes
        Map<?, ?> keys = json(get(base, "/.well-known/gongshi-keys"));
        List<NoteVerifier> verifiers = ((List<?>) keys.get("keys")).stream()
                .map(k -> NoteVerifier.parse((String) ((Map<?, ?>) k).get("verifierKey"))).toList();
        Checkpoint checkpoint = Checkpoint.open(get(base, "/feed/v1/checkpoint"), verifiers);
        assertThat(checkpoint.size()).isEqualTo(entries.size());
        assertThat(checkpoint.rootHash()).isEqualTo(root);
        assertThat(checkpoint.timestamp()).as("the signed checkpoint carries the head's time")
                .contains(Instant.parse((String) head.get("timestamp")));

        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> proof = json(get(base, "/feed/v1/proofs/inclusion?index=" + i + "&treeSize=" + entries.size()));
            assertThat(proof.get("leafHash")).isEqualTo(Base64.getEncoder().encodeToString(leaves.get(i)));
            List<byte[]> path = ((List<?>) proof.get("auditPath")).stream().map(s -> Base64.getDecoder().decode((String) s)).toList();
            ProofVerifier.verifyInclusion(leaves.get(i), i, entries.size(), path, root); // throws, saying why, if not
        }
        Map<?, ?> consistency = json(get(base, "/feed/v1/proofs/consistency?first=4&second=" + entries.size()));
        List<byte[]> proof = ((List<?>) consistency.get("proof")).stream().map(s -> Base64.getDecoder().decode((String) s)).toList();
        ProofVerifier.verifyConsistency(4, entries.size(), local.rootHash(4), root, proof);

        // every head signed so far is kept, and each extends the one before
        List<?> signed = (List<?>) json(get(base, "/feed/v1/tree-heads")).get("items");
        assertThat(signed).isNotEmpty();
        Checkpoint previous = null;
        for (Object item : signed) {
            Map<?, ?> kept = (Map<?, ?>) item;
            Checkpoint cp = Checkpoint.open((String) kept.get("checkpoint"), verifiers);
            assertThat(cp.size()).isEqualTo(((Number) kept.get("treeSize")).longValue());
            assertThat(Base64.getEncoder().encodeToString(cp.rootHash())).isEqualTo(kept.get("rootHash"));
            assertThat(cp.timestamp()).contains(Instant.parse((String) kept.get("timestamp")));
            if (previous != null && previous.size() > 0) {
                Map<?, ?> step = json(get(base, "/feed/v1/proofs/consistency?first=" + previous.size() + "&second=" + cp.size()));
                ProofVerifier.verifyConsistency(previous.size(), cp.size(), previous.rootHash(), cp.rootHash(),
                        ((List<?>) step.get("proof")).stream().map(s -> Base64.getDecoder().decode((String) s)).toList());
            }
            previous = cp;
        }
        assertThat(previous).isEqualTo(checkpoint);
    }

    static String get(URI base, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    static List<String> lines(String body) {
        return body.lines().filter(l -> !l.isEmpty()).toList();
    }

    static Map<?, ?> json(String body) throws Exception {
        return new tools.jackson.databind.json.JsonMapper().readValue(body, Map.class);
    }

}
