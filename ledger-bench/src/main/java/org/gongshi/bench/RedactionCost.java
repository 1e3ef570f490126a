package org.gongshi.bench;

import org.gongshi.ledger.disclosure.RedactionPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the one redaction policy costs a public text (`java -jar ledger-bench.jar redaction [--rounds 15] [--out DIR]`): a
 * scrub of three facts texts of realistic decisions (a sentence, a 979-character trade-secret case full of people, roles and
 * contacts, a courier case's rows), in µs, each beside the same run's baseline: one pass of one pattern over the text (the
 * regex engine's floor on this machine), so the ratio reads as how many such passes a scrub costs. Best of the rounds after
 * as many unmeasured, each round scrubbing the text for at least 50 ms.
 */
public final class RedactionCost {

    /** The texts: short.txt, facts.txt, rows.txt (fictional people; the privacy rounds' own texts). */
    static final List<String> TEXTS = List.of("short", "facts", "rows");
    private static final Pattern ONE_PASS = Pattern.compile("\\d{11}");

    private RedactionCost() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--rounds", "--out").contains(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: redaction [--rounds 15] [--out DIR]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        int rounds;
        try {
            rounds = Bench.positiveNumber("rounds", options.getOrDefault("rounds", "15"));
        } catch (IllegalArgumentException usage) {
            System.err.println("bench: " + usage.getMessage());
            System.exit(2);
            return;
        }
        List<Figure> figures = measure(rounds);
        String summary = summary(figures);
        System.out.println(summary);
        if (options.containsKey("out")) {
            Path out = Files.createDirectories(Path.of(options.get("out")));
            Files.writeString(out.resolve("summary.md"), summary);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("measured", Instant.now().toString());
            result.put("machine", Machine.describe());
            result.put("rounds", rounds);
            result.put("texts", figures);
            Files.writeString(out.resolve("result.json"), Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
    }

    /** One text's figures: its length, a scrub's µs, the one-pass baseline's µs, their ratio, and what the scrub hid. */
    record Figure(String text, int characters, double scrubMicros, double onePassMicros, double ratio, int hidden) {}

    static List<Figure> measure(int rounds) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (String name : TEXTS) {
            String text = text(name);
            double scrub = bestMicros(rounds, t -> RedactionPolicy.scrub(t), text);
            double onePass = bestMicros(rounds, RedactionCost::onePass, text);
            int hidden = RedactionPolicy.scrub(text).split("\\*\\*\\*", -1).length - 1;
            figures.add(new Figure(name, text.length(), scrub, onePass, scrub / onePass, hidden));
        }
        return figures;
    }

    static String text(String name) throws IOException {
        try (InputStream in = RedactionCost.class.getResourceAsStream("redaction/" + name + ".txt")) {
            if (in == null) throw new IOException("no redaction text " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What the baseline's matches add up to, kept so that the compiler cannot drop the pass as unused. */
    private static int sink;

    private static void onePass(String text) {
        Matcher m = ONE_PASS.matcher(text);
        while (m.find()) sink++;
    }

    /** The best µs a call of {@code work} on {@code text} took, over {@code rounds} measured rounds after as many unmeasured. */
    private static double bestMicros(int rounds, Consumer<String> work, String text) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 2 * rounds; round++) {
            long start = System.nanoTime(), calls = 0, elapsed;
            do {
                work.accept(text);
                calls++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 50_000_000L);
            if (round >= rounds) best = Math.min(best, elapsed / 1e3 / calls);
        }
        return best;
    }

    static String summary(List<Figure> figures) {
        StringBuilder md = new StringBuilder("| text | characters | scrub, µs | one pass of one pattern, µs (baseline) | ratio | hidden |\n"
                + "|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append(String.format("| %s | %d | %.1f | %.2f | %.0f | %d |%n", f.text(), f.characters(), f.scrubMicros(), f.onePassMicros(),
                    f.ratio(), f.hidden()));
        }
        return md.toString();
    }
}
