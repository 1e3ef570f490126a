package org.gongshi.server.embedded;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
    void an_aggregate_read_before_a_key_was_deleted_is_not_kept_after() {
        KeptAggregates cache = new KeptAggregates(10);
        cache.put("case-1", "party in clear");
        UnitOfWork<?> inFlight = DefaultUnitOfWork.startAndGet(null);
        assertThat((String) cache.get("case-1")).isEqualTo("party in clear");
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null); // a command sent from inside another
        assertThat((String) cache.get("case-2")).isNull();
        cache.removeAll(); // a data subject's key deleted while the command runs
        cache.put("case-2", "read before");
        nested.commit();
        cache.put("case-1", "party in clear, one event on");
        assertThat(cache.putIfAbsent("case-3", "read before")).isFalse();
        inFlight.commit();
        assertThat(cache.size()).as("nothing read before the deletion is kept after it").isZero();

        UnitOfWork<?> after = DefaultUnitOfWork.startAndGet(null);
        assertThat((String) cache.get("case-1")).isNull();
        cache.put("case-1", "party shredded");
        after.commit();
        assertThat((String) cache.get("case-1")).as("a command begun after the deletion keeps its aggregate").isEqualTo("party shredded");
        cache.put("case-4", "outside a unit of work");
        assertThat(cache.containsKey("case-4")).isTrue();
    }

    /**
     * Each kind of aggregate sees its own ids (a sweep from outside, stop 71: a case just filed was served from the one cache to
     * the listings' repository, which failed on it: 503, then 404). The kinds share the bound and the emptying.
     */
    @Test
    void each_kind_of_aggregate_sees_only_its_own_ids() {
        KeptAggregates cache = new KeptAggregates(2);
        org.axonframework.common.caching.Cache cases = cache.forKind(String.class);
        org.axonframework.common.caching.Cache listings = cache.forKind(Integer.class);
        cases.put("id-1", "a case");
        assertThat((String) listings.get("id-1")).as("a case's id is no listing's").isNull();
        assertThat(listings.containsKey("id-1")).isFalse();
        assertThat(listings.remove("id-1")).isFalse();
        assertThat((String) cases.get("id-1")).isEqualTo("a case");
        assertThat(listings.putIfAbsent("id-1", "a listing")).isTrue();
        assertThat((String) listings.get("id-1")).isEqualTo("a listing");
        assertThat((String) cases.get("id-1")).isEqualTo("a case");
        cases.put("id-2", "another case");
        assertThat(cache.size()).as("one bound for every kind").isEqualTo(2);
        listings.removeAll();
        assertThat(cases.containsKey("id-2")).as("one emptying for every kind").isFalse();
    }

    @Test
    void a_size_below_one_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new KeptAggregates(0)).hasMessageContaining("gongshi.embedded.kept-aggregates");
    }
}
