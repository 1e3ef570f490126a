package org.gongshi.server.tools;

import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.Cosignatures;
import org.gongshi.projections.transparency.NoteVerifier;
import org.gongshi.server.tools.LogClient.Log;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An auditor's or platform's check of both logs of a ledger, from the outside:
 *
 * <pre>java -jar ledger-server.jar verify --url http://host:port [--mirror feed.jsonl] [--state dir] [--case id --token jwt] [--witness-key key[,key]]</pre>
 *
 * For the public feed and the event ledger: the checkpoint is signed by a trusted key (pinned in
 * {@code --state} on first use), and consistent with the last head this verifier saw (kept in
 * {@code --state}); the feed entries the server serves, and a mirror's, are the feed tree's leaves;
 * a case's events (with an auditor's token) are leaves of the ledger tree; each witness named by its verifier key
 * ({@code --witness-key}, as {@code witness} prints it) cosigned a head of each log consistent with the current one. One verdict per check;
 * the exit status is 1 if any check failed, 2 for a usage error.
 */
public final class Verify {

    static final String USAGE = "usage: verify --url http://host:port [--mirror feed.jsonl] [--state dir] [--case caseId --token jwt] [--witness-key name+id+key[,...]]";

    private final LogClient client;
    private final LogChecks checks;
    private final PrintStream out;
    private int passed;
    private int failed;

    Verify(URI url, String token, PrintStream out) {
        this.client = new LogClient(url, token);
        this.checks = new LogChecks(client);
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the checks the arguments ask for; the exit status. */
    public static int run(String[] given, PrintStream out) {
        String[] args = ToolArguments.split(given);
        String url = null, mirror = null, state = null, caseId = null, token = null;
        List<Cosignatures.Witness> witnesses = List.of();
        String twice = ToolArguments.repeated(args);
        if (twice != null) return refused(out, twice);
        for (int i = 0; i < args.length; i++) {
            if (ToolArguments.help(args[i])) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.length) return refused(out, ToolArguments.refusal(args, i, OPTIONS));
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--mirror" -> mirror = args[++i];
                case "--state" -> state = args[++i];
                case "--case" -> caseId = args[++i];
                case "--token" -> token = args[++i];
                case "--witness-key" -> {
                    try {
                        witnesses = witnesses(args[++i]);
                    } catch (IllegalArgumentException e) {
                        return refused(out, "--witness-key: " + e.getMessage() + " (give the verifier key witness prints: name+keyID+base64)");
                    }
                }
                default -> {
                    return refused(out, ToolArguments.refusal(args, i, OPTIONS));
                }
            }
        }
        if (url == null) return refused(out, "--url is required");
        if (ToolArguments.stateProblem(state) != null) return refused(out, ToolArguments.stateProblem(state));
        // (the same sweep: a token without a case was taken in silence)
        if (token != null && caseId == null) return refused(out, "--token is for --case: the token reads that case's history");
        if (caseId != null && token == null) {
            out.println("verify: --case needs --token, an auditor's (or supervisor's) token for the case's division");
            return 2;
        }
        URI base;
        try {
            base = LogClient.baseUrl(url);
        } catch (IllegalArgumentException e) {
            out.println("verify: " + e.getMessage());
            return 2;
        }
        if (mirror != null && !Files.isRegularFile(Path.of(mirror))) {
            out.println("verify: --mirror " + mirror + " is not a file; give the JSON Lines file the mirror keeps");
            return 2;
        }
        Verify verify = new Verify(base, token, out);
        verify.all(mirror == null ? null : Path.of(mirror), state == null ? null : Path.of(state), caseId, witnesses);
        out.printf("verify: %d checks passed, %d failed%n", verify.passed, verify.failed);
        return verify.failed == 0 ? 0 : 1;
    }

    private static final List<String> OPTIONS = List.of("--url", "--mirror", "--state", "--case", "--token", "--witness-key");

    /** The witnesses of a comma-separated list of verifier keys (a key holds no comma). */
    private static List<Cosignatures.Witness> witnesses(String keys) {
        List<Cosignatures.Witness> witnesses = new ArrayList<>();
        for (String key : keys.split(",", -1)) {
            if (key.isBlank()) throw new IllegalArgumentException("an empty key in '" + keys + "'");
            witnesses.add(Cosignatures.Witness.parse(key));
        }
        return witnesses;
    }

    private static int refused(PrintStream out, String why) {
        out.println("verify: " + why + "; " + USAGE);
        return 2;
    }

    private void all(Path mirror, Path state, String caseId, List<Cosignatures.Witness> witnesses) {
        LogChecks.Verdicts verdicts = new LogChecks.Verdicts() {
            @Override
            public void pass(String check, String detail) {
                passed++;
                out.println("PASS  " + check + ": " + detail);
            }

            @Override
            public void fail(String check, String detail) {
                failed++;
                out.println("FAIL  " + check + ": " + detail);
            }
        };
        List<NoteVerifier> keys;
        try {
            keys = checks.trustedKeys(state, verdicts);
        } catch (IOException | RuntimeException e) {
            verdicts.fail("verifier keys", String.valueOf(e.getMessage()));
            return;
        }
        Checkpoint feed = log(Log.FEED, keys, state, witnesses, verdicts);
        if (feed != null) {
            try {
                checks.leaves(Log.FEED, "served feed entries", LogChecks.lineHashes(checks.servedEntries(0, feed.size())), feed, verdicts);
            } catch (IOException | RuntimeException e) {
                verdicts.fail("served feed entries", e.getMessage());
            }
            if (mirror != null) {
                try {
                    checks.mirror(mirror, feed, verdicts);
                } catch (IOException | RuntimeException e) {
                    verdicts.fail("mirror " + mirror, e.getMessage());
                }
            }
        }
        Checkpoint ledger = log(Log.LEDGER, keys, state, witnesses, verdicts);
        if (ledger != null && caseId != null) checks.caseEvents(caseId, ledger, verdicts);
    }

    /**
     * The log's signed checkpoint, checked against the last one seen, which it then replaces if consistent, and for the
     * cosignature of each of {@code witnesses}.
     */
    private Checkpoint log(Log log, List<NoteVerifier> keys, Path state, List<Cosignatures.Witness> witnesses, LogChecks.Verdicts verdicts) {
        LogChecks.Signed now = checks.signedCheckpoint(log, keys, verdicts);
        if (now == null) return null;
        for (Cosignatures.Witness witness : witnesses) checks.witnessed(log, witness, keys, now, verdicts);
        try {
            Checkpoint seen = LogChecks.lastSeen(state, log, keys);
            if (checks.consistent(log, seen, now.checkpoint(), verdicts)) LogChecks.remember(state, log, now.note());
        } catch (IOException | RuntimeException e) {
            verdicts.fail(log.name() + " last head seen", e.getMessage());
        }
        return now.checkpoint();
    }

}
