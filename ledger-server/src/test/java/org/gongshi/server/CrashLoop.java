package org.gongshi.server;

import org.gongshi.server.embedded.MongoCredentials;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The crash loop: a ledger server under mixed bureau commands and live feed subscribers is killed
 * with SIGKILL at random moments and restarted on the same data directory, again and again. Then:
 * <ol>
 * <li>every command answered 2xx is in the event store;</li>
 * <li>every read model equals a from-scratch rebuild of the same event store (content hashes);</li>
 * <li>the feed equals the rebuild's byte for byte, numbered 0..n-1 without gap or duplicate, and
 * every line a subscriber received is the line the log holds at that number.</li>
 * </ol>
 * {@link CrashDurabilityTest} runs it once in the suite; {@code scripts/crash-loop.sh} runs it for
 * many rounds and prints what it checked.
 */
public final class CrashLoop {

    /** The read models a rebuild must reproduce (not tokens, sagas, dead letters, idempotency keys or signed heads). */
    static final List<String> READ_MODELS = List.of("case_views", "public_records", "listing_views", "penalty_history",
            "feed_entries", "feed_current");
    static final String BUREAU = "91110000600037341L";
    static final Duration DEADLINE = Duration.ofSeconds(240);
    /**
     * The ledger's clock starts after the dates the bureaus send (filed 02-10, noticed 02-12, decided
     * 03-02; publication takes the recording day), within the backdating tolerance; every restart
     * passes the same start, so the persisted clock continues.
     */
    static final String CLOCK_START = "2026-03-06T09:00:00+08:00";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path work;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;
    private int port;
    private int mongoPort;
    private Path log;

    /** Acknowledged commands: (caseId, the event type it recorded). */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** What the subscribers received: sequence number to line, per subscriber. */
    private final List<Map<Long, String>> received = new ArrayList<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicInteger unknownOutcomes = new AtomicInteger();
    /** Decision numbers are unique per bureau: each decision sent takes the next. */
    private final AtomicInteger decisionNumbers = new AtomicInteger();
    /** Commands refused (4xx): none should be. */
    private final List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * What a loop found; {@code restartsClearingLeftovers}: the restarts whose event store held values of transactions open
     * at the kill, which the start cleared (the embedded storage's {@code UnfinishedWrites}).
     */
    public record Report(int kills, int acknowledged, int unknownOutcomes, long events, int feedEntries, long subscriberLines,
                         Map<String, String> hashes, List<String> problems, int restartsClearingLeftovers) {}

    private CrashLoop(Path work, PrintStream out) {
        this.work = work;
        this.out = out;
    }

    /** Runs one crash loop in {@code work} (an empty directory) with {@code kills} SIGKILLs. */
    public static Report run(Path work, int kills, PrintStream out) throws Exception {
        return new CrashLoop(work, out).run(kills);
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path base = Files.createTempDirectory("gongshi-crash-loop");
        int failed = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            Report report = run(base.resolve("round-" + round), kills, System.out);
            System.out.printf("round %d/%d: %s in %d s: %d kills, %d commands acknowledged (all in the event store), %d of unknown outcome,"
                            + " %d events, %d feed entries (gapless, no duplicate, equal to the rebuild byte for byte), %d lines seen by"
                            + " subscribers (all equal to the log), read models equal to a rebuild: %s; restarts that cleared what killed"
                            + " transactions left in the event store: %d%n",
                    round, rounds, report.problems().isEmpty() ? "PASS" : "FAIL", (System.nanoTime() - start) / 1_000_000_000,
                    report.kills(), report.acknowledged(), report.unknownOutcomes(), report.events(), report.feedEntries(),
                    report.subscriberLines(), report.hashes().keySet(), report.restartsClearingLeftovers());
            report.problems().forEach(p -> System.out.println("  PROBLEM: " + p));
            if (!report.problems().isEmpty()) failed++;
        }
        System.out.printf("%d of %d rounds passed (work directory %s)%n", rounds - failed, rounds, base);
        System.exit(failed == 0 ? 0 : 1);
    }

