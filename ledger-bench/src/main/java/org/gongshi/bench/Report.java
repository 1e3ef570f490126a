package org.gongshi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** result.json (every figure, its baseline and ratio, and the context) and summary.md (the same as a table). */
final class Report {

    private Report() {
    }

    static Path write(Path out, int cases, List<Bench.Figure> figures, Map<String, Object> extra) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bench.Figure f : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("figure", f.name());
            row.put("value", finite(f.value()));
            row.put("unit", f.unit());
            row.put("baseline", f.baselineName());
            row.put("baselineValue", f.baselineName() == null ? null : finite(f.baseline()));
            row.put("ratio", finite(f.ratio()));
            row.put("note", f.note());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>(extra);
        json.put("figures", rows);
        Path result = out.resolve("result.json");
        Files.writeString(result, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));

        StringBuilder md = new StringBuilder();
        md.append("Gongshi bench, ").append(cases).append(" cases, ").append(extra.get("date")).append(", ").append(extra.get("machine"))
                .append(", load average ").append(extra.get("loadAverageAtStart")).append(" at start, ").append(extra.get("loadAverageAtEnd"))
                .append(" at end, server JVM options ").append(extra.get("serverJvmOptions"))
                .append("\n\n| figure | value | baseline (same run) | ratio | size | note |\n|---|---|---|---|---|---|\n");
        for (Bench.Figure f : figures) {
            md.append("| ").append(f.name()).append(" | ").append(number(f.value())).append(' ').append(f.unit()).append(" | ")
                    .append(f.baselineName() == null ? "—" : f.baselineName() + " " + number(f.baseline())).append(" | ")
                    .append(Double.isNaN(f.ratio()) ? "—" : String.format(Locale.ROOT, "%.3g", f.ratio())).append(" | ")
                    .append(cases).append(" | ").append(f.note() == null ? "" : f.note()).append(" |\n");
        }
        // a run of a kept ledger (--rebuild-of, --search-of) sends no commands: no line (it read "command failures: null")
        if (extra.containsKey("commandFailures")) md.append("\ncommand failures: ").append(extra.get("commandFailures")).append('\n');
        extra.entrySet().stream().filter(e -> e.getKey().startsWith("serverCpuByThread"))
                .forEach(e -> md.append("\nserver CPU by thread (").append(e.getKey().substring("serverCpuByThread".length()))
                        .append("): ").append(e.getValue()));
        Object jfr = extra.entrySet().stream().filter(e -> e.getKey().startsWith("jfr")).map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "\n" + b).orElse(null);
        md.append('\n');
        if (jfr != null) md.append("\nJFR ").append(jfr).append('\n');
        Files.writeString(out.resolve("summary.md"), md.toString());
        return result;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String number(double d) {
        if (Double.isNaN(d)) return "—";
        if (Math.abs(d) >= 100) return String.format(Locale.ROOT, "%,.0f", d);
        return String.format(Locale.ROOT, "%.3g", d);
    }
}
