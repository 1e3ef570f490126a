package org.gongshi.server.embedded;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

import java.lang.reflect.Method;

/**
 * Points an H2 file's header at the newest chunk, after a commit that must survive a SIGKILL. After a crash H2 finds the
 * newest chunk from the header, the chunk at the file's end and the chain of positions each chunk predicted for the next;
 * H2 writes the header only when it decides to (every 20 versions, or when a prediction failed, and then naming the chunk
 * before). Once a chunk is written into space freed by older ones (space reuse, once H2's retention of a chunk has passed) the newest can
 * lie outside all three, and the store opened at an older version: acknowledged writes were gone. H2 offers no call to
 * ask for the header: its own private {@code RandomAccessStore.writeStoreHeader} is called, under the store's lock once
 * every write begun is in the file.
 */
final class StoreHeader {

    private static final Method WRITE = writer();

    private StoreHeader() {
    }

    /** Writes the header of {@code store}'s file naming its newest chunk; call after {@code store.commit()}. */
    static void pointAtNewestChunk(MVStore store) {
        store.executeFilestoreOperation(() -> writeHeader(store));
    }

    /**
     * As {@link #pointAtNewestChunk}, then forces the file to the disk before any other write to it (H2 itself forces it
     * only when it compacts or closes): what was acknowledged survives a power loss as well as a SIGKILL, and a chunk freed
     * by it may be written over without waiting for the operating system's own flush (the event store's short retention,
     * {@link EmbeddedStorage#EVENT_STORE_RETENTION_MS}).
     */
    static void pointAtNewestChunkAndForce(MVStore store) {
        store.executeFilestoreOperation(() -> {
            writeHeader(store);
            store.getFileStore().sync();
        });
    }

    private static void writeHeader(MVStore store) {
        try {
            WRITE.invoke(store.getFileStore());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2 did not write its store header after a commit", e);
        }
    }

    private static Method writer() {
        try {
            Method write = RandomAccessStore.class.getDeclaredMethod("writeStoreHeader");
            write.setAccessible(true);
            return write;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this H2 has no RandomAccessStore.writeStoreHeader(): commits cannot be made to survive"
                    + " a crash with space reuse; check StoreHeader against the H2 version", e);
        }
    }
}
