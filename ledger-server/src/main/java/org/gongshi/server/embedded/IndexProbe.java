package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a query that a unique index (the {@code _id} index above all) can answer, when the
 * query holds more than that index's keys.
 *
 * <p>mongo-java-server 1.47 serves a query from an index only when the query's keys are exactly the
 * index's keys; {@code {_id: x, lastGlobalIndex: {$lt: p}}}, the conditional write every projection
 * makes, is therefore a full collection scan (the first cost in a JFR profile of the ledger under
 * load, issue 13). A query is a conjunction of its top-level conditions and those of its
 * {@code $and}; when some of them are equalities (or an {@code $in}) on all keys of a unique index,
 * every document that matches the whole query is among the documents the index gives for those
 * conditions alone. The collection then reads only those and matches them against the whole query,
 * so the answer is the same as the scan's.
 */
final class IndexProbe {

    private IndexProbe() {
    }

    /**
     * The index-answerable part of {@code query} for an index on {@code keys}: equalities on every
     * key, or an {@code $in} on a single key; empty if the query does not pin the index's keys. With
     * {@code leadingPrefix} (a non-unique index), equalities on a leading prefix of the keys will do, and the key after
     * them may be bounded by a literal prefix ({@link #literalPrefix}) or, if ascending, a range ({@link #range}).
     */
    static Optional<Document> of(Document query, List<IndexKey> keys, boolean leadingPrefix) {
        Map<String, Object> pinned = new LinkedHashMap<>();
        collect(query, pinned, 0);
        Document probe = new Document();
        for (IndexKey key : keys) {
            Object value = pinned.get(key.getKey());
            if (value == null || value instanceof InList && !probe.isEmpty() || value instanceof Prefix && !leadingPrefix
                    || value instanceof Range && (!leadingPrefix || !key.isAscending())) break;
            probe.put(key.getKey(), value instanceof InList in ? new Document("$in", in.values()) : value instanceof Prefix p ? p.regex()
                    : value instanceof Range r ? r.bounds() : value);
            if (value instanceof InList || value instanceof Prefix || value instanceof Range) break;
        }
        boolean enough = leadingPrefix ? !probe.isEmpty() : probe.size() == keys.size()
                && (keys.size() == 1 || probe.values().stream().noneMatch(v -> v instanceof Document)); // no $in on compound keys
        return enough ? Optional.of(probe) : Optional.empty();
    }

    /** An {@code $in} condition (kept apart from an equality to an array value). */
    private record InList(Collection<?> values) {
    }

    /** Bounds on a value ({@link #range}), as the query gave them. */
    private record Range(Document bounds) {
    }

    /** An anchored literal prefix ({@link #literalPrefix}), as the query gave it. */
    private record Prefix(Object regex) {
    }

    private static final Pattern LITERAL_PREFIX = Pattern.compile("\\^([0-9A-Za-z]+)");

    /**
     * The literal a regular expression requires a string to start with, when it is nothing but that: {@code ^}
     * followed by letters and digits, with no options ({@code ^11}: a division and every division under it). Those
     * characters mean themselves in a pattern and in JSON, so the strings it matches are one range of a sorted index
     * (what MongoDB's own index bounds make of such a pattern).
     */
    static Optional<String> literalPrefix(Object value) {
        if (!BsonRegularExpression.isRegularExpression(value)) return Optional.empty();
        if (value instanceof Document operators && !operators.keySet().stream().allMatch(k -> k.equals("$regex") || k.equals("$options"))) {
            return Optional.empty();
        }
        BsonRegularExpression regex = BsonRegularExpression.convertToRegularExpression(value);
        if (regex.getOptions() != null && !regex.getOptions().isEmpty()) return Optional.empty();
        var literal = LITERAL_PREFIX.matcher(regex.getPattern());
        return literal.matches() ? Optional.of(literal.group(1)) : Optional.empty();
    }

    private static final Set<String> BOUNDS = Set.of("$lt", "$lte", "$gt", "$gte");

    /**
     * The bounds of a range condition ({@code {$gte: a, $lt: b}}: only {@code $lt}, {@code $lte}, {@code $gt} and
     * {@code $gte}, each of a value whose key sorts as mongo-java-server compares it, {@link OrderedKey#ordered}, not
     * null). On the key after the pinned ones of an ascending index it is one range of keys (what MongoDB's index bounds
     * make of it): the deadlines due by now among the pending ones, not every pending one.
     */
    static Optional<Document> range(Object value) {
        if (!(value instanceof Document bounds) || bounds.isEmpty() || !BOUNDS.containsAll(bounds.keySet())) return Optional.empty();
        for (Object bound : bounds.values()) {
            if (!plain(bound) || !OrderedKey.ordered(bound)) return Optional.empty();
        }
        return Optional.of(bounds);
    }

