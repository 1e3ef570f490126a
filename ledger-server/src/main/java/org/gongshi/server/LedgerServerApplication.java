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
            String origin = args.length > 1 ? args[1] : "gongshi.example/feed";
            NoteSigner signer = NoteSigner.generate(origin);
            System.out.println("signer key (GONGSHI_FEED_SIGNER_KEY, keep secret): " + signer.signerKey());
            System.out.println("verifier key (publish):                           " + signer.verifierKey());
            return;
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

    /** Axon's update checker would try to reach the internet. */
    public static void disableUpdateChecker() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
