package org.gongshi.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The ledger's HTTP API over loopback (JDK HttpClient), with the bench's tokens and per-command latency samples. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final String base;
    final HttpClient http;
    final AtomicLong failures = new AtomicLong();
    final Map<String, String> firstFailures = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    }

    record Reply(int status, String body, long nanos) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    String token(String bureau, String division, List<String> roles) {
        return tokens.computeIfAbsent(bureau + division + roles, k -> {
            String body = JSON.writeValueAsString(Map.of("sub", "bench-" + String.join("-", roles), "bureau", bureau,
                    "division", division, "roles", roles));
            Reply r = send("POST", "/dev/tokens", null, body);
            if (r.status != 200) throw new IllegalStateException("POST /dev/tokens: " + r.status + " " + r.body);
            return r.field("token");
        });
    }

    /** A command; a failure is counted (first message per path kept) and answers null. */
    Reply command(String token, String path, Object body, Latencies latencies) {
        Reply r = send("POST", path, token, JSON.writeValueAsString(body));
        if (latencies != null) latencies.add(r.nanos);
        if (r.status >= 300) {
            failures.incrementAndGet();
            firstFailures.putIfAbsent(path.replaceAll("/[0-9a-f-]{36}", "/{id}") + " " + r.status, abbreviate(r.body, 300));
            return null;
        }
        return r;
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply send(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Reply(599, String.valueOf(e), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Streams {@code path} and counts its lines (for JSON Lines), without keeping them. */
    long countLines(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) if (buffer[i] == '\n') lines++;
            }
        }
        return lines;
    }

    /** {@code s}, cut after {@code most} characters (marked with an ellipsis). */
    static String abbreviate(String s, int most) {
        return s.length() > most ? s.substring(0, most) + "…" : s;
    }
}
