package org.gongshi.server.axon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.SagaEntry;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.bson.BsonType;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Filters.type;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.pull;

/**
 * Process-manager (saga) state in MongoDB where every read is a key lookup: a saga by its identifier as {@code _id}
 * (collection {@value #SAGAS}, Axon's {@link SagaEntry} shape), and the sagas associated with a value by that value
 * as {@code _id} (collection {@value #ASSOCIATIONS}: {@code {_id: "sagaType key value", sagas: [identifiers]}}).
 *
 * <p>Axon's {@code MongoSagaStore} finds a saga by its {@code sagaIdentifier} field and the sagas of an association by
 * matching the elements of an {@code associations} array, both queries no index of the embedded MongoDB
 * (mongo-java-server serves only {@code _id} and unique indexes) answers: each scanned every saga. Every listing has
 * one, so each decision revision and listing removal cost a scan of all listings, and the million-case generation
 * spent 40 % of its time in the embedded MongoDB's query matching (issue 13). On MongoDB itself the same lookups use
 * the {@code _id} index without any index to create.
 *
 * <p>Sagas written by Axon's store (an {@code ObjectId} as {@code _id}) are moved to this shape when the store starts
 * ({@link #adoptAxonEntries}). The saga's document is written before its associations and removed after them, so a
 * crash between leaves at worst a saga no association finds (its events are handled again from the processor's token,
 * which starts or finds the saga anew), never an association to a saga that is not there.
 */
public final class KeyedSagaStore implements SagaStore<Object> {

    /** Axon's default collection, kept: the documents keep Axon's fields and gain {@code _id} = the saga's identifier. */
    public static final String SAGAS = "sagas";
    public static final String ASSOCIATIONS = "saga_associations";

    private static final String ID = "_id";
    private static final String SAGA_IDS = "sagas";
    private static final String SAGA_TYPE = "sagaType";

    private final MongoCollection<Document> sagas;
    private final MongoCollection<Document> associations;
    private final Serializer serializer;

    public KeyedSagaStore(MongoDatabase database, Serializer serializer) {
        this.sagas = database.getCollection(SAGAS);
        this.associations = database.getCollection(ASSOCIATIONS);
        this.serializer = serializer;
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        Document found = associations.find(eq(ID, associationKey(typeName(sagaType), associationValue))).first();
        Set<String> identifiers = new TreeSet<>();
        if (found != null) identifiers.addAll(found.getList(SAGA_IDS, String.class, List.of()));
        return identifiers;
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        Document found = sagas.find(eq(ID, sagaIdentifier)).first();
        if (found == null) return null;
        SagaEntry<S> entry = new SagaEntry<>(found);
        S saga = entry.getSaga(serializer);
        Set<AssociationValue> values = entry.getAssociationValues();
        return new Entry<>() {
            @Override
            public Set<AssociationValue> associationValues() {
                return values;
            }

            @Override
            public S saga() {
                return saga;
            }
        };
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        sagas.replaceOne(eq(ID, sagaIdentifier), document(sagaIdentifier, saga, associationValues), new ReplaceOptions().upsert(true));
        associationValues.forEach(value -> associate(typeName(sagaType), value, sagaIdentifier));
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        sagas.replaceOne(eq(ID, sagaIdentifier), document(sagaIdentifier, saga, associationValues.asSet()), new ReplaceOptions().upsert(true));
        String typeName = typeName(sagaType);
        associationValues.addedAssociations().forEach(value -> associate(typeName, value, sagaIdentifier));
        associationValues.removedAssociations().forEach(value -> dissociate(typeName, value, sagaIdentifier));
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        associationValues.forEach(value -> dissociate(typeName(sagaType), value, sagaIdentifier));
        sagas.deleteOne(eq(ID, sagaIdentifier));
    }

    /**
     * Moves every saga Axon's store wrote (its {@code _id} an {@code ObjectId}) to this store's shape, with its
     * associations; answers how many. Runs once per start; after a crash during it, the next start finishes it.
     */
    public int adoptAxonEntries() {
        List<Document> written = sagas.find(type(ID, BsonType.OBJECT_ID)).into(new ArrayList<>());
        for (Document old : written) {
            SagaEntry<Object> entry = new SagaEntry<>(old);
            String identifier = entry.getSagaId();
            Document moved = new Document(old);
            moved.put(ID, identifier);
            try {
                sagas.insertOne(moved);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e; // moved before a crash
            }
            for (AssociationValue value : entry.getAssociationValues()) associate(old.getString(SAGA_TYPE), value, identifier);
            sagas.deleteOne(eq(ID, old.get(ID)));
        }
        return written.size();
    }

    private Document document(String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        return new SagaEntry<>(sagaIdentifier, saga, associationValues, serializer).asDocument().append(ID, sagaIdentifier);
    }

    private void associate(String sagaType, AssociationValue value, String sagaIdentifier) {
        associations.updateOne(eq(ID, associationKey(sagaType, value)), addToSet(SAGA_IDS, sagaIdentifier), new UpdateOptions().upsert(true));
    }

    private void dissociate(String sagaType, AssociationValue value, String sagaIdentifier) {
        String key = associationKey(sagaType, value);
        associations.updateOne(eq(ID, key), pull(SAGA_IDS, sagaIdentifier));
        associations.deleteOne(and(eq(ID, key), size(SAGA_IDS, 0)));
    }

    /**
     * The association's key: the saga type, the key and the value, apart by spaces (neither a type's name nor a property's
     * has one, so the value may hold anything). A string rather than a document, so every query pinning it is served by
     * the {@code _id} index, also with a condition beside it ({@code IndexProbe}).
     */
    private static String associationKey(String sagaType, AssociationValue value) {
        return sagaType + " " + value.getKey() + " " + value.getValue();
    }

    /** The saga type's name as Axon's store writes it in {@link SagaEntry}'s {@code sagaType}. */
    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }
}
