package org.gongshi.server;

import org.gongshi.projections.transparency.NoteSigner;
import org.gongshi.server.tools.FeedMirror;
import org.gongshi.server.tools.SyntheticGenerationCommand;
import org.gongshi.server.tools.RebuildCommand;
import org.gongshi.server.tools.Verify;
import org.gongshi.server.tools.Witness;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gongshi ledger server. Without a profile it runs the embedded default (one JVM, data under
 * {@code ./data}); with {@code spring.profiles.active=distributed} it joins Axon Server and MongoDB.
 */
@SpringBootApplication
@EnableScheduling
public class LedgerServerApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("mirror")) {
            FeedMirror.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("rebuild")) {
            RebuildCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(Verify.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("witness")) {
            System.exit(Witness.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("keygen")) {
            System.exit(keygen(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        java.util.Optional<String> refused = notACommand(args);
        if (refused.isPresent()) {
            System.err.println(refused.get());
            System.exit(HELP.contains(args[0]) ? 0 : 2);
        }
        disableUpdateChecker();
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(SyntheticGenerationCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
                    generate -> SpringApplication.run(LedgerServerApplication.class, generate)));
        }
        try {
            SpringApplication.run(LedgerServerApplication.class, args);
        } catch (RuntimeException failedToStart) {
            // reported above by Spring Boot; exit rather than live on without a context (a thread started before the failure,
            // e.g. Axon's, kept the JVM up, listening on the embedded MongoDB's port only)
            System.exit(1);
        }
    }

    /** The commands before the options; without one the ledger runs. */
    /**
     * {@code keygen <origin>}: a new signer key for the log named {@code origin} and its verifier key. An origin that is no key
     * name, or none, is usage (status 2), never a stack trace or a key named {@code --help} (a sweep from outside); a help flag is usage
     * and 0, as every command answers it.
     */
    static int keygen(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        String usage = "usage: java -jar ledger-server.jar keygen <origin>   (the log's origin, e.g. gongshi.example/feed or"
                + " gongshi.example/ledger: gongshi.feed.origin or gongshi.ledger.origin of the node that signs with it)";
        if (args.length == 1 && HELP.contains(args[0])) { // asked for: usage and 0, as every other command answers help
            out.println(usage);
            return 0;
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println(args.length == 0 ? "name the log's origin" + System.lineSeparator() + usage : usage);
            return 2;
        }
        NoteSigner signer;
        try {
            signer = NoteSigner.generate(args[0]);
        } catch (IllegalArgumentException e) {
            err.println("'" + args[0] + "' is no origin a signed note can name: " + e.getMessage() + System.lineSeparator() + usage);
            return 2;
        }
        out.println("signer key (GONGSHI_FEED_SIGNER_KEY or GONGSHI_LEDGER_SIGNER_KEY, keep secret): " + signer.signerKey());
        out.println("verifier key (publish):                                                   " + signer.verifierKey());
        return 0;
    }

    static final java.util.List<String> COMMANDS = java.util.List.of("mirror", "rebuild", "verify", "witness", "keygen", "generate");

    /**
     * What to say instead of running the ledger when the first argument is a word but no command (audit: {@code java -jar
     * ledger-server.jar verfy …} started a second ledger on port 8080 with a new ./data), or {@code help}.
     */
    static java.util.Optional<String> notACommand(String[] args) {
        boolean help = args.length > 0 && HELP.contains(args[0]);
        String usage = "usage: java -jar ledger-server.jar [" + String.join("|", COMMANDS) + "] [options]; without a command the ledger"
                + " runs (options as --name=value, e.g. --server.port=8080 --gongshi.demo=true)";
        if (!help && args.length > 0 && args[0].startsWith("-")) {
            // the ledger takes --name=value only: a word after its options is a command out of place or an option's value set
            // apart ("--url http://… verify" started a ledger on port 8080 with a new ./data, or failed on the running
            // ledger's locked files with a stack trace; "--server.port 9090" ran on 8080)
            for (String arg : args) {
                if (!arg.startsWith("-")) {
                    return java.util.Optional.of("'" + arg + "' is no option of the ledger, which takes --name=value only"
                            + (COMMANDS.contains(arg) ? "; a command comes first: java -jar ledger-server.jar " + arg + " [options]" : "")
                            + "; " + usage);
                }
            }
        }
        if (!help && (args.length == 0 || args[0].startsWith("-") || COMMANDS.contains(args[0]))) return java.util.Optional.empty();
        return java.util.Optional.of(help ? usage : "unknown command '" + args[0] + "'; " + usage);
    }

    /** What asks for the usage: {@code --help} started a whole ledger on port 8080 with a new ./data (outside audit). */
    static final java.util.List<String> HELP = java.util.List.of("help", "--help", "-help", "-h", "-?");

    /** Axon's update checker would try to reach the internet. */
    public static void disableUpdateChecker() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
