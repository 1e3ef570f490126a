// Feed fan-out benchmark: many SSE subscribers of GET /feed/v1/events on one running node, and the
// publish-to-receive latency of penalty records published through the bureau API.
//
// A single-file Java 17 program, JDK classes only, run with the source launcher:
//   java bench/FeedBench.java --base http://127.0.0.1:8080 --subscribers 1000 --records 200 --rate 20 [--server-pid PID]
// Normally started by bench/feed-bench.sh, which also starts and stops the server. Not a test.
//
// Phases: (1) a dev token, one warm-up record published (so every subscriber's first poll returns
// entry 0, which proves it is connected), the RECORDS cases filed, noticed and decided ahead
// (--prepare ahead, default) or inside the timed loop (--prepare inline); (2) the server idle with
// no subscriber; (3) N subscribers connect; (4) held idle; (5) RECORDS publishes at RATE, each
// publish call's return instant recorded; (6) drain until every subscriber has every entry;
// (7) held idle again with the larger feed; (8) verification and the results table. Each idle
// hold (2, 4, 7) starts after --settle-seconds and measures server CPU over --idle-seconds.
// Latency = receive instant of the entry's `id:` line at a subscriber - return instant of the
// publish call that produced it (same JVM, System.nanoTime). Entries are matched to publishes by
// the CloudEvent subject, which is the record id = the decisionId (Case.java: DisclosureDecided).

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FeedBench {

    static final String BUREAU = "91110000600037341L";
    static final String COMPANY = "91110000600037341L";

    // ---- options
    static String base = "http://127.0.0.1:8080";
    static int subscribers = 1000, records = 200, perClient = 500, connectParallel = 200, publishers = 4;
    static double rate = 20;
    static long serverPid = -1;
    static int idleSeconds = 5, settleSeconds = 10, connectTimeout = 180, drainTimeout = 60;
    static boolean prepareAhead = true;

    static HttpClient api;
    static String token;
    static final AtomicInteger caseCounter = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--base" -> { base = v; i++; }
                case "--subscribers" -> { subscribers = Integer.parseInt(v); i++; }
                case "--records" -> { records = Integer.parseInt(v); i++; }
                case "--rate" -> { rate = Double.parseDouble(v); i++; }
                case "--server-pid" -> { serverPid = Long.parseLong(v); i++; }
                case "--idle-seconds" -> { idleSeconds = Integer.parseInt(v); i++; }
                case "--settle-seconds" -> { settleSeconds = Integer.parseInt(v); i++; }
                case "--connect-timeout" -> { connectTimeout = Integer.parseInt(v); i++; }
                case "--drain-timeout" -> { drainTimeout = Integer.parseInt(v); i++; }
                case "--per-client" -> { perClient = Integer.parseInt(v); i++; }
                case "--connect-parallel" -> { connectParallel = Integer.parseInt(v); i++; }
                case "--publishers" -> { publishers = Integer.parseInt(v); i++; }
                case "--prepare" -> { prepareAhead = !"inline".equals(v); i++; }
                default -> { System.err.println("unknown option " + a); System.exit(2); }
            }
        }
        System.out.printf(Locale.ROOT, "feed bench: %s subscribers=%d records=%d rate=%.1f/s prepare=%s server-pid=%d%n",
                base, subscribers, records, rate, prepareAhead ? "ahead" : "inline", serverPid);

        api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        token = token();

        // (1) warm-up record: entry 0 exists before anyone subscribes
        String warmCase = decidedCase();
        String warmRecord = lastDecision.get(warmCase);
        publish(warmCase);
        awaitFeedSubjects(List.of(warmRecord), 30);

        ExecutorService pubPool = Executors.newFixedThreadPool(publishers, daemon("publisher"));
        String[] caseIds = new String[records];
        if (prepareAhead) {
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                int k = i;
                fs.add(pubPool.submit(() -> { caseIds[k] = decidedCase(); return null; }));
            }
            for (Future<?> f : fs) f.get();
            System.out.printf(Locale.ROOT, "prepared %d decided cases in %.1f s%n", records, (System.nanoTime() - t0) / 1e9);
        }

        Map<String, String> results = new LinkedHashMap<>();
        results.put("subscribers requested", Integer.toString(subscribers));

        // (2) idle, no subscriber, once the event processors have caught up with the preparation
        Thread.sleep(settleSeconds * 1000L);
        int feedBefore = awaitFeedSubjects(List.of(), 0).size();
        Sample idle0 = hold("idle, 0 subscribers, feed size " + feedBefore);

        // (3) connect
        int nClients = Math.max(1, (subscribers + perClient - 1) / perClient);
        ExecutorService sseExec = Executors.newFixedThreadPool(Math.max(2, Math.min(8, nClients * 2)), daemon("sse"));
        HttpClient[] clients = new HttpClient[nClients];
        for (int i = 0; i < nClients; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(sseExec)
                    .connectTimeout(Duration.ofSeconds(60)).build();
        }
        int capacity = records + 16;
        Sub[] subs = new Sub[subscribers];
        CountDownLatch firstLine = new CountDownLatch(subscribers);
        Semaphore inFlight = new Semaphore(connectParallel);
        URI feed = URI.create(base + "/feed/v1/events");
        long connectStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            inFlight.acquire();
            Sub s = new Sub(i, capacity, firstLine, inFlight);
            subs[i] = s;
            HttpRequest req = HttpRequest.newBuilder(feed).header("Accept", "text/event-stream").GET().build();
            clients[i % nClients].sendAsync(req, info -> {
                s.status = info.statusCode();
                return HttpResponse.BodySubscribers.fromLineSubscriber(s);
            }).whenComplete((r, e) -> s.ended(e == null ? "stream completed by the server" : rootMessage(e)));
        }
        boolean allConnected = firstLine.await(connectTimeout, TimeUnit.SECONDS);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        int connected = 0;
        for (Sub s : subs) if (s.connectedAt != 0 && s.failure == null) connected++;
        System.out.printf(Locale.ROOT, "connected %d/%d subscribers in %.1f s%s%n", connected, subscribers, connectSeconds,
                allConnected ? "" : " (timed out)");

        // (4) held idle (after settling: the first seconds of the poll loop are dominated by JIT compilation)
        Thread.sleep(settleSeconds * 1000L);
        Sample idle1 = hold("idle, " + connected + " subscribers, feed size " + feedBefore);
        Mem mem1 = memory(true);

        // (5) publish at RATE
        long[] pubReturned = new long[records];
        long[] pubCallNanos = new long[records];
        long[] pubSent = new long[records];
        String[] recordIds = new String[records];
        AtomicInteger pubErrors = new AtomicInteger();
        Map<String, AtomicInteger> pubErrorKinds = new ConcurrentHashMap<>();
        CpuMark pubStart = cpuMark();
        long t0 = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            long due = t0 + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            int k = i;
            fs.add(pubPool.submit(() -> {
                try {
                    String caseId = prepareAhead ? caseIds[k] : decidedCase();
                    long start = System.nanoTime();
                    publish(caseId);
                    long end = System.nanoTime();
                    pubReturned[k] = end;
                    pubCallNanos[k] = end - start;
                    pubSent[k] = start;
                    recordIds[k] = lastDecision.get(caseId);
                } catch (Exception e) {
                    pubErrors.incrementAndGet();
                    pubErrorKinds.computeIfAbsent(rootMessage(e), x -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        CpuMark pubEnd = cpuMark();
        System.out.printf(Locale.ROOT, "published %d records in %.1f s (%.1f/s achieved), %d publish errors%n",
                records - pubErrors.get(), publishSeconds, (records - pubErrors.get()) / publishSeconds, pubErrors.get());

        // (6) drain: the authoritative feed, then every subscriber up to its end
        List<String> wanted = new ArrayList<>();
        for (String r : recordIds) if (r != null) wanted.add(r);
        List<String> lines = awaitFeedSubjects(wanted, drainTimeout);
        int total = lines.size();
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeout);
        while (System.nanoTime() < drainDeadline) {
            boolean done = true;
            for (Sub s : subs) if (s.failure == null && s.connectedAt != 0 && s.count.get() < total) { done = false; break; }
            if (done) break;
            Thread.sleep(100);
        }
        double drainSeconds = (System.nanoTime() - pubEnd.wall) / 1e9;
        Sample pubSample = new Sample("publishing " + records + " at " + rate + "/s", pubStart, pubEnd);

        // (7) held idle with the full feed
        Thread.sleep(settleSeconds * 1000L);
        Sample idle2 = hold("idle, " + connected + " subscribers, feed size " + total);
        Mem mem2 = memory(true);

        // (8) verify and measure
        Map<String, Integer> seqOf = new HashMap<>();
        int[] lineHash = new int[total];
        for (int i = 0; i < total; i++) {
            String l = lines.get(i);
            lineHash[i] = l.hashCode();
            Matcher m = SUBJECT.matcher(l);
            if (m.find()) seqOf.putIfAbsent(m.group(1), i);
            Matcher q = SEQUENCE.matcher(l);
            if (!q.find() || Long.parseLong(q.group(1)) != i) System.out.println("WARN: /feed/v1/entries line " + i + " has sequence " + (q.find(0) ? q.group(1) : "?"));
        }
        int[] seqOfRecord = new int[records];
        int unmatched = 0;
        for (int r = 0; r < records; r++) {
            Integer s = recordIds[r] == null ? null : seqOf.get(recordIds[r]);
            seqOfRecord[r] = s == null ? -1 : s;
            if (recordIds[r] != null && s == null) unmatched++;
        }

        int complete = 0, failed = 0, incomplete = 0;
        long delivered = 0, outOfOrder = 0, duplicates = 0, badData = 0, missing = 0;
        Map<String, Integer> failures = new LinkedHashMap<>();
        long[] lat = new long[subscribers * records];
        long[] latSent = new long[subscribers * records];
        int nLat = 0;
        long[] spread = new long[records];
        long[] lastLat = new long[records];
        Arrays.fill(spread, -1);
        long[] firstRecv = new long[records], lastRecv = new long[records];
        for (Sub s : subs) {
            delivered += s.count.get();
            outOfOrder += s.outOfOrder;
            duplicates += s.duplicates;
            if (s.failure != null) { failed++; failures.merge(s.failure, 1, Integer::sum); }
            boolean ok = s.failure == null && s.connectedAt != 0 && s.count.get() == total && s.outOfOrder == 0 && s.duplicates == 0;
            for (int i = 0; i < total; i++) {
                if (i >= s.recv.length || s.recv[i] == 0) { missing++; ok = false; continue; }
                if (s.hash[i] != lineHash[i]) { badData++; ok = false; }
            }
            if (ok) complete++; else if (s.failure == null) incomplete++;
            for (int r = 0; r < records; r++) {
                int q = seqOfRecord[r];
                if (q < 0 || q >= s.recv.length || s.recv[q] == 0) continue;
                long l = s.recv[q] - pubReturned[r];
                latSent[nLat] = s.recv[q] - pubSent[r];
                lat[nLat++] = l;
                if (firstRecv[r] == 0 || s.recv[q] < firstRecv[r]) firstRecv[r] = s.recv[q];
                if (s.recv[q] > lastRecv[r]) lastRecv[r] = s.recv[q];
            }
        }
        int shown = 0;
        for (Sub s : subs) {
            if (s.failure == null && s.connectedAt != 0 && s.count.get() < total && shown++ < 5) {
                long last = 0;
                for (long t : s.recv) last = Math.max(last, t);
                System.out.printf(Locale.ROOT, "WARN: subscriber %d has %d of %d entries (next expected id %d), last entry received %.1f s ago,"
                        + " last line of any kind %.1f s ago, %d heartbeats in all%n",
                        s.index, s.count.get(), total, s.expected, (System.nanoTime() - last) / 1e9, (System.nanoTime() - s.lastLineAt) / 1e9, s.heartbeats);
            }
        }
        if (shown > 0 && serverPid > 0) threadDump();
        int nSpread = 0;
        for (int r = 0; r < records; r++) {
            if (firstRecv[r] != 0) {
                spread[nSpread] = lastRecv[r] - firstRecv[r];
                lastLat[nSpread] = lastRecv[r] - pubReturned[r];
                nSpread++;
            }
        }
        long[] latencies = Arrays.copyOf(lat, nLat);
        Arrays.sort(latencies);
        long[] sentLatencies = Arrays.copyOf(latSent, nLat);
        Arrays.sort(sentLatencies);
        long[] spreads = Arrays.copyOf(spread, nSpread);
        Arrays.sort(spreads);
        long[] lastLats = Arrays.copyOf(lastLat, nSpread);
        Arrays.sort(lastLats);
        long[] pubCalls = pubCallNanos.clone();
        Arrays.sort(pubCalls);

        results.put("subscribers connected", connected + " (all in " + fmt1(connectSeconds) + " s)");
        results.put("subscribers complete (every entry once, in order, same bytes)", complete + " / " + subscribers);
        results.put("subscribers incomplete / failed", incomplete + " / " + failed);
        results.put("records published (errors)", (records - pubErrors.get()) + " (" + pubErrors.get() + ")");
        results.put("publish rate achieved", fmt1((records - pubErrors.get()) / publishSeconds) + " /s");
        results.put("publish call ms p50/p99/max", ms(pct(pubCalls, 50)) + " / " + ms(pct(pubCalls, 99)) + " / " + ms(pubCalls[pubCalls.length - 1]));
        results.put("feed entries (server)", Integer.toString(total));
        results.put("entries delivered (all subscribers)", delivered + " (expected " + (long) total * connected + ")");
        results.put("latency samples", Integer.toString(nLat));
        results.put("publish->receive ms p50", ms(pct(latencies, 50)));
        results.put("publish->receive ms p95", ms(pct(latencies, 95)));
        results.put("publish->receive ms p99", ms(pct(latencies, 99)));
        results.put("publish->receive ms max", nLat == 0 ? "-" : ms(latencies[nLat - 1]));
        results.put("publish->receive ms min", nLat == 0 ? "-" : ms(latencies[0]));
        results.put("publish sent->receive ms p50/p95/p99/max", ms(pct(sentLatencies, 50)) + " / " + ms(pct(sentLatencies, 95)) + " / "
                + ms(pct(sentLatencies, 99)) + " / " + (nLat == 0 ? "-" : ms(sentLatencies[nLat - 1])));
        results.put("last subscriber per record ms p50/max", ms(pct(lastLats, 50)) + " / " + (nSpread == 0 ? "-" : ms(lastLats[nSpread - 1])));
        results.put("fan-out spread (first..last sub) ms p50/max", ms(pct(spreads, 50)) + " / " + (nSpread == 0 ? "-" : ms(spreads[nSpread - 1])));
        results.put("drain after last publish", fmt1(drainSeconds) + " s");
        results.put("errors", "out-of-order " + outOfOrder + ", duplicates " + duplicates + ", missing " + missing
                + ", bad data " + badData + ", publish " + pubErrors.get());
        results.put("published records absent from the server's feed", unmatched + (unmatched > 0 ? " (the server lost them; see the WARN line above)" : ""));
        for (var e : failures.entrySet()) results.put("  subscriber failure x" + e.getValue(), e.getKey());
        for (var e : pubErrorKinds.entrySet()) results.put("  publish failure x" + e.getValue().get(), e.getKey());
        for (Sample s : List.of(idle0, idle1, pubSample, idle2)) {
            results.put("server CPU, " + s.label, s.serverCpu() + " (bench client " + s.clientCpu() + ")");
        }
        if (serverPid > 0) {
            results.put("server RSS / heap used / live heap after GC (held, feed size " + feedBefore + ")", mem1.toString());
            results.put("server RSS / heap used / live heap after GC (held, feed size " + total + ")", mem2.toString());
            results.put("server threads (held)", mem2.threads);
        }

        System.out.println();
        int w = results.keySet().stream().mapToInt(String::length).max().orElse(10);
        System.out.println("=".repeat(w + 40));
        for (var e : results.entrySet()) System.out.printf("%-" + w + "s  %s%n", e.getKey(), e.getValue());
        System.out.println("=".repeat(w + 40));
        System.out.printf(Locale.ROOT, "RESULT subscribers=%d connected=%d complete=%d records=%d rate=%.1f p50=%s p95=%s p99=%s max=%s delivered=%d errors=%d rssMiB=%s heapMiB=%s liveHeapMiB=%s%n",
                subscribers, connected, complete, records, rate, ms(pct(latencies, 50)), ms(pct(latencies, 95)), ms(pct(latencies, 99)),
                nLat == 0 ? "-" : ms(latencies[nLat - 1]), delivered,
                failed + incomplete + outOfOrder + duplicates + badData + pubErrors.get() + unmatched, mem2.rss, mem2.heap, mem2.live);

        for (Sub s : subs) s.cancel();
        System.exit(complete == subscribers && pubErrors.get() == 0 && unmatched == 0 ? 0 : 1);
    }

    // ---- one SSE subscriber: receive instants and data hashes per sequence number, nothing else

    static final class Sub implements Flow.Subscriber<String> {
        final int index;
        final CountDownLatch firstLine;
        final Semaphore inFlight;
        volatile long[] recv;
        volatile int[] hash;
        final AtomicInteger count = new AtomicInteger();
        volatile long connectedAt, lastLineAt;
        volatile int heartbeats;
        volatile String failure;
        volatile int status;
        long expected = 0, outOfOrder, duplicates;
        long current = -1;
        private Flow.Subscription subscription;
        private boolean released;

        Sub(int index, int capacity, CountDownLatch firstLine, Semaphore inFlight) {
            this.index = index;
            this.recv = new long[capacity];
            this.hash = new int[capacity];
            this.firstLine = firstLine;
            this.inFlight = inFlight;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            synchronized (this) { subscription = s; }
            if (status != 200) {
                s.cancel();
                ended("HTTP " + status);
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (connectedAt == 0) { connectedAt = now; release(); }
            lastLineAt = now;
            if (line.startsWith(":")) heartbeats++;
            if (line.startsWith("id:")) {
                long id = Long.parseLong(line.substring(3).strip());
                if (id != expected) outOfOrder++;
                expected = id + 1;
                if (id >= recv.length) grow((int) id);
                if (recv[(int) id] != 0) duplicates++;
                recv[(int) id] = now;
                current = id;
                count.incrementAndGet();
            } else if (line.startsWith("data:") && current >= 0) {
                String data = line.substring(5);
                if (data.startsWith(" ")) data = data.substring(1);
                hash[(int) current] = data.hashCode();
                current = -1;
            }
        }

        private void grow(int id) {
            int n = Math.max(id + 1, recv.length * 2);
            recv = Arrays.copyOf(recv, n);
            hash = Arrays.copyOf(hash, n);
        }

        @Override
        public void onError(Throwable t) { ended(rootMessage(t)); }

        @Override
        public void onComplete() { ended("stream completed by the server"); }

        void ended(String why) {
            synchronized (this) {
                if (cancelled) return;
                if (failure == null) failure = why;
            }
            release();
        }

        private volatile boolean cancelled;

        void cancel() {
            Flow.Subscription s;
            synchronized (this) { cancelled = true; s = subscription; }
            if (s != null) s.cancel();
        }

        private synchronized void release() {
            if (released) return;
            released = true;
            inFlight.release();
            firstLine.countDown();
        }
    }

    // ---- the bureau API (the request sequence of ledger-server's BureauClient)

    static final Map<String, String> lastDecision = new ConcurrentHashMap<>();
    static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern DECISION_ID = Pattern.compile("\"decisionId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");

    static String token() throws Exception {
        String body = "{\"sub\":\"officer-bench\",\"bureau\":\"" + BUREAU + "\",\"division\":\"110105\",\"roles\":[\"officer\"]}";
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(base + "/dev/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("POST /dev/tokens: " + r.statusCode() + " " + r.body());
        return group(TOKEN, r.body());
    }

    /** Files a case, serves the notice (rights waived), decides a fine; returns the case id (decisionId in lastDecision). */
    static String decidedCase() throws Exception {
        int n = caseCounter.incrementAndGet();
        int fine = 20000 + n;
        String filed = post("/api/v1/cases", 201, "{\"filedOn\":\"2026-03-02\",\"ipType\":\"PATENT\",\"violationType\":\"假冒专利\","
                + "\"procedure\":\"ORDINARY\",\"source\":\"日常检查\","
                + "\"party\":{\"kind\":\"LEGAL_PERSON\",\"name\":\"北京示例专利" + n + "有限公司\",\"uscc\":\"" + COMPANY + "\"}}");
        String caseId = group(CASE_ID, filed);
        String penalties = "[{\"type\":\"FINE\",\"amount\":" + fine + "}]";
        post("/api/v1/cases/" + caseId + "/notices", 200, "{\"servedOn\":\"2026-03-04\",\"hearingRightGranted\":false,\"waived\":true,"
                + "\"proposedPenalties\":" + penalties + "}");
        String decided = post("/api/v1/cases/" + caseId + "/decisions", 200, "{\"kind\":\"PENALTY\",\"decisionNumber\":\"京朝知罚〔2026〕"
                + n + "号\",\"decidedOn\":\"2026-03-10\",\"penalties\":" + penalties
                + ",\"legalBasis\":\"《专利法》第六十八条\",\"facts\":\"在产品上标注他人专利号。\"}");
        lastDecision.put(caseId, group(DECISION_ID, decided));
        return caseId;
    }

    static void publish(String caseId) throws Exception {
        post("/api/v1/cases/" + caseId + "/disclosure", 200, "{\"action\":\"PUBLISH\",\"decidedOn\":\"2026-03-12\"}");
    }

    static String post(String path, int expect, String json) throws Exception {
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            String b = r.body();
            throw new IllegalStateException("POST " + path.replaceAll("[0-9a-f-]{36}", "{id}") + ": " + r.statusCode() + " "
                    + (b.length() > 300 ? b.substring(0, 300) : b));
        }
        return r.body();
    }

    /** The feed's lines from /feed/v1/entries once every wanted subject is in it. */
    static List<String> awaitFeedSubjects(List<String> wanted, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(base + "/feed/v1/entries?after=-1&limit=100000")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> lines = r.body().lines().filter(l -> !l.isBlank()).toList();
            java.util.Set<String> have = new java.util.HashSet<>();
            for (String l : lines) { Matcher m = SUBJECT.matcher(l); if (m.find()) have.add(m.group(1)); }
            if (have.containsAll(wanted)) return lines;
            if (System.nanoTime() > deadline) {
                List<String> lacking = wanted.stream().filter(w -> !have.contains(w)).toList();
                System.out.println("WARN: after " + seconds + " s the feed (" + lines.size() + " entries) still lacks " + lacking.size()
                        + " published records, e.g. record " + lacking.get(0) + " of case " + lastDecision.entrySet().stream()
                        .filter(e -> e.getValue().equals(lacking.get(0))).map(Map.Entry::getKey).findFirst().orElse("?"));
                return lines;
            }
            Thread.sleep(200);
        }
    }

    static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) throw new IllegalStateException("no " + p + " in " + s);
        return m.group(1);
    }

    // ---- server and client resources

    record CpuMark(long wall, long serverTicks, long clientNanos) {}

    static CpuMark cpuMark() {
        long ticks = -1;
        if (serverPid > 0) {
            try {
                String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
            } catch (IOException | RuntimeException e) { ticks = -1; }
        }
        long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new CpuMark(System.nanoTime(), ticks, client);
    }

    static final class Sample {
        final String label;
        final CpuMark a, b;
        Sample(String label, CpuMark a, CpuMark b) { this.label = label; this.a = a; this.b = b; }
        String serverCpu() {
            if (a.serverTicks < 0 || b.serverTicks < 0) return "-";
            double cores = (b.serverTicks - a.serverTicks) * 10e6 / (double) (b.wall - a.wall); // 100 ticks/s
            return String.format(Locale.ROOT, "%.0f%% of a core", cores * 100);
        }
        String clientCpu() {
            return String.format(Locale.ROOT, "%.0f%%", (b.clientNanos - a.clientNanos) * 100.0 / (b.wall - a.wall));
        }
    }

    static Sample hold(String label) throws InterruptedException {
        System.out.println("holding: " + label + " for " + idleSeconds + " s");
        CpuMark a = cpuMark();
        Thread.sleep(idleSeconds * 1000L);
        CpuMark b = cpuMark();
        Sample s = new Sample(label, a, b);
        System.out.println("server CPU " + label + ": " + s.serverCpu() + " (client " + s.clientCpu() + ")");
        return s;
    }

    record Mem(String rss, String heap, String live, String threads) {
        @Override public String toString() { return rss + " / " + heap + " / " + live + " MiB"; }
    }

    static Mem memory(boolean gc) {
        if (serverPid <= 0) return new Mem("-", "-", "-", "-");
        String rss = "?", threads = "?";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
                if (l.startsWith("VmRSS:")) rss = Long.toString(Long.parseLong(l.replaceAll("\\D", "")) / 1024);
                if (l.startsWith("Threads:")) threads = l.replaceAll("\\D", "");
            }
        } catch (IOException e) { /* leave ? */ }
        String heap = heapUsed();
        String live = "-";
        if (gc) { jcmd("GC.run"); live = heapUsed(); }
        return new Mem(rss, heap, live, threads);
    }

    static final Pattern USED = Pattern.compile("used (\\d+)K");

    static String heapUsed() {
        String out = jcmd("GC.heap_info");
        Matcher m = USED.matcher(out);
        return m.find() ? Long.toString(Long.parseLong(m.group(1)) / 1024) : "?";
    }

    static String jcmd(String command) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(serverPid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** A server thread dump for a stalled subscriber: which boundedElastic threads are blocked, and where. */
    static void threadDump() {
        String dump = jcmd("Thread.print");
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "feedbench-threads-" + serverPid + ".txt");
        try { Files.writeString(file, dump); } catch (IOException e) { /* printed below anyway */ }
        Map<String, Integer> tops = new LinkedHashMap<>();
        for (String block : dump.split("\n\n")) {
            if (!block.startsWith("\"boundedElastic")) continue;
            String[] l = block.split("\n");
            String where = l.length > 2 ? l[1].strip() + " | " + l[2].strip() : "?";
            for (String x : l) if (x.contains("org.gongshi") || x.contains("mongodb.internal.connection.InternalStreamConnection.receive")) { where += " | " + x.strip(); break; }
            tops.merge(where, 1, Integer::sum);
        }
        System.out.println("server thread dump: " + file + "; boundedElastic threads by state/top frames:");
        tops.forEach((k, v) -> System.out.println("  " + v + " x " + (k.length() > 400 ? k.substring(0, 400) : k)));
    }

    // ---- small helpers

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return Long.MIN_VALUE;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(long nanos) {
        return nanos == Long.MIN_VALUE ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String fmt1(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return m.length() > 160 ? m.substring(0, 160) : m;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
