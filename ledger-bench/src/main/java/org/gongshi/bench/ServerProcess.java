package org.gongshi.bench;

import org.gongshi.synthetic.SyntheticLedger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The embedded default under test: {@code java -jar ledger-server.jar} on a data directory, loopback and a free port. */
final class ServerProcess implements AutoCloseable {

    final Path dataDir;
    final int port;
    /** The embedded MongoDB's port on loopback (its credentials are in the data directory). */
    final int mongoPort;
    final long startedNanos;
    final long healthyNanos;
    private final Process process;

    /**
     * Starts the server and waits until {@code /actuator/health} is UP. If it is not within 10 minutes the process is killed
     * and the failure says why: the health details (read with an administrator's token of {@code bureau}), the log's last
     * warnings and errors, and a thread dump appended to {@code log} first.
     */
    ServerProcess(Path jar, Path dataDir, Path log, List<String> javaOptions, String bureau) throws IOException, InterruptedException {
        this.dataDir = dataDir;
        int[] ports = freePorts();
        this.port = ports[0];
        this.mongoPort = ports[1];
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "--gongshi.data-dir=" + dataDir, "--server.port=" + port,
                "--server.address=127.0.0.1", "--gongshi.traffic.enabled=false", "--gongshi.embedded.mongo-port=" + mongoPort,
                // the synthetic ledger plays its calendar from its first day (a restart with the same start continues the clock)
                "--gongshi.clock.start=" + SyntheticLedger.morningOf(SyntheticLedger.FIRST_DAY)));
        startedNanos = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // a bench stopped early (Ctrl-C, a test's fork ended) takes its server with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-server-" + port));
        Api probe = new Api(base());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        Api.Reply last = null;
        while (true) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            if (System.nanoTime() > deadline) throw notHealthy(probe, last, bureau, log);
            last = probe.get("/actuator/health", null);
            if (last.status() == 200 && last.body().contains("\"UP\"")) break;
            Thread.sleep(100);
        }
        healthyNanos = System.nanoTime();
    }

    /**
     * Two free ports, different: both sockets held open while the second is taken (one closed before the next is asked for
     * can be handed out again: the server's HTTP and MongoDB ports were once the same, and it could not start).
     */
    static int[] freePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }

    private IllegalStateException notHealthy(Api probe, Api.Reply last, String bureau, Path log) throws InterruptedException {
        String health;
        try {
            health = probe.get("/actuator/health", probe.token(bureau, "110000", List.of("admin"))).body();
        } catch (RuntimeException e) {
            health = "unreadable (" + e.getMessage() + ")";
        }
        String threads = jcmd("Thread.print");
        List<String> warnings = List.of();
        try {
            Files.writeString(log, "\n--- not healthy within 10 minutes: threads ---\n" + threads, java.nio.file.StandardOpenOption.APPEND);
            try (Stream<String> lines = Files.lines(log)) {
                List<String> all = lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
                warnings = all.subList(Math.max(0, all.size() - 10), all.size());
            }
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            // the message below still names the log and the health
        }
        process.destroyForcibly(); // it may not stop cleanly either: its threads are in the log
        process.waitFor();
        return new IllegalStateException("the server was not healthy within 10 minutes; it last answered "
                + (last == null ? "nothing" : last.status() + " " + last.body()) + "; health for an administrator: "
                + Api.abbreviate(health, 3000) + "\nits last warnings and errors:\n" + String.join("\n", warnings)
                + "\nits threads that wait in the ledger's code, H2, Axon or the embedded MongoDB:\n" + Api.abbreviate(waiting(threads), 4000)
                + "\nsee " + log + " (the whole thread dump at its end)");
    }

    /** Of a {@code jcmd Thread.print} dump, each waiting or blocked thread whose stack passes through the ledger's parts: its name, state and those frames. */
    static String waiting(String dump) {
        StringBuilder out = new StringBuilder();
        for (String thread : dump.split("\n\n")) {
            String[] lines = thread.split("\n");
            if (lines.length < 2 || !lines[0].startsWith("\"") || !lines[1].contains("java.lang.Thread.State:")
                    || lines[1].contains("RUNNABLE")) continue;
            List<String> ours = java.util.Arrays.stream(lines).map(String::strip)
                    .filter(l -> l.startsWith("at org.gongshi.") || l.startsWith("at org.h2.") || l.startsWith("at org.axonframework.")
                            || l.startsWith("at de.bwaldvogel.") || l.startsWith("- waiting on") || l.startsWith("- parking to wait for")
                            || l.startsWith("- waiting to lock")).limit(6).toList();
            if (ours.stream().noneMatch(l -> l.startsWith("at "))) continue;
            out.append(lines[0], 0, Math.min(lines[0].length(), 80)).append(" ").append(lines[1].strip()).append('\n');
            ours.forEach(l -> out.append("    ").append(l).append('\n'));
        }
        return out.toString();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size in MiB (/proc), or -1 where there is no /proc. */
    long rssMiB() {
        return procMiB("status", "VmRSS:");
    }

    /**
     * Proportional set size in MiB (/proc), or -1 where there is no /proc: the memory the process holds, each page counted
     * once. RSS counts a page once per mapping, and ZGC maps its heap three times (RSS reads about three times the heap).
     */
    long pssMiB() {
        return procMiB("smaps_rollup", "Pss:");
    }

    private long procMiB(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), file))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The resident memory figure: PSS, with RSS beside it. */
    Bench.Figure memory(String when) {
        return new Bench.Figure("resident memory (PSS) " + when, pssMiB(), "MiB", null, 0, "RSS " + rssMiB() + " MiB");
    }

    /** CPU time the server process has used since it started (every thread, also those that ended), in ms; -1 if unknown. */
    long cpuMillis() {
        return process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /**
     * Waits until the server is quiet: under a tenth of a core for two seconds in a row (at most 3 minutes). Its read-model
     * store's checkpoints and compactions run on after the last write, and a read measured beside one measures it.
     * Whether it was quiet: false when it was still busy at the bound (or the wait was interrupted).
     */
    boolean awaitQuiet() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        long before = cpuMillis();
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000); // sampling the server's CPU time, the condition waited on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long now = cpuMillis();
            quietSeconds = now - before < 100 ? quietSeconds + 1 : 0;
            before = now;
        }
        return quietSeconds >= 2;
    }

    /** A thread's group (its name with digits as {@code N}, so a pool's threads add up) and the clock ticks of CPU it has used. */
    record ThreadTicks(String group, long ticks) {}

    /**
     * CPU time of each live thread of the server by its id, with its group, in clock ticks, from /proc (Linux); empty
     * where there is none. Kernel names stop at 15 characters.
     */
    java.util.Map<String, ThreadTicks> cpuTicksByThread() {
        java.util.Map<String, ThreadTicks> ticks = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc", String.valueOf(pid()), "task");
        if (!Files.isDirectory(tasks)) return ticks;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    // pid (comm) state ... : comm may hold spaces and parentheses, so fields count from the last ')'
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(close + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
                    ticks.put(thread.getFileName().toString(), new ThreadTicks(name, used));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we read
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** Used heap in MiB after a full GC (live set), from {@code jcmd}; -1 if jcmd is missing. */
    long liveHeapMiB() {
        jcmd("GC.run");
        return usedHeapMiB(jcmd("GC.heap_info"));
    }

    /** The heap in use that {@code GC.heap_info} reports, in MiB; -1 where it names none. */
    static long usedHeapMiB(String heapInfo) {
        // G1, Parallel and Serial list their spaces ("total 123K, used 45K"), ZGC its heap ("ZHeap used 148M"), Shenandoah
        // its heap ("6028M max, 6028M soft max, 5036M committed, 2974M used")
        var m = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K|ZHeap\\s+used (\\d+)M|committed, (\\d+)([KMG]) used")
                .matcher(heapInfo);
        long usedKiB = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) != null) usedKiB += Long.parseLong(m.group(1));
            else if (m.group(2) != null) usedKiB += Long.parseLong(m.group(2)) * 1024;
            else usedKiB += Long.parseLong(m.group(3)) << (10 * "KMG".indexOf(m.group(4)));
            found = true;
        }
        return found ? usedKiB / 1024 : -1;
    }

    /** A client of the server's embedded MongoDB (its read models), authenticated with the data directory's credentials. */
    MongoClient readModels() throws IOException {
        Properties credentials = new Properties();
        credentials.load(new StringReader(Files.readString(dataDir.resolve("mongo-credentials"))));
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + mongoPort))
                .credential(MongoCredential.createScramSha256Credential(credentials.getProperty("user"), "admin",
                        credentials.getProperty("password").toCharArray()))
                .build());
    }

    String jcmd(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid())));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(5, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * The files under {@code dir}, in MiB with their fraction: counted in whole MiB, a small store's read models (a ledger of
     * a few cases, under 1 MiB after a compaction) measured 0, and a store's bytes per event were rounded down to the MiB.
     */
    static double diskMiB(Path dir) {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / (1024.0 * 1024);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A clean shutdown (SIGTERM), waited for. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
