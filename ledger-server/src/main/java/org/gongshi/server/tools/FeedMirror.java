package org.gongshi.server.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference subscriber a credit platform can run: keeps a local JSON Lines mirror of the feed
 * up to date, one CloudEvent per line, exactly the feed's bytes. It resumes after the last
 * sequence in the file (Last-Event-ID) after any interruption, checks that sequences arrive without
 * gap or repeat, and reconnects with backoff when the server goes away.
 *
 * <p>With {@code --verify} (or {@code --state dir}) it also checks, every {@code --check-every} (default
 * PT5S) while it follows: the feed's checkpoint is signed by a trusted key, consistent with the last
 * head it saw (kept in the state directory if given), and the mirrored entries are the tree's leaves.
 * On a fork or any failed check it stops loudly and {@code main} exits with status 3.
 *
 * <pre>java -jar ledger-server.jar mirror --url http://127.0.0.1:8080 [--out feed-mirror.jsonl] [--for PT1H] [--verify] [--state dir] [--check-every PT5S]</pre>
 */
public final class FeedMirror {

    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

    private final URI events;
    private final Path out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean stopped;
    private long last;
    /** The checks while following, or null when the mirror only mirrors. */
    private final Checks checks;
    private volatile String failure;

    public FeedMirror(URI baseUrl, Path out) throws IOException {
        this(baseUrl, out, null, null);
    }

    /** A mirror that also verifies the feed every {@code checkEvery} (null: never), keeping the last head in {@code state} (may be null). */
    public FeedMirror(URI baseUrl, Path out, Duration checkEvery, Path state) throws IOException {
        this.events = baseUrl.resolve("/feed/v1/events");
        this.out = out;
        this.last = lastSequence(out);
        this.checks = checkEvery == null ? null : new Checks(new LogChecks(new LogClient(baseUrl, null)), checkEvery, state,
                Files.exists(out) ? new java.util.ArrayList<>(LogChecks.lineHashes(Files.readAllLines(out, StandardCharsets.UTF_8)))
                        : new java.util.ArrayList<>());
    }

    /** How many rounds of checks have passed (0 for a mirror that does not check). */
    public long checksPassed() {
        return checks == null ? 0 : checks.checks;
    }

    /** Why the mirror stopped on a failed check (a fork, a bad signature, an entry not in the tree), or null. */
    public String failure() {
        return failure;
    }

    /** The verification state of a checking mirror: the keys, the last head seen, the mirrored leaf hashes. */
    private final class Checks implements LogChecks.Verdicts {
        final LogChecks logChecks;
        final long everyNanos;
        final Path state;
        final java.util.List<byte[]> hashes;
        java.util.List<org.gongshi.projections.transparency.NoteVerifier> keys;
        org.gongshi.projections.transparency.Checkpoint seen;
        long lastCheck = System.nanoTime();
        volatile long checks;

        Checks(LogChecks logChecks, Duration every, Path state, java.util.List<byte[]> hashes) {
            this.logChecks = logChecks;
            this.everyNanos = every.toNanos();
            this.state = state;
            this.hashes = hashes;
        }

        /** Checks the feed now if it is time: a failure stops the mirror. */
        void maybeCheck() {
            if (System.nanoTime() - lastCheck < everyNanos) return;
            lastCheck = System.nanoTime();
            try {
                if (keys == null) {
                    keys = logChecks.trustedKeys(state, this);
                    seen = LogChecks.lastSeen(state, LogClient.Log.FEED, keys);
                }
            } catch (IOException | RuntimeException e) {
                fail("verifier keys", e.getMessage());
                return;
            }
            LogChecks.Signed now = logChecks.signedCheckpoint(LogClient.Log.FEED, keys, this);
            if (now == null || !logChecks.consistent(LogClient.Log.FEED, seen, now.checkpoint(), this)) return;
            seen = now.checkpoint();
            try {
                LogChecks.remember(state, LogClient.Log.FEED, now.note());
            } catch (IOException e) {
                fail("feed last head seen", e.getMessage());
                return;
            }
            synchronized (FeedMirror.this) {
                logChecks.leaves(LogClient.Log.FEED, "mirror " + out, java.util.List.copyOf(hashes), now.checkpoint(), this);
            }
            checks++;
        }

