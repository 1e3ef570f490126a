package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An index's key paths, each split at its dots once, and a document's key values along them as mongo-java-server
 * computes them ({@code Index#getKeyValues}), for the documents whose every key path runs through embedded documents
 * only and where at most one key holds an array (multikey: one key value per element). mongo-java-server splits every
 * key's path anew for every document and key, with a regular expression: a twentieth of a rebuild's time went to
 * finding index keys (issue 13).
 */
final class KeyPaths {

    private final String[][] paths;

    KeyPaths(List<IndexKey> keys) {
        paths = new String[keys.size()][];
        for (int i = 0; i < keys.size(); i++) paths[i] = keys.get(i).getKey().split("\\.", -1);
    }

    /** The document's key values, or null where a path meets an array or two keys hold one (mongo-java-server's to find). */
    Set<KeyValue> along(Document document) {
        Object[] values = new Object[paths.length];
        int array = -1;
        for (int k = 0; k < paths.length; k++) {
            Object value = document;
            for (String field : paths[k]) {
                if (!(value instanceof Document embedded)) {
                    if (value instanceof Collection<?>) return null; // an array on the way: each element's value
                    value = Missing.getInstance(); // nothing there, or a value that is no document
                    break;
                }
                value = embedded.getOrMissing(field);
            }
            if (value instanceof Collection<?>) {
                if (array >= 0) return null;
                array = k;
            }
            values[k] = value;
        }
        if (array < 0) return Set.of(new KeyValue(values).normalized());
        Set<KeyValue> each = new LinkedHashSet<>();
        for (Object element : (Collection<?>) values[array]) {
            Object[] one = values.clone();
            one[array] = element;
            each.add(new KeyValue(one).normalized());
        }
        return each;
    }
}
