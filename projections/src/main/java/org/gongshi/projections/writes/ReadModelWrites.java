package org.gongshi.projections.writes;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The one way a projection writes a read-model document, so that delivering an event again (a
 * restart, a retry, a replay) changes nothing. Every document is keyed by {@code _id} and carries
 * {@code lastGlobalIndex}, the ledger position of the last event applied to it:
 * <ul>
 * <li>{@link #create} upserts by {@code _id} and sets fields only when it inserts: a second delivery
 * finds the document and leaves it as it is (no insert that takes a duplicate-key error for
 * "already applied");</li>
 * <li>{@link #apply} changes a document only if the event is newer than the last one applied;</li>
 * <li>{@link #replacement} puts a whole document, as a view changed in memory stands after an event, in place of the
 * stored one on the same condition (the case views: {@code CaseViewProjection}).</li>
 * </ul>
 * Both are correct to replay in any state a crash leaves, because the store never holds a token
 * ahead of the documents written before it (MongoDB's journal; the embedded store's checkpoints).
 */
public final class ReadModelWrites {

    public static final String LAST_GLOBAL_INDEX = "lastGlobalIndex";

    private ReadModelWrites() {
    }

    /** The ledger position of the event being handled. */
    public static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position: " + token));
    }

    /** Inserts {@code document} under {@code id} unless a document with that id exists already. */
    public static <T> void create(MongoCollection<T> collection, String id, T document) {
        collection.updateOne(eq("_id", id), setOnInsert(collection, document), new UpdateOptions().upsert(true));
    }

    /** {@link #create}, answering the document as it stands after: the one created, or the one that was there. */
    public static <T> T createAndGet(MongoCollection<T> collection, String id, T document) {
        return collection.findOneAndUpdate(eq("_id", id), setOnInsert(collection, document),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }

    /** {@link #create} as a write of a bulk write. */
    public static <T> WriteModel<T> creation(MongoCollection<T> collection, String id, T document) {
        return new UpdateOneModel<>(eq("_id", id), setOnInsert(collection, document), new UpdateOptions().upsert(true));
    }

    /**
     * A write of a bulk write that puts {@code document}, as it stands after the event at {@code position}, in place of
     * document {@code id} if that event is newer than the stored one's last (the same condition as {@link #apply}).
     */
    public static <T> WriteModel<T> replacement(String id, long position, T document) {
        return new ReplaceOneModel<>(newer(id, null, position), document);
    }

    private static <T> Bson setOnInsert(MongoCollection<T> collection, T document) {
        BsonDocument fields = encoded(collection, document);
        fields.remove("_id");
        return new BsonDocument("$setOnInsert", fields);
    }

    /** {@code document} as {@code collection} stores it. */
    public static <T> BsonDocument encoded(MongoCollection<T> collection, T document) {
        BsonDocument fields = new BsonDocument();
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) document.getClass();
        collection.getCodecRegistry().get(type).encode(new BsonDocumentWriter(fields), document, EncoderContext.builder().build());
        return fields;
    }

    /** A document {@code collection} stores, read back as its document class. */
    public static <T> T decoded(MongoCollection<T> collection, BsonDocument stored) {
        return collection.getCodecRegistry().get(collection.getDocumentClass())
                .decode(new BsonDocumentReader(stored), DecoderContext.builder().build());
    }

    /** Applies {@code updates} to document {@code id} if the event at {@code position} is newer than its last one. */
    public static void apply(MongoCollection<?> collection, String id, long position, Bson... updates) {
        applyWhere(collection, id, null, position, updates);
    }

    /** {@link #apply}, only if the document also matches {@code condition} (e.g. names an array element to update). */
    public static void applyWhere(MongoCollection<?> collection, String id, Bson condition, long position, Bson... updates) {
        collection.updateOne(newer(id, condition, position), withPosition(position, updates));
    }

    /** {@link #apply} as a write of a bulk write. */
    public static <T> WriteModel<T> application(String id, long position, Bson... updates) {
        return new UpdateOneModel<>(newer(id, null, position), withPosition(position, updates));
    }

    private static Bson newer(String id, Bson condition, long position) {
        Bson filter = and(eq("_id", id), lt(LAST_GLOBAL_INDEX, position));
        return condition == null ? filter : and(filter, condition);
    }

    private static Bson withPosition(long position, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(set(LAST_GLOBAL_INDEX, position));
        return combine(all);
    }
}
