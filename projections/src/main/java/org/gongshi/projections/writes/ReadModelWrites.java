package org.gongshi.projections.writes;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
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
 * <li>{@link #put} puts a whole document, as a view changed in memory stands after an event: inserted if there is none,
 * else in place of the stored one on the same condition (the case views: {@code CaseViewProjection}); where the stored
 * one is as new or newer it takes a duplicate key, which {@link #newerOnly} takes as done.</li>
 * </ul>
 * All are correct to replay in any state a crash leaves, because the store never holds a token
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
     * A write of a bulk write that puts {@code document}, as it stands after the event at {@code position}, under {@code id}:
     * inserted if there is none, in place of the stored one if that event is newer than the stored one's last
     * (the condition of {@link #apply}); where the stored one is as new or newer, the write takes a duplicate key and changes
     * nothing ({@link #newerOnly}). One write where a creation and then a replacement were two.
     */
    public static <T> WriteModel<T> put(String id, long position, T document) {
        return new ReplaceOneModel<>(newer(id, null, position), document, new ReplaceOptions().upsert(true));
    }

    /**
     * Makes {@code writes}, each an upsert on the condition that what it writes is newer than what is stored ({@link #put}),
     * unordered, in commands of at most {@value BatchedWrites#MOST_IN_ONE_COMMAND}: one that finds something newer stored
     * takes a duplicate key, which leaves nothing to do; any other error fails them.
     */
    public static <T> void newerOnly(MongoCollection<T> collection, List<? extends WriteModel<? extends T>> writes) {
        for (int from = 0; from < writes.size(); from += BatchedWrites.MOST_IN_ONE_COMMAND) {
            try {
                collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + BatchedWrites.MOST_IN_ONE_COMMAND)),
                        new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null) throw e;
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
                }
            }
        }
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