    private Report run(int kills) throws Exception {
        Files.createDirectories(work);
        Path data = work.resolve("data");
        int[] ports = Ports.free(2);
        port = ports[0];
        mongoPort = ports[1];
        List<String> problems = new ArrayList<>();
        List<Thread> load = new ArrayList<>();
        try {
            launch(data);
            String token = token();
            loading.set(true);
            for (int w = 0; w < 3; w++) load.add(start("bureau-" + w, () -> commands(token)));
            for (int s = 0; s < 2; s++) {
                Map<Long, String> lines = new ConcurrentSkipListMap<>();
                received.add(lines);
                load.add(start("subscriber-" + s, () -> subscribe(lines)));
            }
            for (int kill = 1; kill <= kills; kill++) {
                long acksBefore = acknowledged.size();
                long publicationsBefore = publications();
                long until = System.nanoTime() + Duration.ofMillis(ThreadLocalRandom.current().nextLong(1500, 5000)).toNanos();
                // a random moment, once this incarnation has acknowledged some commands and a publication
                while (System.nanoTime() < until || acknowledged.size() < acksBefore + 4 || publications() == publicationsBefore) {
                    if (System.nanoTime() > until + DEADLINE.toNanos()) {
                        throw new IllegalStateException("this incarnation acknowledged too little to kill it meaningfully; " + logTail());
                    }
                    Thread.sleep(50);
                }
                server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no flush
                out.printf("  kill %d/%d after %d acknowledged commands%n", kill, kills, acknowledged.size());
                launch(data);
            }
            loading.set(false);
            for (Thread t : load) t.join(Duration.ofSeconds(30).toMillis());
            awaitCaughtUp();
            Map<String, String> hashes = hashes();
            List<String> feed = feedLines();
            stop();
            long events = checkEventStore(data.resolve("eventstore"), problems);
            refusals.forEach(r -> problems.add("refused: " + r));

            // the same event store, read models from nothing
            Path rebuilt = work.resolve("rebuilt");
            copy(data.resolve("eventstore"), rebuilt.resolve("eventstore"));
            Files.copy(data.resolve("clock.properties"), rebuilt.resolve("clock.properties")); // the same ledger time
            int[] rebuiltPorts = Ports.free(2);
            port = rebuiltPorts[0];
            mongoPort = rebuiltPorts[1];
            launch(rebuilt);
            awaitCaughtUp();
            Map<String, String> rebuiltHashes = hashes();
            List<String> rebuiltFeed = feedLines();
            stop();

            for (String collection : READ_MODELS) {
                if (!hashes.get(collection).equals(rebuiltHashes.get(collection))) {
                    problems.add(collection + " differs from its rebuild: " + hashes.get(collection) + " vs " + rebuiltHashes.get(collection));
                }
            }
            if (!feed.equals(rebuiltFeed)) problems.add("the feed differs from its rebuild: " + feed.size() + " vs " + rebuiltFeed.size() + " lines");
            Set<String> ids = new HashSet<>();
            for (int seq = 0; seq < feed.size(); seq++) {
                JsonNode line = JSON.readTree(feed.get(seq));
                if (line.path("sequence").asLong() != seq) problems.add("feed line " + seq + " carries sequence " + line.path("sequence"));
                if (!ids.add(line.path("id").asString())) problems.add("feed line " + seq + " repeats event " + line.path("id"));
            }
            long subscriberLines = 0;
            for (Map<Long, String> lines : received) {
                for (var e : lines.entrySet()) {
                    subscriberLines++;
                    if (e.getKey() >= feed.size() || !feed.get(e.getKey().intValue()).equals(e.getValue())) {
                        problems.add("a subscriber received line " + e.getKey() + " that the log does not hold as sent");
                    }
                }
                long expected = 0;
                for (long seq : lines.keySet()) {
                    if (seq != expected++) {
                        problems.add("a subscriber's stream skipped from " + (expected - 2) + " to " + seq);
                        break;
                    }
                }
            }
            return new Report(kills, acknowledged.size(), unknownOutcomes.get(), events, feed.size(), subscriberLines, hashes, problems,
                    restartsClearingLeftovers());
        } catch (Exception | AssertionError e) {
            problems.add(e + System.lineSeparator() + logTail());
            return new Report(kills, acknowledged.size(), unknownOutcomes.get(), -1, -1, -1, Map.of(), problems, restartsClearingLeftovers());
        } finally {
            loading.set(false);
            if (server != null) server.destroyForcibly().waitFor();
        }
    }

