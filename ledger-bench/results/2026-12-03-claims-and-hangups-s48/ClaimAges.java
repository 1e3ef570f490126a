import com.mongodb.client.*;
import org.bson.Document;
import org.bson.types.Binary;
import java.nio.file.*;
import java.util.*;

/**
 * Polls the token claims of a running ledger every 200 ms: how old each claim is (now - its timestamp) and how long
 * each processor's token has gone unchanged (a batch running, or nothing to do). A claim older than the claim timeout
 * (10 s) is one another node could take.
 * usage: java -cp DRIVER_JARS ClaimAges.java DATA_DIR SERVER_LOG SECONDS
 */
public class ClaimAges {
    public static void main(String[] a) throws Exception {
        Path data = Path.of(a[0]);
        long seconds = Long.parseLong(a[2]);
        int port = -1;
        for (long deadline = System.currentTimeMillis() + 120_000; port < 0 && System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            if (!Files.exists(Path.of(a[1]))) continue;
            var m = java.util.regex.Pattern.compile("started MongoServer\\(port: (\\d+)").matcher(Files.readString(Path.of(a[1])));
            if (m.find()) port = Integer.parseInt(m.group(1));
        }
        Properties p = new Properties();
        p.load(Files.newBufferedReader(data.resolve("mongo-credentials")));
        String uri = "mongodb://" + p.getProperty("user") + ":" + p.getProperty("password") + "@127.0.0.1:" + port + "/?authSource=admin&authMechanism=SCRAM-SHA-256";
        Map<String, Integer> lastToken = new HashMap<>();
        Map<String, Long> changedAt = new HashMap<>();
        Map<String, Long> longestUnchanged = new TreeMap<>(), oldestClaim = new TreeMap<>(), samplesPastTimeout = new TreeMap<>();
        long end = System.currentTimeMillis() + seconds * 1000, samples = 0, lastAnyChange = 0;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> tokens = client.getDatabase("gongshi").getCollection("trackingtokens");
            while (System.currentTimeMillis() < end && (lastAnyChange == 0 || System.currentTimeMillis() - lastAnyChange < 60_000)) {
                long now = System.currentTimeMillis();
                try {
                    for (Document t : tokens.find()) {
                        String key = t.getString("processorName") + "/" + t.get("segment");
                        Object tok = t.get("token");
                        int h = tok instanceof Binary b ? Arrays.hashCode(b.getData()) : Objects.hashCode(tok);
                        Integer before = lastToken.put(key, h);
                        if (before == null) changedAt.put(key, now);
                        else if (before != h) {
                            longestUnchanged.merge(key, now - changedAt.get(key), Math::max); // a batch, between two token writes
                            changedAt.put(key, now);
                            lastAnyChange = now;
                        }
                        if (t.get("owner") != null && t.get("timestamp") instanceof Number ts) {
                            long age = now - ts.longValue();
                            oldestClaim.merge(key, age, Math::max);
                            if (age > 10_000) samplesPastTimeout.merge(key, 1L, Long::sum);
                        }
                    }
                    samples++;
                } catch (Exception e) {
                    System.out.println("poll failed: " + e);
                }
                Thread.sleep(200);
            }
        }
        System.out.println(samples + " polls, until 60 s without a token written");
        System.out.printf("%-40s %22s %16s %26s%n", "processor/segment", "longest between tokens (s)", "oldest claim (s)", "polls with claim > 10 s");
        for (String k : oldestClaim.keySet())
            System.out.printf("%-40s %22.1f %16.1f %26d%n", k, longestUnchanged.getOrDefault(k, 0L) / 1000.0, oldestClaim.getOrDefault(k, 0L) / 1000.0, samplesPastTimeout.getOrDefault(k, 0L));
    }
}