        @Override
        public void pass(String check, String detail) {
            // quiet while all is well
        }

        @Override
        public void fail(String check, String detail) {
            failure = check + ": " + detail;
            System.err.println("!!! MIRROR STOPPED: " + failure);
            stopped = true;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = null, file = "feed-mirror.jsonl", state = null;
        Duration runFor = null, checkEvery = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--out" -> file = args[++i];
                case "--for" -> runFor = Duration.parse(args[++i]);
                case "--verify" -> checkEvery = checkEvery == null ? Duration.ofSeconds(5) : checkEvery;
                case "--state" -> {
                    state = args[++i];
                    if (checkEvery == null) checkEvery = Duration.ofSeconds(5);
                }
                case "--check-every" -> checkEvery = Duration.parse(args[++i]);
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (url == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        FeedMirror mirror = new FeedMirror(URI.create(url), Path.of(file), checkEvery, state == null ? null : Path.of(state));
        Runtime.getRuntime().addShutdownHook(new Thread(mirror::stop));
        System.err.printf("mirroring %s into %s from sequence %d%n", url, file, mirror.lastSequence() + 1);
        mirror.run(runFor == null ? null : Instant.now().plus(runFor));
        if (mirror.failure() != null) System.exit(3);
    }

    static final String USAGE = "usage: mirror --url http://host:port [--out feed-mirror.jsonl] [--for PT1H] [--verify] [--state dir] [--check-every PT5S]";

    /** The last sequence mirrored, -1 when the file is empty or missing. */
    public synchronized long lastSequence() {
        return last;
    }

    public void stop() {
        stopped = true;
    }

    /** Mirrors until stopped or until {@code until}; reconnects after every interruption. */
    public void run(Instant until) throws InterruptedException {
        Duration backoff = Duration.ofMillis(200);
        while (!stopped && (until == null || Instant.now().isBefore(until))) {
            try {
                follow(until);
                backoff = Duration.ofMillis(200);
            } catch (IOException | RuntimeException e) {
                if (stopped) return;
                if (checks != null) checks.maybeCheck();
                if (stopped) return;
                System.err.printf("feed interrupted (%s); resuming after %d in %d ms%n", e.getMessage(), lastSequence(), backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            }
        }
    }

    private void follow(Instant until) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(lastSequence())).GET().build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) throw new IOException("feed answered " + response.statusCode());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
             FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (!stopped && (until == null || Instant.now().isBefore(until)) && (line = reader.readLine()) != null) {
                if (checks != null) checks.maybeCheck();
                if (line.isEmpty()) {
                    if (id != null && data.length() > 0) append(channel, Long.parseLong(id), data.toString());
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) data.append('\n');
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            }
            if (!stopped && (until == null || Instant.now().isBefore(until))) throw new IOException("stream ended");
        }
    }

    private synchronized void append(FileChannel channel, long sequence, String json) throws IOException {
        if (sequence <= last) return; // already mirrored (a replay after reconnect)
        if (sequence != last + 1) throw new IllegalStateException("gap in the feed: expected " + (last + 1) + " but got " + sequence);
        channel.write(StandardCharsets.UTF_8.encode(json + "\n"));
        channel.force(false);
        last = sequence;
        if (checks != null) checks.hashes.add(org.gongshi.projections.transparency.Rfc6962.leafHash(json.getBytes(StandardCharsets.UTF_8)));
    }

    static long lastSequence(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) return -1;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long pos = raf.length() - 1;
            while (pos > 0) {
                raf.seek(pos - 1);
                if (raf.read() == '\n') break;
                pos--;
            }
            raf.seek(Math.max(pos, 0));
            String lastLine = new String(raf.readLine().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            Matcher m = SEQUENCE.matcher(lastLine);
            if (!m.find()) throw new IOException("the last line of " + file + " has no sequence; not a feed mirror");
            return Long.parseLong(m.group(1));
        }
    }
}
