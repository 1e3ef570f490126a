package org.gongshi.server.embedded;

import com.mongodb.client.*;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

public class BulkProbe {
    public static void main(String[] a) throws Exception {
        String kind = a[0]; int n = Integer.parseInt(a[1]); int rounds = Integer.parseInt(a[2]); String shape = a.length > 3 ? a[3] : "leaf";
        Path dir = Files.createTempDirectory("bulkprobe");
        de.bwaldvogel.mongo.MongoBackend backend = kind.equals("stock") ? new H2Backend(dir.resolve("m.mv").toString())
                : kind.equals("memory") ? new de.bwaldvogel.mongo.backend.memory.MemoryBackend()
                : new CrashConsistentH2Backend(dir.resolve("m.mv"), Duration.ofSeconds(1), () -> {});
        MongoServer server = new MongoServer(backend);
        var addr = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + addr.getPort())) {
            MongoDatabase db = client.getDatabase("probe");
            Random r = new Random(1);
            byte[] hash = new byte[32];
            String text = "x".repeat(400);
            for (int round = 0; round < rounds; round++) {
                MongoCollection<Document> c = db.getCollection("c" + round);
                if (shape.equals("leafidx")) c.createIndex(new Document("eventId", 1), new com.mongodb.client.model.IndexOptions().unique(true));
                long start = System.nanoTime();
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    r.nextBytes(hash);
                    batch.add(new Document("_id", (long) i).append("eventId", UUID.randomUUID().toString()).append("globalIndex", (long) i)
                            .append("leaf", text + i).append("leafHash", new Binary(hash.clone())));
                    if (batch.size() == 1000) { c.insertMany(batch); batch.clear(); }
                }
                if (!batch.isEmpty()) c.insertMany(batch);
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s round %d: %d docs in %.2f s = %.0f docs/s%n", kind, round, n, s, n / s);
            }
        }
        server.shutdownNow();
        System.exit(0);
    }
}
