package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's indexes find a document's key values as mongo-java-server's own {@code Index#getKeyValues} does,
 * for every shape of document: along embedded documents themselves ({@link KeyPaths}), and through arrays of documents or
 * several arrays by that method.
 */
class KeyPathsTest {

    /** What a field may hold: nothing, scalars of every kind, numbers that compare equal, documents and arrays. */
    private static final List<Object> VALUES = Arrays.asList(null, "a", "案件", "", 1, 1L, 1.0, -0.0, 0, (1L << 53) + 1, true,
            new Document("x", 1), new Document("x", "a").append("y", List.of(1, 2)), List.of(), List.of("a", "b", "a"),
            List.of(1, 1.0, 2L), List.of(new Document("x", 1), new Document("x", 2)), List.of(List.of(1), "c"));

    private static final List<List<String>> KEY_SETS = List.of(List.of("a"), List.of("a", "b"), List.of("a.x"),
            List.of("s", "a", "d.x"), List.of("a.x", "a.y"), List.of("d.x.y", "b"), List.of("s", "a", "b", "_id"));

    @Test
    void a_documents_key_values_are_those_mongo_java_server_computes() {
        Random random = new Random(13);
        int mine = 0, theirs = 0;
        try (MVStore store = new MVStore.Builder().open()) {
            for (List<String> keys : KEY_SETS) {
                List<IndexKey> indexKeys = keys.stream().map(k -> new IndexKey(k, random.nextBoolean())).toList();
                KeyPaths paths = new KeyPaths(indexKeys);
                SecondaryIndex index = new SecondaryIndex(store.openMap("i" + keys), "i", indexKeys, false);
                KeyedUniqueIndex unique = new KeyedUniqueIndex(store.openMap("u" + keys), "u", indexKeys, false);
                EmptyIndex<Object> reference = new EmptyIndex<>("i", indexKeys);
                for (int n = 0; n < 2_000; n++) {
                    Document document = randomDocument(random);
                    Set<KeyValue> expected;
                    try {
                        expected = reference.getKeyValues(document);
                    } catch (RuntimeException parallelArrays) {
                        assertThat(paths.along(document)).as("left to mongo-java-server: %s", document).isNull();
                        assertThatThrownBy(() -> index.getKeyValues(document)).isInstanceOf(parallelArrays.getClass());
                        assertThatThrownBy(() -> unique.getKeyValues(document)).isInstanceOf(parallelArrays.getClass());
                        theirs++;
                        continue;
                    }
                    Set<KeyValue> along = paths.along(document);
                    if (along == null) theirs++;
                    else {
                        mine++;
                        assertThat(along).as("%s of %s", keys, document).containsExactlyElementsOf(expected);
                    }
                    if (!expected.isEmpty()) assertThat(index.getKeyValues(document)).containsExactlyElementsOf(expected);
                    assertThat(unique.getKeyValues(document)).containsExactlyElementsOf(expected);
                }
            }
        }
        assertThat(mine).as("documents whose key values it found itself").isGreaterThan(5_000);
        assertThat(theirs).as("documents left to mongo-java-server").isGreaterThan(500);
    }

    /** A unique index refuses a taken key as mongo-java-server's check does, naming the key as the document holds it. */
    @Test
    void a_unique_index_refuses_a_taken_key_naming_it_as_the_document_holds_it() {
        try (MVStore store = new MVStore.Builder().open()) {
            KeyedUniqueIndex unique = new KeyedUniqueIndex(store.openMap("u"), "u_1", List.of(new IndexKey("u", true)), false);
            @SuppressWarnings("unchecked") // only its name is asked, for the error
            de.bwaldvogel.mongo.MongoCollection<Object> collection = (de.bwaldvogel.mongo.MongoCollection<Object>) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {de.bwaldvogel.mongo.MongoCollection.class},
                    (proxy, method, arguments) -> method.getName().equals("getFullName") ? "db.c" : null);
            unique.add(new Document("_id", 1).append("u", 7), 1, collection);
            unique.add(new Document("_id", 2).append("u", "seven"), 2, collection);
            assertThatThrownBy(() -> unique.checkAdd(new Document("_id", 3).append("u", 7.0), collection))
                    .isInstanceOf(de.bwaldvogel.mongo.exception.DuplicateKeyError.class).hasMessageContaining("u_1 dup key: { u: 7.0 }");
            assertThatThrownBy(() -> unique.add(new Document("_id", 4).append("u", 7L), 4, collection))
                    .isInstanceOf(de.bwaldvogel.mongo.exception.DuplicateKeyError.class).hasMessageContaining("u_1 dup key: { u: 7 }");
            unique.checkAdd(new Document("_id", 5).append("u", 8), collection); // free
            assertThat(unique.getCount()).isEqualTo(2);
        }
    }

    private static Document randomDocument(Random random) {
        Document document = new Document("_id", "id-" + random.nextInt(100));
        for (String field : List.of("a", "b", "s", "d")) {
            int pick = random.nextInt(VALUES.size() + 3);
            if (pick >= VALUES.size() + 1) continue; // absent
            Object value = pick == VALUES.size() ? nested(random) : VALUES.get(pick);
            document.put(field, copy(value));
        }
        return document;
    }

    /** A document of documents, so a key's path of several fields finds something. */
    private static Document nested(Random random) {
        Document inner = new Document("y", copy(VALUES.get(random.nextInt(VALUES.size()))));
        return new Document("x", random.nextBoolean() ? inner : copy(VALUES.get(random.nextInt(VALUES.size()))));
    }

    private static Object copy(Object value) {
        if (value instanceof Document d) return d.cloneDeeply();
        if (value instanceof List<?> list) return new ArrayList<>(list.stream().map(KeyPathsTest::copy).toList());
        return value;
    }
}
