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
        try (ConfigurableApplicationContext context = ledger.apply(all.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        } catch (RuntimeException failed) {
            FailureAnalysis inUse = new DataDirectoryInUseFailureAnalyzer().analyze(failed);
            System.err.println("generate: " + (inUse == null ? rootMessage(failed) : inUse.getDescription() + ". " + inUse.getAction()));
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

    private static int usage(String problem) {
        System.err.println("generate: " + problem);
        System.err.println("usage: java -jar ledger-server.jar generate --cases N [--seed 1] [--gongshi.data-dir=DIR] [--gongshi.<setting>=<value>]");
        return 2;
    }
}