    // ---- load

    private long publications() {
        return acknowledged.stream().filter(a -> a.endsWith(" DisclosureDecided")).count();
    }

    /** A bureau officer taking cases through filing, notice, decision and publication, over and over. */
    private void commands(String token) {
        List<String> steps = List.of("CaseFiled", "PenaltyNoticeServed", "PenaltyDecided", "DisclosureDecided");
        while (loading.get()) {
            String caseId = null;
            for (int i = 0; i < steps.size() && loading.get(); ) {
                String step = steps.get(i);
                try {
                    HttpResponse<String> response = switch (step) {
                        case "CaseFiled" -> post(token, "/api/v1/cases", LedgerEndToEndTest.fileCase(BUREAU));
                        case "PenaltyNoticeServed" -> post(token, "/api/v1/cases/" + caseId + "/notices", Map.of("servedOn", "2026-02-12",
                                "hearingRightGranted", false, "proposedPenalties", List.of(Map.of("type", "FINE", "amount", 50000))));
                        case "PenaltyDecided" -> {
                            Map<String, Object> decision = new java.util.HashMap<>(LedgerEndToEndTest.decision());
                            decision.put("decisionNumber", "京朝市监罚〔2026〕" + decisionNumbers.incrementAndGet() + "号");
                            yield post(token, "/api/v1/cases/" + caseId + "/decisions", decision);
                        }
                        default -> post(token, "/api/v1/cases/" + caseId + "/disclosure", Map.of("action", "PUBLISH"));
                    };
                    if (response.statusCode() / 100 != 2) {
                        if (response.statusCode() < 500) refusals.add(step + " of " + caseId + " answered " + response.statusCode() + ": " + response.body());
                        else unknownOutcomes.incrementAndGet(); // a node going down: not acknowledged
                        break;
                    }
                    if (caseId == null) caseId = JSON.readTree(response.body()).path("caseId").asString();
                    acknowledged.add(caseId + " " + step);
                    i++;
                } catch (java.net.ConnectException down) {
                    pause(); // no node listening: nothing was sent; the same step again
                } catch (IOException | InterruptedException notAnswered) {
                    // the node died under the request: its outcome is unknown, so leave this case
                    unknownOutcomes.incrementAndGet();
                    pause();
                    break;
                }
            }
        }
    }