    /**
     * Whether {@code probe} (what {@link #of} made of {@code query}) is the whole query: every condition, at the top or in an
     * {@code $and}, is one the probe pins, exactly as it pins it (an equality, an {@code $in}, an {@code $all} of one
     * element, a literal prefix), one per field, of a value whose key no other value has. An index then answers which
     * documents match without reading them.
     */
    static boolean covers(Document query, Document probe) {
        List<Map.Entry<String, Object>> conditions = new java.util.ArrayList<>();
        if (!conditions(query, conditions, 0) || conditions.size() != probe.size()) return false;
        for (Map.Entry<String, Object> condition : conditions) {
            Object value = condition.getValue();
            Object pinned = probe.get(condition.getKey());
            if (pinned == null || !pinsExactly(value, pinned, false)) return false;
        }
        return true;
    }

    /**
     * Whether a condition asks for the value a probe pins, exactly ({@link #exact}): an equality, an {@code $eq}, or an
     * {@code $all} of that value alone; or, {@code joined}, an {@code $all} of exact values beginning with it, whose others
     * the join of the probe's alternatives finds ({@link #alternatives}).
     */
    private static boolean pinsExactly(Object condition, Object pinned, boolean joined) {
        if (!exact(pinned)) return false;
        if (condition == pinned || condition.equals(pinned)) return true;
        if (!(condition instanceof Document d) || d.size() != 1) return false;
        if (pinned.equals(d.get("$eq"))) return true;
        return d.get("$all") instanceof Collection<?> all && !all.isEmpty() && pinned.equals(all.iterator().next())
                && (all.size() == 1 || joined && all.stream().allMatch(element -> plain(element) && OrderedKey.ordered(element)));
    }

    /**
     * The conditions of {@code query} left to check on the entries of an index after {@code probe} and the join of its
     * alternatives ({@link #alternatives}, {@link SecondaryIndex#inEvery}) have found them: each a regular expression on one
     * of {@code entryKeys} (the index's keys after the probe's), one per field, which an entry holds a value of. Every
     * other condition must be one the probe pins exactly, as in {@link #covers}, or an {@code $all} of exact values whose
     * first the probe pins (the join finds the documents holding every one). Empty for any other query, and where nothing
     * is left (then the probe {@link #covers} the query, or the query is one no index answers alone).
     *
     * <p>A regular expression matches an array when one of its elements matches, and a document has an entry for each
     * element, so a document matches the expression exactly when one of its entries' values does; that holds for a
     * regular expression, not for every condition ({@code $ne}, {@code $size}...), which is why only those are taken.
     */
    static Optional<Document> leftToEntries(Document query, Document probe, List<String> entryKeys) {
        List<Map.Entry<String, Object>> conditions = new java.util.ArrayList<>();
        if (!conditions(query, conditions, 0)) return Optional.empty();
        Document left = new Document();
        Set<String> pinnedSeen = new java.util.HashSet<>();
        for (Map.Entry<String, Object> condition : conditions) {
            String field = condition.getKey();
            Object value = condition.getValue();
            Object pinned = probe.get(field);
            if (pinned != null) {
                if (!pinsExactly(value, pinned, true) || !pinnedSeen.add(field)) return Optional.empty();
            } else if (entryKeys.contains(field) && regularExpression(value) && !left.containsKey(field)) {
                left.put(field, value);
            } else {
                return Optional.empty();
            }
        }
        return pinnedSeen.size() == probe.size() && !left.isEmpty() ? Optional.of(left) : Optional.empty();
    }

    /** A regular expression condition: a pattern, or {@code $regex} with its {@code $options} and nothing else. */
    private static boolean regularExpression(Object value) {
        if (value instanceof Document operators && !operators.keySet().stream().allMatch(k -> k.equals("$regex") || k.equals("$options"))) {
            return false;
        }
        return value instanceof Pattern || BsonRegularExpression.isRegularExpression(value);
    }

