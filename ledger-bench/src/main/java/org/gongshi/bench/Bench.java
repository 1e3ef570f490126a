package org.gongshi.bench;

import org.gongshi.synthetic.SyntheticLedger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The benchmark harness (issue 13): starts the embedded ledger-server jar on a fresh data directory, measures
 * the raw H2 and MongoDB baselines, generates a synthetic ledger of {@code --cases} cases through the API,
 * then measures commands at 1, 8 and 64 clients with the feed and public-record lag, search and statistics
 * latency, feed catch-up, heap, RSS and disk, and a full rebuild of the read models. Writes
 * {@code result.json} and {@code summary.md} to {@code --out}.
 *
 * <pre>java -jar ledger-bench/target/ledger-bench.jar --cases 10000 --out target/bench</pre>
 */
public final class Bench {

    record Figure(String name, double value, String unit, String baselineName, double baseline, String note) {
        double ratio() {
            return baseline > 0 && !Double.isNaN(value) ? value / baseline : Double.NaN;
        }
    }

    /**
     * The server's JVM options unless --server-opts says otherwise: none, as the README's command line runs it (the JVM's
     * own JIT; under load it took 1.5–1.9 times the commands of C1 alone, issue 13, stop 61).
     */
    static final String SERVER_OPTS = "";

    private final Map<String, String> options;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final int cases;
    private final Path out;
    /** The unmeasured reads before the measured ones ({@code --reads-warm-up}, {@link #READS_WARM_UP} by default). */
    private final int readsWarmUp;

