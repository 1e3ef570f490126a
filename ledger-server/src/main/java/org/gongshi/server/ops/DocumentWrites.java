package org.gongshi.server.ops;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many documents the read models' MongoDB client sends to be written, by collection and kind ({@value #METER},
 * tags {@code collection} and {@code kind}: insert, update or delete; in {@code /actuator/metrics}, as admin). A bulk write
 * counts each of its documents, a write retried (a batch processed again) counts again: the store's work, which the
 * documents a read model holds understate (issue 13: a rebuild of 10,000 cases held 3.3 documents an event and wrote 4.5,
 * the target figures' counters 1.6 of them). Counted as a command is sent, from the command the driver shows its listeners.
 */
public final class DocumentWrites implements CommandListener {

    public static final String METER = "gongshi.read-models.documents.written";
    /** The field of each write command that lists its documents. */
    private static final Map<String, String> DOCUMENTS = Map.of("insert", "documents", "update", "updates", "delete", "deletes");

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    public DocumentWrites(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String kind = event.getCommandName();
        String field = DOCUMENTS.get(kind);
        if (field == null) return;
        BsonDocument command = event.getCommand();
        BsonValue collection = command.get(kind);
        BsonValue documents = command.get(field);
        if (collection == null || !collection.isString() || documents == null || !documents.isArray()) return;
        String name = collection.asString().getValue();
        counters.computeIfAbsent(kind + " " + name, key -> Counter.builder(METER)
                        .description("documents sent to the read models' store to be written (inserted, updated or deleted)")
                        .tag("collection", name).tag("kind", kind).register(registry))
                .increment(documents.asArray().size());
    }
}