    /** A pinned value whose index key only its equals have (not a long beyond a double's precision, not a document). */
    private static boolean exact(Object pinned) {
        if (range(pinned).isPresent()) return false; // a bound's own value may hold more than one key (1 and 1.5 under $lte 2)
        if (pinned instanceof Document in && in.get("$in") instanceof Collection<?> values) return values.stream().allMatch(OrderedKey::ordered);
        return literalPrefix(pinned).isPresent() || OrderedKey.ordered(pinned);
    }

    /** The field conditions of a conjunction, false if it holds anything else ({@code $or}, {@code $expr}...). */
    private static boolean conditions(Document query, List<Map.Entry<String, Object>> conditions, int depth) {
        if (depth > MAX_DEPTH) return false;
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof Collection<?> all) {
                for (Object part : all) {
                    if (!(part instanceof Document d) || !conditions(d, conditions, depth + 1)) return false;
                }
            } else if (condition.getKey().startsWith("$") || condition.getValue() == null) {
                return false;
            } else {
                conditions.add(condition);
            }
        }
        return true;
    }

    private static final int MAX_DEPTH = 16;

    private static void collect(Document conditions, Map<String, Object> pinned, int depth) {
        if (depth > MAX_DEPTH) return;
        for (Map.Entry<String, Object> condition : conditions.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof Collection<?> all) {
                for (Object part : all) {
                    if (part instanceof Document d) collect(d, pinned, depth + 1);
                }
            } else if (!field.startsWith("$")) {
                pinned(value).ifPresent(v -> pinned.putIfAbsent(field, v));
            }
            // $or, $nor, $expr, $where...: not a conjunction of field conditions; they only filter
        }
    }

    /** The value a field condition pins the field to, if it is an equality, an {@code $in}, a literal prefix or a range. */
    private static Optional<Object> pinned(Object value) {
        if (literalPrefix(value).isPresent()) return Optional.of(new Prefix(value));
        if (value == null || value instanceof Collection<?> || value instanceof Pattern
                || BsonRegularExpression.isRegularExpression(value)) return Optional.empty();
        if (!(value instanceof Document operators)) return Optional.of(value);
        if (operators.isEmpty() || !operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
            return Optional.empty(); // an embedded document's equality: left to the scan
        }
        Object eq = operators.get("$eq");
        if (plain(eq)) return Optional.of(eq);
        if (operators.get("$in") instanceof Collection<?> in && in.stream().allMatch(IndexProbe::plain)) {
            return Optional.of(new InList(in));
        }
        // an array holding all of these holds the first: what an index on the array's elements can look up
        if (operators.get("$all") instanceof Collection<?> all && !all.isEmpty() && plain(all.iterator().next())) {
            return Optional.of(all.iterator().next());
        }
        return range(operators).map(Range::new);
    }

    /**
     * For a key of {@code probe} that {@code query} pins with an {@code $all} (an array holding all of these), the
     * probes that look up each of its other elements in its place: a document matching the query is among the
     * documents each of them gives, so the positions they give can be intersected.
     */
    static List<Document> alternatives(Document query, Document probe) {
        Map<String, Collection<?>> allOf = new LinkedHashMap<>();
        collectAll(query, allOf, 0);
        for (Map.Entry<String, Collection<?>> all : allOf.entrySet()) {
            if (!probe.containsKey(all.getKey()) || !all.getValue().iterator().next().equals(probe.get(all.getKey()))) continue;
            List<Document> alternatives = new java.util.ArrayList<>();
            all.getValue().stream().skip(1).distinct().forEach(element -> {
                Document alternative = new Document(probe);
                alternative.put(all.getKey(), element);
                alternatives.add(alternative);
            });
            return alternatives;
        }
        return List.of();
    }

    private static void collectAll(Document conditions, Map<String, Collection<?>> allOf, int depth) {
        if (depth > MAX_DEPTH) return;
        for (Map.Entry<String, Object> condition : conditions.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof Collection<?> all) {
                for (Object part : all) {
                    if (part instanceof Document d) collectAll(d, allOf, depth + 1);
                }
            } else if (!condition.getKey().startsWith("$") && condition.getValue() instanceof Document operators
                    && operators.get("$all") instanceof Collection<?> elements && !elements.isEmpty()
                    && elements.stream().allMatch(IndexProbe::plain)) {
                allOf.putIfAbsent(condition.getKey(), elements);
            }
        }
    }

    /** A scalar to look up as it is: not null, not a document, an array or a regular expression. */
    static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