    Bench(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (the options: --" + String.join(", --", new java.util.TreeSet<>(OPTIONS)) + ")");
            }
        }
        this.options = options;
        this.cases = positive("cases", "10000");
        this.readsWarmUp = whole("reads-warm-up", String.valueOf(READS_WARM_UP));
        this.out = Path.of(options.getOrDefault("out", "target/bench")).toAbsolutePath();
    }

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("cases", "out", "server-jar", "clients", "phase-seconds",
            "gen-threads", "queries", "baseline-events", "seed", "server-opts", "jfr-clients", "rebuild", "keep-data", "rebuild-of",
            "search-of", "search-records", "stats-cases", "generate", "deadlines", "reads-warm-up");

    /** A list of sizes ({@code --name 100000,1000000}), ascending; none when the option is not given. */
    private int[] sizes(String name) {
        return Arrays.stream(options.getOrDefault(name, "").split(",")).filter(n -> !n.isBlank()).mapToInt(n -> wholeNumber(name, n))
                .sorted().toArray();
    }

    /** A whole-number option (0 or more), with a message naming it when it is not one. */
    private int whole(String name, String otherwise) {
        return wholeNumber(name, options.getOrDefault(name, otherwise));
    }

    /** A whole-number option of 1 or more (a count the run cannot do with none of), with a message naming it otherwise. */
    private int positive(String name, String otherwise) {
        return positiveNumber(name, options.getOrDefault(name, otherwise));
    }

    static int positiveNumber(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            number = 0;
        }
        if (number >= 1) return number;
        throw new IllegalArgumentException("--" + name + " must be a whole number of 1 or more, not \"" + value + "\"");
    }

    /** Whether {@code file} begins as a zip archive (a jar) does: {@code PK\3\4}. */
    static boolean isJar(Path file) throws java.io.IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** A yes-or-no option: {@code true} or {@code false}, nothing else (a typo such as {@code yes} was read as false). */
    private boolean yesOrNo(String name, String otherwise) {
        String value = options.getOrDefault(name, otherwise).strip();
        if (value.equals("true") || value.equals("false")) return value.equals("true");
        throw new IllegalArgumentException("--" + name + " is true or false, not \"" + value + "\"");
    }

    static int wholeNumber(String name, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) return number;
        } catch (NumberFormatException notANumber) {
            // named below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of 0 or more, not \"" + value + "\"");
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("redaction")) {
            RedactionCost.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        // the bench logs to its own output; the drivers' logging has no provider here, and SLF4J said so in three lines a run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: --cases N --out DIR [--server-jar ledger-server/target/ledger-server.jar] [--clients 1,8,64]"
                        + " [--phase-seconds 30] [--gen-threads 8] [--queries 200] [--reads-warm-up 100] [--baseline-events 5000] [--seed 1]"
                        + " [--server-opts \"-XX:TieredStopAtLevel=1\" (default: none)] [--jfr-clients 8] [--rebuild true] [--keep-data DIR] [--rebuild-of DIR] [--search-of DIR]"
                        + " [--search-records 100000,1000000] [--stats-cases 100000,1000000] [--generate api|in-process] [--deadlines fire|hold]"
                        + "\n   or: redaction [--rounds 15] [--out DIR] (what the redaction policy costs a public text)");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }

        Path result;
        try {
            result = new Bench(options).run();
        } catch (IllegalArgumentException usage) {
            System.err.println("bench: " + usage.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(Files.readString(result.resolveSibling("summary.md")));
    }

    /** Runs every phase; answers the path of result.json. */
    Path run() throws Exception {
        if (options.containsKey("keep-data") && Files.exists(Path.of(options.get("keep-data")).resolve("data"))) {
            throw new IllegalArgumentException("--keep-data " + options.get("keep-data") + " already holds a ledger (data/): name another"
                    + " directory or remove it");
        }
        for (String of : List.of("rebuild-of", "search-of")) {
            if (options.containsKey(of) && !Files.isDirectory(Path.of(options.get(of)).resolve("data"))) {
                throw new IllegalArgumentException("no kept ledger at " + Path.of(options.get(of)).resolve("data")
                        + " (--keep-data of an earlier run)");
            }
        }
        if (options.containsKey("rebuild-of") && options.containsKey("search-of")) {
            throw new IllegalArgumentException("--rebuild-of and --search-of each run one phase of a kept ledger: name one");
        }
        // every option checked before anything is made (a bad one leaves no output or work directory behind)
        String generation = options.getOrDefault("generate", "api");
        if (!generation.equals("api") && !generation.equals("in-process")) {
            throw new IllegalArgumentException("--generate is api (through the bureau API, the default) or in-process (through the"
                    + " aggregates in the server jar's generate tool), not \"" + generation + "\"");
        }
        boolean inProcess = generation.equals("in-process");
        extra.put("generation", generation);
        String kept = options.get("rebuild-of");
        String searched = options.get("search-of");
        String deadlines = options.getOrDefault("deadlines", "fire");
        boolean ofKept = kept != null || searched != null;
        if (!deadlines.equals("fire") && !deadlines.equals("hold") || deadlines.equals("hold") && !inProcess && !ofKept) {
            throw new IllegalArgumentException("--deadlines is fire (the default: each played day's due deadlines fire on it) or hold"
                    + " (with --generate in-process, --rebuild-of or --search-of only: nothing fires during the run), not \"" + deadlines + "\"");
        }
        // a kept ledger generated with its deadlines held is run with them held again (DEADLINES_HELD_MARK): fired, its
        // deadlines are thousands of commands that compete with the rebuild or the searches measured
        boolean holdDeadlines = deadlines.equals("hold") || ofKept && Files.exists(Path.of(ofKept(kept, searched)).resolve(DEADLINES_HELD_MARK));
        extra.put("deadlines", holdDeadlines ? "hold" : "fire");
        Path jar = Path.of(options.getOrDefault("server-jar", "ledger-server/target/ledger-server.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath()
                + ": build it (./mvnw -B -ntp -q -pl ledger-bench -am package -DskipTests) or pass --server-jar");
        if (!isJar(jar)) throw new IllegalArgumentException("--server-jar " + jar.toAbsolutePath() + " is no jar (no zip archive)");
        // where the results go: a directory there or one that can be made (a re-test from outside, stop 85: a file, or a place
        // that cannot hold one, ended in a stack trace)
        if (Files.exists(out) && !Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        // every number before any work (a sweep from outside, stop 85: --search-records 10,abc was refused after minutes of load,
        // --gen-threads 0 failed 45 s in with "bench: null", --rebuild yes was read as false)
        int[] clients = Arrays.stream(options.getOrDefault("clients", "1,8,64").split(",")).mapToInt(n -> positiveNumber("clients", n)).toArray();
        int phaseSeconds = positive("phase-seconds", "30");
        int genThreads = positive("gen-threads", "8");
        int queries = positive("queries", "200");
        int jfrClients = whole("jfr-clients", "8");
        int baselineEvents = positive("baseline-events", "5000");
        int seed = whole("seed", "1");
        boolean rebuildAfter = yesOrNo("rebuild", "true");
        int[] searchRecords = sizes("search-records"), statsCases = sizes("stats-cases");
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException cannot) {
            throw new IllegalArgumentException("--out " + out + " cannot be made a directory: " + cannot.getClass().getSimpleName()
                    + (cannot.getMessage() == null ? "" : " (" + cannot.getMessage() + ")"));
        }
        Path work = Files.createTempDirectory("gongshi-bench");
        List<String> serverOpts = new ArrayList<>(List.of("-Daxoniq.update-checker.disabled=true"));
        // the README's way to run the embedded default (the JVM's own JIT, see there); --server-opts adds options
        String more = options.getOrDefault("server-opts", SERVER_OPTS);
        if (!more.isBlank()) serverOpts.addAll(Arrays.asList(more.trim().split("\\s+")));
        extra.put("date", Instant.now().toString());
        extra.put("machine", Machine.describe());
        extra.put("loadAverageAtStart", Machine.loadAverage());
        extra.put("cases", cases);
        extra.put("serverJvmOptions", serverOpts);
        SyntheticLedger ledger = new SyntheticLedger(seed, cases);
        Path dataDir = work.resolve("data");
        Path log = out.resolve("server.log");
        Files.deleteIfExists(log);
        try {
            log("baselines (raw H2 appends, raw Mongo inserts, finds by _id, a sorted scan and bulk inserts)");
            Baselines.Figures base = Baselines.measure(Files.createDirectories(work.resolve("baselines")),
                    baselineEvents);
            extra.put("baselines", base);

            // the deadlines the kept ledger's generated days made due are not fired during the run (DEADLINES_HELD)
            if (holdDeadlines && ofKept) serverOpts.add("-Dgongshi.deadlines.initial-delay=" + DEADLINES_HELD);
            if (kept != null) {
                // only the rebuild, of a ledger an earlier run kept (--keep-data): the same replay again, another server
                extra.put("rebuildOf", Path.of(kept).toAbsolutePath().toString());
                copyTree(Path.of(kept).resolve("data"), dataDir);
                rebuild(null, jar, dataDir, log, serverOpts, ledger.bureaus().get(0).uscc(), -1, base);
            } else if (searched != null) {
                // only the public searches, of a ledger an earlier run kept with its copies (--search-records, --keep-data):
                // a server started on it as a node restarted on its data, measured at the size it holds, with no bulk load
                // just before (whose collections the searches otherwise share the pauses of)
                extra.put("searchOf", Path.of(searched).toAbsolutePath().toString());
                copyTree(Path.of(searched).resolve("data"), dataDir);
                log("starting the server (" + jar + ") on the kept ledger");
                try (ServerProcess server = new ServerProcess(jar, dataDir, log, serverOpts, ledger.bureaus().get(0).uscc())) {
                    new SearchAtSize(server, new Api(server.base()), readsWarmUp, this::logged).runAsKept(queries, base);
                }
            } else {
                if (inProcess) generateInProcess(jar, dataDir, serverOpts, holdDeadlines, base);
                // the deadlines the generated days made due are not fired during the run (DEADLINES_HELD)
                if (holdDeadlines) serverOpts.add("-Dgongshi.deadlines.initial-delay=" + DEADLINES_HELD);
                log("starting the server (" + jar + ")");
                ServerProcess server = new ServerProcess(jar, dataDir, log, serverOpts, ledger.bureaus().get(0).uscc());
                double startup = (server.healthyNanos - server.startedNanos) / 1e9;
                figures.add(new Figure(inProcess ? "start to healthy (on the generated ledger, no read models)" : "start to healthy (fresh)",
                        startup, "s", null, 0, ""));
                Api api = new Api(server.base());
                String admin = api.token(ledger.bureaus().get(0).uscc(), "110000", List.of("admin"));

                if (inProcess) {
                    buildReadModels(server, api, admin, base);
                } else {
                    generate(ledger, api, genThreads, base);
                }
                long generatedEvents = head(api, admin);
                settle(api, admin, generatedEvents);
                extra.put("publicFiguresAfterGeneration", publicFigures(api));
                Feed feed = new Feed(api);
                sizes(server, generatedEvents, base, "after generation");
                reads(ledger, server, api, queries, base);
                catchUp(api, base);
                load(ledger, api, server, clients, phaseSeconds, jfrClients, feed, base);
                long events = head(api, admin);
                extra.put("eventsInStore", events);
                // every processor ran the whole load without an error or a dead letter (a rebuild replays the same events)
                Api.Reply health = api.get("/actuator/health", admin);
                extra.put("healthAfterLoad", health.status() == 200 || health.status() == 503 ? health.json().path("status").asString() : "unreadable");
                if (!"UP".equals(extra.get("healthAfterLoad"))) extra.put("healthAfterLoadDetails", health.body());
                sizes(server, events, base, "after load");
                if (searchRecords.length > 0 || statsCases.length > 0) {
                    // copies of read-model documents, no events: the run's last phases, and no rebuild after them
                    if (searchRecords.length > 0) {
                        log("public search at " + Arrays.toString(searchRecords) + " records (copies of the published ones); no rebuild");
                        new SearchAtSize(server, api, readsWarmUp, this::logged).run(searchRecords, queries, base);
                    }
                    if (statsCases.length > 0) {
                        log("statistics at " + Arrays.toString(statsCases) + " cases (copies of the cases' contributions); no rebuild");
                        new StatsAtSize(server, api, ledger, readsWarmUp, this::logged).run(statsCases, queries, base);
                    }
                    server.close();
                } else if (rebuildAfter) {
                    rebuild(server, jar, dataDir, log, serverOpts, ledger.bureaus().get(0).uscc(), events, base);
                } else {
                    server.close();
                }
                figures.add(new Figure("disk after clean shutdown", ServerProcess.diskMiB(dataDir), "MiB", null, 0, events + " events"));
                extra.put("commandFailures", api.failures.get());
                extra.put("firstFailures", api.firstFailures);
            }
        } finally {
            extra.put("loadAverageAtEnd", Machine.loadAverage());
            String keep = options.get("keep-data");
            if (keep != null && Files.isDirectory(dataDir)) {
                // the generated ledger, to rebuild or inspect again without generating it again
                Path keptData = Files.createDirectories(Path.of(keep).toAbsolutePath()).resolve("data");
                try {
                    Files.move(dataDir, keptData);
                } catch (IOException otherFileStore) {
                    copyTree(dataDir, keptData); // a directory moves within one file store only
                }
                if (holdDeadlines) Files.writeString(keptData.resolveSibling(DEADLINES_HELD_MARK), "generated with --deadlines hold\n");
                log("ledger kept in " + keptData + (holdDeadlines ? " (its deadlines held: " + DEADLINES_HELD_MARK + ")" : ""));
            }
            deleteTree(work);
        }
        return Report.write(out, cases, figures, extra);
    }

    /** Adds {@code figure} and logs it as it is made: a run stopped at a size (disk, time) still shows the sizes before. */
    private void logged(Figure figure) {
        figures.add(figure);
        log(String.format(Locale.ROOT, "  %s: %.4g %s", figure.name(), figure.value(), figure.unit()));
    }

    /**
     * Plays the ledger's calendar forward day by day: the clock is moved to each day that has acts, then that day's acts
     * run, several cases at once ({@code threads}) and each case's acts of the day in order, so every act is recorded on
     * its legal date, as a bureau files it.
     */
    private void generate(SyntheticLedger ledger, Api api, int threads, Baselines.Figures base) throws Exception {
        log("generating " + cases + " cases with " + threads + " threads, day by day on the ledger's clock");
        Lifecycle lifecycle = new Lifecycle(api, null, null, Long.MAX_VALUE);
        TreeMap<LocalDate, Map<Lifecycle.Case, List<Lifecycle.Act>>> agenda = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            Lifecycle.Case c = new Lifecycle.Case(ledger.plan(i));
            for (Lifecycle.Act act : lifecycle.acts(c.plan)) {
                agenda.computeIfAbsent(act.on(), d -> new LinkedHashMap<>()).computeIfAbsent(c, k -> new ArrayList<>()).add(act);
            }
        }
        AtomicLong commands = new AtomicLong();
        AtomicInteger filed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            LocalDate clockDay = SyntheticLedger.FIRST_DAY;
            for (Map.Entry<LocalDate, Map<Lifecycle.Case, List<Lifecycle.Act>>> day : agenda.entrySet()) {
                if (day.getKey().isAfter(clockDay)) {
                    moveClock(api, day.getKey());
                    clockDay = day.getKey();
                }
                List<Future<?>> done = new ArrayList<>();
                for (Map.Entry<Lifecycle.Case, List<Lifecycle.Act>> due : day.getValue().entrySet()) {
                    done.add(pool.submit(() -> {
                        Lifecycle.Case c = due.getKey();
                        for (Lifecycle.Act act : due.getValue()) {
                            if (c.ended) return;
                            int n = act.step().run(c);
                            if (n < 0) c.ended = true;
                            else commands.addAndGet(n);
                        }
                        if (c.plan.filedOn().equals(day.getKey()) && filed.incrementAndGet() % 1000 == 0) log("  " + filed.get() + " cases filed");
                    }));
                }
                for (Future<?> f : done) f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        figures.add(new Figure("generation: cases/s (" + threads + " threads, through the API)", cases / seconds, "cases/s",
                null, 0, String.format(Locale.ROOT, "%d commands in %.0f s over %d ledger days", commands.get(), seconds, agenda.size())));
        figures.add(new Figure("generation: commands/s", commands.get() / seconds, "cmd/s", "raw H2 appends/s", base.h2AppendsPerSecond(), ""));
    }

    /**
     * How long the server holds its deadlines with {@code --deadlines hold} (its first poll): the whole run. The generation
     * then fires none, so when the server starts it schedules every deadline of the played days at once, most already met by
     * a later act; firing them (a command each, most changing nothing: 2.8 ms of CPU each, measured at 10,000 cases, where
     * they took three times as long as the acts) would take longer than the generation at large sizes and compete with every
     * phase measured.
     */
    static final String DEADLINES_HELD = "P3650D";

    /**
     * The file beside a kept ledger's {@code data/} that says its deadlines were held ({@code --deadlines hold}): a
     * {@code --rebuild-of} or {@code --search-of} it holds them too. Fired there, the 10,000-case ledger's 5,460 due
     * deadlines took 9 % of a rebuild's CPU (the rebuild 718 events/s once healthy with them, 844 without, stop 57).
     */
    static final String DEADLINES_HELD_MARK = "deadlines-held";

    private static String ofKept(String kept, String searched) {
        return kept != null ? kept : searched;
    }

    /**
     * Writes the synthetic ledger into the empty data directory through the aggregates, in a process of its own
     * ({@code java -jar ledger-server.jar generate}, the same JVM options as the server), before the server starts; the
     * server then builds every read model from the first event ({@link #buildReadModels}).
     */
    private void generateInProcess(Path jar, Path dataDir, List<String> serverOpts, boolean holdDeadlines, Baselines.Figures base)
            throws Exception {
        log("generating " + cases + " cases in process (java -jar " + jar.getFileName() + " generate), day by day on the ledger's clock");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(serverOpts);
        command.addAll(List.of("-jar", jar.toString(), "generate", "--cases", String.valueOf(cases), "--seed", options.getOrDefault("seed", "1"),
                "--gongshi.data-dir=" + dataDir, "--gongshi.embedded.mongo-port=" + ServerProcess.freePorts()[0],
                "--gongshi.generate.deadlines=" + !holdDeadlines));
        Path log = out.resolve("generate.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-generator"));
        String last = null;
        long lastLine = System.nanoTime();
        // the generator logs its progress every 10 s; show it here as it comes
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(java.nio.file.Files.newInputStream(log)))) {
            while (true) {
                String line = lines.readLine();
                if (line == null) {
                    if (!process.isAlive()) break;
                    if (System.nanoTime() - lastLine > STALLED_AFTER_NANOS) {
                        process.destroy();
                        throw new IllegalStateException("the generator wrote nothing for " + TimeUnit.NANOSECONDS.toMinutes(STALLED_AFTER_NANOS)
                                + " minutes and was stopped; see " + log);
                    }
                    Thread.sleep(200);
                    continue;
                }
                lastLine = System.nanoTime();
                if (line.contains("Generation: ")) log("  " + line.substring(line.indexOf("Generation: ")));
                if (line.startsWith("generated: ")) last = line;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("the generator exited with " + process.exitValue() + "; see " + log);
        }
        log("  " + last);
        var m = java.util.regex.Pattern.compile("generated: (\\d+) cases, (\\d+) commands, (\\d+) events in ([0-9.]+) s over (\\d+) ledger days")
                .matcher(last);
        if (!m.find()) throw new IllegalStateException("cannot read the generator's summary: " + last);
        long commands = Long.parseLong(m.group(2)), events = Long.parseLong(m.group(3));
        double seconds = Double.parseDouble(m.group(4));
        String note = String.format(Locale.ROOT, "%d commands, %d events in %.0f s over %s ledger days (%.0f s with the JVM's start"
                + " and stop)", commands, events, seconds, m.group(5), wall);
        figures.add(new Figure("generation: cases/s (in process, through the aggregates)", cases / seconds, "cases/s", null, 0, note));
        figures.add(new Figure("generation: commands/s (in process)", commands / seconds, "cmd/s", "raw H2 appends/s",
                base.h2AppendsPerSecond(), ""));
        figures.add(new Figure("generation: events/s (in process)", events / seconds, "events/s", "raw H2 appends/s",
                base.h2AppendsPerSecond(), ""));
        figures.add(new Figure("event store bytes/event after generation (in process)", ServerProcess.diskMiB(dataDir.resolve("eventstore"))
                * 1048576.0 / Math.max(1, events), "B", "raw H2 bytes/event", base.h2BytesPerEvent(), events + " events, after the"
                + " generator's clean stop"));
    }

    /**
     * Waits until every processor of the server just started on an in-process generated ledger has passed its head: every
     * read model built from the first event, as a rebuild builds it. Logs progress every 10 s.
     */
    private void buildReadModels(ServerProcess server, Api api, String admin, Baselines.Figures base) throws Exception {
        long events = head(api, admin);
        log("building every read model from the " + events + " generated events");
        CpuUse before = CpuUse.of(server);
        long start = System.nanoTime();
        awaitProcessorsPast(api, admin, events, start);
        double seconds = (System.nanoTime() - start) / 1e9;
        figures.add(new Figure("read models built from the generated ledger: events/s", events / seconds, "events/s", "raw Mongo inserts/s",
                base.mongoInsertsPerSecond(), String.format(Locale.ROOT, "%d events in %.0f s once healthy", events, seconds)));
        cpu("server CPU building the read models", "Build", before, CpuUse.of(server), seconds, events, "event");
        readModelDocuments(server, api, admin, events, base, "built");
    }

    /**
     * How many documents the read models hold for {@code events} (every collection of the read-model database), and the
     * rebuild rate that alone allows: were an event to cost nothing but its share of those documents, inserted
     * {@link Baselines#BULK} to a round trip into collections without a secondary index, a bulk insert rate divided by the
     * documents an event leaves. Twice: by the raw bulk baseline (the stock H2 backend in the bench's JVM, cold), and by
     * the server's own read-model store measured now ({@link Baselines#storeBulkInserts}), the bound no projection design
     * reaches on this store.
     */
    private void readModelDocuments(ServerProcess server, Api api, String admin, long events, Baselines.Figures base, String when)
            throws IOException {
        Map<String, Long> written = documentsWritten(api, admin);
        Map<String, Long> counts = new TreeMap<>();
        double storeBulk;
        try (MongoClient client = server.readModels()) {
            MongoDatabase db = client.getDatabase("gongshi");
            for (String name : db.listCollectionNames()) counts.put(name, db.getCollection(name).estimatedDocumentCount());
            log("bulk inserts into the server's own read-model store (" + Baselines.STORE_BULK_WARM_UP + " rounds unmeasured, then "
                    + Baselines.STORE_BULK_ROUNDS + ", " + Baselines.STORE_BULK_DOCUMENTS + " documents each)");
            storeBulk = Baselines.storeBulkInserts(client);
        }
        long documents = counts.values().stream().mapToLong(Long::longValue).sum();
        double perEvent = documents / (double) Math.max(1, events);
        extra.put("readModelDocuments" + Character.toUpperCase(when.charAt(0)) + when.substring(1), counts);
        String most = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        figures.add(new Figure("read-model documents per event, " + when, perEvent, "documents/event", null, 0,
                String.format(Locale.ROOT, "%d documents in %d collections for %d events; most in %s", documents, counts.size(), events, most)));
        figures.add(new Figure("rebuild bound by the raw bulk insert rate, " + when + ": events/s", base.mongoBulkInsertsPerSecond() / perEvent,
                "events/s", "raw Mongo bulk inserts/s", base.mongoBulkInsertsPerSecond(), String.format(Locale.ROOT,
                "were an event to cost only its %.2f documents, inserted %d to a round trip (no index, update or read), at the"
                        + " stock H2 backend's rate in the bench's JVM", perEvent, Baselines.BULK)));
        figures.add(new Figure("bulk inserts into the server's own read-model store, " + when + ": documents/s", storeBulk, "documents/s",
                "raw Mongo bulk inserts/s", base.mongoBulkInsertsPerSecond(), String.format(Locale.ROOT,
                "the same documents, %d to a round trip, median of %d rounds of %d after %d unmeasured, into a scratch database dropped after",
                Baselines.BULK, Baselines.STORE_BULK_ROUNDS, Baselines.STORE_BULK_DOCUMENTS, Baselines.STORE_BULK_WARM_UP)));
        figures.add(new Figure("rebuild bound by the server's own store's bulk insert rate, " + when + ": events/s", storeBulk / perEvent,
                "events/s", "store bulk inserts/s", storeBulk, String.format(Locale.ROOT,
                "were an event to cost only its %.2f documents, inserted %d to a round trip into the server's own store", perEvent, Baselines.BULK)));
        // what the store was sent to write, not what it holds: a document is updated again in later batches (a case's view,
        // the counters), and some are written and cleared (the counters' pending change)
        if (written.isEmpty()) {
            log("the server counts no documents written (" + DOCUMENTS_WRITTEN + "): a server jar from before it");
            return;
        }
        double writesPerEvent = documentsWrittenFigure("read-model documents written per event, " + when,
                "readModelDocumentsWritten" + Character.toUpperCase(when.charAt(0)) + when.substring(1), written, events, "event",
                "by the server since it started");
        figures.add(new Figure("rebuild bound by the server's own store's bulk insert rate, for the documents written, " + when + ": events/s",
                storeBulk / Math.max(writesPerEvent, 1e-9), "events/s", "store bulk inserts/s", storeBulk, String.format(Locale.ROOT,
                "were each of an event's %.2f writes to cost a document's bulk insert into the server's own store", writesPerEvent)));
    }

    /**
     * Adds the figure {@code figure}: the documents {@code written} (by collection) per {@code unit}, {@code count} of them,
     * with the five collections that wrote most; keeps them all under {@code key}. Answers the documents per unit.
     */
    private double documentsWrittenFigure(String figure, String key, Map<String, Long> written, long count, String unit, String since) {
        long writes = written.values().stream().mapToLong(Long::longValue).sum();
        double perUnit = writes / (double) Math.max(1, count);
        extra.put(key, written);
        String most = written.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) Math.max(1, count)))
                .collect(Collectors.joining(", "));
        figures.add(new Figure(figure, perUnit, "documents/" + unit, null, 0, String.format(Locale.ROOT,
                "%d inserted, updated or deleted %s (%s, its metrics); %s %s: %s", writes, since, DOCUMENTS_WRITTEN,
                unit.startsWith("e") ? "an" : "a", unit, most)));
        return perUnit;
    }

    /** The server's count of the documents its embedded read-model store was sent to write, by collection. */
    static final String DOCUMENTS_WRITTEN = "gongshi.read-models.documents.written";

    /** {@link #DOCUMENTS_WRITTEN} of each collection, as the server's metrics answer them (admin). */
    private static Map<String, Long> documentsWritten(Api api, String admin) {
        Map<String, Long> written = new TreeMap<>();
        String path = "/actuator/metrics/" + DOCUMENTS_WRITTEN;
        Api.Reply all = api.get(path, admin);
        if (all.status() == 404) return written; // a server from before the count (--rebuild-of takes any server jar)
        if (all.status() != 200) throw new IllegalStateException("GET " + path + ": " + all.status() + " " + all.body());
        for (JsonNode tag : all.json().get("availableTags")) {
            if (!"collection".equals(tag.get("tag").asString())) continue;
            for (JsonNode collection : tag.get("values")) {
                Api.Reply one = api.get(path + "?tag=collection:" + collection.asString(), admin);
                if (one.status() != 200) throw new IllegalStateException("GET " + path + " of " + collection + ": " + one.status() + " " + one.body());
                written.put(collection.asString(), one.json().get("measurements").get(0).get("value").asLong());
            }
        }
        return written;
    }

    /**
     * The public figures of the whole ledger for each year the synthetic ledger spans (disclosure and closure), as the public
     * reads them: two ledgers generated from the same plans, through the API or in process, answer the same.
     */
    private static Map<String, Object> publicFigures(Api api) {
        Map<String, Object> byYear = new LinkedHashMap<>();
        for (int year : new int[] {2025, 2026}) {
            Api.Reply r = api.get("/api/v1/public/stats?year=" + year, null);
            if (r.status() != 200) throw new IllegalStateException("GET /api/v1/public/stats?year=" + year + ": " + r.status() + " " + r.body());
            byYear.put(String.valueOf(year), r.json());
        }
        return byYear;
    }

    /** Moves the ledger's clock (embedded default, loopback) to the morning of {@code day} ({@link SyntheticLedger#morningOf}). */
    private static void moveClock(Api api, LocalDate day) {
        Api.Reply r = api.send("POST", "/dev/clock", null, Api.JSON.writeValueAsString(Map.of("now", SyntheticLedger.morningOf(day).toString())));
        if (r.status() != 200) throw new IllegalStateException("POST /dev/clock " + day + ": " + r.status() + " " + r.body());
    }

    /** The ledger's day now (Asia/Shanghai), from {@code GET /dev/clock}. */
    private static LocalDate ledgerDay(Api api) {
        Api.Reply r = api.get("/dev/clock", null);
        if (r.status() != 200) throw new IllegalStateException("GET /dev/clock: " + r.status() + " " + r.body());
        return java.time.OffsetDateTime.parse(r.field("now")).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    private void sizes(ServerProcess server, long events, Baselines.Figures base, String when) {
        double disk = ServerProcess.diskMiB(server.dataDir);
        figures.add(new Figure("live heap " + when, server.liveHeapMiB(), "MiB", null, 0, ""));
        figures.add(server.memory(when));
        figures.add(new Figure("disk " + when, disk, "MiB", null, 0,
                String.format(java.util.Locale.ROOT, "eventstore %.1f, readmodels %.1f", ServerProcess.diskMiB(server.dataDir.resolve("eventstore")),
                        ServerProcess.diskMiB(server.dataDir.resolve("readmodels")))));
        figures.add(new Figure("event store bytes/event " + when, ServerProcess.diskMiB(server.dataDir.resolve("eventstore")) * 1048576.0
                / Math.max(1, events), "B", "raw H2 bytes/event", base.h2BytesPerEvent(), events + " events"));
    }

    /**
     * Unmeasured rounds of reads before the measured ones: a server just started, or a read model just built, answers its
     * first few hundred reads from a cold page cache and code the JIT has not compiled yet (at 20,000 cases the first 40
     * searches took 21.8 ms on average, 115 ms at most, against 5-7 ms once warm); the goals are the public site's
     * steady state, which answers millions of reads a day. A node restarted on a million records is warmer after more
     * ({@code --reads-warm-up}): a name within a province, p99 17-24 ms after 1,000 rounds (stop 62), and after 100 from 20 to
     * 64 ms between runs on one machine (stops 62-63).
     */
    static final int READS_WARM_UP = 100;

    private void reads(SyntheticLedger ledger, ServerProcess server, Api api, int n, Baselines.Figures base) {
        log("search and statistics, " + n + " requests each after " + readsWarmUp + " unmeasured, once the server is quiet");
        boolean quiet = server.awaitQuiet();
        if (!quiet) log("  the server was still busy after 3 minutes: the reads are measured beside its work");
        Random r = new Random(5);
        Latencies search = new Latencies(), stats = new Latencies(), privateStats = new Latencies();
        Map<String, String> supervisors = new HashMap<>(); // a supervisor's token for each division, made once
        for (int i = -readsWarmUp; i < n; i++) {
            boolean measured = i >= 0;
            String q = SyntheticLedger.brand(r);
            String division = SyntheticLedger.division(r)[0];
            String path = switch (Math.floorMod(i, 3)) { // the warm-up's rounds go through the three shapes alike
                case 0 -> "/api/v1/public/penalties?q=" + enc(q);
                case 1 -> "/api/v1/public/penalties?division=" + division;
                default -> "/api/v1/public/penalties?q=" + enc(SyntheticLedger.industry(r))
                        + "&division=" + division.substring(0, 2);
            };
            long searched = timed(api, path, null);
            long[] statistics = statisticsOf(api, division, ledger, supervisors);
            if (measured) {
                search.add(searched);
                stats.add(statistics[0]);
                privateStats.add(statistics[1]);
            }
        }
        latency("public search (q, division)", search, base, quiet);
        latency("public statistics", stats, base, quiet);
        latency("supervisor statistics", privateStats, base, quiet);
    }

    private void latency(String name, Latencies l, Baselines.Figures base, boolean quiet) {
        latencies(name, l, readsWarmUp, base, quiet).forEach(figures::add);
    }

    /** A read's p50 and p99, each beside the raw find by {@code _id}. */
    static List<Figure> latencies(String name, Latencies l, int warmUp, Baselines.Figures base, boolean quiet) {
        return List.of(new Figure(name + " p50", l.percentileMs(50), "ms", "raw Mongo find-by-id p50", base.mongoFindP50Ms(),
                        l.count() + " requests after " + warmUp + " unmeasured" + (quiet ? "" : ", the server still busy")),
                new Figure(name + " p99", l.percentileMs(99), "ms", "raw Mongo find-by-id p50", base.mongoFindP50Ms(), ""));
    }

    /**
     * The statistics of {@code division} as the public reads them (2025) and as its supervisor does (2025-2026): each
     * request's nanoseconds. {@code supervisors} keeps a supervisor's token for each division, made once.
     */
    static long[] statisticsOf(Api api, String division, SyntheticLedger ledger, Map<String, String> supervisors) {
        long publicStats = timed(api, "/api/v1/public/stats?division=" + division + "&year=2025", null);
        String supervisor = supervisors.computeIfAbsent(division, d -> api.token(ledger.bureaus().get(0).uscc(), d, List.of("supervisor")));
        return new long[] {publicStats, timed(api, "/api/v1/stats?division=" + division + "&from=2025-01-01&to=2026-12-31", supervisor)};
    }

    private static long timed(Api api, String path, String token) {
        Api.Reply reply = api.get(path, token);
        if (reply.status() != 200) throw new IllegalStateException("GET " + path + ": " + reply.status() + " " + reply.body());
        return reply.nanos();
    }

    private void catchUp(Api api, Baselines.Figures base) throws Exception {
        log("feed catch-up from sequence 0");
        long start = System.nanoTime();
        long after = -1, total = 0;
        for (long lines; (lines = api.countLines("/feed/v1/entries?after=" + after + "&limit=100000", null)) > 0; ) {
            after += lines;
            total += lines;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        figures.add(new Figure("feed catch-up from 0: entries/s", total / seconds, "entries/s", "raw Mongo sorted scan docs/s",
                base.mongoScanDocsPerSecond(), total + " entries"));
    }

    private void load(SyntheticLedger ledger, Api api, ServerProcess server, int[] clients, int seconds, int jfrClients, Feed feed,
                      Baselines.Figures base) throws Exception {
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        AtomicReference<String> latest = new AtomicReference<>();
        Latencies feedLag = new Latencies(), publicLag = new Latencies();
        Thread tail = feed.tail(publishedAt, feedLag);
        Thread sampler = new Thread(() -> samplePublicLag(api, latest, publishedAt, publicLag), "public-lag");
        sampler.setDaemon(true);
        sampler.start();
        AtomicInteger next = new AtomicInteger(cases);
        LocalDate today = ledgerDay(api);
        String admin = api.token(ledger.bureaus().get(0).uscc(), "110000", List.of("admin"));
        for (int c : clients) {
            double floor = requestFloor(ledger, api, server, c, seconds);
            log("commands with " + c + " clients for " + seconds + " s");
            Map<String, Long> writtenBefore = documentsWritten(api, admin);
            CpuUse before = CpuUse.of(server);
            long logFrom = Files.size(out.resolve("server.log"));
            Latencies latencies = new Latencies();
            double elapsed = commands(ledger, api, c, seconds, next, today, latencies, (id, at) -> {
                publishedAt.put(id, at);
                latest.set(id);
            });
            CpuUse after = CpuUse.of(server);
            slowCheckpoints(c, logFrom, elapsed);
            double rate = latencies.count() / elapsed;
            String note = latencies.count() + " commands" + (floor > 0 ? String.format(Locale.ROOT, "; %.1f %% of the request floor", 100 * rate / floor) : "");
            figures.add(new Figure("commands/s, " + c + " clients", rate, "cmd/s", "raw H2 appends/s", base.h2AppendsPerSecond(), note));
            figures.add(new Figure("command p50, " + c + " clients", latencies.percentileMs(50), "ms", "raw H2 append p50", base.h2AppendP50Ms(), ""));
            figures.add(new Figure("command p99, " + c + " clients", latencies.percentileMs(99), "ms", "raw H2 append p50", base.h2AppendP50Ms(), ""));
            cpu("server CPU, " + c + " clients", c + "Clients", before, after, elapsed, latencies.count(), "command");
            // the phase's events in every read model, then what the store was sent to write for them and for the commands
            awaitProcessorsPast(api, admin, head(api, admin), System.nanoTime());
            Map<String, Long> written = new TreeMap<>(documentsWritten(api, admin));
            writtenBefore.forEach((collection, then) -> written.merge(collection, -then, Long::sum));
            written.values().removeIf(n -> n == 0);
            if (!written.isEmpty()) documentsWrittenFigure("read-model documents written per command, " + c + " clients", "readModelDocumentsWritten" + c + "Clients",
                    written, latencies.count(), "command", "in the phase, its events projected");
        }
        if (jfrClients > 0) {
            // profiled apart from the measured phases: the recording (stacks of every sample, thread parks) slowed the
            // server several times over (2026-11-30, 400 cases, 8 clients: 81 commands/s unprofiled, ~10 under JFR)
            log("commands with " + jfrClients + " clients for " + seconds + " s under JFR (not in the figures)");
            Path jfr = out.resolve("server-" + jfrClients + "-clients.jfr");
            server.jcmd("JFR.start", "name=bench", "settings=profile");
            Latencies profiled = new Latencies();
            double elapsed = commands(ledger, api, jfrClients, seconds, next, today, profiled, (id, at) -> { });
            server.jcmd("JFR.stop", "name=bench", "filename=" + jfr);
            Map<String, Object> profile = new LinkedHashMap<>(Profile.summarize(jfr));
            profile.put("commandsPerSecondUnderJfr", profiled.count() / elapsed);
            extra.put("jfr" + jfrClients + "Clients", profile);
        }
        long stopped = System.nanoTime();
        String last = latest.get();
        feed.awaitSubject(last, TimeUnit.MINUTES.toNanos(30));
        figures.add(new Figure("feed drain after the load stopped", (System.nanoTime() - stopped) / 1e9, "s", null, 0,
                "until the last publish is in the feed"));
        sampler.interrupt();
        tail.interrupt();
        figures.add(new Figure("feed lag (publish returned → entry readable) p50", feedLag.percentileMs(50), "ms",
                "raw Mongo insert p50", base.mongoInsertP50Ms(), feedLag.count() + " entries"));
        figures.add(new Figure("feed lag p99", feedLag.percentileMs(99), "ms", "raw Mongo insert p50", base.mongoInsertP50Ms(), ""));
        figures.add(new Figure("public record lag (publish returned → GET 200) p50", publicLag.percentileMs(50), "ms",
                "raw Mongo insert p50", base.mongoInsertP50Ms(), publicLag.count() + " samples"));
        figures.add(new Figure("public record lag p99", publicLag.percentileMs(99), "ms", "raw Mongo insert p50", base.mongoInsertP50Ms(), ""));
    }

    /**
     * The web stack's floor beside the commands, at the same number of clients: a bureau officer's {@code POST
     * /api/v1/cases} with an empty JSON object, for {@code seconds}, each answered 400 by validation after everything a
     * command passes before the ledger (Netty, WebFlux, the security filters with the token's signature and roles, the
     * JSON body read, a problem written back) and nothing after it: no event, no read model. The rate commands would
     * reach if the ledger and its views cost nothing; answers it (requests/s).
     */
    private double requestFloor(SyntheticLedger ledger, Api api, ServerProcess server, int clients, int seconds) throws Exception {
        log("request floor with " + clients + " clients for " + seconds + " s");
        SyntheticLedger.Bureau bureau = ledger.bureaus().get(0);
        String token = api.token(bureau.uscc(), bureau.division(), List.of("officer", "reviewer"));
        Api.Reply probe = api.send("POST", "/api/v1/cases", token, "{}");
        if (probe.status() != 400) { // a figure beside the commands: the run goes on without it rather than end after its generation
            log("  request floor skipped: an empty case answered " + probe.status() + ", not 400: " + Api.abbreviate(probe.body(), 200));
            return 0;
        }
        Latencies latencies = new Latencies();
        AtomicLong other = new AtomicLong();
        CpuUse before = CpuUse.of(server);
        long start = System.nanoTime();
        double elapsed = clientsUntil(clients, start, start + TimeUnit.SECONDS.toNanos(seconds), () -> {
            Api.Reply r = api.send("POST", "/api/v1/cases", token, "{}");
            latencies.add(r.nanos());
            if (r.status() != 400) other.incrementAndGet();
        });
        CpuUse after = CpuUse.of(server);
        double rate = latencies.count() / elapsed;
        figures.add(new Figure("request floor/s, " + clients + " clients", rate, "req/s", null, 0,
                latencies.count() + " bureau POSTs answered 400 by validation, before the ledger"
                        + (other.get() > 0 ? "; " + other.get() + " of them answered otherwise (overload?)" : "")));
        figures.add(new Figure("request floor p50, " + clients + " clients", latencies.percentileMs(50), "ms", null, 0, ""));
        figures.add(new Figure("request floor p99, " + clients + " clients", latencies.percentileMs(99), "ms", null, 0, ""));
        cpu("server CPU, request floor, " + clients + " clients", "Floor" + clients + "Clients", before, after, elapsed, latencies.count(), "request");
        return rate;
    }

    /**
     * The server's line for a read-model checkpoint that held the writing commands half a second or more (ledger-server
     * {@code CrashConsistentH2Backend.SLOW_CHECKPOINT_LINE}): such pauses make the feed's and the public records' lag tails.
     */
    static final java.util.regex.Pattern SLOW_CHECKPOINT = java.util.regex.Pattern.compile("Read-model checkpoint held writing commands for (\\d+) ms");

    /** How many read-model checkpoints held the writing commands ≥ 0.5 s in a load phase, from the server's log since {@code from}. */
    private void slowCheckpoints(int clients, long from, double seconds) throws IOException {
        List<Long> held = new ArrayList<>();
        try (var file = new java.io.RandomAccessFile(out.resolve("server.log").toFile(), "r")) {
            file.seek(from);
            byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
            file.readFully(bytes);
            java.util.regex.Matcher m = SLOW_CHECKPOINT.matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) held.add(Long.parseLong(m.group(1)));
        }
        long longest = held.stream().mapToLong(Long::longValue).max().orElse(0), total = held.stream().mapToLong(Long::longValue).sum();
        figures.add(new Figure("read-model checkpoints holding writes ≥ 0.5 s, " + clients + " clients", held.size(), "checkpoints", null, 0,
                held.isEmpty() ? "none in " + Math.round(seconds) + " s"
                        : "longest " + longest + " ms; " + total + " ms in all over " + Math.round(seconds) + " s"));
    }

    /** {@code clients} threads running case lifecycles for {@code seconds}; answers the seconds it took. */
    private double commands(SyntheticLedger ledger, Api api, int clients, int seconds, AtomicInteger next, LocalDate today,
                            Latencies latencies, java.util.function.BiConsumer<String, Long> published) throws Exception {
        long start = System.nanoTime(), end = start + TimeUnit.SECONDS.toNanos(seconds);
        Lifecycle lifecycle = new Lifecycle(api, latencies, published, end);
        return clientsUntil(clients, start, end, () -> lifecycle.run(ledger.planDecidedOn(next.getAndIncrement(), today)));
    }

    /** {@code clients} threads each doing {@code act} again and again until {@code end} (System.nanoTime()); answers the seconds since {@code start}. */
    private static double clientsUntil(int clients, long start, long end, Runnable act) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                done.add(pool.submit(() -> {
                    while (System.nanoTime() - end < 0) act.run();
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The server's CPU time so far: every thread's together (ms), and each live thread's with its group (clock ticks). */
    private record CpuUse(long millis, Map<String, ServerProcess.ThreadTicks> ticksByThread) {
        static CpuUse of(ServerProcess server) {
            return new CpuUse(server.cpuMillis(), server.cpuTicksByThread());
        }
    }

    /**
     * The CPU the server used between two readings over {@code seconds}: a figure in % of a core with the ms per
     * {@code unit} ({@code count} of them), and each thread group's share (top 12) as {@code serverCpuByThread<key>}.
     */
    private void cpu(String figure, String key, CpuUse before, CpuUse after, double seconds, long count, String unit) {
        double cpuSeconds = (after.millis() - before.millis()) / 1e3;
        figures.add(new Figure(figure, 100 * cpuSeconds / seconds, "% of a core", null, 0, String.format(Locale.ROOT,
                "%.1f ms of CPU per %s, every thread (also JIT and GC)", 1e3 * cpuSeconds / Math.max(1, count), unit)));
        Map<String, Long> used = new HashMap<>();
        // by thread, then summed by group: a thread that ended between the readings took its ticks with it, and counted
        // by group it made the group's difference negative and every other group's share too large (shares over 100 %)
        after.ticksByThread().forEach((thread, now) -> {
            ServerProcess.ThreadTicks then = before.ticksByThread().get(thread);
            long since = then != null && then.group().equals(now.group()) ? then.ticks() : 0;
            used.merge(now.group(), now.ticks() - since, Long::sum);
        });
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        Map<String, String> shares = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> shares.put(e.getKey(), String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / Math.max(1, total))));
        extra.put("serverCpuByThread" + key, shares);
    }

    /** Every 500 ms: the latest published record, polled until the public API answers it. */
    private static void samplePublicLag(Api api, AtomicReference<String> latest, Map<String, Long> publishedAt, Latencies lag) {
        String sampled = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                String id = latest.get();
                if (id == null || id.equals(sampled)) continue;
                sampled = id;
                long at = publishedAt.get(id);
                int status;
                // 404 until the public records have it; 410 once a revocation withdrew it (the load revokes some records as
                // soon as they are published): that record is not sampled. Polling on for a 200 stopped the sampling at the
                // first such record (0 samples in 30 s phases at 100,000 cases, stop 44).
                while ((status = api.get("/api/v1/public/penalties/" + id, null).status()) == 404) Thread.sleep(20);
                if (status == 200) lag.add(System.nanoTime() - at);
            }
        } catch (InterruptedException | IllegalStateException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops {@code server} (null: none runs), drops the read models and their tokens, starts the server again on the same
     * event store and waits until every processor has passed {@code events} (negative: the head the restarted server
     * reports before any of its processors has caught up, so before a deadline it fires adds to it).
     */
    private void rebuild(ServerProcess server, Path jar, Path dataDir, Path log, List<String> serverOpts, String bureau,
                         long events, Baselines.Figures base) throws Exception {
        if (server != null) server.close();
        log("rebuild: read models and tokens dropped" + (events < 0 ? "" : ", " + events + " events to replay"));
        deleteTree(dataDir.resolve("readmodels"));
        try (ServerProcess again = new ServerProcess(jar, dataDir, log, serverOpts, bureau)) {
            Api fresh = new Api(again.base());
            CpuUse before = CpuUse.of(again);
            // a token from the restarted server: the data directory keeps the signing secret
            String admin = fresh.token(bureau, "110000", List.of("admin"));
            if (events < 0) {
                events = head(fresh, admin);
                log("rebuild: " + events + " events to replay");
                extra.put("eventsInStore", events);
            }
            // every processor past the head before the restart; not the feed's or the public records' size, which deadlines
            // the restarted ledger fires may lower
            awaitProcessorsPast(fresh, admin, events, again.startedNanos);
            double seconds = (System.nanoTime() - again.startedNanos) / 1e9;
            double startup = (again.healthyNanos - again.startedNanos) / 1e9;
            figures.add(new Figure("rebuild of all read models: events/s", events / seconds, "events/s", "raw Mongo inserts/s",
                    base.mongoInsertsPerSecond(), String.format(Locale.ROOT, "%d events in %.0f s from process start (healthy after %.0f s)",
                    events, seconds, startup)));
            // the same replay without the start-up before it (the JIT still compiles during it)
            figures.add(new Figure("rebuild of all read models, once healthy: events/s", events / (seconds - startup), "events/s",
                    "raw Mongo inserts/s", base.mongoInsertsPerSecond(), String.format(Locale.ROOT, "%d events in %.0f s", events,
                    seconds - startup)));
            cpu("server CPU during the rebuild, once healthy", "Rebuild", before, CpuUse.of(again), seconds - startup, events, "event");
            readModelDocuments(again, fresh, admin, events, base, "rebuilt");
        }
    }

    /** How long the slowest processor may stand still before a build or a rebuild counts as stuck. */
    static final long STALLED_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);

    /**
     * Until every processor has passed {@code position}, showing the slowest one's progress every 10 s (events/s since
     * {@code start}); fails, naming where it stopped, once the slowest has stood still for {@link #STALLED_AFTER_NANOS}.
     */
    private static void awaitProcessorsPast(Api api, String admin, long position, long start) throws InterruptedException {
        long lastReport = System.nanoTime(), lastMove = lastReport, last = Long.MIN_VALUE;
        while (true) {
            Slowest behind = slowest(api, admin);
            long slowest = behind.position(), now = System.nanoTime();
            if (slowest >= position) return;
            if (slowest != last) {
                last = slowest;
                lastMove = now;
            } else if (now - lastMove > STALLED_AFTER_NANOS) {
                throw new IllegalStateException("the slowest processor stood at " + slowest + " of " + position + " for "
                        + TimeUnit.NANOSECONDS.toMinutes(STALLED_AFTER_NANOS) + " minutes (-1: the server's health not readable); see server.log");
            }
            if (now - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                lastReport = now;
                log(String.format(Locale.ROOT, "  the slowest processor at %d of %d (%.0f events/s): %s", slowest, position,
                        Math.max(0, slowest) / ((now - start) / 1e9), behind.order()));
            }
            Thread.sleep(250);
        }
    }

    /** Whether every event processor's every segment has passed {@code position} (health details, admin token). */
    private static boolean processorsPassed(Api api, String admin, long position) {
        return slowestProcessor(api, admin) >= position;
    }

    /** The position of the event processor segment furthest behind; -1 while the details are not readable (admin token). */
    private static long slowestProcessor(Api api, String admin) {
        return slowest(api, admin).position();
    }

    /**
     * The position of the event processor segment furthest behind, and each processor's slowest segment's position, the
     * slowest first (what limits a replay, and how close the next one follows); -1 while the details are not readable.
     */
    record Slowest(long position, Map<String, Long> byProcessor) {
        /** The processors, slowest first, each with its position: "public-feed 6764, ledger-tree 9120, …". */
        String order() {
            return byProcessor.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .map(p -> p.getKey() + " " + p.getValue()).collect(Collectors.joining(", "));
        }
    }

    private static Slowest slowest(Api api, String admin) {
        Api.Reply r = api.get("/actuator/health", admin);
        if (r.status() != 200 && r.status() != 503) return new Slowest(-1, Map.of());
        JsonNode processors = r.json().path("components").path("eventProcessors").path("details");
        if (!processors.isObject() || processors.isEmpty()) return new Slowest(-1, Map.of());
        Map<String, Long> byProcessor = new TreeMap<>();
        for (Map.Entry<String, JsonNode> processor : processors.properties()) {
            for (JsonNode segment : processor.getValue().path("segments")) {
                byProcessor.merge(processor.getKey(), segment.path("position").asLong(-1), Math::min);
            }
        }
        return new Slowest(byProcessor.values().stream().min(Long::compare).orElse(-1L), byProcessor);
    }

    /** How long the head must stand still, every processor past it, for the ledger to count as settled: a deadline poll and more. */
    static final long SETTLED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(12);

    /**
     * Until every processor has passed the head and nothing was appended for {@link #SETTLED_AFTER_NANOS} (the deadlines
     * the last generated days made due fire meanwhile, on the runner's 10 s poll), so the reads and the load that follow
     * measure a settled ledger rather than the processors' catch-up or the deadlines' firing after generation. Records how
     * far the slowest processor was behind when generation ended, and how long until every processor had passed the head
     * (which the deadlines fired meanwhile move on).
     */
    private void settle(Api api, String admin, long generatedEvents) throws InterruptedException {
        long start = System.nanoTime(), giveUp = start + TimeUnit.MINUTES.toNanos(30);
        long slowest = slowestProcessor(api, admin);
        long head = generatedEvents, stillSince = start, caughtUp = -1;
        log("waiting for every processor to pass the head and the ledger to settle");
        while (true) {
            long now = head(api, admin);
            if (now != head) {
                head = now;
                stillSince = System.nanoTime();
            } else if (processorsPassed(api, admin, head)) {
                if (caughtUp < 0) caughtUp = System.nanoTime();
                if (System.nanoTime() - stillSince > SETTLED_AFTER_NANOS) break;
            }
            if (System.nanoTime() - giveUp > 0) {
                throw new IllegalStateException("the processors did not pass the head " + head + " within 30 minutes; the slowest is at "
                        + slowestProcessor(api, admin));
            }
            Thread.sleep(250);
        }
        figures.add(new Figure("processors caught up after generation", (caughtUp - start) / 1e9, "s", null, 0, String.format(Locale.ROOT,
                "the slowest was %s behind the head of %d when the last generated command returned; %d events appended meanwhile",
                slowest < 0 ? "(not readable)" : (generatedEvents - slowest) + " events", generatedEvents, head - generatedEvents)));
    }

    /** The event store's head position from the health details (admin token). */
    private static long head(Api api, String admin) {
        JsonNode health = api.get("/actuator/health", admin).json();
        JsonNode head = health.findValue("head");
        return head == null ? -1 : head.asLong();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static void log(String message) {
        System.err.println(Instant.now().toString().substring(11, 19) + " " + message);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target);
            }
        }
    }

        static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The top frames of a JFR recording's execution samples, and the share of samples in each library. */
    static final class Profile {
        static Map<String, Object> summarize(Path jfr) throws IOException {
            Map<String, Integer> top = new HashMap<>();
            Map<String, Integer> inLibrary = new LinkedHashMap<>();
            String[][] libraries = {{"mongo-java-server", "de.bwaldvogel.mongo"}, {"H2", "org.h2."}, {"Java serialization", "java.io.Object"},
                    {"Jackson", "tools.jackson."}, {"Axon", "org.axonframework."}, {"Netty/Reactor", "io.netty.", "reactor."},
                    {"Mongo driver", "com.mongodb.", "org.bson."}, {"Spring", "org.springframework."}, {"Gongshi", "org.gongshi."}};
            int samples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) continue;
                samples++;
                top.merge(frame(frames.get(0)), 1, Integer::sum);
                for (String[] lib : libraries) {
                    boolean hit = frames.stream().anyMatch(f -> Arrays.stream(lib, 1, lib.length)
                            .anyMatch(prefix -> f.getMethod().getType().getName().startsWith(prefix)));
                    if (hit) inLibrary.merge(lib[0], 1, Integer::sum);
                }
            }
            int total = Math.max(1, samples);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("samples", samples);
            Map<String, String> shares = new LinkedHashMap<>();
            inLibrary.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(en -> shares.put(en.getKey(), pct(en.getValue(), total)));
            summary.put("samplesWithALibraryOnTheStack", shares);
            Map<String, String> frames = new LinkedHashMap<>();
            top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                    .forEach(en -> frames.put(en.getKey(), pct(en.getValue(), total)));
            summary.put("topFrames", frames);
            return summary;
        }

        private static String frame(RecordedFrame f) {
            return f.getMethod().getType().getName() + "." + f.getMethod().getName();
        }

        private static String pct(int n, int total) {
            return String.format(Locale.ROOT, "%.1f%%", n * 100.0 / total);
        }
    }
}
