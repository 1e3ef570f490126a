package org.gongshi.bench;

import org.gongshi.synthetic.SyntheticLedger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.gongshi.projections.stats.FigureCounters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Public and supervisor statistics at case counts the generated ledger does not reach (a million cases' read models take
 * hours to build). The statistics read counters by key from {@value FigureCounters#COLLECTION} ({@link FigureCounters}),
 * where the documents that grow with the cases are each case's contribution ({@code case:<caseId>}); the counters grow
 * with the bureaus, divisions and days, not the cases. So the collection is filled to each size with copies of the
 * contributions the generated cases left, under ids no request asks for ({@code case:<caseId>~<n>}), beside the counters
 * the projection wrote; then the same statistics as the generated ledger's run are read through the API. The copies are
 * no ledger events: a rebuild would drop them, so this phase is among the run's last.
 */
final class StatsAtSize {

    private static final int BATCH = 1_000;
    private static final String CONTRIBUTION = "case:";

    private final ServerProcess server;
    private final Api api;
    private final SyntheticLedger ledger;
    private final int warmUp;
    private final Consumer<Bench.Figure> figures;

    StatsAtSize(ServerProcess server, Api api, SyntheticLedger ledger, int warmUp, Consumer<Bench.Figure> figures) {
        this.server = server;
        this.api = api;
        this.ledger = ledger;
        this.warmUp = warmUp;
        this.figures = figures;
    }

    /** Fills the contributions up to each of {@code sizes} cases (ascending) and measures {@code queries} reads of each at each. */
    void run(int[] sizes, int queries, Baselines.Figures base) throws IOException {
        try (MongoClient client = server.readModels()) {
            MongoCollection<Document> counters = client.getDatabase("gongshi").getCollection(FigureCounters.COLLECTION);
            var contributions = Filters.regex("_id", "^" + CONTRIBUTION);
            List<Document> templates = counters.find(contributions).limit(10_000).into(new ArrayList<>());
            if (templates.isEmpty()) throw new IllegalStateException("no case's contribution to copy: generate cases first");
            long cases = counters.countDocuments(contributions); // once, before any copy: a scan of the collection
            long copies = 0;
            for (int size : sizes) {
                long start = System.nanoTime(), inserted = 0;
                while (cases < size) {
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH && cases + i < size; i++, copies++) {
                        Document copy = new Document(templates.get((int) (copies % templates.size())));
                        copy.put("_id", copy.getString("_id") + "~" + copies);
                        batch.add(copy);
                    }
                    counters.insertMany(batch, new InsertManyOptions().ordered(false));
                    cases += batch.size();
                    inserted += batch.size();
                    if (cases % 100_000 < BATCH) Bench.log("  " + cases + " cases' contributions");
                }
                if (inserted > 0) {
                    figures.accept(new Bench.Figure("case contributions copied in at " + size + " cases: documents/s",
                            inserted / ((System.nanoTime() - start) / 1e9), "documents/s", "raw Mongo bulk inserts/s",
                            base.mongoBulkInsertsPerSecond(), inserted + " copies in batches of " + BATCH + "; "
                            + counters.estimatedDocumentCount() + " documents in " + FigureCounters.COLLECTION));
                }
                measure(cases, queries, base); // the size asked for, or the ledger's own where it already holds more
            }
        }
    }

    private void measure(long size, int queries, Baselines.Figures base) {
        boolean quiet = server.awaitQuiet();
        if (!quiet) Bench.log("  the server was still busy after 3 minutes: the statistics are measured beside its work");
        Random r = new Random(5);
        Latencies publicStats = new Latencies(), supervisorStats = new Latencies();
        Map<String, String> supervisors = new HashMap<>();
        for (int i = -warmUp; i < queries; i++) {
            long[] nanos = Bench.statisticsOf(api, SyntheticLedger.division(r)[0], ledger, supervisors);
            if (i >= 0) {
                publicStats.add(nanos[0]);
                supervisorStats.add(nanos[1]);
            }
        }
        Bench.latencies("public statistics at " + size + " cases", publicStats, warmUp, base, quiet).forEach(figures);
        Bench.latencies("supervisor statistics at " + size + " cases", supervisorStats, warmUp, base, quiet).forEach(figures);
    }
}
