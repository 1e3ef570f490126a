package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys of index values sort as mongo-java-server's comparator sorts the values, and each can be read back whole. */
class OrderedKeyTest {

    @Test
    void keys_of_values_sort_as_the_comparator_sorts_the_values_in_both_directions() {
        List<Object> values = sample(new Random(13), 3_000);
        for (boolean ascending : new boolean[] {true, false}) {
            List<Object> byComparator = new ArrayList<>(values);
            byComparator.sort(ascending ? ValueComparator.asc() : ValueComparator.desc());
            List<Object> byKey = new ArrayList<>(values);
            byKey.sort(Comparator.comparing(value -> key(value, ascending)));
            for (int i = 0; i < values.size(); i++) {
                assertThat(ValueComparator.asc().compare(byKey.get(i), byComparator.get(i)))
                        .as("%s at %d (ascending %s)", byKey.get(i), i, ascending).isZero();
            }
        }
    }

    @Test
    void equal_values_have_equal_keys_and_a_key_is_never_the_start_of_another_values_key() {
        assertThat(key(1.0, true)).isEqualTo(key(1.0, true));
        assertThat(key("11", true)).isNotEqualTo(key("110105", true));
        assertThat(key("110105", true)).doesNotStartWith(key("11", true));
        assertThat(key("a\0b", true)).doesNotStartWith(key("a", true));
        assertThat(key(new Document("x", 1), true)).isEqualTo(key(new Document("x", 1), true)).isNotEqualTo(key(new Document("x", 2), true));
        assertThat(key("7", true)).isNotEqualTo(key(7.0, true));
    }

    @Test
    void every_value_read_back_from_a_key_of_several_ends_where_it_ends_and_a_string_or_null_is_read_back_whole() {
        Random random = new Random(7);
        List<Object> values = sample(random, 500);
        values.add(new Document("nested", List.of("a\0", 1)));
        values.add(new ObjectId());
        for (boolean ascending : new boolean[] {true, false}) {
            StringBuilder key = new StringBuilder();
            List<Integer> ends = new ArrayList<>();
            for (Object value : values) {
                OrderedKey.append(key, value, ascending);
                ends.add(key.length());
            }
            int at = 0;
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                boolean stringOrNull = value == null || value instanceof String;
                assertThat(OrderedKey.readsBack(key.toString(), at, ascending)).as("%s read back", value).isEqualTo(stringOrNull);
                if (stringOrNull) assertThat(OrderedKey.string(key.toString(), at, ascending)).as("read back").isEqualTo(value);
                at = OrderedKey.end(key.toString(), at, ascending);
                assertThat(at).as("the end of %s", value).isEqualTo(ends.get(i));
            }
        }
    }

    @Test
    void after_a_prefix_comes_the_first_string_that_does_not_start_with_it() {
        assertThat(OrderedKey.after("ab")).isEqualTo("ac");
        assertThat(OrderedKey.after("a\uFFFF\uFFFF")).isEqualTo("b");
        assertThat(OrderedKey.after("\uFFFF")).isNull();
        String string = OrderedKey.stringStart("11", true);
        assertThat(key("110105", true)).startsWith(string);
        assertThat(key("1201", true)).doesNotStartWith(string);
        assertThat(key("110105", false)).startsWith(OrderedKey.stringStart("11", false));
    }

    private static String key(Object value, boolean ascending) {
        StringBuilder key = new StringBuilder();
        OrderedKey.append(key, value, ascending);
        return key.toString();
    }

    /** Values of every type whose keys are ordered: strings with NULs and surrogates, numbers of every sign, dates, booleans, null. */
    private static List<Object> sample(Random random, int size) {
        String alphabet = "\0\1ab11公示\uD83D\uDE00\uFFFF";
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            switch (random.nextInt(7)) {
                case 0 -> {
                    StringBuilder text = new StringBuilder();
                    for (int c = random.nextInt(5); c > 0; c--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    values.add(text.toString());
                }
                case 1 -> values.add(random.nextInt(2001) - 1000);
                case 2 -> values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10));
                case 3 -> values.add(random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                case 4 -> values.add(Instant.ofEpochSecond(random.nextInt() * 10L, random.nextInt(1_000_000_000)));
                case 5 -> values.add(random.nextBoolean());
                default -> values.add(null);
            }
        }
        return values;
    }
}