    /** A credit platform on the SSE feed, resuming with Last-Event-ID after every disconnect. */
    private void subscribe(Map<Long, String> lines) {
        while (loading.get()) {
            long last = lines.isEmpty() ? -1 : ((ConcurrentSkipListMap<Long, String>) lines).lastKey();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/feed/v1/events")).header("Accept", "text/event-stream");
            if (last >= 0) request.header("Last-Event-ID", Long.toString(last));
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                Long id = null;
                for (var it = response.body().iterator(); it.hasNext() && loading.get(); ) {
                    String line = it.next();
                    if (line.startsWith("id:")) id = Long.parseLong(line.substring(3).strip());
                    else if (line.startsWith("data:") && id != null) lines.put(id, line.substring(5).strip());
                }
            } catch (IOException | RuntimeException | InterruptedException disconnected) {
                // the node died: reconnect
            }
            pause();
        }
    }

    private HttpResponse<String> post(String token, String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/dev/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("sub", "officer-crash", "bureau", BUREAU,
                        "division", "110105", "roles", List.of("officer"))))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("token").asString();
    }

    // ---- checks

    /** Every acknowledged command's event is in the event store; returns how many events it holds. */
    private long checkEventStore(Path eventStore, List<String> problems) throws Exception {
        Set<String> stored = new HashSet<>();
        long events = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + eventStore.resolve("ledger") + ";ACCESS_MODE_DATA=r", "gongshi", "");
             ResultSet rows = c.createStatement().executeQuery("SELECT aggregateIdentifier, payloadType FROM DomainEventEntry")) {
            while (rows.next()) {
                events++;
                String type = rows.getString(2);
                stored.add(rows.getString(1) + " " + type.substring(type.lastIndexOf('.') + 1));
            }
        }
        for (String command : acknowledged) {
            if (!stored.contains(command)) problems.add("acknowledged but not in the event store: " + command);
        }
        return events;
    }

    /** SHA-256 of each read model: its documents in _id order, as extended JSON. */
    private Map<String, String> hashes() throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        MongoCredentials credentials = MongoCredentials.inDataDir(launchedData);
        try (MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + mongoPort))
                .credential(com.mongodb.MongoCredential.createScramSha256Credential(credentials.user(), "admin",
                        credentials.password().toCharArray()))
                .build())) {
            var db = client.getDatabase("gongshi");
            for (String collection : READ_MODELS) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long count = 0;
                for (Document d : db.getCollection(collection).find().sort(Sorts.ascending("_id"))) {
                    sha.update(((Document) fieldsInOrder(d)).toJson().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                    count++;
                }
                hashes.put(collection, count + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
            }
        }
        return hashes;
    }

    /**
     * {@code value} with every document's fields in name order: documents equal as documents hash the same. The embedded
     * MongoDB keeps a replaced document's fields where they were and appends the new ones, so a case view's field order
     * records which batches wrote it (real MongoDB stores a replacement in its own order); its content does not.
     */
    private static Object fieldsInOrder(Object value) {
        if (value instanceof Document document) {
            Document ordered = new Document();
            new java.util.TreeMap<>(document).forEach((name, field) -> ordered.append(name, fieldsInOrder(field)));
            return ordered;
        }
        if (value instanceof List<?> list) return list.stream().map(CrashLoop::fieldsInOrder).toList();
        return value;
    }

    private List<String> feedLines() throws Exception {
        List<String> lines = new ArrayList<>();
        while (true) {
            String body = http.send(HttpRequest.newBuilder(uri("/feed/v1/entries?limit=1000&after=" + (lines.size() - 1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> page = body.lines().filter(l -> !l.isBlank()).toList();
            if (page.isEmpty()) return lines;
            lines.addAll(page);
        }
    }

    /** Every processor runs here, holds no dead letters, and has processed up to the head; twice in a row. */
    private void awaitCaughtUp() throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int settled = 0;
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode health = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                JsonNode processors = health.path("components").path("eventProcessors").path("details");
                boolean caughtUp = processors.size() > 0;
                for (var p : processors.properties()) {
                    if (p.getKey().equals("reason")) continue;
                    JsonNode state = p.getValue();
                    caughtUp &= state.path("state").asString().equals("RUNNING") && state.path("lag").asLong(-1) == 0
                            && state.path("deadLetters").asLong() == 0;
                }
                last = processors.toString();
                settled = caughtUp ? settled + 1 : 0;
                if (settled >= 2) return;
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the read models did not catch up within " + DEADLINE.toSeconds() + " s; processors: " + last);
    }

    // ---- the server

    /** The data directory of the server launched last: its embedded MongoDB's credentials are there. */
    private Path launchedData;

    private void launch(Path data) throws Exception {
        launchedData = data;
        Files.createDirectories(data);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        log = work.resolve("server-" + System.nanoTime() + ".log");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", classpath,
                LedgerServerApplication.class.getName(), "--server.port=" + port, "--gongshi.embedded.mongo-port=" + mongoPort,
                "--gongshi.data-dir=" + data, "--gongshi.clock.start=" + CLOCK_START, "--logging.level.root=WARN", "--management.endpoint.health.show-details=always")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new AssertionError("the server exited with " + server.exitValue());
            try {
                http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYetListening) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the server did not answer within " + DEADLINE.toSeconds() + " s");
    }

    private void stop() throws InterruptedException {
        server.destroy(); // SIGTERM: a clean shutdown, so the event store can be read
        if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    }

    /** How many of the servers' logs say their start cleared what a killed run's open transactions left. */
    private int restartsClearingLeftovers() {
        try (var logs = Files.list(work)) {
            return (int) logs.filter(p -> p.getFileName().toString().startsWith("server-")).filter(p -> {
                try {
                    return Files.readString(p).contains("that were open when the last run stopped");
                } catch (IOException | RuntimeException unreadable) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The last lines of the newest server log. */
    String logTail() {
        try {
            if (log == null || !Files.exists(log)) return "(no server log)";
            List<String> all = Files.readAllLines(log);
            return "server log " + log + " ends:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
