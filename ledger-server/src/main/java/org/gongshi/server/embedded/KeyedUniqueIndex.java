package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.Json;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.Map.Entry;
import java.util.Set;

/**
 * A unique index of the embedded MongoDB whose entries are keyed by a string ({@link #key}), where mongo-java-server's own keys them by its {@code KeyValue}: that class is not
 * {@code Comparable}, so H2 serialised both keys (Java serialisation) for every comparison of every B-tree lookup.
 * In a rebuild's profile those lookups were a quarter of the embedded server's samples (issue 13). Same semantics:
 * the same normalised key values, one position per key; a regular-expression query is left to a scan (this index
 * cannot list its keys back), which the stock index served by reading every key.
 */
final class KeyedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<String, Object> positions;
    private final KeyPaths paths;

    KeyedUniqueIndex(MVMap<String, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
        this.paths = new KeyPaths(keys);
    }

    /** The key values mongo-java-server computes, along embedded documents without splitting the key paths again ({@link KeyPaths}). */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Set<KeyValue> values = paths.along(document);
        return values != null ? values : super.getKeyValues(document);
    }

    /**
     * Whether the document's keys are free, as mongo-java-server checks it, with {@link #getKeyValues}; a key taken, or a
     * sparse index, is left to its check (which names the key as the document holds it).
     */
    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        Set<KeyValue> values = isSparse() ? null : paths.along(document);
        if (values == null || values.stream().anyMatch(this::containsKey)) super.checkAdd(document, collection);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (query.values().stream().anyMatch(BsonRegularExpression::isRegularExpression)) return false;
        return super.canHandle(query);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return positions.remove(key(keyValue));
    }

    @Override
    protected boolean containsKey(KeyValue keyValue) {
        return positions.containsKey(key(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return positions.putIfAbsent(key(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(key(keyValue));
    }

    /** Only a regular-expression query reads an index's keys back, and this index does not take those. */
    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        throw new UnsupportedOperationException("index " + getName() + " does not list its keys; a regular expression is matched by a scan");
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positions.clear();
    }

    /**
     * Key values as a string that compares as cheaply as a string: each value as {@code <type>:<length>:<compact JSON>}
     * of its normalised value, so 1 and 1.0 are one key and values of two types never meet.
     */
    private static String key(KeyValue keyValue) {
        StringBuilder key = new StringBuilder();
        for (Object value : keyValue) {
            String json = Json.toCompactJsonValue(value);
            key.append(value == null ? "null" : value.getClass().getSimpleName()).append(':').append(json.length()).append(':').append(json);
        }
        return key.toString();
    }
}
