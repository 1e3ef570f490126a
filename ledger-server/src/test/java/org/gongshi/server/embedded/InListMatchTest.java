package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code $in} matched by a set lookup answers as mongo-java-server's own matcher does, for every value it takes on,
 * and leaves every other query and value to that matcher.
 */
class InListMatchTest {

    private static final long BEYOND_DOUBLE = (1L << 53) + 1; // a long no double holds exactly

    /** What documents hold at the field, and what the lists ask for: strings, numbers of every type, and the rest. */
    private static final List<Object> VALUES = Arrays.asList("a", "b", "1", "", "案件", 1, 1L, 1.0, 2, 2L, 2.5, -0.0, 0.0, 0, 0L,
            BEYOND_DOUBLE, BEYOND_DOUBLE - 1, (double) BEYOND_DOUBLE, Long.MAX_VALUE, Double.NaN, null, List.of("a", 1),
            new Document("a", 1), true, new BsonRegularExpression("^a"));

    private final DefaultQueryMatcher generic = new DefaultQueryMatcher();

    @Test
    void an_in_of_strings_or_numbers_matches_as_the_generic_matcher_does() {
        List<List<Object>> lists = List.of(List.of("a", "案件"), List.of(1L, 2.5), List.of(1, "1"), List.of(0.0), List.of(-0.0, 2),
                List.of(BEYOND_DOUBLE), List.of((double) BEYOND_DOUBLE), List.of(Long.MAX_VALUE, Double.NaN), List.of("", 0L, 2.0));
        int decided = 0;
        for (List<Object> list : lists) {
            Document query = new Document("_id", new Document("$in", new ArrayList<>(list)));
            for (Object value : VALUES) {
                Document document = new Document("_id", value).append("other", 7);
                Boolean fast = InListMatch.matches(document, query);
                boolean expected = generic.matches(document, query);
                if (value instanceof String || value instanceof Number) {
                    assertThat(fast).as("%s in %s", value, list).isEqualTo(expected);
                    decided++;
                } else {
                    assertThat(fast).as("%s in %s: left to the generic matcher", value, list).isNull();
                }
            }
            assertThat(InListMatch.matches(new Document("other", 7), query)).as("a missing field: left to the generic matcher").isNull();
        }
        assertThat(decided).isEqualTo(lists.size() * 20);
    }

    @Test
    void any_other_query_is_left_to_the_generic_matcher() {
        Document document = new Document("_id", "a").append("seq", 1).append("party", new Document("kind", "a"));
        for (Document query : List.of(
                new Document("_id", "a"),
                new Document("_id", new Document("$in", List.of("a"))).append("seq", 1),
                new Document("party.kind", new Document("$in", List.of("a"))),
                new Document("_id", new Document("$in", List.of("a")).append("$ne", "b")),
                new Document("_id", new Document("$nin", List.of("b"))),
                new Document("_id", new Document("$in", Arrays.asList("a", null))),
                new Document("_id", new Document("$in", List.of("b", new BsonRegularExpression("^a")))),
                new Document("_id", new Document("$in", List.of(List.of("a")))),
                new Document("$or", List.of(new Document("_id", "a"))))) {
            assertThat(InListMatch.matches(document, query)).as(query.toString()).isNull();
        }
    }

    @Test
    void the_set_of_one_query_is_not_used_for_another() {
        Document document = new Document("_id", "a");
        assertThat(InListMatch.matches(document, new Document("_id", new Document("$in", List.of("a"))))).isTrue();
        assertThat(InListMatch.matches(document, new Document("_id", new Document("$in", List.of("b"))))).isFalse();
        assertThat(InListMatch.matches(document, new Document("_id", new Document("$in", List.of("a", "b"))))).isTrue();
        Document other = new Document("_id", "a");
        assertThat(InListMatch.matches(document, other)).as("another shape, remembered as such").isNull();
        assertThat(InListMatch.matches(document, other)).isNull();
        assertThat(InListMatch.matches(document, new Document("_id", new Document("$in", List.of("b"))))).isFalse();
    }
}
