package org.gongshi.server.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
import java.util.List;
import java.time.Instant;

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

    private final URI events, checkpoint;
    private final Path out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean stopped;
    private long last;
    /** The checks while following, or null when the mirror only mirrors. */
    private final Checks checks;
    private volatile String failure;
    /** Why the mirror could not reach the feed when it started (a wrong --url, no server), or null. */
    private volatile String error;
    private volatile boolean connected;

    public FeedMirror(URI baseUrl, Path out) throws IOException {
        this(baseUrl, out, null, null);
    }

    /** A mirror that also verifies the feed every {@code checkEvery} (null: never), keeping the last head in {@code state} (may be null). */
    public FeedMirror(URI baseUrl, Path out, Duration checkEvery, Path state) throws IOException {
        this.events = LogClient.endpoint(baseUrl, "/feed/v1/events");
        this.checkpoint = LogClient.endpoint(baseUrl, LogClient.Log.FEED.checkpoint());
        this.out = out;
        this.last = recover(out, System.err);
        // the file is ours to append to before any entry is fetched: a missing directory or a read-only file is said at the
        // start (an auditor's sweep: --out in a missing directory retried for ever, each time as "feed interrupted")
        FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
        this.checks = checkEvery == null ? null : new Checks(new LogChecks(new LogClient(baseUrl, null)), checkEvery, state,
                Files.exists(out) ? new java.util.ArrayList<>(LogChecks.fileHashes(out)) : new java.util.ArrayList<>());
    }

    /** How many rounds of checks have passed (0 for a mirror that does not check). */
    public long checksPassed() {
        return checks == null ? 0 : checks.checks;
    }

    /** Rounds of checks put off because the server could not be reached (tried again at the next interval). */
    public long checksPostponed() {
        return checks == null ? 0 : checks.postponed;
    }

    /** Why the mirror stopped on a failed check (a fork, a bad signature, an entry not in the tree), or null. */
    public String failure() {
        return failure;
    }

    /** Why the mirror gave up without ever reaching the feed (no server at --url, a wrong URL), or null. */
    public String error() {
        return error;
    }

    /** The verification state of a checking mirror: the keys, the last head seen, the mirrored leaf hashes. */
    private final class Checks implements LogChecks.Verdicts {
        final LogChecks logChecks;
        final long everyNanos;
        final Path state;
        final java.util.List<byte[]> hashes;
        java.util.List<org.gongshi.projections.transparency.NoteVerifier> keys;
        org.gongshi.projections.transparency.Checkpoint seen;
        long lastCheck;
        volatile long checks, postponed;
        /** The mirror file's size and time as this mirror last wrote it: another change to it is looked into at the next round. */
        long writtenSize = -1;
        java.nio.file.attribute.FileTime writtenAt;

        Checks(LogChecks logChecks, Duration every, Path state, java.util.List<byte[]> hashes) {
            this.logChecks = logChecks;
            this.everyNanos = every.toNanos();
            // the first round at the first line read, before anything is appended: a state that holds a head catches a log
            // forked from it before its entries reach the mirror (a sweep from outside, stop 76: the mirror appended the other
            // ledger's entries, then stopped on the fork, and did so again at every restart)
            this.lastCheck = System.nanoTime() - everyNanos;
            this.state = state;
            this.hashes = hashes;
        }

        /** What the current round of checks found wrong; decided on at the round's end ({@link #maybeCheck}). */
        private final java.util.List<String> failed = new java.util.ArrayList<>();

        /**
         * Checks the feed now if it is time. A failure stops the mirror, unless the server could not be reached at the
         * round's end: a check that could not fetch what it checks proved nothing, and the round is tried again at the next
         * interval (outside audit: a server restarted for ten seconds stopped a checking mirror as a fork, exit 3).
         */
        void maybeCheck() {
            if (System.nanoTime() - lastCheck < everyNanos) return;
            lastCheck = System.nanoTime();
            failed.clear();
            check();
            if (failed.isEmpty()) return;
            String unreachable = failed.stream().filter(FeedMirror::notAnswered).findFirst().orElseGet(this::unreachable);
            if (unreachable != null) {
                postponed++;
                System.err.printf("checks postponed: %s; first to retry: %s%n", unreachable, failed.get(0));
                return;
            }
            failure = failed.get(0);
            System.err.println("!!! MIRROR STOPPED: " + failure);
            stopped = true;
        }

        private void check() {
            try {
                if (keys == null) {
                    java.util.List<org.gongshi.projections.transparency.NoteVerifier> trusted = logChecks.trustedKeys(state, this);
                    if (!failed.isEmpty()) return;
                    seen = LogChecks.lastSeen(state, LogClient.Log.FEED, trusted);
                    keys = trusted;
                }
            } catch (IOException | RuntimeException e) {
                fail("verifier keys", e.getMessage());
                return;
            }
            LogChecks.Signed now = logChecks.signedCheckpoint(LogClient.Log.FEED, keys, this);
            if (now == null || !logChecks.consistent(LogClient.Log.FEED, seen, now.checkpoint(), this)) return;
            seen = now.checkpoint();
            synchronized (FeedMirror.this) {
                stillOnDisk();
                if (failed.isEmpty()) logChecks.leaves(LogClient.Log.FEED, "mirror " + out, java.util.List.copyOf(hashes), now.checkpoint(), this);
            }
            if (!failed.isEmpty()) return; // the head is kept as seen only with a mirror that checked against it
            try {
                LogChecks.remember(state, LogClient.Log.FEED, now.note());
            } catch (IOException e) {
                fail("feed last head seen", e.getMessage());
                return;
            }
            checks++;
        }

        /**
         * Whether the file still holds what was mirrored and checked: the entries checked against the tree are the mirror's own
         * record of what it wrote, so a file changed by another hand while the mirror runs was not seen until a restart (an
         * auditor's sweep, stop 79: one byte changed in line 1, the mirror went on appending and checking). When the file's
         * size or time is not what this mirror last wrote, every line is read again and compared.
         */
        private void stillOnDisk() {
            try {
                if (writtenSize == Files.size(out) && Files.getLastModifiedTime(out).equals(writtenAt)) return;
                java.util.List<byte[]> onDisk = LogChecks.fileHashes(out);
                for (int i = 0; i < Math.max(onDisk.size(), hashes.size()); i++) {
                    if (i >= onDisk.size() || i >= hashes.size() || !java.util.Arrays.equals(onDisk.get(i), hashes.get(i))) {
                        fail("mirror " + out + " on disk", "line " + (i + 1) + " (entry " + i + ") is no longer the entry mirrored and checked"
                                + " against the feed tree: the file was changed while the mirror ran");
                        return;
                    }
                }
                written();
            } catch (IOException e) {
                fail("mirror " + out + " on disk", e.getMessage());
            }
        }

        /** Notes the file's size and time as this mirror wrote it. */
        void written() throws IOException {
            writtenSize = Files.size(out);
            writtenAt = Files.getLastModifiedTime(out);
        }

        /** Why the feed's signed head cannot be fetched now (no connection, a 5xx, a 429), or null when the server answers it. */
        private String unreachable() {
            HttpRequest probe = HttpRequest.newBuilder(checkpoint).timeout(Duration.ofSeconds(10)).GET().build();
            try {
                HttpResponse<Void> answer = http.send(probe, HttpResponse.BodyHandlers.discarding());
                return answer.statusCode() >= 500 || answer.statusCode() == 429 ? "GET " + checkpoint + " answered " + answer.statusCode() : null;
            } catch (IOException e) {
                return LogClient.describe(checkpoint, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        @Override
        public void pass(String check, String detail) {
            // quiet while all is well
        }

        @Override
        public void fail(String check, String detail) {
            failed.add(check + ": " + detail);
        }
    }

    public static void main(String[] args) throws Exception {
        int status = run(args);
        if (status != 0) System.exit(status);
    }

    /**
     * Runs the mirror the arguments ask for; the exit status: 0, 1 if the feed could not be reached when it
     * started, 2 for a usage error (an option's value unusable: the mirror file among them), 3 when a check failed (a fork).
     */
    static int run(String[] given) throws InterruptedException {
        String[] args = ToolArguments.split(given);
        String url = null, file = "feed-mirror.jsonl", state = null;
        Duration runFor = null, checkEvery = null;
        try {
            String twice = ToolArguments.repeated(args);
            if (twice != null) throw new IllegalArgumentException(twice);
            for (int i = 0; i < args.length; i++) {
                if (ToolArguments.help(args[i])) {
                    System.err.println(USAGE);
                    return 0;
                }
                // an argument that is no option is named as one the mirror does not take (the same sweep: "extra needs a value")
                if (!args[i].equals("--verify") && (i + 1 >= args.length || !OPTIONS.contains(args[i]))) {
                    throw new IllegalArgumentException(ToolArguments.refusal(args, i, OPTIONS));
                }
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--out" -> file = args[++i];
                    case "--for" -> runFor = duration("--for", args[++i]);
                    case "--verify" -> checkEvery = checkEvery == null ? Duration.ofSeconds(5) : checkEvery;
                    case "--state" -> {
                        state = args[++i];
                        if (checkEvery == null) checkEvery = Duration.ofSeconds(5);
                    }
                    case "--check-every" -> checkEvery = duration("--check-every", args[++i]);
                    default -> throw new IllegalArgumentException(ToolArguments.refusal(args, i, OPTIONS));
                }
            }
            if (url == null) throw new IllegalArgumentException("--url is required");
            if (ToolArguments.stateProblem(state) != null) throw new IllegalArgumentException(ToolArguments.stateProblem(state));
        } catch (IllegalArgumentException e) {
            System.err.println("mirror: " + e.getMessage() + "; " + USAGE);
            return 2;
        }
        URI base;
        try {
            base = LogClient.baseUrl(url);
        } catch (IllegalArgumentException e) {
            System.err.println("mirror: " + e.getMessage());
            return 2;
        }
        FeedMirror mirror;
        try {
            mirror = new FeedMirror(base, Path.of(file), checkEvery, state == null ? null : Path.of(state));
        } catch (IOException e) {
            // the file system's exceptions name only the path: say what is wrong with it (a re-check from outside)
            String why = e instanceof java.nio.file.NoSuchFileException ? "its directory does not exist"
                    : e instanceof java.nio.file.AccessDeniedException ? "it may not be written here"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
            System.err.println("mirror: cannot use --out " + file + ": " + why + "; give a file in a directory that exists");
            return 2; // a bad --out is a usage error, as a bad --state is (a sweep from outside, stop 86: it was 1)
        }
        Runtime.getRuntime().addShutdownHook(new Thread(mirror::stop));
        System.err.printf("mirroring %s into %s from sequence %d%n", url, file, mirror.lastSequence() + 1);
        mirror.run(runFor == null ? null : Instant.now().plus(runFor));
        if (mirror.failure() != null) return 3;
        return mirror.error() != null ? 1 : 0;
    }

    /** The options that take a value. */
    static final List<String> OPTIONS = List.of("--url", "--out", "--for", "--state", "--check-every");

    private static Duration duration(String option, String value) {
        Duration parsed;
        try {
            parsed = Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + value + " is not an ISO-8601 duration such as PT5S or PT1H");
        }
        // (the same sweep: --for PT-5S ran for nothing and exited 0)
        if (parsed.isNegative() || parsed.isZero()) throw new IllegalArgumentException(option + " " + value + " must be longer than nothing, such as PT5S");
        return parsed;
    }

    /** The mirror's own file could not be written (a full disk, a file made read-only meanwhile): fatal, not the feed's fault. */
    private static final class NotWritten extends IOException {
        NotWritten(Path file, IOException cause) {
            super("cannot write " + file + ": " + cause, cause);
        }
    }

    /** The feed cannot be reached at all (no server, unknown host, not a feed there): fatal before the first connection. */
    private static final class Unreachable extends IOException {
        Unreachable(String message) {
            super(message);
        }
    }

    static final String USAGE = "usage: mirror --url http://host:port [--out feed-mirror.jsonl] [--for PT1H] [--verify] [--state dir] [--check-every PT5S]";

    /** The last sequence mirrored, -1 when the file is empty or missing. */
    public synchronized long lastSequence() {
        return last;
    }

    public void stop() {
        stopped = true;
    }

    /** The first wait before reconnecting, doubled after each session that took nothing, up to {@link #LONGEST_WAIT}. */
    static final Duration FIRST_WAIT = Duration.ofMillis(200);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** The wait before the next reconnection (read by tests). */
    private volatile Duration backoff = FIRST_WAIT;

    /** How many times the wait started short again after a session that took entries (read by tests). */
    private volatile long shortAgain;

    /** The wait before the next reconnection, as it stands. */
    Duration backoff() {
        return backoff;
    }

    /** How many times the wait started short again after a session that took entries. */
    long shortAgain() {
        return shortAgain;
    }

    /** Mirrors until stopped or until {@code until}; reconnects after every interruption. */
    public void run(Instant until) throws InterruptedException {
        backoff = FIRST_WAIT;
        while (!stopped && (until == null || Instant.now().isBefore(until))) {
            long before = lastSequence();
            try {
                follow(until);
                backoff = FIRST_WAIT;
            } catch (IOException | RuntimeException e) {
                if (stopped) return;
                if (e instanceof NotWritten local) {
                    error = local.getMessage();
                    System.err.println("mirror: " + error);
                    stopped = true;
                    return;
                }
                String why = e instanceof Unreachable ? e.getMessage() : LogClient.describe(events, e);
                if (!connected && e instanceof Unreachable) {
                    error = why;
                    System.err.println("mirror: " + why);
                    stopped = true;
                    return;
                }
                if (checks != null) checks.maybeCheck();
                if (stopped) return;
                // a session that took entries ends a server's absence: the wait starts short again (a sweep from outside, stop 76:
                // after one long outage every later restart waited 30 s, the mirror trailing the feed meanwhile)
                if (lastSequence() != before && backoff.compareTo(FIRST_WAIT) > 0) {
                    backoff = FIRST_WAIT;
                    shortAgain++;
                }
                System.err.printf("feed interrupted (%s); resuming after %d in %d ms%n", why, lastSequence(), backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : backoff.multipliedBy(2);
            }
        }
    }

    private void follow(Instant until) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(lastSequence())).GET().build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.ConnectException | java.nio.channels.UnresolvedAddressException e) {
            throw new Unreachable(LogClient.describe(events, e));
        } catch (IOException e) {
            if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException || e.getCause() instanceof java.net.ConnectException) {
                throw new Unreachable(LogClient.describe(events, e));
            }
            throw e;
        }
        if (response.statusCode() != 200) {
            String body;
            try (java.io.InputStream in = response.body()) {
                body = LogClient.oneLine(new String(in.readNBytes(2000), StandardCharsets.UTF_8));
            }
            String why = "GET " + events + " answered " + response.statusCode() + (body.isEmpty() ? "" : ": " + body);
            if (response.statusCode() == 400 && body.contains(org.gongshi.api.feed.FeedController.BEYOND_THE_LOG)) {
                // the server answers, and its log holds fewer entries than this mirror: a log rolled back, or another log at
                // --url; a failed check, never a wrong URL (outside audit: exit 1, "is --url the ledger's base URL?")
                failure = "FAIL  mirror " + out + " line " + (lastSequence() + 1) + " holds sequence " + lastSequence()
                        + ", which the log does not hold: " + why;
                System.err.println("!!! MIRROR STOPPED: " + failure);
                stopped = true;
                return;
            }
            if (response.statusCode() >= 400 && response.statusCode() < 500) throw new Unreachable(why + " (is --url the ledger's base URL?)");
            throw new IOException(why);
        }
        connected = true;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
             FileChannel channel = appending()) {
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

    private FileChannel appending() throws NotWritten {
        try {
            return FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new NotWritten(out, e);
        }
    }

    private synchronized void append(FileChannel channel, long sequence, String json) throws IOException {
        if (sequence <= last) return; // already mirrored (a replay after reconnect)
        if (sequence != last + 1) throw new IllegalStateException("gap in the feed: expected " + (last + 1) + " but got " + sequence);
        try {
            channel.write(StandardCharsets.UTF_8.encode(json + "\n"));
            channel.force(false);
        } catch (IOException e) {
            throw new NotWritten(out, e);
        }
        last = sequence;
        if (checks != null) {
            checks.hashes.add(org.gongshi.projections.transparency.Rfc6962.leafHash(json.getBytes(StandardCharsets.UTF_8)));
            checks.written();
        }
    }

    /**
     * The last sequence of a mirror file, -1 when it is empty or missing, after dropping a torn last line: one
     * without its newline (a write cut short by a crash) or that is not a feed entry. The file is truncated to
     * the end of its last whole line, which is said on {@code err}.
     *
     * @throws IOException if the file cannot be read, or its last whole line is not a feed entry (not a mirror)
     */
    static long recover(Path file, PrintStream err) throws IOException {
        if (!Files.exists(file)) return -1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) return -1;
            long keep = size;
            String why = null;
            long newline = lastNewlineBefore(channel, size);
            if (newline != size - 1) {
                keep = newline + 1;
                why = "without its newline, a write cut short";
            } else {
                long start = lastNewlineBefore(channel, newline) + 1;
                if (LogChecks.sequenceOf(read(channel, start, newline)) == null) {
                    keep = start;
                    why = "not a feed entry";
                }
            }
            if (keep < size) {
                channel.truncate(keep);
                channel.force(true);
                err.printf("mirror: dropped the torn last line of %s (%d bytes, %s, at line %d); resuming after the last whole line%n", file,
                        size - keep, why, lineCount(channel, keep) + 1);
            }
            if (keep == 0) return -1;
            long start = lastNewlineBefore(channel, keep - 1) + 1;
            Long sequence = LogChecks.sequenceOf(read(channel, start, keep - 1));
            if (sequence == null) {
                throw new IOException("the last line of " + file + " is not a feed entry (a JSON object with a sequence): not a feed mirror; "
                        + "move it aside or give another --out");
            }
            return sequence;
        }
    }

    /** The position of the last newline before {@code end}, or -1. */
    private static long lastNewlineBefore(FileChannel channel, long end) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64 * 1024);
        long to = end;
        while (to > 0) {
            long from = Math.max(0, to - buffer.capacity());
            buffer.clear().limit((int) (to - from));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // fill
            }
            for (int i = (int) (to - from) - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') return from + i;
            }
            to = from;
        }
        return -1;
    }

    private static String read(FileChannel channel, long from, long to) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (to - from));
        while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
            // fill
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static long lineCount(FileChannel channel, long end) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64 * 1024);
        long count = 0;
        for (long at = 0; at < end; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - at));
            int n = channel.read(buffer, at);
            if (n <= 0) break;
            for (int i = 0; i < n; i++) if (buffer.get(i) == '\n') count++;
            at += n;
        }
        return count;
    }


    /**
     * Whether a check failed only because the server did not answer what it asked: too many requests (429) or unavailable
     * (503). Such a round proved nothing, and is tried again at the next interval (crash audit: a burst of reads from the
     * same host stopped a checking mirror for good, exit 3, on a 429).
     */
    static boolean notAnswered(String failure) {
        return failure.contains(" answered 429") || failure.contains(" answered 503");
    }
}
