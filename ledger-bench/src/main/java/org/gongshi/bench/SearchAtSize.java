package org.gongshi.bench;

import org.gongshi.synthetic.SyntheticLedger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.gongshi.ledger.identity.ResidentIdNumber;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.projections.publicrecords.NameKeys;
import org.gongshi.projections.publicrecords.PublicRecords;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;

/**
 * Public search at sizes the generated ledger does not reach (100,000 and 1,000,000 records: generating a million cases
 * through the API takes hours). The public-record read model is filled to each size with copies of the records the
 * generated ledger published, each under another subject of the synthetic ledger's name pool (so names overlap in
 * n-grams as the generated ones do), a valid USCC, another division and decision day, and its name keys made by the
 * projection's own {@link NameKeys}; inserted into the server's embedded MongoDB over the wire, beside the records the
 * projection wrote. Then the same public searches as the generated ledger's run through the API, each query shape
 * measured on its own. The copies are no ledger events: a rebuild would drop them, so this phase is the run's last.
 */
final class SearchAtSize {

    /** Copies inserted per command. */
    private static final int BATCH = 1_000;

    private final ServerProcess server;
    private final Api api;
    /**
     * Unmeasured searches of each shape before the measured ones at each size: the same steady state as the bench's other
     * reads ({@code --reads-warm-up}), after the copies left the store's page cache holding what they wrote.
     */
    private final int warmUp;
    private final Consumer<Bench.Figure> figures;

    SearchAtSize(ServerProcess server, Api api, int warmUp, Consumer<Bench.Figure> figures) {
        this.server = server;
        this.api = api;
        this.warmUp = warmUp;
        this.figures = figures;
    }

    /** Fills the public records up to each of {@code sizes} (ascending) and measures {@code queries} searches of each shape at each. */
    void run(int[] sizes, int queries, Baselines.Figures base) throws IOException {
        try (MongoClient client = server.readModels()) {
            MongoCollection<Document> records = client.getDatabase("gongshi").getCollection(PublicRecords.COLLECTION);
            List<Document> templates = records.find(eq("state", "PUBLISHED")).limit(2_000).into(new ArrayList<>());
            if (templates.isEmpty()) throw new IllegalStateException("no published record to copy: generate more cases (--cases)");
            LocalDate publicUntil = LocalDate.now(ZoneOffset.UTC).plusYears(10); // never due for expiry while measured
            Random random = new Random(11);
            long copies = 0;
            for (int size : sizes) {
                long have = records.estimatedDocumentCount(); // the collection's size: countDocuments() reads every document
                long start = System.nanoTime(), inserted = 0;
                while (have + inserted < size) {
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH && have + inserted + i < size; i++) {
                        batch.add(copy(templates.get((int) (copies % templates.size())), copies, random, publicUntil));
                        copies++;
                    }
                    records.insertMany(batch, new InsertManyOptions().ordered(false));
                    inserted += batch.size();
                    if ((have + inserted) % 100_000 < BATCH) Bench.log("  " + (have + inserted) + " public records");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (inserted > 0) {
                    figures.accept(new Bench.Figure("public records copied in at " + size + " records: records/s", inserted / seconds,
                            "records/s", "raw Mongo bulk inserts/s", base.mongoBulkInsertsPerSecond(), inserted + " copies in batches of " + BATCH));
                }
                measureQuiet(size, queries, base);
            }
        }
    }

    /**
     * Measures the searches at the size the server's public records have (a ledger kept with its copies, {@code --search-of}),
     * inserting none.
     */
    void runAsKept(int queries, Baselines.Figures base) throws IOException {
        long size;
        try (MongoClient client = server.readModels()) {
            size = client.getDatabase("gongshi").getCollection(PublicRecords.COLLECTION).estimatedDocumentCount();
        }
        if (size == 0) throw new IllegalStateException("the kept ledger has no public record to search");
        Bench.log("public search at the " + size + " records kept");
        measureQuiet(size, queries, base);
    }

