package org.gongshi.server.tools;

import org.gongshi.server.demo.SyntheticGeneration;
import org.gongshi.server.embedded.DataDirectoryInUseFailureAnalyzer;
import org.gongshi.synthetic.SyntheticLedger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar ledger-server.jar generate --cases N [--seed 1] [--gongshi.data-dir=./data] [other --gongshi.* settings]}:
 * writes a synthetic ledger of N cases into an empty embedded data directory through the aggregates in this process
 * ({@code SyntheticGeneration}), then stops. Only the command role runs (no API and no read models; health on a free port): start the ledger on
 * the directory afterwards and it builds every read model from the first event.
 */
public final class SyntheticGenerationCommand {

    private SyntheticGenerationCommand() {
    }

    /**
     * Answers the exit status: 0 generated, 1 failed (the log says why), 2 a usage error. {@code ledger} starts the ledger's
     * application with the arguments given.
     */
    public static int run(String[] args, java.util.function.Function<String[], ConfigurableApplicationContext> ledger) {
        String cases = null, seed = "1";
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (HELP.contains(arg)) { // usage and 0, as every other command answers help (a sweep from outside, stop 86)
                System.out.println(USAGE);
                return 0;
            }
            if (arg.equals("--cases") && i + 1 < args.length) cases = args[++i];
            else if (arg.equals("--seed") && i + 1 < args.length) seed = args[++i];
            else if (arg.startsWith("--") && arg.contains("=")) spring.add(arg);
            else return usage("unknown argument " + arg);
        }
        if (cases == null || !cases.matches("[1-9][0-9]{0,7}")) return usage("--cases takes a whole number of 1 or more");
        if (!seed.matches("-?[0-9]{1,18}")) return usage("--seed takes a whole number");
        List<String> all = new ArrayList<>(List.of("--gongshi.generate.cases=" + cases, "--gongshi.generate.seed=" + seed,
                "--gongshi.roles=command", "--server.port=0", // no API role: the port answers health only
                "--gongshi.embedded.kept-aggregates=" + SyntheticGeneration.KEPT_AGGREGATES,
                // the synthetic ledger's calendar starts on its first day; a setting given after this one wins
                "--gongshi.clock.start=" + SyntheticLedger.morningOf(SyntheticLedger.FIRST_DAY)));
        all.addAll(spring);
        // the directories this run makes: the data directory and those above it that are missing (a re-test, stop 86: a failed
        // run left the empty parents of the data directory it removed)
        java.nio.file.Path madeHere = firstMissing(dataDir(spring));
        try (ConfigurableApplicationContext context = ledger.apply(all.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        } catch (RuntimeException failed) {
            FailureAnalysis inUse = new DataDirectoryInUseFailureAnalyzer().analyze(failed);
            System.err.println("generate: " + (inUse == null ? rootMessage(failed) : inUse.getDescription() + ". " + inUse.getAction()));
            // a data directory this run made is no ledger: a generation refused (an unknown setting, named once every bean is
            // made) or failed leaves none behind (a sweep from outside, stop 86: ./data stayed), and a new run needs it empty
            if (madeHere != null) removeQuietly(madeHere);
            return 1;
        }
    }

    private static String rootMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null && message != null && message.contains(c.getMessage())) break;
            if (c instanceof IllegalStateException || c instanceof IllegalArgumentException) message = c.getMessage();
        }
        return message;
    }

    static final String USAGE = "usage: java -jar ledger-server.jar generate --cases N [--seed 1] [--gongshi.data-dir=DIR]"
            + " [--gongshi.<setting>=<value>]";
    private static final List<String> HELP = List.of("--help", "-h", "-help", "-?", "help");

    private static int usage(String problem) {
        System.err.println("generate: " + problem);
        System.err.println(USAGE);
        return 2;
    }

    /** The data directory the settings name (the last one given wins), else the default ./data; null for an empty one. */
    static java.nio.file.Path dataDir(List<String> settings) {
        String dir = "./data";
        for (String setting : settings) {
            if (setting.startsWith("--gongshi.data-dir=")) dir = setting.substring("--gongshi.data-dir=".length());
        }
        try {
            return dir.isBlank() ? null : java.nio.file.Path.of(dir).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The outermost directory of {@code dir}'s path that does not exist yet ({@code dir} itself, or one above it); null if it exists. */
    static java.nio.file.Path firstMissing(java.nio.file.Path dir) {
        if (dir == null || java.nio.file.Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return null;
        java.nio.file.Path missing = dir;
        for (java.nio.file.Path up = dir.getParent(); up != null && !java.nio.file.Files.exists(up, java.nio.file.LinkOption.NOFOLLOW_LINKS);
             up = up.getParent()) {
            missing = up;
        }
        return missing;
    }

    private static void removeQuietly(java.nio.file.Path dir) {
        if (!java.nio.file.Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    java.nio.file.Files.deleteIfExists(path);
                } catch (java.io.IOException ignored) {
                    // left as it is: the message above says what failed
                }
            });
        } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
            // idem
        }
    }
}
