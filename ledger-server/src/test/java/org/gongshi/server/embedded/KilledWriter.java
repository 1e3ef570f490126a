package org.gongshi.server.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer in a JVM of its own, SIGKILLed after a random number of acknowledged writes (a condition, not a time): its main
 * prints {@code writing} once it writes, then {@code acked <id>} after each write it was told is done. Space is reused
 * within a test's seconds: the event store's child runs on the ledger's own URL (freed chunks kept 2 s), the read-model
 * store's keeps them {@code -Dretention} ms (1 s by default, not H2's 45 s).
 */
final class KilledWriter {

    private KilledWriter() {
    }

    /** Runs {@code main} with {@code args} until between {@code fewest} and {@code -Dmost} (else {@code most}) writes were acknowledged. */
    static List<String> acknowledgedBeforeTheKill(Class<?> main, int fewest, int most, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dretention=" + System.getProperty("retention", "1000"), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String line;
            List<String> startUp = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.equals("writing")) {
                // JVM start-up and logging, kept to say why a child that ended before writing ended
                if (startUp.size() < 200) startUp.add(line);
            }
            assertThat(line).as("writer started (exit %s); it said:%n%s", child.isAlive() ? "none yet" : child.waitFor(),
                    String.join("\n", startUp)).isEqualTo("writing");
            int killAfter = ThreadLocalRandom.current().nextInt(fewest, Integer.getInteger("most", most));
            while (acknowledged.size() < killAfter && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) acknowledged.add(line.substring("acked ".length()));
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        return acknowledged;
    }
}
