package org.gongshi.server.embedded;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded read-model store survives SIGKILL at any moment in a state a replay can repair: every
 * unique index agrees with the documents (no index entry without its document, which an insert would
 * take for "already there"), and no writer's token is durable ahead of the documents it wrote before it.
 */
class ReadModelCrashConsistencyTest {

    @TempDir
    Path dir;

    @Test
    void a_sigkill_at_any_moment_leaves_whole_commands_and_no_token_ahead_of_its_documents() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path file = dir.resolve("round-" + round + ".mv");
            List<String> problems = killWhileWriting(file, "consistent");
            assertThat(problems).as("round %d", round).isEmpty();
        }
    }

    /** Runs {@link ReadModelWriter} on {@code file}, kills it at a random moment, and lists what is inconsistent on disk. */
    static List<String> killWhileWriting(Path file, String mode) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classpath, ReadModelWriter.class.getName(), file.toString(), mode)
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.equals("writing")) {
                // JVM start-up and logging
            }
            assertThat(line).as("writer started").isEqualTo("writing");
            Thread.sleep(ThreadLocalRandom.current().nextLong(500, 2500)); // a random moment, not a wait for a condition
        } finally {
            child.destroyForcibly().waitFor();
        }
        return inconsistencies(file);
    }

    static List<String> inconsistencies(Path file) {
        List<String> problems = new ArrayList<>();
        MVStore raw = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            String data = "databases." + ReadModelWriter.DATABASE + ".entries$bson"; // the documents, as BSON
            long documents = raw.hasMap(data)
                    ? CrashConsistentH2Backend.encodedDocuments(raw, data).sizeAsLong()
                    : 0;
            int indexes = 0;
            for (String name : raw.getMapNames()) {
                // unique indexes (keyed by strings) and non-unique ones
                if (name.startsWith(ReadModelWriter.DATABASE + ".entries._unique_") || name.startsWith(ReadModelWriter.DATABASE + ".entries._sorted_")) {
                    indexes++;
                    long entries = raw.openMap(name, new org.h2.mvstore.MVMap.Builder<String, Object>()
                            .keyType(org.h2.mvstore.type.StringDataType.INSTANCE)).sizeAsLong();
                    if (entries != documents) problems.add(name + " holds " + entries + " keys for " + documents + " documents");
                }
            }
            if (documents > 0 && indexes < 2) problems.add(documents + " documents but " + indexes + " of the _id and eventId indexes in the file");
        } finally {
            raw.close();
        }
        try (ServedStore store = ServedStore.open(file, Duration.ofHours(1))) {
            var db = store.client().getDatabase(ReadModelWriter.DATABASE);
            Set<String> present = new HashSet<>();
            db.getCollection("entries").find().forEach(d -> present.add(d.getString("_id")));
            for (Document token : db.getCollection("tokens").find()) {
                String writer = token.getString("_id").substring("writer-".length());
                long upTo = ((Number) token.get("upTo")).longValue();
                for (long i = 0; i <= upTo; i++) {
                    if (!present.contains(writer + "-" + i)) {
                        problems.add("writer " + writer + "'s token is at " + upTo + " but its document " + i + " is missing");
                        break;
                    }
                }
            }
        }
        return problems;
    }
}
