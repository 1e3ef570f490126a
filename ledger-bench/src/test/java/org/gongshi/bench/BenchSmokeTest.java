package org.gongshi.bench;

import org.gongshi.synthetic.SyntheticLedger;

import org.gongshi.ledger.identity.Uscc;
import org.gongshi.ledger.vocabulary.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness at a tiny size against the server jar the reactor built before this module, so CI keeps it
 * from rotting: every figure is measured beside its baseline, the synthetic ledger's codes are valid, and every
 * generated act is accepted on the ledger's clock. The generated ledger is kept and rebuilt by a second run
 * ({@code --keep-data}, {@code --rebuild-of}), and written again in process by a third ({@code --generate in-process}),
 * whose public figures must be the API's; no JFR.
 */
class BenchSmokeTest {

    /** The server's line for a slow read-model checkpoint (CrashConsistentH2Backend.checkpoint), as the bench reads it. */
    @Test
    void aSlowCheckpointsLineInTheServersLogIsReadWithItsDuration() {
        var m = Bench.SLOW_CHECKPOINT.matcher("2026-12-02T11:20:01.123Z  INFO 4242 --- [gongshi-ledger] [read-model-checkpoint] "
                + "o.g.s.embedded.CrashConsistentH2Backend   : Read-model checkpoint held writing commands for 1834 ms: committed 20480 KB"
                + " the commands wrote, compaction rewrote 16384 KB");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("1834");
    }

    @Test
    void theHarnessMeasuresEveryFigureBesideItsBaselineOnATinyGeneratedLedger(@TempDir Path out) throws Exception {
        SyntheticLedger ledger = new SyntheticLedger(1, 300);
        assertThat(ledger.subjects()).allSatisfy(s -> assertThat(new Party(s.kind(), s.name(), s.uscc(), s.idNumber(), s.representative())
                .problems()).as(s.toString()).isEmpty());
        assertThat(ledger.bureaus()).allSatisfy(b -> assertThat(Uscc.problem(b.uscc())).as(b.uscc()).isEmpty());

        Path jar = Path.of("../ledger-server/target/ledger-server.jar");
        assertThat(jar).as("the reactor packages ledger-server before ledger-bench").isRegularFile();
        Map<String, String> options = new HashMap<>(Map.of("cases", "6", "out", out.toString(), "server-jar", jar.toString(),
                "clients", "1,2", "phase-seconds", "1", "gen-threads", "2", "queries", "2", "baseline-events", "50"));
        options.putAll(Map.of("jfr-clients", "0", "rebuild", "false", "server-opts", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                "keep-data", out.resolve("kept").toString()));
        Path result = new Bench(options).run();

        JsonNode json = Api.JSON.readTree(Files.readString(result));
        List<String> names = new ArrayList<>();
        json.get("figures").forEach(f -> names.add(f.get("figure").asString()));
        assertThat(names).contains("commands/s, 1 clients", "commands/s, 2 clients", "command p99, 2 clients", "feed lag p99",
                "public search (q, division) p50", "public statistics p99", "feed catch-up from 0: entries/s",
                "resident memory (PSS) after load", "live heap after load", "disk after clean shutdown", "processors caught up after generation",
                "read-model checkpoints holding writes ≥ 0.5 s, 2 clients", "request floor/s, 2 clients", "request floor p99, 2 clients");
        json.get("figures").forEach(f -> {
            if (f.get("baseline").isString()) assertThat(f.get("baselineValue").asDouble()).as(f.toString()).isPositive();
        });
        json.get("figures").forEach(f -> {
            if (f.get("figure").asString().startsWith("server CPU, ")) assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
        });
        assertThat(names).contains("server CPU, 1 clients", "server CPU, 2 clients", "server CPU, request floor, 2 clients",
                "read-model documents written per command, 2 clients");
        assertThat(json.get("readModelDocumentsWritten2Clients").get("case_views").asLong()).as("the phase's cases viewed")
                .isPositive();
        long commands = 0;
        for (JsonNode f : json.get("figures")) {
            if (f.get("figure").asString().equals("commands/s, 2 clients")) commands = Long.parseLong(f.get("note").asString().split(" ")[0]);
        }
        assertThat(json.get("readModelDocumentsWritten2Clients").get("ledger_leaves").asLong()).as("a leaf an event, an event or more a command")
                .isGreaterThanOrEqualTo(commands).isPositive();
        json.get("figures").forEach(f -> {
            if (f.get("figure").asString().startsWith("request floor")) assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
            if (f.get("figure").asString().startsWith("request floor/s")) assertThat(f.get("note").asString()).as("every answer 400").doesNotContain("otherwise");
        });
        assertThat(Files.readString(out.resolve("summary.md"))).containsPattern("\\| commands/s, 2 clients \\|.*% of the request floor");
        if (Files.exists(Path.of("/proc/self/smaps_rollup"))) {
            json.get("figures").forEach(f -> {
                if (f.get("figure").asString().startsWith("resident memory")) assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
            });
        }
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(json.get("serverCpuByThread2Clients").propertyNames()).as("CPU by thread group").isNotEmpty();
            json.properties().stream().filter(e -> e.getKey().startsWith("serverCpuByThread")).forEach(e -> {
                double sum = 0;
                for (JsonNode share : e.getValue()) sum += Double.parseDouble(share.asString().replace("%", ""));
                assertThat(sum).as("shares of the server's CPU add up to at most the whole: " + e).isLessThanOrEqualTo(101.0); // each share rounded to 0.1
            });
        }
        assertThat(json.get("commandFailures").asLong()).as(json.get("firstFailures").toString()).isZero();
        assertThat(json.get("eventsInStore").asLong()).isPositive();
        assertThat(json.get("healthAfterLoad").asString()).as(String.valueOf(json.get("healthAfterLoadDetails"))).isEqualTo("UP");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| commands/s, 2 clients |");

