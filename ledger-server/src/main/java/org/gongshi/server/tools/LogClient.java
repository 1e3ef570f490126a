package org.gongshi.server.tools;

import org.gongshi.projections.ledger.LedgerLeaf;
import org.gongshi.projections.transparency.NoteVerifier;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What the command-line tools read from a ledger server over HTTP: text, JSON, the published keys, proofs. */
final class LogClient {

    /** A log's endpoints: its checkpoint and proofs, shaped alike for the feed and the ledger (API.md). */
    record Log(String name, String checkpoint, String inclusion, String consistency) {
        static final Log FEED = new Log("feed", "/feed/v1/checkpoint", "/feed/v1/proofs/inclusion", "/feed/v1/proofs/consistency");
        static final Log LEDGER = new Log("ledger", "/api/v1/audit/ledger/checkpoint", "/api/v1/audit/ledger/proofs/inclusion",
                "/api/v1/audit/ledger/proofs/consistency");

        static Log named(String name) {
            return switch (name) {
                case "feed" -> FEED;
                case "ledger" -> LEDGER;
                default -> throw new IllegalArgumentException("unknown log '" + name + "': --log must be feed or ledger");
            };
        }

        /** Where the server accepts cosignatures of this log's checkpoints. */
        String cosignatures() {
            return checkpoint + "/cosignatures";
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    LogClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * The URL of an endpoint ({@code /feed/v1/...}) under {@code base}, relative to its path: a ledger served
     * behind a path prefix ({@code http://host/x/}) has its feed at {@code http://host/x/feed/v1/...}.
     */
    static URI endpoint(URI base, String path) {
        String root = base.toString();
        int cut = root.length();
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            cut = root.indexOf(base.getRawQuery() != null ? "?" : "#");
        }
        root = root.substring(0, cut);
        if (!root.endsWith("/")) root += "/";
        return URI.create(root + (path.startsWith("/") ? path.substring(1) : path));
    }

    /**
     * The {@code --url} of a tool, checked: an absolute http(s) URL with a host.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static URI baseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--url " + url + " is not a URL (" + e.getReason() + "); give the ledger's base URL, e.g. http://127.0.0.1:8080");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url " + url + " is not an http(s) URL with a host; give the ledger's base URL, e.g. http://127.0.0.1:8080");
        }
        return uri;
    }

    /**
     * One line saying why a request to {@code url} failed, for an exception of {@link HttpClient} (whose own
     * messages are often null): {@code cannot connect to http://127.0.0.1:1/...: Connection refused}.
     */
    static String describe(URI url, Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null && reason == null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) reason = t.getMessage();
        }
        boolean connect = false, unknownHost = false, timeout = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            connect |= t instanceof java.net.ConnectException;
            unknownHost |= t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException;
            timeout |= t instanceof java.net.http.HttpTimeoutException;
        }
        if (unknownHost) return "cannot connect to " + url + ": unknown host " + url.getHost() + " (check --url)";
        if (timeout) return "no answer from " + url + " in time (" + (reason == null ? "timed out" : reason) + "); is the ledger running at --url?";
        if (connect) return "cannot connect to " + url + ": " + (reason == null ? "connection refused" : reason) + " (is the ledger running at --url?)";
        return "request to " + url + " failed: " + (reason == null ? e.getClass().getSimpleName() : reason);
    }

    /** The audit's case paths: a 404 there is a case unknown to the ledger or out of the token's reach, not a wrong --url. */
    static final String CASES = "/api/v1/audit/cases/";

    String text(String path) throws IOException {
        URI url = endpoint(base, path);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException(describe(url, e), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + oneLine(response.body())
                    + (response.statusCode() == 404 && !path.startsWith(CASES) ? " (is --url the ledger's base URL?)" : ""));
        }
        return response.body();
    }

    /** A server's answer on one line, cut at 300 characters. */
    static String oneLine(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    JsonNode json(String path) throws IOException {
        String text = text(path);
        try {
            return LedgerLeaf.JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new IOException("GET " + endpoint(base, path) + " did not answer JSON (is --url the ledger's base URL?): " + oneLine(text));
        }
    }

    /** POSTs a text body; the status and body of the answer. */
    HttpResponse<String> post(String path, String body) throws IOException {
        URI url = endpoint(base, path);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException(describe(url, e), e);
        }
    }

    /** The verifier keys of {@code /.well-known/gongshi-keys}, current and retired. */
    List<NoteVerifier> publishedKeys() throws IOException {
        List<NoteVerifier> keys = new ArrayList<>();
        for (JsonNode key : json("/.well-known/gongshi-keys").path("keys")) keys.add(NoteVerifier.parse(key.path("verifierKey").asString()));
        return keys;
    }

    List<byte[]> inclusionProof(Log log, long index, long treeSize) throws IOException {
        return hashes(json(log.inclusion() + "?index=" + index + "&treeSize=" + treeSize).path("auditPath"));
    }

    List<byte[]> consistencyProof(Log log, long first, long second) throws IOException {
        return hashes(json(log.consistency() + "?first=" + first + "&second=" + second).path("proof"));
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }
}
