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
 * <pre>java -jar ledger-server.jar mirror --url http://127.0.0.1:8080 [--out feed-mirror.jsonl] [--for PT1H]</pre>
 */
public final class FeedMirror {

    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

    private final URI events;
    private final Path out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean stopped;
    private long last;

    public FeedMirror(URI baseUrl, Path out) throws IOException {
        this.events = baseUrl.resolve("/feed/v1/events");
        this.out = out;
        this.last = lastSequence(out);
    }

    public static void main(String[] args) throws Exception {
        String url = null, file = "feed-mirror.jsonl";
        Duration runFor = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--out" -> file = args[++i];
                case "--for" -> runFor = Duration.parse(args[++i]);
                default -> {
                    System.err.println("usage: mirror --url http://host:port [--out feed-mirror.jsonl] [--for PT1H]");
                    System.exit(2);
                }
            }
        }
        if (url == null) {
            System.err.println("usage: mirror --url http://host:port [--out feed-mirror.jsonl] [--for PT1H]");
            System.exit(2);
        }
        FeedMirror mirror = new FeedMirror(URI.create(url), Path.of(file));
        Runtime.getRuntime().addShutdownHook(new Thread(mirror::stop));
        System.err.printf("mirroring %s into %s from sequence %d%n", url, file, mirror.lastSequence() + 1);
        mirror.run(runFor == null ? null : Instant.now().plus(runFor));
    }

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