        // the kept ledger rebuilt on its own, by a second server: every event replayed, the rate beside its baseline
        options.putAll(Map.of("rebuild-of", out.resolve("kept").toString(), "out", out.resolve("rebuild").toString()));
        options.remove("keep-data");
        JsonNode rebuilt = Api.JSON.readTree(Files.readString(new Bench(options).run()));
        assertThat(rebuilt.get("eventsInStore").asLong()).as("replayed: the head before any deadline fired")
                .isGreaterThanOrEqualTo(json.get("eventsInStore").asLong());
        List<String> rebuildFigures = new ArrayList<>();
        rebuilt.get("figures").forEach(f -> {
            rebuildFigures.add(f.get("figure").asString());
            assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
        });
        assertThat(rebuildFigures).contains("rebuild of all read models, once healthy: events/s", "server CPU during the rebuild, once healthy",
                "read-model documents per event, rebuilt", "rebuild bound by the raw bulk insert rate, rebuilt: events/s",
                "bulk inserts into the server's own read-model store, rebuilt: documents/s",
                "rebuild bound by the server's own store's bulk insert rate, rebuilt: events/s", "read-model documents written per event, rebuilt",
                "rebuild bound by the server's own store's bulk insert rate, for the documents written, rebuilt: events/s");
        assertThat(rebuilt.get("readModelDocumentsRebuilt").get("ledger_leaves").asLong()).as("a leaf an event, counted")
                .isGreaterThanOrEqualTo(rebuilt.get("eventsInStore").asLong());
        assertThat(rebuilt.get("readModelDocumentsWrittenRebuilt").get("ledger_leaves").asLong()).as("a leaf an event, written")
                .isGreaterThanOrEqualTo(rebuilt.get("eventsInStore").asLong());

        // the same plans written in process through the aggregates (the server jar's generate tool), every read model then
        // built from the first event: the ledger the public reads is the one the API wrote; then its published records
        // copied to 20 and to 40 and searched at each size, and its cases' contributions copied to 30 and the statistics read
        options.remove("rebuild-of");
        options.putAll(Map.of("generate", "in-process", "out", out.resolve("in-process").toString(), "clients", "1", "search-records", "20,40",
                "stats-cases", "30", "keep-data", out.resolve("kept-with-copies").toString()));
        JsonNode inProcess = Api.JSON.readTree(Files.readString(new Bench(options).run()));
        List<String> inProcessFigures = new ArrayList<>();
        inProcess.get("figures").forEach(f -> inProcessFigures.add(f.get("figure").asString()));
        assertThat(inProcessFigures).contains("generation: commands/s (in process)", "read models built from the generated ledger: events/s",
                "read-model documents per event, built", "read-model documents written per event, built",
                "public search (q, division) p50", "commands/s, 1 clients");
        assertThat(inProcessFigures).contains("public records copied in at 40 records: records/s", "public search (q) at 20 records p99",
                "public search (division) at 40 records p50", "public search (q+province) at 40 records p99", "read models on disk at 40 records",
                "case contributions copied in at 30 cases: documents/s", "public statistics at 30 cases p99", "supervisor statistics at 30 cases p99");
        inProcess.get("figures").forEach(f -> {
            String figure = f.get("figure").asString();
            if (figure.startsWith("public search (") || figure.contains(" statistics at ")) assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
        });
        assertThat(inProcess.get("commandFailures").asLong()).as(inProcess.get("firstFailures").toString()).isZero();
        assertThat(inProcess.get("publicFiguresAfterGeneration")).isEqualTo(json.get("publicFiguresAfterGeneration"));
        long filed = 0;
        for (JsonNode year : json.get("publicFiguresAfterGeneration")) filed += year.path("handlingRate").path("denominator").asLong();
        assertThat(filed).as("cases counted in the figures compared: " + json.get("publicFiguresAfterGeneration")).isPositive();

        // the ledger kept with its copies searched again by a server started on it, at the size it holds, nothing inserted;
        // marked as kept with its deadlines held, so the server holds them again
        assertThat(out.resolve("kept-with-copies").resolve(Bench.DEADLINES_HELD_MARK)).as("kept with its deadlines fired").doesNotExist();
        Files.writeString(out.resolve("kept-with-copies").resolve(Bench.DEADLINES_HELD_MARK), "");
        options.keySet().removeAll(List.of("generate", "search-records", "keep-data"));
        options.putAll(Map.of("search-of", out.resolve("kept-with-copies").toString(), "out", out.resolve("searched").toString(),
                "reads-warm-up", "3"));
        JsonNode searched = Api.JSON.readTree(Files.readString(new Bench(options).run()));
        List<String> searchedFigures = new ArrayList<>(), searchedNotes = new ArrayList<>();
        searched.get("figures").forEach(f -> {
            searchedFigures.add(f.get("figure").asString());
            searchedNotes.add(f.path("note").asString());
            assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
        });
        assertThat(searched.get("deadlines").asString()).isEqualTo("hold");
        assertThat(searched.get("serverJvmOptions").toString()).contains("-Dgongshi.deadlines.initial-delay=" + Bench.DEADLINES_HELD);
        assertThat(rebuilt.get("deadlines").asString()).isEqualTo("fire");
        assertThat(searchedFigures).contains("public search (q) at 40 records p99", "public search (q+province) at 40 records p50",
                "read models on disk at 40 records").noneMatch(name -> name.startsWith("public records copied in"));
        assertThat(searchedNotes).as("--reads-warm-up").contains("2 requests after 3 unmeasured");
    }
}