    /** The searches at {@code size} records once the server is quiet, then its memory and the read models' disk. */
    private void measureQuiet(long size, int queries, Baselines.Figures base) throws IOException {
        String at = "at " + size + " records";
        // its store's checkpoints hold every command while they write, and the first ones after a bulk load write
        // most of the indexes again: searches right after the copies measured those (p99 0.3-0.6 s at 100,000 records)
        if (!server.awaitQuiet()) Bench.log("  the server was still busy after 3 minutes: the searches are measured beside its work");
        measure(size, queries, base);
        figures.accept(server.memory(at));
        figures.accept(new Bench.Figure("read models on disk " + at, ServerProcess.diskMiB(server.dataDir.resolve("readmodels")),
                "MiB", null, 0, ""));
    }

    private void measure(long size, int queries, Baselines.Figures base) {
        Random r = new Random(5);
        String[][] shapes = {{"q"}, {"division"}, {"q+province"}};
        for (String[] shape : shapes) {
            Latencies latencies = new Latencies();
            long slowestNanos = 0;
            String slowest = "";
            java.time.Instant slowestAt = null;
            for (int i = 0; i < warmUp + queries; i++) {
                String q = SyntheticLedger.brand(r);
                String division = SyntheticLedger.division(r)[0];
                String path = switch (shape[0]) {
                    case "q" -> "/api/v1/public/penalties?q=" + Bench.enc(q);
                    case "division" -> "/api/v1/public/penalties?division=" + division;
                    default -> "/api/v1/public/penalties?q=" + Bench.enc(SyntheticLedger.industry(r))
                            + "&division=" + division.substring(0, 2);
                };
                Api.Reply reply = api.get(path, null);
                if (reply.status() != 200) throw new IllegalStateException("GET " + path + ": " + reply.status() + " " + reply.body());
                if (i >= warmUp) {
                    latencies.add(reply.nanos());
                    if (reply.nanos() > slowestNanos) {
                        slowestNanos = reply.nanos();
                        slowest = path;
                        slowestAt = java.time.Instant.now();
                    }
                }
            }
            String name = "public search (" + shape[0] + ") at " + size + " records";
            figures.accept(new Bench.Figure(name + " p50", latencies.percentileMs(50), "ms", "raw Mongo find-by-id p50",
                    base.mongoFindP50Ms(), latencies.count() + " requests after " + warmUp + " unmeasured"));
            figures.accept(new Bench.Figure(name + " p99", latencies.percentileMs(99), "ms", "raw Mongo find-by-id p50",
                    base.mongoFindP50Ms(), String.format(java.util.Locale.ROOT, "slowest %.1f ms: %s at %s", slowestNanos / 1e6, slowest,
                            slowestAt)));
        }
    }

    /**
     * A copy of a published record under another subject (of any kind, its fields as the law publishes them), division and
     * decision day, with its own ids and name keys.
     */
    private static Document copy(Document template, long n, Random random, LocalDate publicUntil) {
        Document record = new Document((Document) template.get("record"));
        SyntheticLedger.Subject subject = SyntheticLedger.subject(random);
        String[] division = SyntheticLedger.division(random);
        String id = "bench-copy-" + n;
        record.put("recordId", id);
        boolean person = subject.kind() == PartyKind.NATURAL_PERSON;
        record.put("subjectName", subject.name());
        record.put("subjectKind", subject.kind().name());
        record.put("uscc", subject.uscc());
        record.put("legalRepresentative", person ? null : subject.representative());
        record.put("idNumberMasked", person ? ResidentIdNumber.mask(subject.idNumber()) : null);
        record.put("division", division[0]);
        record.put("decidedOn", sameType(record.get("decidedOn"), SyntheticLedger.FIRST_DAY.plusDays(random.nextInt(700))));
        record.put("publicUntil", sameType(record.get("publicUntil"), publicUntil));
        Document copy = new Document(template);
        copy.put("_id", id);
        copy.put("caseId", "bench-case-" + n);
        copy.put("record", record);
        copy.put("nameKeys", NameKeys.of(subject.name()));
        copy.put(PublicRecords.PROVINCE_NAME_KEYS, NameKeys.inProvince(subject.name(), division[0]));
        copy.put(PublicRecords.SEARCH_NAME, NameKeys.normalise(subject.name()));
        return copy;
    }

    /** {@code day} as the codec stored the field it replaces: a BSON date (midnight UTC) or a string. */
    private static Object sameType(Object stored, LocalDate day) {
        return stored instanceof Date ? Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()) : day.toString();
    }

}
