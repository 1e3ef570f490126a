package org.gongshi.server.embedded;

import java.util.concurrent.atomic.AtomicBoolean;

/** A thread that reads a store over and over while the test interrupts it, as Reactor does a cancelled request's (tests). */
final class InterruptedReader {

    private InterruptedReader() {
    }

    /** Runs {@code read} in a loop on its own thread, interrupts that thread 200 times 2 ms apart, then stops it. */
    static void interruptWhileReading(Runnable read) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    read.run();
                } catch (RuntimeException interrupted) {
                    // interrupted while it borrowed a connection or read: the reader's own failure, not the store's
                }
            }
        }, "interrupted-reader");
        reader.start();
        try {
            for (int i = 0; i < 200; i++) {
                Thread.sleep(2);
                reader.interrupt();
            }
        } finally {
            stop.set(true);
            reader.join();
        }
    }
}
