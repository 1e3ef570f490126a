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
                default -> throw new IllegalArgumentException("unknown log '" + name + "': feed or ledger");
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

    String text(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    JsonNode json(String path) throws IOException {
        return LedgerLeaf.JSON.readTree(text(path));
    }

    /** POSTs a text body; the status and body of the answer. */
    HttpResponse<String> post(String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
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
