package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A non-unique index for the embedded MongoDB, which mongo-java-server 1.47 lacks (it accepts
 * {@code createIndex} for one and ignores it, so every query on the field scans the collection).
 * It serves equality on a leading prefix of its keys (as MongoDB's B-tree does): one entry per
 * document and key value (per element of an array: multikey), in an MVMap of the same store as the
 * documents, so the crash-consistent checkpoints keep it and the documents together.
 *
 * <p>An entry's key is its key values, each as an {@link OrderedKey} (complemented for a descending key), followed by
 * the document's id, so the entries sort as a query sorted by the index's keys and then {@code _id} would: a page of
 * such a query is read by walking the entries ({@link #inOrder}), not by reading and sorting every match. Its value
 * is the document's position. A lookup reads the entries that start with the pinned values. The collection matches
 * the whole query against what it returns, so an index may only ever give too many documents, never too few.
 */
final class SecondaryIndex extends Index<Object> {

    private final MVMap<String, Object> entries;
    private final boolean[] ascending;
    private final KeyPaths paths;

    SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
        this.ascending = new boolean[keys.size()];
        this.paths = new KeyPaths(keys);
        for (int i = 0; i < keys.size(); i++) ascending[i] = keys.get(i).isAscending();
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
            boolean prefix = i == query.size() - 1 && (IndexProbe.literalPrefix(value).isPresent()
                    || ascending[i] && IndexProbe.range(value).isPresent());
            if (in ? query.size() > 1 : !prefix && !IndexProbe.plain(value)) return false;
        }
        return true;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Set<Object> positions = new LinkedHashSet<>();
        for (Span span : spans(query)) walk(span).forEachRemaining(positions::add);
        return positions;
    }

    /**
     * How many entries a lookup of {@code probe} (a query {@link #canHandle} takes) reads, counted only up to {@code cap}:
     * what a query planner compares between indexes.
     */
    long entriesUpTo(Document probe, long cap) {
        long read = 0;
        for (Span span : spans(probe)) {
            for (Iterator<Object> walk = walk(span); read < cap && walk.hasNext(); walk.next()) read++;
        }
        return read;
    }

    /** A run of entries a lookup reads: from the first key at or after {@code from}, while the keys are {@code within}. */
    private record Span(String from, Predicate<String> within) {
    }

    /** The positions of {@code span}'s entries, in key order, read as they are asked for. */
    private Iterator<Object> walk(Span span) {
        Cursor<String, Object> cursor = entries.cursor(span.from());
        return new Iterator<>() {
            private Object position = advance();

            private Object advance() {
                return cursor.hasNext() && span.within().test(cursor.next()) ? cursor.getValue() : null;
            }

            @Override
            public boolean hasNext() {
                return position != null;
            }

            @Override
            public Object next() {
                if (position == null) throw new NoSuchElementException();
                Object current = position;
                position = advance();
                return current;
            }
        };
    }

    /**
     * The runs of entries a lookup of {@code query} (a query {@link #canHandle} takes) reads: the entries under the pinned
     * values; under an {@code $in}, those of each value; under a range, its keys ({@link KeyRange}); under a literal
     * prefix, the strings starting with it and every value of another type (a number, a date, an id...), for the
     * collection's match of the whole query to decide, as mongo-java-server matches a regular expression against any
     * value's {@code toString()}: the values whose type sorts before strings and those after.
     */
    private List<Span> spans(Document query) {
        List<String> keys = keys();
        int last = query.size() - 1;
        Optional<String> literal = IndexProbe.literalPrefix(query.get(keys.get(last)));
        if (literal.isPresent()) {
            String pinned = pinned(query, last);
            char strings = OrderedKey.stringType(ascending[last]);
            String start = pinned + OrderedKey.stringStart(literal.get(), ascending[last]);
            return List.of(new Span(pinned, key -> key.startsWith(pinned) && key.charAt(pinned.length()) < strings),
                    new Span(start, key -> key.startsWith(start)),
                    new Span(pinned + (char) (strings + 1), key -> key.startsWith(pinned)));
        }
        Optional<KeyRange> range = range(query);
        if (range.isPresent()) return List.of(range.get().span());
        List<Span> spans = new ArrayList<>();
        if (query.get(keys.get(0)) instanceof Document d && d.get("$in") instanceof Collection<?> values) {
            for (Object value : values) spans.add(under(prefix(List.of(value))));
        } else {
            spans.add(under(pinned(query, query.size())));
        }
        return spans;
    }

    private static Span under(String prefix) {
        return new Span(prefix, key -> key.startsWith(prefix));
    }

    /**
     * Whether the entries under {@code probe} (a query {@link #canHandle} takes: equalities, the last of which may be a
     * literal prefix or a range, no {@code $in}) come in the order {@code orderBy} asks for: its keys are the index's keys
     * after the pinned ones (from a range's own key on), in the index's directions, and end with an ascending {@code _id}
     * only if they name every key left.
     */
    boolean walksInOrder(Document probe, Document orderBy) {
        List<String> keys = keys();
        if (probe.values().stream().anyMatch(v -> v instanceof Document d && d.containsKey("$in"))) return false;
        int next = range(probe).isPresent() ? probe.size() - 1 : probe.size(); // a range's entries come in its key's order
        List<String> sortKeys = List.copyOf(orderBy.keySet());
        for (int i = 0; i < sortKeys.size(); i++) {
            String key = sortKeys.get(i);
            if (!(orderBy.get(key) instanceof Number direction)) return false;
            if (key.equals("_id") && i == sortKeys.size() - 1 && next == keys.size()) return direction.intValue() > 0;
            if (next >= keys.size() || !keys.get(next).equals(key) || (direction.intValue() > 0) != ascending[next]) return false;
            next++;
        }
        return true;
    }

    /**
     * The positions of the entries under {@code probe} in the order of their keys (each position as often as it has
     * entries there), read as they are asked for; under a literal prefix, the entries of every value starting with it,
     * merged by the keys after that value. Empty if the walk would not be in key order: a value of another type than a
     * string under a literal prefix (mongo-java-server matches a pattern against any value's {@code toString()}).
     */
    Optional<Iterator<Object>> inOrder(Document probe) {
        Optional<KeyRange> range = range(probe);
        if (range.isPresent()) return Optional.of(walk(range.get().span()));
        List<String> keys = keys();
        int last = probe.size() - 1;
        Optional<String> literal = IndexProbe.literalPrefix(probe.get(keys.get(last)));
        if (literal.isEmpty()) return Optional.of(walk(under(pinned(probe, probe.size()))));
        String pinned = pinned(probe, last);
        boolean up = ascending[last];
        char strings = OrderedKey.stringType(up);
        String first = entries.ceilingKey(pinned);
        String afterStrings = entries.ceilingKey(pinned + (char) (strings + 1));
        if (first != null && first.startsWith(pinned) && first.charAt(pinned.length()) != strings
                || afterStrings != null && afterStrings.startsWith(pinned)) {
            return Optional.empty();
        }
        String start = pinned + OrderedKey.stringStart(literal.get(), up);
        PriorityQueue<Run> runs = new PriorityQueue<>(Comparator.comparing((Run run) -> run.rest));
        for (String next = entries.ceilingKey(start); next != null && next.startsWith(start); ) {
            Run run = new Run(next.substring(0, OrderedKey.end(next, pinned.length(), up)));
            if (run.advance()) runs.add(run);
            String after = OrderedKey.after(run.prefix);
            next = after == null ? null : entries.ceilingKey(after);
        }
        return Optional.of(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !runs.isEmpty();
            }

            @Override
            public Object next() {
                Run run = runs.remove();
                Object position = run.position;
                if (run.advance()) runs.add(run);
                return position;
            }
        });
    }

    /**
     * How many documents the entries under {@code probe} (as {@link #inOrder} takes it) belong to, up to {@code cap}: the
     * count of a query the probe is the whole of ({@link IndexProbe#covers}), read from the index alone, its walk stopped
     * once {@code cap} documents are counted. Empty where the index may give documents the query does not match (a value
     * of another type than a string under a literal prefix).
     */
    OptionalLong count(Document probe, long cap) {
        Optional<Iterator<Object>> walk = probe.values().stream().anyMatch(v -> v instanceof Document d && d.containsKey("$in"))
                ? Optional.of(getPositions(probe).iterator()) : inOrder(probe);
        if (walk.isEmpty()) return OptionalLong.empty();
        Set<Object> documents = new HashSet<>();
        for (Iterator<Object> positions = walk.get(); documents.size() < cap && positions.hasNext(); ) documents.add(positions.next());
        return OptionalLong.of(documents.size());
    }

    /**
     * The keys of the entries a range on the probe's last key may match: under the pinned values, up to the last starting
     * with the tightest upper bound's key or, without one, from the tightest lower bound's key. One side only: in an
     * array each bound may hold for another element ({@code [1, 9]} matches {@code {$gt: 5, $lt: 3}}), and the element
     * that holds for the tightest bound of a side holds for the others of that side. Bounds taken inclusively: a value
     * only the comparator tells apart from a bound (a long beyond a double's precision) is given, for the collection's
     * match of the whole query to decide.
     */
    private record KeyRange(String pinned, String from, String to) {
        boolean holds(String key) {
            return key.startsWith(pinned) && (to == null || key.compareTo(to) <= 0 || key.startsWith(to));
        }

        Span span() {
            return new Span(from, this::holds);
        }
    }

    /** The range of keys of a probe whose last value is a range ({@link IndexProbe#range}); empty for any other probe. */
    private Optional<KeyRange> range(Document probe) {
        List<String> keys = keys();
        int last = probe.size() - 1;
        Optional<Document> bounds = last < 0 ? Optional.empty() : IndexProbe.range(probe.get(keys.get(last)));
        if (bounds.isEmpty()) return Optional.empty();
        String pinned = pinned(probe, last);
        String from = pinned, to = null;
        for (var bound : bounds.get().entrySet()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < last; i++) values.add(probe.get(keys.get(i)));
            values.add(bound.getValue());
            String key = prefix(values);
            if (bound.getKey().startsWith("$gt")) {
                if (key.compareTo(from) > 0) from = key;
            } else if (to == null || key.compareTo(to) < 0) {
                to = key;
            }
        }
        return Optional.of(new KeyRange(pinned, to == null ? from : pinned, to));
    }

    /** The entries under one prefix, in key order: the current one's position and the rest of its key after the prefix. */
    private final class Run {
        final String prefix;
        Cursor<String, Object> cursor;
        String rest;
        Object position;

        Run(String prefix) {
            this.prefix = prefix;
            this.cursor = entries.cursor(prefix);
        }

        boolean advance() {
            if (!cursor.hasNext()) return false;
            String key = cursor.next();
            if (!key.startsWith(prefix)) return false;
            rest = key.substring(prefix.length());
            position = cursor.getValue();
            return true;
        }

        /** Moves to the first entry whose rest is {@code target} or after it (a lookup from the root, skipping those between). */
        boolean seek(String target) {
            cursor = entries.cursor(prefix + target);
            return advance();
        }
    }

    /**
     * The positions of the documents with an entry under every one of {@code probes} (equalities on the same leading keys,
     * such as a name search's bigrams: an array holding all of them), each once, in the order of their entries' keys
     * after the probes' values (as {@link #inOrder} gives one probe's), read as they are asked for. A zig-zag join: the
     * run behind the others moves to the furthest one's key by a lookup, so the entries between are never read (issue 13:
     * every entry of each key was read into a set, some tens of thousands for a common bigram in a province at 1,000,000
     * records, the most of a name search's time in a province). A document's entries under the keys share what follows
     * the probed values (the index's other keys and its {@code _id}), so it is found where every run holds that rest.
     * Empty unless every probe pins the same number of keys by plain equality. Each entry read is counted in {@code read}.
     * With {@code entry}, only the documents whose key after the probes' values passes it are given ({@link #valuesIn}).
     */
    Optional<Iterator<Object>> inEvery(List<Document> probes, AtomicLong read) {
        return inEvery(probes, read, null);
    }

    Optional<Iterator<Object>> inEvery(List<Document> probes, AtomicLong read, Predicate<String> entry) {
        if (probes.isEmpty()) return Optional.empty();
        List<String> keys = keys();
        int pinned = probes.get(0).size();
        List<Run> runs = new ArrayList<>();
        for (Document probe : probes) {
            if (probe.size() != pinned || pinned > keys.size()) return Optional.empty();
            for (int i = 0; i < pinned; i++) {
                if (!probe.containsKey(keys.get(i)) || !IndexProbe.plain(probe.get(keys.get(i)))) return Optional.empty();
            }
            runs.add(new Run(pinned(probe, pinned)));
        }
        return Optional.of(new Iterator<>() {
            private final Set<Object> given = new HashSet<>();
            private boolean started, ended;
            private Object next;

            /** The next position every run holds, or null when a run has no entry left. */
            private Object find() {
                if (!started) {
                    started = true;
                    for (Run run : runs) if (!advance(run)) return null;
                } else if (!advance(runs.get(0))) {
                    return null;
                }
                while (true) {
                    String furthest = runs.get(0).rest;
                    for (Run run : runs) if (run.rest.compareTo(furthest) > 0) furthest = run.rest;
                    boolean together = true;
                    for (Run run : runs) {
                        if (run.rest.compareTo(furthest) < 0) {
                            read.incrementAndGet();
                            if (!run.seek(furthest)) return null;
                            together &= run.rest.equals(furthest);
                        }
                    }
                    if (together) {
                        Object position = runs.get(0).position;
                        if ((entry == null || entry.test(furthest)) && given.add(position)) return position;
                        if (!advance(runs.get(0))) return null;
                    }
                }
            }

            private boolean advance(Run run) {
                read.incrementAndGet();
                return run.advance();
            }

            @Override
            public boolean hasNext() {
                if (next == null && !ended) {
                    next = find();
                    ended = next == null;
                }
                return next != null;
            }

            @Override
            public Object next() {
                if (!hasNext()) throw new NoSuchElementException();
                Object current = next;
                next = null;
                return current;
            }
        });
    }

    /**
     * The values of {@code fields} (keys of the index after its first {@code pinned}, none of them dotted) in an entry
     * whose key after the pinned values is {@code rest}, as a document (null and a missing value left out); empty where
     * one of them is neither a string nor null ({@link OrderedKey#readsBack}).
     */
    Optional<Document> valuesIn(String rest, int pinned, Collection<String> fields) {
        List<String> keys = keys();
        Document values = new Document();
        int from = 0;
        for (int i = pinned; i < keys.size() && values.size() < fields.size(); i++) {
            if (fields.contains(keys.get(i))) {
                if (!OrderedKey.readsBack(rest, from, ascending[i])) return Optional.empty();
                String value = OrderedKey.string(rest, from, ascending[i]);
                values.put(keys.get(i), value);
            }
            from = OrderedKey.end(rest, from, ascending[i]);
        }
        values.values().removeIf(java.util.Objects::isNull);
        return Optional.of(values);
    }

    /** The key prefix of the first {@code count} values of a query (on the index's leading keys). */
    private String pinned(Document query, int count) {
        List<String> keys = keys();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) values.add(query.get(keys.get(i)));
        return prefix(values);
    }

    /** The key prefix of values of the index's leading keys, normalised as the entries' are (1 and 1.0 are one key). */
    private String prefix(List<Object> values) {
        if (values.isEmpty()) return "";
        StringBuilder key = new StringBuilder();
        int i = 0;
        for (Object value : new KeyValue(values).normalized()) OrderedKey.append(key, value, ascending[i++]);
        return key.toString();
    }

    /** Puts one entry ({@link #entryKeys}), as {@link #add} does each of a document's. */
    void put(String key, Object position) {
        entries.put(key, position);
    }

    /** The name of the store's map that holds the entries. */
    String mapName() {
        return entries.getName();
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
        Set<KeyValue> values = paths.along(document);
        if (values == null) values = super.getKeyValues(document);
        if (!values.isEmpty()) return values;
        Document copy = document.cloneDeeply();
        for (String key : keys()) {
            if (Utils.getSubdocumentValueCollectionAware(copy, key) instanceof Collection<?> empty && empty.isEmpty()) {
                Utils.changeSubdocumentValue(copy, key, null);
            }
        }
        return super.getKeyValues(copy);
    }

    /** The keys of a document's entries (each entry's value is the document's position). */
    Set<String> entryKeys(Document document) {
        Set<String> keys = new LinkedHashSet<>();
        for (KeyValue values : getKeyValues(document)) {
            StringBuilder key = new StringBuilder();
            int i = 0;
            for (Object value : values) OrderedKey.append(key, value, ascending[i++]);
            OrderedKey.append(key, document.get("_id"), true);
            keys.add(key.toString());
        }
        return keys;
    }

}
