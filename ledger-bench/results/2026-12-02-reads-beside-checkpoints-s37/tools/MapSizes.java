// Run from the server's classes (package org.gongshi.server.embedded): javac -d OUT -cp "ledger-server/target/classes:<the server jar's BOOT-INF/lib/*>" MapSizes.java CompactTrial.java
package org.gongshi.server.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import de.bwaldvogel.mongo.bson.Document;
import java.util.*;

public class MapSizes {
    /** A map of the embedded MongoDB's store with the types its backend gives it (documents as BSON, index keys as strings). */
    static MVMap<?, ?> open(MVStore s, String name) {
        if (name.endsWith("$bson")) return s.openMap(name, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        if (name.contains("._sorted_") || name.contains("._unique_")) return s.openMap(name, new MVMap.Builder<String, Object>().keyType(IndexKeyType.INSTANCE));
        return s.openMap(name);
    }

    public static void main(String[] a) {
        MVStore s = new MVStore.Builder().fileName(a[0]).readOnly().cacheSize(256).open();
        List<Object[]> rows = new ArrayList<>();
        long total = 0;
        for (String name : new TreeSet<>(s.getMapNames())) {
            MVMap<?, ?> m = open(s, name);
            long disk = m.getRootPage().getDiskSpaceUsed(a.length > 1);
            total += disk;
            rows.add(new Object[]{name, m.sizeAsLong(), disk});
        }
        rows.sort((x, y) -> Long.compare((long) y[2], (long) x[2]));
        for (Object[] r : rows) System.out.printf("%-80s %10d entries %10.1f MB %8.0f B/entry%n", r[0], r[1], (long) r[2] / 1e6, ((long) r[1]) == 0 ? 0 : (long) r[2] / (double) (long) r[1]);
        System.out.printf("maps total %.1f MB; file %.1f MB; fill rate %d%%%n", total / 1e6, s.getFileStore().size() / 1e6, s.getFileStore().getFillRate());
    }
}
