package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A query that is nothing but {@code {field: {$in: [values]}}}, matched by one lookup in a set of its values instead of
 * mongo-java-server's comparison with each value in turn. The store answers such a query on {@code _id} or a unique key
 * from its index and then matches every document it found against the whole list again, each comparison normalizing
 * both values: quadratic in the list. A rebuild asked 13,181 of them (the gapless logs' size probes, up to 128 keys, and a
 * batch's ~1,100 event ids), and their matching was 4.2 % of its JFR samples (issue 13).
 *
 * <p>Only where the answer is the generic matcher's: a top-level field (no path), values that are strings or numbers
 * (integers, longs, doubles), a document whose value there is a string or a number. Numbers are equal by value whatever
 * their type, as the matcher has them ({@code Utils.normalizeValue}: a long that a double holds exactly, an integer or a
 * double compares as that double, -0.0 as 0.0, any other long as itself). Anything else (a missing field, null, an
 * array, a nested document, a regular expression, another type) is left to the generic matcher.
 */
final class InListMatch {

    private InListMatch() {
    }

    /**
     * The last query a thread asked about, as parsed (also when it is not of this shape): the documents of one query are
     * matched one after the other.
     */
    private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

    /** A query and, if it is only an {@code $in} of strings and numbers, its field and values (else both null). */
    private record Parsed(Document query, String field, Set<Object> values) {}

    /** Whether {@code document} matches {@code query}; null if the query or the document's value is not of that shape. */
    static Boolean matches(Document document, Document query) {
        Parsed parsed = LAST.get();
        if (parsed == null || parsed.query != query) {
            parsed = parse(query);
            LAST.set(parsed);
        }
        if (parsed.values == null) return null;
        Object key = key(document.get(parsed.field));
        return key == null ? null : parsed.values.contains(key);
    }

    private static Parsed parse(Document query) {
        Parsed other = new Parsed(query, null, null);
        if (query.size() != 1) return other;
        Map.Entry<String, Object> condition = query.entrySet().iterator().next();
        String field = condition.getKey();
        if (field.startsWith("$") || field.indexOf('.') >= 0) return other;
        if (!(condition.getValue() instanceof Document operator) || operator.size() != 1
                || !(operator.get("$in") instanceof Collection<?> list)) return other;
        Set<Object> values = new HashSet<>(list.size() * 2);
        for (Object value : list) {
            Object key = key(value);
            if (key == null) return other;
            values.add(key);
        }
        return new Parsed(query, field, values);
    }

    /** A string or number as the matcher compares it; null for any other value. */
    private static Object key(Object value) {
        if (value instanceof String) return value;
        if (value instanceof Long l) {
            if (l != (long) l.doubleValue()) return l; // not in a ternary with a double: that would make it one
            return normalized(l);
        }
        if (value instanceof Integer || value instanceof Double) return normalized(((Number) value).doubleValue());
        return null;
    }

    private static Double normalized(double value) {
        return value == -0.0 ? 0.0 : value; // -0.0 == 0.0 too: both become 0.0, as in the matcher
    }
}
