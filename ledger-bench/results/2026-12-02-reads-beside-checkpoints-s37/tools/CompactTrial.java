package org.gongshi.server.embedded;

import org.h2.mvstore.MVStore;

public class CompactTrial {
    public static void main(String[] a) {
        int target = Integer.parseInt(a[1]);
        int bytes = Integer.parseInt(a[2]) << 20;
        int steps = Integer.parseInt(a[3]);
        long t0 = System.nanoTime();
        MVStore s = new MVStore.Builder().fileName(a[0]).autoCommitDisabled().autoCommitBufferSize(0).cacheSize(64).pageSplitSize(4096).open();
        System.out.printf("open %.1f s, chunks fill %d%%, file %.0f MB%n", (System.nanoTime() - t0) / 1e9, s.getFileStore().getChunksFillRate(), s.getFileStore().size() / 1e6);
        for (String name : s.getMapNames()) {
            MapSizes.open(s, name); // only data of open maps is moved
        }
        long total = 0;
        for (int i = 0; i < steps && s.getFileStore().getChunksFillRate() < target; i++) {
            long t = System.nanoTime();
            boolean did = s.compact(target, bytes);
            int unsaved = s.getUnsavedMemory();
            s.commit();
            long ns = System.nanoTime() - t;
            total += ns;
            if (i % 10 == 0 || !did) System.out.printf("step %d: %.0f ms (unsaved %.1f MB), chunks fill %d%%, file fill %d%%, file %.0f MB%n", i, ns / 1e6, unsaved / 1e6,
                s.getFileStore().getChunksFillRate(), s.getFileStore().getFillRate(), s.getFileStore().size() / 1e6);
            if (!did) break;
        }
        System.out.printf("compaction %.1f s; chunks fill %d%%%n", total / 1e9, s.getFileStore().getChunksFillRate());
        long t = System.nanoTime();
        s.close(Integer.parseInt(a[4]));
        System.out.printf("close(%s) %.1f s%n", a[4], (System.nanoTime() - t) / 1e9);
    }
}
