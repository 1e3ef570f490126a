package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.Json;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A non-unique index for the embedded MongoDB, which mongo-java-server 1.47 lacks (it accepts
 * {@code createIndex} for one and ignores it, so every query on the field scans the collection).
 * It serves equality on a leading prefix of its keys (as MongoDB's B-tree does): one entry per
 * document and key value (per element of an array: multikey), in an MVMap of the same store as the
 * documents, so the crash-consistent checkpoints keep it and the documents together.
 *
 * <p>An entry's key is its key values, each as {@code <length>:<compact JSON>} of the normalised
 * value (so 1 and 1.0 are one key, as in MongoDB), followed by {@code |} and the document's id; its
 * value is the document's position. A lookup reads the entries that start with the pinned values.
 * The collection matches the whole query against what it returns, so an index may only ever give
 * too many documents, never too few.
 */
final class SecondaryIndex extends Index<Object> {

    private final MVMap<String, Object> entries;

    SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: no single position
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // any number of documents may share a key
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (String key : entryKeys(document)) entries.put(key, position);
    }

    /** The document's position, as every index of the collection must answer (its id, where it had no entry: an empty array). */
    @Override
    public Object remove(Document document) {
        Object position = null;
        for (String key : entryKeys(document)) {
            Object removed = entries.remove(key);
            if (removed != null) position = removed;
        }
        return position != null ? position : document.get("_id");
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // any number of documents may share a key
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        Set<String> before = entryKeys(oldDocument);
        Set<String> after = entryKeys(newDocument);
        for (String key : before) if (!after.contains(key)) entries.remove(key);
        for (String key : after) if (!before.contains(key)) entries.put(key, position);
    }

    /**
     * A query of equalities on a leading prefix of the keys, the last of which may instead be a literal prefix
     * ({@link IndexProbe#literalPrefix}), or one {@code $in} on the first key alone.
     */
    @Override
    public boolean canHandle(Document query) {
        List<String> keys = keys();
        if (query.isEmpty() || query.size() > keys.size()) return false;
        for (int i = 0; i < query.size(); i++) {
            if (!query.containsKey(keys.get(i))) return false;
            Object value = query.get(keys.get(i));
            boolean in = value instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?>;
            boolean prefix = i == query.size() - 1 && IndexProbe.literalPrefix(value).isPresent();
            if (in ? query.size() > 1 : !prefix && !IndexProbe.plain(value)) return false;
        }
        return true;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        List<String> keys = keys();
        Optional<String> literal = IndexProbe.literalPrefix(query.get(keys.get(query.size() - 1)));
        if (literal.isPresent()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < query.size() - 1; i++) values.add(query.get(keys.get(i)));
            return startingWith(values.isEmpty() ? "" : encode(new KeyValue(values).normalized()), literal.get());
        }
        Object first = query.get(keys.get(0));
        List<List<Object>> prefixes = new ArrayList<>();
        if (first instanceof Document d && d.get("$in") instanceof Collection<?> values) {
            for (Object value : values) prefixes.add(List.of(value));
        } else {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < query.size(); i++) values.add(query.get(keys.get(i)));
            prefixes.add(values);
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (List<Object> values : prefixes) {
            String prefix = encode(new KeyValue(values).normalized());
            for (Cursor<String, Object> cursor = entries.cursor(prefix); cursor.hasNext(); ) {
                if (!cursor.next().startsWith(prefix)) break;
                positions.add(cursor.getValue());
            }
        }
        return positions;
    }

    /**
     * The positions of the entries under {@code pinned} whose next key value may start with {@code literal}, as
     * mongo-java-server matches a regular expression: against the value's {@code toString()}. A string value is
     * written {@code <length>:"<string>}, so within each length the strings starting with the literal are one range of
     * keys; every value of another type (a number, whose key is its normalised double, a UUID, an id...) is given as
     * well, for the collection's match of the whole query to decide. The lengths present are found by seeking past
     * each in turn ({@code ;} sorts right after {@code :}).
     */
    private Set<Object> startingWith(String pinned, String literal) {
        Set<Object> positions = new LinkedHashSet<>();
        String next = entries.ceilingKey(pinned);
        while (next != null && next.startsWith(pinned)) {
            int colon = next.indexOf(':', pinned.length());
            if (colon < 0) break; // not an entry of this format
            String group = next.substring(0, colon + 1);
            String strings = group + "\"" + literal;
            collect(group, key -> key.compareTo(group + "\"") < 0, positions); // whatever sorts before the strings
            collect(strings, key -> key.startsWith(strings), positions); // the strings
            collect(group + "#", key -> key.startsWith(group), positions); // other types, after the strings ('#' follows '"')
            next = entries.ceilingKey(group.substring(0, group.length() - 1) + ";");
        }
        return positions;
    }

    /** The positions of the entries from {@code from} on, while their keys are {@code within}. */
    private void collect(String from, Predicate<String> within, Set<Object> positions) {
        for (Cursor<String, Object> cursor = entries.cursor(from); cursor.hasNext(); ) {
            if (!within.test(cursor.next())) break;
            positions.add(cursor.getValue());
        }
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
    }

    /**
     * The key values of a document, as mongo-java-server computes them, except where a key holds an empty array: it
     * gives no key values at all for that document (each array is multiplied out element by element), so a query on
     * the index's leading keys alone would miss it. MongoDB indexes an empty array as undefined; here it is indexed as
     * null, which the collection's match of the whole query then judges like any other candidate.
     */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Set<KeyValue> values = super.getKeyValues(document);
        if (!values.isEmpty()) return values;
        Document copy = document.cloneDeeply();
        for (String key : keys()) {
            if (Utils.getSubdocumentValueCollectionAware(copy, key) instanceof Collection<?> empty && empty.isEmpty()) {
                Utils.changeSubdocumentValue(copy, key, null);
            }
        }
        return super.getKeyValues(copy);
    }

    private Set<String> entryKeys(Document document) {
        String id = "|" + identity(document.get("_id"));
        Set<String> keys = new LinkedHashSet<>();
        for (KeyValue value : getKeyValues(document)) keys.add(encode(value) + id);
        return keys;
    }

    private static String encode(KeyValue values) {
        return encode(values, false);
    }

    /**
     * Key values as a string that sorts and compares as cheaply as a string: each value as {@code <length>:<compact
     * JSON>}, with its type first ({@code <type>:}) when {@code typed}, so values of two types never meet.
     */
    static String encode(KeyValue values, boolean typed) {
        StringBuilder key = new StringBuilder();
        for (Object value : values) {
            String json = Json.toCompactJsonValue(value);
            if (typed) key.append(value == null ? "null" : value.getClass().getSimpleName()).append(':');
            key.append(json.length()).append(':').append(json);
        }
        return key.toString();
    }

    /** The document's id with its type, so "1" and 1 stay two documents. */
    private static String identity(Object id) {
        return id == null ? "null" : id.getClass().getSimpleName() + ":" + Json.toCompactJsonValue(id);
    }
}
