package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.Json;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Index key values as strings that sort, by {@link String#compareTo}, in the order mongo-java-server's
 * {@link ValueComparator} sorts the values, so that a walk of a {@link SecondaryIndex} in key order is a walk in a
 * query's sort order (and a page is read without reading and sorting every match).
 *
 * <p>A value is a type character in the comparator's type order (null, numbers, strings, documents, arrays, binary
 * data, UUIDs, object ids, booleans, dates, timestamps, patterns), then:
 * <ul>
 *     <li>a number: its double's bits, made to sort as the double does, in four characters;</li>
 *     <li>a string: its characters, {@code \0} written {@code \0\1}, ended by {@code \0\0};</li>
 *     <li>a boolean: {@code 0} or {@code 1}; a date: its seconds in four characters and its nanoseconds in two;</li>
 *     <li>any other type: its compact JSON, ended like a string: equal values give equal keys, but their order within
 *     their type is not the comparator's ({@link #ordered} says which values do sort).</li>
 * </ul>
 * No value's key is the start of another's, so a key is a prefix of an entry exactly when the entry's first values
 * are those values. A descending key of an index is written with every character complemented ({@code 0xFFFF - c}),
 * which reverses the order of whole values.
 */
final class OrderedKey {

    private OrderedKey() {
    }

    // type characters, in ValueComparator's SORT_PRIORITY (null and MinKey before everything)
    private static final char MIN_KEY = '@';
    private static final char NULL = 'A';
    private static final char NUMBER = 'B';
    static final char STRING = 'C';
    private static final char DOCUMENT = 'D';
    private static final char ARRAY = 'E';
    private static final char BINARY = 'F';
    private static final char LEGACY_UUID = 'G';
    private static final char UUID_TYPE = 'H';
    private static final char OBJECT_ID = 'I';
    private static final char BOOLEAN = 'J';
    private static final char DATE = 'K';
    private static final char TIMESTAMP = 'L';
    private static final char PATTERN = 'M';
    private static final char MAX_KEY = 'N';
    private static final char OTHER = 'O';

    private static final char END = '\0';
    private static final char ESCAPED = '\1';

    /** Appends the key of one (normalised) value, complemented when {@code ascending} is false. */
    static void append(StringBuilder key, Object value, boolean ascending) {
        int start = key.length();
        if (value instanceof MinKey) {
            key.append(MIN_KEY);
        } else if (Missing.isNullOrMissing(value)) {
            key.append(NULL);
        } else if (value instanceof Number number) {
            key.append(NUMBER);
            appendLong(key, sortableBits(number.doubleValue()));
        } else if (value instanceof String string) {
            key.append(STRING);
            appendTerminated(key, string);
        } else if (value instanceof Boolean bool) {
            key.append(BOOLEAN).append(bool ? '1' : '0');
        } else if (value instanceof Instant instant) {
            key.append(DATE);
            appendLong(key, instant.getEpochSecond() ^ Long.MIN_VALUE);
            key.append((char) (instant.getNano() >>> 16)).append((char) instant.getNano());
        } else if (value instanceof MaxKey) {
            key.append(MAX_KEY);
        } else {
            key.append(typeOf(value));
            appendTerminated(key, Json.toCompactJsonValue(value));
        }
        if (!ascending) {
            for (int i = start; i < key.length(); i++) key.setCharAt(i, (char) (0xFFFF - key.charAt(i)));
        }
    }

    /** The key of a string's start: every string key beginning with it holds a string beginning with {@code prefix}. */
    static String stringStart(String prefix, boolean ascending) {
        StringBuilder key = new StringBuilder().append(STRING);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            key.append(c);
            if (c == END) key.append(ESCAPED);
        }
        return ascending ? key.toString() : complement(key.toString());
    }

    /** The type character of a string value's key in a key of that direction. */
    static char stringType(boolean ascending) {
        return ascending ? STRING : (char) (0xFFFF - STRING);
    }

    /**
     * Whether values like this one sort by their keys exactly as {@link ValueComparator} sorts them: null, strings,
     * booleans, dates and the numbers it compares as doubles (not whole numbers beyond an int, which it compares as
     * longs, nor arrays, which it compares by their least or greatest element).
     */
    static boolean ordered(Object value) {
        if (Missing.isNullOrMissing(value) || value instanceof String || value instanceof Boolean || value instanceof Instant) return true;
        if (value instanceof Number number && !(number instanceof Decimal128)) {
            Number normalised = Utils.normalizeNumber(number);
            return normalised instanceof Integer || normalised instanceof Double;
        }
        return false;
    }

    /** Where the value whose key starts at {@code from} ends in {@code key} (just after it). */
    static int end(String key, int from, boolean ascending) {
        char type = ascending ? key.charAt(from) : (char) (0xFFFF - key.charAt(from));
        return switch (type) {
            case MIN_KEY, NULL, MAX_KEY -> from + 1;
            case NUMBER -> from + 5;
            case BOOLEAN -> from + 2;
            case DATE -> from + 7;
            default -> {
                char end = ascending ? END : (char) (0xFFFF - END);
                int i = from + 1;
                while (key.charAt(i) != end || key.charAt(i + 1) != end) i += key.charAt(i) == end ? 2 : 1;
                yield i + 2;
            }
        };
    }

    /** Whether the value whose key starts at {@code from} in {@code key} is a string or null, which {@link #string} reads back. */
    static boolean readsBack(String key, int from, boolean ascending) {
        char type = ascending ? key.charAt(from) : (char) (0xFFFF - key.charAt(from));
        return type == STRING || type == NULL;
    }

    /** The string whose key starts at {@code from} in {@code key}, or null for null (and a missing value); see {@link #readsBack}. */
    static String string(String key, int from, boolean ascending) {
        char type = ascending ? key.charAt(from) : (char) (0xFFFF - key.charAt(from));
        if (type != STRING) return null;
        StringBuilder text = new StringBuilder();
        int to = end(key, from, ascending) - 2;
        for (int i = from + 1; i < to; i++) {
            char c = ascending ? key.charAt(i) : (char) (0xFFFF - key.charAt(i));
            text.append(c);
            if (c == END) i++; // \0 is written \0\1
        }
        return text.toString();
    }

    /** The least string greater than every string that starts with {@code prefix}; null if there is none. */
    static String after(String prefix) {
        int last = prefix.length() - 1;
        while (last >= 0 && prefix.charAt(last) == Character.MAX_VALUE) last--;
        if (last < 0) return null;
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    private static char typeOf(Object value) {
        if (value instanceof Document) return DOCUMENT;
        if (value instanceof Collection<?>) return ARRAY;
        if (value instanceof BinData) return BINARY;
        if (value instanceof LegacyUUID) return LEGACY_UUID;
        if (value instanceof UUID) return UUID_TYPE;
        if (value instanceof ObjectId) return OBJECT_ID;
        if (value instanceof BsonTimestamp) return TIMESTAMP;
        if (value instanceof BsonRegularExpression) return PATTERN;
        return OTHER;
    }

    /** A double's bits as an unsigned number that orders as {@link Double#compare} does. */
    private static long sortableBits(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static void appendLong(StringBuilder key, long bits) {
        key.append((char) (bits >>> 48)).append((char) (bits >>> 32)).append((char) (bits >>> 16)).append((char) bits);
    }

    private static void appendTerminated(StringBuilder key, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            key.append(c);
            if (c == END) key.append(ESCAPED);
        }
        key.append(END).append(END);
    }

    private static String complement(String key) {
        StringBuilder complemented = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) complemented.append((char) (0xFFFF - key.charAt(i)));
        return complemented.toString();
    }
}
