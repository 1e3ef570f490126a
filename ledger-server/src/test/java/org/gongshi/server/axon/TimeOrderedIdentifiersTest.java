package org.gongshi.server.axon;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon makes every message identifier here, each a version-7 UUID, unique, later ones sorting after earlier ones. */
class TimeOrderedIdentifiersTest {

    @Test
    void axon_uses_them_and_each_sorts_after_the_one_before_also_many_in_one_millisecond() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers();
        long before = System.currentTimeMillis();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) made.add(identifiers.generateIdentifier()); // several thousand a millisecond
        assertThat(made).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(made.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).as("its milliseconds").isBetween(before, System.currentTimeMillis() + 1);
        assertThat(made.get(0)).isEqualTo(first.toString()).hasSize(36);
    }

    @Test
    void threads_making_them_at_once_get_distinct_ones() throws Exception {
        TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers();
        Set<String> made = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) made.add(identifiers.generateIdentifier());
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) thread.join();
        assertThat(made).hasSize(40_000);
    }
}
