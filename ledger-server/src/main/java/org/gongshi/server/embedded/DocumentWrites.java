package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.bson.Document;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many documents the embedded read-model store is sent to write, by collection (in any of its databases: a case
 * replayed as it stood writes its scratch database's {@code case_views}) and kind ({@value #METER}, tags
 * {@code collection} and {@code kind}: insert, update or delete; in {@code /actuator/metrics}, as admin). Each document of
 * a bulk write counts, and a delete each of its statements (one may remove many); a write sent again (a batch processed
 * again) counts again: the store's work, which the documents a read model holds understate (issue 13: a rebuild of 10,000
 * cases held 3.3 documents an event and wrote 4.5, the target figures' counters 1.6 of them). Counted by the store from
 * the command it has already read, so counting costs a map lookup a command: the driver's command listener, which builds
 * a copy of every command and reply for its listeners, made a rebuild about a tenth slower (stop 67).
 */
public final class DocumentWrites {

    public static final String METER = "gongshi.read-models.documents.written";
    /** The field of each write command that lists its documents (or statements). */
    private static final Map<String, String> DOCUMENTS = Map.of("insert", "documents", "update", "updates", "delete", "deletes");

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    public DocumentWrites(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the documents of {@code query} if {@code command} writes them. */
    void count(String command, Document query) {
        String field = DOCUMENTS.get(command);
        if (field == null || !(query.get(command) instanceof String collection) || !(query.get(field) instanceof List<?> documents)) return;
        counters.computeIfAbsent(command + " " + collection, key -> Counter.builder(METER)
                        .description("documents sent to the embedded read-model store to be written (inserted, updated or deleted)")
                        .tag("collection", collection).tag("kind", command).register(registry))
                .increment(documents.size());
    }
}
