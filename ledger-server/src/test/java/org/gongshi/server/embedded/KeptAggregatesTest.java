package org.gongshi.server.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptAggregatesTest {

    @Test
    void the_aggregates_used_last_are_kept() {
        KeptAggregates cache = new KeptAggregates(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1); // a used after b
        cache.put("c", 3);
        assertThat(cache.containsKey("b")).as("the entry used longest ago goes").isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.putIfAbsent("a", 9)).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.containsKey("a")).isFalse();
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_size_below_one_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new KeptAggregates(0)).hasMessageContaining("gongshi.embedded.kept-aggregates");
    }
}
