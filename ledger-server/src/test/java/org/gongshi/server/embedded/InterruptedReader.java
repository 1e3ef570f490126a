package org.gongshi.server.embedded;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread that reads a store over and over while the test interrupts it, as Reactor does a cancelled request's (tests). */
final class InterruptedReader {

    /** How many reads the reader begins while it is being interrupted, however busy the machine. */
    private static final int READS = 100;

    private InterruptedReader() {
    }

    /**
     * Runs {@code read} in a loop on its own thread and interrupts that thread every 2 ms until it has begun {@link #READS}
     * reads (counted, not timed: on a busy machine the reader may hardly run in a fixed number of interrupts), then stops it.
     */
    static void interruptWhileReading(Runnable read) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger begun = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                begun.incrementAndGet();
                try {
                    read.run();
                } catch (RuntimeException interrupted) {
                    // interrupted while it borrowed a connection or read: the reader's own failure, not the store's
                }
            }
        }, "interrupted-reader");
        reader.start();
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try {
            while (begun.get() < READS && System.nanoTime() - giveUp < 0) {
                Thread.sleep(2);
                reader.interrupt();
            }
        } finally {
            stop.set(true);
            reader.join();
        }
        assertThat(begun.get()).as("reads begun while interrupted (a reader stuck in the store?)").isGreaterThanOrEqualTo(READS);
    }
}
