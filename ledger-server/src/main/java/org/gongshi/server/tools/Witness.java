package org.gongshi.server.tools;

import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.Cosignatures;
import org.gongshi.projections.transparency.NoteSigner;
import org.gongshi.projections.transparency.NoteVerifier;
import org.gongshi.server.tools.LogClient.Log;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A witness an outside party runs, after Tessera's: it follows one log's checkpoints, checks each is
 * signed by the log's key and consistent with the last one it cosigned (kept in {@code --state}),
 * and cosigns the grown ones in the C2SP tlog-cosignature v1 format, handing the cosignature to the
 * server. It never cosigns a fork: it stops with exit status 3.
 *
 * <pre>java -jar ledger-server.jar witness --url http://host:port --log feed|ledger --key witness.key --state dir
 *     [--name witness.example/w1] [--log-key verifierKey,...] [--interval PT10S] [--once]</pre>
 *
 * The key file is created on first use (an Ed25519 key named {@code --name}); the witness prints its
 * verifier key {@code <name>+<id>+base64(0x04 || key)}, which the log lists in
 * {@code gongshi.witness.verifier-keys}. The log's keys are {@code --log-key}, else the published ones
 * pinned on first use.
 */
public final class Witness {

    static final String USAGE = "usage: witness --url http://host:port --log feed|ledger --key witness.key --state dir "
            + "[--name witness.example/w1] [--log-key verifierKey,...] [--interval PT10S] [--once]";

    private final LogClient client;
    private final LogChecks checks;
    private final Log log;
    private final NoteSigner key;
    private final Path state;
    private final PrintStream out;
    private boolean forked;
    /** A FAIL in the last round that is not a fork: the cosignature refused or not accepted, the log unreachable. */
    private boolean failed;

