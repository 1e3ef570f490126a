package org.gongshi.server.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.gongshi.projections.transparency.Checkpoint;
import org.gongshi.projections.transparency.Cosignatures;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.transparency.NoteSigner;
import org.gongshi.projections.transparency.Rfc6962;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command-line tools against a small in-process log (a JDK HTTP server on a free loopback port, optionally
 * behind a path prefix) whose signed head can lag its entries: {@code verify --mirror} checks every line of a
 * mirror, those beyond the signed head against the served entries; {@code mirror} drops a torn last line and
 * resumes after the last whole one; the tools resolve their endpoints under the path of {@code --url}; an
 * unreachable server, an unknown log or a bad key file is one line and a non-zero status, never a stack trace.
 */
class ToolsAgainstAFakeLogTest {

    @TempDir
    Path work;
    FakeLog log;
    final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (log != null) log.close();
    }

    record Run(int status, String output) {}

    static Run verify(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Verify.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    static Run witness(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Witness.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    static String entry(long sequence) {
        return "{\"specversion\":\"1.0\",\"id\":\"e" + sequence + "\",\"source\":\"/fake\",\"type\":\"org.gongshi.disclosure.published.v1\","
                + "\"sequence\":" + sequence + ",\"data\":{\"n\":\"条目" + sequence + "\"}}";
    }

    static List<String> entries(int count) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) entries.add(entry(i));
        return entries;
    }

    Path mirrorFile(String name, List<String> lines) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, lines.stream().map(l -> l + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void verify_checks_every_mirror_line_and_those_beyond_the_signed_head_against_the_served_entries() throws Exception {
        log = new FakeLog("/", entries(5), 5);
        List<String> all = entries(5);

        // lines forged onto a mirror of the whole signed log: nothing verifies them
        List<String> forged = new ArrayList<>(all);
        forged.add("this is not json");
        Run notJson = verify("--url", log.url(), "--mirror", mirrorFile("not-json.jsonl", forged).toString());
        assertThat(notJson.status()).as(notJson.output()).isEqualTo(1);
        assertThat(notJson.output()).contains("FAIL  mirror " + work.resolve("not-json.jsonl") + " line 6: not a feed entry");

        List<String> unserved = new ArrayList<>(all);
        unserved.add(entry(5));
        Run beyond = verify("--url", log.url(), "--mirror", mirrorFile("unserved.jsonl", unserved).toString());
        assertThat(beyond.status()).as(beyond.output()).isEqualTo(1);
        assertThat(beyond.output()).contains("line 6: beyond the signed head of size 5 and the server serves no entry 5 (it serves 5 entries, 0 to 4)");

        // a changed line under the signed head is named by its line, as every other mirror check names it (outside audit)
        List<String> tampered = new ArrayList<>(all);
        tampered.set(3, tampered.get(3).replace("条目3", "条目Y"));
        Run underHead = verify("--url", log.url(), "--mirror", mirrorFile("tampered.jsonl", tampered).toString());
        assertThat(underHead.status()).as(underHead.output()).isEqualTo(1);
        assertThat(underHead.output()).contains("line 4 (entry 3) is not the leaf the tree signed");

        // in a long log the first wrong line is found by halving, in a few proofs, not one proof a line from the first (a sweep
        // from outside, stop 72: those ran into the server's rate limit, and its 429 was named a wrong line far before the changed one)
        log.close();
        log = new FakeLog("/", entries(600), 600);
        List<String> long600 = entries(600);
        for (int changed : new int[] {0, 299, 520, 599}) {
            List<String> oneChanged = new ArrayList<>(long600);
            oneChanged.set(changed, oneChanged.get(changed).replace("条目" + changed, "条目Y"));
            long before = log.proofs.get();
            Run found = verify("--url", log.url(), "--mirror", mirrorFile("long" + changed + ".jsonl", oneChanged).toString());
            assertThat(found.status()).as(found.output()).isEqualTo(1);
            assertThat(found.output()).contains("line " + (changed + 1) + " (entry " + changed + ") is not the leaf the tree signed");
            assertThat(log.proofs.get() - before).as("proofs asked").isLessThanOrEqualTo(12);
        }
        log.close();
        log = new FakeLog("/", entries(5), 5);

        Run empty = verify("--url", log.url(), "--mirror", mirrorFile("empty.jsonl", List.of()).toString());
        assertThat(empty.output()).contains("empty: nothing mirrored yet").doesNotContain("0 to -1");

        List<String> skipped = new ArrayList<>(all);
        skipped.add(entry(6));
        Run gap = verify("--url", log.url(), "--mirror", mirrorFile("gap.jsonl", skipped).toString());
        assertThat(gap.status()).as(gap.output()).isEqualTo(1);
        assertThat(gap.output()).contains("line 6: sequence 6 where 5 follows");

        // the log serves 5 entries but signed only 3 so far: a mirror ahead of the head is checked byte for byte
        log.signedSize = 3;
        Run ahead = verify("--url", log.url(), "--mirror", mirrorFile("ahead.jsonl", all).toString());
        assertThat(ahead.status()).as(ahead.output()).isZero();
        assertThat(ahead.output()).contains("PASS  mirror " + work.resolve("ahead.jsonl") + " against the feed tree: 3 leaves match the signed root of size 3",
                "lines 4 to 5: beyond the signed head of size 3: byte for byte the entries the server serves, under no signed head yet");

        List<String> altered = new ArrayList<>(all);
        altered.set(4, altered.get(4).replace("条目4", "条目X"));
        Run changed = verify("--url", log.url(), "--mirror", mirrorFile("altered.jsonl", altered).toString());
        assertThat(changed.status()).as(changed.output()).isEqualTo(1);
        assertThat(changed.output()).contains("line 5: beyond the signed head of size 3, and not byte for byte the entry 4 the server serves");
    }

    /**
     * A sweep from outside, stop 76: a state that recorded the log at size 0 (verify, a mirror or a witness run before the
     * first entry) read every later head as a fork ("a consistency proof from the empty tree is meaningless") for good.
     */
    @Test
    void a_state_that_saw_the_empty_log_takes_every_later_head_as_extending_it() throws Exception {
        log = new FakeLog("/", entries(5), 0);
        Path state = work.resolve("state-from-empty");
        Run first = verify("--url", log.url(), "--state", state.toString());
        assertThat(first.status()).as(first.output()).isZero();
        log.signedSize = 5;
        Run later = verify("--url", log.url(), "--state", state.toString());
        assertThat(later.status()).as(later.output()).isZero();
        assertThat(later.output()).contains("size 0 -> 5: every tree extends the empty tree").doesNotContain("FORK");
        Run again = verify("--url", log.url(), "--state", state.toString());
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(again.output()).contains("unchanged at size 5");
    }

    /**
     * Outside audit: a checking mirror (--state) stopped as a fork (exit 3) when its server restarted, its check run against
     * no server. A check that cannot reach the server is put off; the mirror resumes and checks the restarted log.
     */
    @Test
    void a_checking_mirror_outlives_its_server_s_restart_and_checks_again_after_it() throws Exception {
        log = new FakeLog("/", entries(5), 5);
        FeedMirror mirror = new FeedMirror(URI.create(log.url()), work.resolve("m.jsonl"), Duration.ofMillis(50), work.resolve("state"));
        inBackground(mirror);
        awaitMirrored(mirror, 5);
        awaitAtLeast(mirror::checksPassed, 1);

        log.close();
        awaitAtLeast(mirror::checksPostponed, 1);
        assertThat(mirror.failure()).isNull();

        log = log.restarted(entries(7), 7);
        long passed = mirror.checksPassed();
        awaitMirrored(mirror, 7);
        awaitAtLeast(mirror::checksPassed, passed + 1);
        assertThat(mirror.failure()).isNull();
        mirror.stop();
    }

    /**
     * An auditor's sweep, stop 79: one byte of a running checking mirror's file changed in place, and the mirror went on
     * appending and checking, and kept the new head as seen, until a restart. A round of checks reads the file again when it
     * is not as the mirror last wrote it, and stops on a line that is no longer the entry mirrored.
     */
    @Test
    void a_checking_mirror_stops_on_its_file_changed_while_it_runs_and_keeps_no_head_seen_over_it() throws Exception {
        Path out = work.resolve("t.jsonl");
        Path state = work.resolve("t-state");
        FeedMirror mirror = checkingMirrorOfThree(out, state);
        awaitAtLeast(mirror::checksPassed, 2);
        assertThat(mirror.failure()).as("the file as the mirror wrote it, and touched without a change, passes").isNull();
        java.nio.file.Files.setLastModifiedTime(out, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        long passed = mirror.checksPassed();
        awaitAtLeast(mirror::checksPassed, passed + 2);
        assertThat(mirror.failure()).isNull();

        String seen = java.nio.file.Files.readString(state.resolve("feed.checkpoint"));
        byte[] bytes = java.nio.file.Files.readAllBytes(out);
        String first = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int digit = first.indexOf('0');
        assertThat(digit).as("a digit to change in " + first).isPositive();
        bytes[digit] = '9'; // same length, in place
        java.nio.file.Files.write(out, bytes);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mirror.failure() == null && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(mirror.failure()).contains("on disk", "is no longer the entry mirrored");
        assertThat(java.nio.file.Files.readString(state.resolve("feed.checkpoint"))).as("no head kept as seen over the changed file").isEqualTo(seen);
        mirror.stop();
    }

    /**
     * A sweep from outside, stop 76: the wait before reconnecting grew while the server was away and never started short again,
     * so after one long outage every later restart left the mirror 30 s behind. A session that takes entries resets it.
     */
    @Test
    void the_mirror_reconnects_quickly_again_once_a_session_took_entries() throws Exception {
        log = new FakeLog("/", entries(3), 3);
        FeedMirror mirror = new FeedMirror(URI.create(log.url()), work.resolve("w.jsonl"));
        inBackground(mirror);
        awaitMirrored(mirror, 3);
        log.close(); // away: each attempt fails, the wait doubles
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mirror.backoff().compareTo(Duration.ofMillis(1600)) < 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(mirror.backoff()).isGreaterThanOrEqualTo(Duration.ofMillis(1600));
        long shortBefore = mirror.shortAgain();
        log = log.restarted(entries(5), 5);
        awaitMirrored(mirror, 5);
        // the session that took entries 3 and 4 ends at once (the fake log closes each stream): its wait starts short again
        awaitAtLeast(mirror::shortAgain, shortBefore + 1);
        mirror.stop();
    }

    /**
     * A sweep from outside, stop 76: a checking mirror started on a log forked from the head its state holds (the server's data
     * replaced by another ledger under the same keys) appended the other ledger's entries before its first check stopped it,
     * and again at every restart. The first check runs before anything is appended.
     */
    @Test
    void a_checking_mirror_appends_nothing_of_a_log_forked_from_the_head_its_state_holds() throws Exception {
        Path out = work.resolve("f.jsonl");
        Path state = work.resolve("f-state");
        FeedMirror first = checkingMirrorOfThree(out, state);
        first.stop();
        log.close();

        List<String> another = entries(4).stream().map(e -> e.replace("条目", "别的")).toList();
        log = log.restarted(another, 4);
        FeedMirror second = new FeedMirror(URI.create(log.url()), out, Duration.ofMinutes(10), state);
        second.run(java.time.Instant.now().plus(Duration.ofSeconds(30)));
        assertThat(second.failure()).contains("FORK");
        assertThat(Files.readAllLines(out)).as("nothing of the other log appended").hasSize(3);
    }

    /** Crash audit: a 429 on the verifier keys stopped a checking mirror for good (exit 3); such a round is put off. */
    @Test
    void a_checking_mirror_puts_off_a_round_its_server_refused_with_too_many_requests() throws Exception {
        log = new FakeLog("/", entries(5), 5);
        log.refusals.set(2); // the first two reads of the keys answer 429
        FeedMirror mirror = new FeedMirror(URI.create(log.url()), work.resolve("m.jsonl"), Duration.ofMillis(50), work.resolve("state"));
        inBackground(mirror);
        awaitMirrored(mirror, 5);
        awaitAtLeast(mirror::checksPostponed, 1);
        awaitAtLeast(mirror::checksPassed, 1);
        assertThat(mirror.failure()).isNull();
        mirror.stop();
    }

    /** Runs {@code mirror} until it is stopped, on the test's background thread. */
    void inBackground(FeedMirror mirror) {
        background.submit(() -> {
            mirror.run((java.time.Instant) null);
            return null;
        });
    }

    static void awaitAtLeast(java.util.function.LongSupplier value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (value.getAsLong() < atLeast && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(value.getAsLong()).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void the_mirror_drops_a_torn_last_line_and_resumes_after_the_last_whole_one() throws Exception {
        log = new FakeLog("/", entries(5), 5);
        String whole = entries(3).stream().map(l -> l + "\n").collect(Collectors.joining());
        String fourth = entry(3);
        Path torn = work.resolve("torn.jsonl");
        // a crash mid-write: the fourth line cut after its sequence, without its newline
        Files.writeString(torn, whole + fourth.substring(0, fourth.length() - 10), StandardCharsets.UTF_8);

        FeedMirror mirror = new FeedMirror(URI.create(log.url()), torn);
        assertThat(mirror.lastSequence()).isEqualTo(2);
        assertThat(Files.readString(torn, StandardCharsets.UTF_8)).isEqualTo(whole);
        Future<?> running = background.submit(() -> {
            mirror.run(Instant.now().plus(Duration.ofMinutes(2)));
            return null;
        });
        awaitMirrored(mirror, 5);
        mirror.stop();
        running.get(30, TimeUnit.SECONDS);
        assertThat(Files.readAllLines(torn, StandardCharsets.UTF_8)).isEqualTo(entries(5));

        // a cut inside line 1 leaves nothing whole: the mirror starts over from 0
        Path first = work.resolve("first.jsonl");
        Files.writeString(first, entry(0).substring(0, 20), StandardCharsets.UTF_8);
        assertThat(new FeedMirror(URI.create(log.url()), first).lastSequence()).isEqualTo(-1);
        assertThat(Files.size(first)).isZero();

        // a whole last line that is not a feed entry is dropped too
        Path garbage = work.resolve("garbage.jsonl");
        Files.writeString(garbage, whole + "not json\n", StandardCharsets.UTF_8);
        assertThat(new FeedMirror(URI.create(log.url()), garbage).lastSequence()).isEqualTo(2);
        assertThat(Files.readString(garbage, StandardCharsets.UTF_8)).isEqualTo(whole);
    }

    @Test
    void the_tools_resolve_their_endpoints_under_the_path_of_the_url() throws Exception {
        log = new FakeLog("/x/", entries(4), 4);
        String prefixed = log.url() + "x/";

        Run verified = verify("--url", prefixed, "--state", work.resolve("state").toString());
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("PASS  served feed entries against the feed tree: 4 leaves match the signed root of size 4");
        assertThat(verify("--url", log.url() + "x").status()).isZero(); // without the trailing slash alike

        FeedMirror mirror = new FeedMirror(URI.create(log.url() + "x"), work.resolve("prefixed.jsonl"));
        Future<?> running = background.submit(() -> {
            mirror.run(Instant.now().plus(Duration.ofMinutes(2)));
            return null;
        });
        awaitMirrored(mirror, 4);
        mirror.stop();
        running.get(30, TimeUnit.SECONDS);
        assertThat(Files.readAllLines(work.resolve("prefixed.jsonl"), StandardCharsets.UTF_8)).isEqualTo(entries(4));
        assertThat(log.paths).allMatch(p -> p.startsWith("/x/"), "every request under /x/");

        // at the host's root there is no ledger: one line naming the URL and the 404, not a loop
        FeedMirror atRoot = new FeedMirror(URI.create(log.url()), work.resolve("root.jsonl"));
        background.submit(() -> {
            atRoot.run(Instant.now().plus(Duration.ofMinutes(2)));
            return null;
        }).get(30, TimeUnit.SECONDS);
        assertThat(atRoot.error()).contains("GET " + log.url() + "feed/v1/events answered 404", "--url");
    }

    @Test
    void an_unreachable_server_an_unknown_log_or_a_bad_key_file_is_one_line_and_a_non_zero_status() throws Exception {
        String nowhere = "http://127.0.0.1:1"; // nothing listens on port 1
        Run verified = verify("--url", nowhere);
        assertThat(verified.status()).isEqualTo(1);
        assertThat(verified.output()).contains("FAIL  verifier keys: cannot connect to http://127.0.0.1:1/.well-known/gongshi-keys")
                .doesNotContain("null");

        Path key = work.resolve("witness.key");
        Path state = work.resolve("state");
        Run unreachable = witness("--url", nowhere, "--log", "feed", "--key", key.toString(), "--state", state.toString(), "--once");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.output()).contains("FAIL  feed verifier keys: cannot connect to http://127.0.0.1:1/");

        Run unknownLog = witness("--url", nowhere, "--log", "foo", "--key", key.toString(), "--state", state.toString(), "--once");
        assertThat(unknownLog.status()).isEqualTo(2);
        assertThat(unknownLog.output()).contains("unknown log 'foo': --log must be feed or ledger");

        Path garbage = work.resolve("garbage.key");
        Files.writeString(garbage, "not a key\n");
        Run badKey = witness("--url", nowhere, "--log", "feed", "--key", garbage.toString(), "--state", state.toString(), "--once");
        assertThat(badKey.status()).as("a bad --key is a usage error (a sweep from outside, stop 86: it was 1)").isEqualTo(2);
        assertThat(badKey.output()).contains("witness: cannot use the key file " + garbage).hasLineCount(1);

        // the key file made above holds witness.local/w1: another --name is refused, not ignored (a sweep from outside)
        Run otherName = witness("--url", nowhere, "--log", "feed", "--key", key.toString(), "--state", state.toString(), "--name", "w.example/w9", "--once");
        assertThat(otherName.status()).as(otherName.output()).isEqualTo(2);
        assertThat(otherName.output()).contains("holds the key of witness witness.local/w1, not of --name w.example/w9");

        Run badUrl = verify("--url", "127.0.0.1:8080");
        assertThat(badUrl.status()).isEqualTo(2);
        assertThat(badUrl.output()).contains("--url 127.0.0.1:8080 is not", "give the ledger's base URL");

        FeedMirror mirror = new FeedMirror(URI.create(nowhere), work.resolve("m.jsonl"));
        background.submit(() -> {
            mirror.run(Instant.now().plus(Duration.ofMinutes(2)));
            return null;
        }).get(30, TimeUnit.SECONDS);
        assertThat(mirror.error()).startsWith("cannot connect to http://127.0.0.1:1/feed/v1/events: ");
        assertThat(FeedMirror.run(new String[] {"--url", nowhere, "--out", work.resolve("m2.jsonl").toString()})).isEqualTo(1);
        assertThat(FeedMirror.run(new String[] {"--url", nowhere, "--for", "soon"})).isEqualTo(2);
        assertThat(FeedMirror.run(new String[] {"--help"})).isZero();
    }

    /**
     * An auditor's sweep: {@code verify --url=http://…} (the form the ledger's own options take) and {@code verify --mirorr f}
     * printed the bare usage, exit 2, without a reason; {@code verify --help} exited 2 where {@code mirror --help} exits 0.
     */
    @Test
    void the_tools_take_name_equals_value_and_name_what_is_wrong() throws Exception {
        log = new FakeLog("/", entries(5), 5);
        Run equals = verify("--url=" + log.url());
        assertThat(equals.output()).contains("verify: ").doesNotContain("usage:").doesNotContain("unknown option");
        Run typo = verify("--url", log.url(), "--mirorr", "f");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.output()).startsWith("verify: unknown option --mirorr; usage: verify");
        assertThat(verify("--url").output()).startsWith("verify: --url needs a value");
        assertThat(verify("--mirror", "f").output()).startsWith("verify: --url is required");
        Run help = verify("--help");
        assertThat(help.status()).isZero();
        assertThat(help.output()).startsWith("usage: verify");
        Run witnessTypo = witness("--url=" + log.url(), "--bogus", "1");
        assertThat(witnessTypo.status()).isEqualTo(2);
        assertThat(witnessTypo.output()).startsWith("witness: unknown option --bogus");
        assertThat(witness("--help").status()).isZero();
        assertThat(witness("--url", log.url()).output()).startsWith("witness: --url, --log, --key and --state are required");
        Path file = Files.writeString(work.resolve("state-file"), "not a directory");
        Run stateFile = verify("--url", log.url(), "--state", file.toString());
        assertThat(stateFile.status()).isEqualTo(2);
        assertThat(stateFile.output()).startsWith("verify: --state " + file + " is a file; give a directory");
        assertThat(FeedMirror.run(new String[] {"--url", log.url(), "--state", file.toString()})).isEqualTo(2);
        // an option given twice, a token without its case, a duration of nothing, an argument that is no option: one line, exit 2
        // (a sweep from outside, stop 76: each was taken in silence, the last named as "extra needs a value")
        Run twice = verify("--url", log.url(), "--state", "a", "--state", "b");
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.output()).startsWith("verify: --state is given twice; give each option once");
        assertThat(verify("--url", log.url(), "--token", "t").output()).startsWith("verify: --token is for --case");
        assertThat(witness("--url", log.url(), "--url", log.url()).output()).startsWith("witness: --url is given twice");
        assertThat(FeedMirror.run(new String[] {"--url", log.url(), "--for", "PT-5S"})).isEqualTo(2);
        assertThat(FeedMirror.run(new String[] {"--url", log.url(), "--out", work.resolve("x").toString(), "extra"})).isEqualTo(2);
        assertThat(FeedMirror.run(new String[] {"--url", log.url(), "--url", log.url()})).isEqualTo(2);
    }

    /** An auditor's sweep: a mirror into a missing directory retried for ever, each time as "feed interrupted". */
    @Test
    void a_mirror_that_cannot_write_its_file_says_so_at_once() throws Exception {
        log = new FakeLog("/", entries(3), 3);
        Path missing = work.resolve("no-such-dir").resolve("m.jsonl");
        assertThatThrownBy(() -> new FeedMirror(URI.create(log.url()), missing)).isInstanceOf(java.nio.file.NoSuchFileException.class);
        int status = background.submit(() -> FeedMirror.run(new String[] {"--url", log.url(), "--out", missing.toString()}))
                .get(30, TimeUnit.SECONDS);
        assertThat(status).as("a bad --out is a usage error (a sweep from outside, stop 86: it was 1)").isEqualTo(2);
        assertThat(missing.getParent()).doesNotExist();
        assertThat(FeedMirror.run(new String[] {"--url", log.url(), "--out", work.toString()})).as("--out a directory").isEqualTo(2);
    }

    /** Outside audit: a mirror holding an entry the log never wrote was told to check --url (exit 1), not that a check failed. */
    @Test
    void a_mirror_ahead_of_the_log_it_mirrors_stops_as_a_failed_check_naming_its_line() throws Exception {
        log = new FakeLog("/", entries(5), 5);
        Path ahead = mirrorFile("ahead.jsonl", entries(7)); // lines 6 and 7 hold entries 5 and 6, which this log never wrote
        FeedMirror mirror = new FeedMirror(URI.create(log.url()), ahead);
        background.submit(() -> {
            mirror.run(Instant.now().plus(Duration.ofMinutes(2)));
            return null;
        }).get(30, TimeUnit.SECONDS);
        assertThat(mirror.error()).isNull();
        assertThat(mirror.failure()).contains("line 7 holds sequence 6", "beyond the feed's last entry 4");
    }

    @Test
    void verify_asks_a_named_witness_for_its_cosignature_of_a_head_the_current_one_extends_and_a_forked_one_fails() throws Exception {
        log = new FakeLog("/", entries(6), 6);
        NoteSigner witnessKey = NoteSigner.generate("witness.test/w1");
        String verifierKey = Cosignatures.Witness.of(witnessKey).verifierKey();

        Run none = verify("--url", log.url(), "--witness-key", verifierKey);
        assertThat(none.status()).as(none.output()).isEqualTo(1);
        assertThat(none.output()).contains("FAIL  feed witnessed by witness.test/w1: the current head carries no cosignature of witness.test/w1,"
                + " and the largest cosigned head could not be read", "answered 404");

        // the witness cosigned an earlier head that the current one extends: passed, saying what it does not cover
        String body4 = Cosignatures.split(new Checkpoint("fake.test/feed", 4, log.tree.rootHash(4)).sign(log.feedKey)).body();
        log.cosigned = new Checkpoint("fake.test/feed", 4, log.tree.rootHash(4)).sign(log.feedKey) + Cosignatures.cosign(witnessKey, body4, 1_700_000_000);
        Run earlier = verify("--url", log.url(), "--witness-key", verifierKey);
        assertThat(earlier.output()).contains("PASS  feed witnessed by witness.test/w1: cosigned the head of size 4 at 2023-11-14T22:13:20Z,"
                + " consistent with the current head of size 6 (the 2 leaves after it not witnessed yet)");
        assertThat(earlier.status()).as(earlier.output()).isZero();

        // another witness's key finds no cosignature of its own; a malformed key is a usage error naming the option
        Run other = verify("--url", log.url(), "--witness-key", Cosignatures.Witness.of(NoteSigner.generate("witness.test/w2")).verifierKey());
        assertThat(other.status()).as(other.output()).isEqualTo(1);
        assertThat(other.output()).contains("FAIL  feed witnessed by witness.test/w2: neither the current head (size 6) nor the largest cosigned"
                + " head (size 4) carries a valid cosignature of witness.test/w2");
        assertThat(verify("--url", log.url(), "--witness-key", "w1+0000+AAAA").output()).contains("verify: --witness-key: malformed witness key");

        // the log signed, and the witness cosigned, another tree of size 4: the current head does not extend it
        List<String> other4 = entries(4);
        other4.set(2, other4.get(2).replace("条目2", "条目F"));
        byte[] forkRoot = new MerkleProofs(LeafHashes.of(other4.stream().map(e -> Rfc6962.leafHash(e.getBytes(StandardCharsets.UTF_8))).toList())).rootHash(4);
        String forked = new Checkpoint("fake.test/feed", 4, forkRoot).sign(log.feedKey);
        log.cosigned = forked + Cosignatures.cosign(witnessKey, Cosignatures.split(forked).body(), 1_700_000_000);
        Run fork = verify("--url", log.url(), "--witness-key", verifierKey);
        assertThat(fork.status()).as(fork.output()).isEqualTo(1);
        assertThat(fork.output()).contains("FAIL  feed witnessed by witness.test/w1: FORK: the head witness.test/w1 cosigned (size 4) is not consistent"
                + " with the current head (size 6)");
    }

    static void awaitMirrored(FeedMirror mirror, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mirror.lastSequence() + 1 < count && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(mirror.lastSequence() + 1).as("mirrored; error %s", mirror.error()).isEqualTo(count);
    }

    /** A feed log in memory, served under {@code prefix}: its entries, a head signed over the first {@code signedSize}, proofs. */
    static final class FakeLog implements AutoCloseable {
        final NoteSigner feedKey, ledgerKey;
        final List<String> entries;
        final MerkleProofs tree;
        final List<String> paths = new CopyOnWriteArrayList<>();
        volatile long signedSize;
        /** The largest cosigned head it serves ({@code /feed/v1/checkpoint/cosigned}), or null: none yet (404). */
        volatile String cosigned;
        /** How many proofs were asked for. */
        final java.util.concurrent.atomic.AtomicInteger proofs = new java.util.concurrent.atomic.AtomicInteger();
        /** How many reads of the verifier keys still answer 429 (too many requests). */
        final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
        final HttpServer server;

        FakeLog(String prefix, List<String> entries, long signedSize) throws IOException {
            this(prefix, entries, signedSize, 0, NoteSigner.generate("fake.test/feed"), NoteSigner.generate("fake.test/ledger"));
        }

        private FakeLog(String prefix, List<String> entries, long signedSize, int port, NoteSigner feedKey, NoteSigner ledgerKey) throws IOException {
            this.feedKey = feedKey;
            this.ledgerKey = ledgerKey;
            this.entries = entries;
            this.signedSize = signedSize;
            this.tree = new MerkleProofs(LeafHashes.of(entries.stream().map(e -> Rfc6962.leafHash(e.getBytes(StandardCharsets.UTF_8))).toList()));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext(prefix, this::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        /** The same log (its keys, its port, at the root) served again after {@link #close}, now with {@code entries}. */
        FakeLog restarted(List<String> entries, long signedSize) throws IOException {
            return new FakeLog("/", entries, signedSize, server.getAddress().getPort(), feedKey, ledgerKey);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        @Override
        public void close() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            paths.add(path);
            String prefix = exchange.getHttpContext().getPath();
            String endpoint = "/" + path.substring(prefix.length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (endpoint.startsWith("/feed/v1/proofs/")) proofs.incrementAndGet();
            switch (endpoint) {
                case "/.well-known/gongshi-keys" -> send(exchange, refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 429 : 200, "{\"keys\":[{\"verifierKey\":\"" + feedKey.verifierKey()
                        + "\"},{\"verifierKey\":\"" + ledgerKey.verifierKey() + "\"}]}");
                case "/feed/v1/checkpoint" -> send(exchange, 200, new Checkpoint("fake.test/feed", signedSize, tree.rootHash(signedSize)).sign(feedKey));
                case "/feed/v1/checkpoint/cosigned" -> send(exchange, cosigned == null ? 404 : 200, cosigned == null ? "{\"title\":\"Not Found\"}" : cosigned);
                case "/api/v1/audit/ledger/checkpoint" -> send(exchange, 200, new Checkpoint("fake.test/ledger", 0, Rfc6962.emptyRoot()).sign(ledgerKey));
                case "/feed/v1/entries" -> {
                    long after = Long.parseLong(query.get("after"));
                    long limit = Long.parseLong(query.get("limit"));
                    send(exchange, 200, entries.stream().skip(after + 1).limit(limit).map(e -> e + "\n").collect(Collectors.joining()));
                }
                case "/feed/v1/proofs/inclusion" -> send(exchange, 200, "{\"auditPath\":" + b64(tree.inclusionProof(
                        Long.parseLong(query.get("index")), Long.parseLong(query.get("treeSize")))) + "}");
                case "/feed/v1/proofs/consistency" -> send(exchange, 200, "{\"proof\":" + b64(tree.consistencyProof(
                        Long.parseLong(query.get("first")), Long.parseLong(query.get("second")))) + "}");
                case "/feed/v1/events" -> {
                    String lastId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
                    long after = lastId == null ? -1 : Long.parseLong(lastId);
                    if (after >= entries.size()) { // as the ledger answers once its feed has passed the whole ledger
                        send(exchange, 400, "{\"errors\":[{\"field\":\"Last-Event-ID\",\"message\":\"is " + after + ", "
                                + org.gongshi.api.feed.FeedController.BEYOND_THE_LOG + " " + (entries.size() - 1) + "\"}]}");
                        return;
                    }
                    StringBuilder stream = new StringBuilder();
                    for (int i = (int) after + 1; i < entries.size(); i++) {
                        stream.append("id: ").append(i).append("\nevent: org.gongshi.disclosure.published.v1\ndata: ").append(entries.get(i)).append("\n\n");
                    }
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    send(exchange, 200, stream.toString());
                }
                default -> send(exchange, 404, "{\"title\":\"Not Found\"}");
            }
        }

        private static Map<String, String> query(String raw) {
            if (raw == null) return Map.of();
            return java.util.Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
        }

        private static String b64(List<byte[]> hashes) {
            return hashes.stream().map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"").collect(Collectors.joining(",", "[", "]"));
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A mirror checking every 50 ms, running on a fresh log of three entries, once it mirrored them and passed a round of checks. */
    private FeedMirror checkingMirrorOfThree(Path out, Path state) throws Exception {
        log = new FakeLog("/", entries(3), 3);
        FeedMirror mirror = new FeedMirror(URI.create(log.url()), out, Duration.ofMillis(50), state);
        inBackground(mirror);
        awaitMirrored(mirror, 3);
        awaitAtLeast(mirror::checksPassed, 1);
        return mirror;
    }
}
