package org.gongshi.server.tools;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar ledger-server.jar rebuild <view> [--url=http://127.0.0.1:8080] [--token=<admin JWT>]}:
 * asks a running ledger to rebuild one read model and prints its progress until it is done. Without a
 * token it asks the embedded default's {@code /dev/tokens} for an administrator's.
 */
public final class RebuildCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RebuildCommand() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(command(args));
    }

    /** Runs the command line; the exit status: 0 rebuilt (or the usage asked for), 1 failed, 2 a usage error. */
    static int command(String[] args) throws Exception {
        String view = null;
        String url = "http://127.0.0.1:8080";
        String token = null;
        for (String arg : args) {
            if (ToolArguments.help(arg) || arg.equals("-?")) { // usage and 0, as every other command answers help (a sweep, stop 86)
                System.out.println(USAGE);
                return 0;
            }
            if (arg.startsWith("--url=")) url = arg.substring("--url=".length());
            else if (arg.startsWith("--token=")) token = arg.substring("--token=".length());
            else if (view == null && !arg.startsWith("--")) view = arg;
            else return usage("unknown argument " + arg);
        }
        if (view == null) return usage("name the view to rebuild");
        if (org.gongshi.projections.RebuildableView.named(view).isEmpty()) return usage("no view " + view + " is rebuilt; name one of " + VIEWS);
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            base = null;
        }
        if (base == null || base.getHost() == null || !List.of("http", "https").contains(base.getScheme())) {
            return usage("--url must be the ledger's base URL, like http://127.0.0.1:8080; " + url + " is none");
        }
        return reporting(view, url, token);
    }

    /** {@link #run}, a server that cannot be reached said in one line naming it, as mirror, verify and witness say it. */
    static int reporting(String view, String url, String token) throws Exception {
        try {
            return run(view, url, token);
        } catch (java.io.IOException e) {
            // a sweep from outside: a stack trace without the URL
            System.err.println("rebuild of " + view + ": " + LogClient.describe(URI.create(url), e));
            return 1;
        }
    }

    /** The views a rebuild replays, by name, as the server knows them (the public feed is a log of record: never rebuilt). */
    static final List<String> VIEWS = java.util.Arrays.stream(org.gongshi.projections.RebuildableView.values())
            .map(org.gongshi.projections.RebuildableView::processor).toList();

    static int run(String view, String url, String token) throws Exception {
        url = url.replaceAll("/+$", ""); // http://host:8080/ as well (a sweep from outside: "//dev/tokens")
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        if (token == null) {
            HttpResponse<String> minted = http.send(HttpRequest.newBuilder(URI.create(url + "/dev/tokens"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("sub", "rebuild-cli", "bureau", "91110000600037341L", "division", "110000", "roles", List.of("admin")))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (minted.statusCode() != 200) {
                System.err.println("no --token given and " + url + "/dev/tokens answered " + minted.statusCode() + ": pass an admin token");
                return 2;
            }
            token = JSON.readTree(minted.body()).path("token").asString();
        }
        URI rebuild = URI.create(url + "/api/v1/admin/rebuilds/" + view);
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.println("rebuild of " + view + " refused (" + started.statusCode() + "): " + started.body());
            return 1;
        }
        while (true) {
            Thread.sleep(2000);
            JsonNode p = JSON.readTree(http.send(HttpRequest.newBuilder(rebuild).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = p.path("state").asString();
            if (state.equals("SWITCHING")) {
                System.out.printf("%s %s: %d of %s documents compared, %d replaced, %d removed, %s s left%n", view, state,
                        p.path("documentsCompared").asLong(), p.path("documentsRebuilt").asString("?"), p.path("documentsReplaced").asLong(),
                        p.path("documentsRemoved").asLong(), p.path("secondsLeft").asString("?"));
            } else {
                System.out.printf("%s %s: %d events, %d events/s, at %s of %s, %s s left%n", view, state, p.path("eventsDone").asLong(),
                        Math.round(p.path("eventsPerSecond").asDouble()), p.path("position").asString("-"), p.path("head").asString("-"),
                        p.path("secondsLeft").asString("?"));
            }
            if (state.equals("DONE")) {
                System.out.printf("%s rebuilt: %d documents replaced, %d removed%n", view, p.path("documentsReplaced").asLong(),
                        p.path("documentsRemoved").asLong());
                return 0;
            }
            if (state.equals("FAILED")) {
                System.err.println("rebuild failed: " + p.path("error").asString());
                return 1;
            }
        }
    }

    static final String USAGE = "usage: java -jar ledger-server.jar rebuild <" + String.join("|", VIEWS) + ">"
            + " [--url=http://127.0.0.1:8080] [--token=<JWT with role admin>]";

    private static int usage(String problem) {
        System.err.println(problem + System.lineSeparator() + USAGE);
        return 2;
    }
}