    Witness(URI url, Log log, NoteSigner key, Path state, PrintStream out) {
        this.client = new LogClient(url, null);
        this.checks = new LogChecks(client);
        this.log = log;
        this.key = key;
        this.state = state.resolve(log.name());
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the witness; the exit status: 0; 1 when a {@code --once} round failed otherwise (the cosignature refused
     * or not accepted, the log unreachable); 2 for a usage error (an option's value unusable, the key file among them);
     * 3 for a fork or a checkpoint that does not verify.
     */
    public static int run(String[] given, PrintStream out) throws IOException, InterruptedException {
        String[] args = ToolArguments.split(given);
        String url = null, logName = null, keyFile = null, state = null, name = null, logKeys = null;
        Duration interval = Duration.ofSeconds(10);
        boolean once = false;
        String twice = ToolArguments.repeated(args);
        if (twice != null) return refused(out, twice);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--once")) {
                once = true;
                continue;
            }
            if (ToolArguments.help(args[i])) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.length) return refused(out, ToolArguments.refusal(args, i, OPTIONS));
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--log" -> logName = args[++i];
                case "--key" -> keyFile = args[++i];
                case "--state" -> state = args[++i];
                case "--name" -> name = args[++i];
                case "--log-key" -> logKeys = args[++i];
                case "--interval" -> {
                    try {
                        interval = Duration.parse(args[++i]);
                    } catch (java.time.format.DateTimeParseException e) {
                        out.println("witness: --interval " + args[i] + " is not an ISO-8601 duration such as PT10S");
                        return 2;
                    }
                }
                default -> {
                    return refused(out, ToolArguments.refusal(args, i, OPTIONS));
                }
            }
        }
        if (url == null || logName == null || keyFile == null || state == null) {
            return refused(out, "--url, --log, --key and --state are required");
        }
        if (ToolArguments.stateProblem(state) != null) return refused(out, ToolArguments.stateProblem(state));
        URI base;
        Log log;
        List<NoteVerifier> pinnedLogKeys = null;
        try {
            base = LogClient.baseUrl(url);
            log = Log.named(logName);
            if (logKeys != null) {
                pinnedLogKeys = Arrays.stream(logKeys.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(k -> {
                    try {
                        return NoteVerifier.parse(k);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("--log-key " + k + " is not a note verifier key (" + e.getMessage() + ")");
                    }
                }).toList();
            }
        } catch (IllegalArgumentException e) {
            out.println("witness: " + e.getMessage());
            return 2;
        }
        NoteSigner key;
        try {
            key = loadOrCreate(Path.of(keyFile), name, out);
        } catch (IOException | RuntimeException e) {
            out.println("witness: cannot use the key file " + keyFile + ": " + e.getMessage()
                    + "; it must hold one Ed25519 note signer key (PRIVATE+KEY+...); give a path that does not exist to create one");
            return 2; // a bad --key is a usage error, as a bad --state is (a sweep from outside, stop 86: it was 1)
        }
        if (name != null && !name.equals(key.name())) { // a sweep from outside: a --name the key file contradicts was ignored in silence
            return refused(out, "--key " + keyFile + " holds the key of witness " + key.name() + ", not of --name " + name
                    + " (a key's name is part of it: drop --name, or give a new key file to make a key for " + name + ")");
        }
        Witness witness = new Witness(base, log, key, Path.of(state), out);
        List<NoteVerifier> keys;
        try {
            keys = pinnedLogKeys != null ? pinnedLogKeys : witness.checks.trustedKeys(witness.state, witness.verdicts());
        } catch (IOException | RuntimeException e) {
            out.println("FAIL  " + log.name() + " verifier keys: " + e.getMessage());
            return 1;
        }
        do {
            witness.failed = false;
            try {
                witness.round(keys);
            } catch (IOException | RuntimeException e) {
                out.println("FAIL  " + log.name() + " round: " + e.getMessage() + " (not cosigned)");
                witness.failed = true;
            }
            if (witness.forked) return 3;
            if (!once) Thread.sleep(interval.toMillis());
        } while (!once);
        return witness.failed ? 1 : 0;
    }

    private static final List<String> OPTIONS = List.of("--url", "--log", "--key", "--state", "--name", "--log-key", "--interval");

    private static int refused(PrintStream out, String why) {
        out.println("witness: " + why + "; " + USAGE);
        return 2;
    }

    /** The name of a key made without {@code --name}. */
    static final String DEFAULT_NAME = "witness.local/w1";

    /**
     * The witness's key from its file, generated there (owner read/write only) on first use, named {@code name} (null: the
     * default).
     */
    static NoteSigner loadOrCreate(Path file, String name, PrintStream out) throws IOException {
        if (!Files.exists(file)) {
            NoteSigner created = NoteSigner.generate(name == null ? DEFAULT_NAME : name);
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, created.signerKey() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        }
        NoteSigner key = NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        out.println("witness " + key.name() + ", verifier key (for gongshi.witness.verifier-keys): "
                + Cosignatures.Witness.of(key).verifierKey());
        return key;
    }

    /** One round: the log's checkpoint, checked; cosigned and handed in if it grew since the last one cosigned. */
    void round(List<NoteVerifier> keys) throws IOException {
        LogChecks.Signed now = checks.signedCheckpointServed(log, keys, verdicts());
        if (now == null) {
            forked = true;
            return;
        }
        Checkpoint last = LogChecks.lastSeen(state, log, keys);
        if (!checks.consistent(log, last, now.checkpoint(), verdicts())) {
            forked = true;
            return;
        }
        if (last != null && now.checkpoint().size() == last.size()) return;
        String body = Cosignatures.split(now.note()).body();
        String cosigned = now.note() + Cosignatures.cosign(key, body, Instant.now().getEpochSecond());
        HttpResponse<String> answer = client.post(log.cosignatures(), cosigned);
        if (answer.statusCode() != 200) {
            out.println("FAIL  cosignature of " + log.name() + " size " + now.checkpoint().size() + " refused: "
                    + answer.statusCode() + " " + LogClient.oneLine(answer.body()));
            failed = true;
            return;
        }
        // the log answers 200 if any signature line verified, listing the witnesses it accepted: ours must be one
        List<String> accepted = new java.util.ArrayList<>();
        try {
            org.gongshi.projections.ledger.LedgerLeaf.JSON.readTree(answer.body()).path("witnesses").forEach(w -> accepted.add(w.asString()));
        } catch (RuntimeException notJson) {
            // no list: nothing accepted
        }
        if (!accepted.contains(key.name())) {
            out.println("FAIL  cosignature of " + log.name() + " size " + now.checkpoint().size() + " not accepted: the log accepted "
                    + accepted + ", not " + key.name() + " (is its verifier key " + Cosignatures.Witness.of(key).verifierKey()
                    + " in the log's gongshi.witness.verifier-keys?)");
            failed = true;
            return;
        }
        LogChecks.remember(state, log, now.note());
        out.println("PASS  cosigned " + now.checkpoint().origin() + " size " + now.checkpoint().size());
    }

    private LogChecks.Verdicts verdicts() {
        return new LogChecks.Verdicts() {
            @Override
            public void pass(String check, String detail) {
                out.println("PASS  " + check + ": " + detail);
            }

            @Override
            public void fail(String check, String detail) {
                out.println("!!! FAIL  " + check + ": " + detail + " (not cosigned)");
            }
        };
    }
}
