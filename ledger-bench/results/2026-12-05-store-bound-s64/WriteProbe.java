package org.gongshi.server.embedded;

import com.mongodb.client.*;
import com.mongodb.client.model.*;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

public class WriteProbe {
    static final String TEXT = "北京华信科技有限公司 在产品及包装上标注他人专利号，足以使公众误认为是他人专利。".repeat(6);
    static Document rec(int i) { return new Document("_id", "r" + i).append("seq", i).append("division", "110105").append("text", TEXT); }
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]); int rounds = Integer.parseInt(a[1]);
        Path dir = Files.createTempDirectory("writeprobe");
        MongoServer server = new MongoServer(new CrashConsistentH2Backend(dir.resolve("m.mv"), Duration.ofSeconds(1), () -> {}));
        var addr = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + addr.getPort())) {
            MongoDatabase db = client.getDatabase("probe");
            for (int round = 0; round < rounds; round++) {
                for (String mode : List.of("insert", "upsertNew", "setExisting", "replaceExisting", "incExisting")) {
                    MongoCollection<Document> c = db.getCollection(mode.startsWith("insert") || mode.equals("upsertNew") ? mode + round : "insert" + round);
                    long start = System.nanoTime();
                    List<Document> docs = new ArrayList<>(); List<WriteModel<Document>> writes = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        switch (mode) {
                            case "insert" -> docs.add(rec(i));
                            case "upsertNew" -> { Document d = rec(i); d.remove("_id"); writes.add(new UpdateOneModel<>(Filters.eq("_id", "r" + i), new Document("$set", d), new UpdateOptions().upsert(true))); }
                            case "setExisting" -> writes.add(new UpdateOneModel<>(Filters.eq("_id", "r" + i), new Document("$set", new Document("seq", i + 1).append("status", "x")), new UpdateOptions().upsert(true)));
                            case "replaceExisting" -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", "r" + i), rec(i).append("v", 2), new ReplaceOptions().upsert(true)));
                            case "incExisting" -> writes.add(new UpdateOneModel<>(Filters.eq("_id", "r" + i), new Document("$inc", new Document("seq", 1)), new UpdateOptions().upsert(true)));
                        }
                        if (docs.size() == 1000) { c.insertMany(docs); docs.clear(); }
                        if (writes.size() == 1000) { c.bulkWrite(writes); writes.clear(); }
                    }
                    double s = (System.nanoTime() - start) / 1e9;
                    System.out.printf("round %d %-16s %d in %.2f s = %.0f docs/s%n", round, mode, n, s, n / s);
                }
            }
        }
        server.shutdownNow();
        System.exit(0);
    }
}
