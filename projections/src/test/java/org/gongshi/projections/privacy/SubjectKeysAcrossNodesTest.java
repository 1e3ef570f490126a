package org.gongshi.projections.privacy;

import com.mongodb.client.MongoDatabase;
import org.gongshi.projections.InMemoryMongo;
import org.gongshi.ledger.privacy.PersonalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the distributed profile share the keys' MongoDB and each caches keys: a key deleted on one stops opening on
 * the other within {@link SubjectKeys#SHRED_CHECK}, not after the cache's {@link SubjectKeys#CACHE}.
 */
class SubjectKeysAcrossNodesTest {

    InMemoryMongo mongo;
    final Clock[] now = {Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC)};
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now[0].instant(); }
    };

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    void advance(Duration by) {
        now[0] = Clock.fixed(now[0].instant().plus(by), ZoneOffset.UTC);
    }

    @Test
    void a_key_deleted_on_another_node_stops_opening_here_within_the_shred_check_not_the_cache_time() {
        MongoDatabase shared = mongo.database("keys");
        SubjectKeys nodeA = new SubjectKeys(shared, clock);
        SubjectKeys nodeB = new SubjectKeys(shared, clock);
        AtomicInteger forgotten = new AtomicInteger();
        nodeB.onDelete(forgotten::incrementAndGet);
        PersonalDataSeal sealA = new PersonalDataSeal(nodeA);
        PersonalDataSeal sealB = new PersonalDataSeal(nodeB);
        String name = sealA.seal("case-7", "刘示例");
        String other = sealA.seal("case-8", "陈示例");
        assertThat(sealB.open(name)).isEqualTo("刘示例"); // node B now holds both keys
        assertThat(sealB.open(other)).isEqualTo("陈示例");

        advance(SubjectKeys.SHRED_CHECK.plusMillis(1));
        assertThat(nodeA.delete("case-7")).isTrue();
        assertThat(sealA.open(name)).as("at once on the node that deleted it").isEqualTo(PersonalData.SHREDDED);

        advance(SubjectKeys.SHRED_CHECK.plusMillis(1));
        assertThat(SubjectKeys.SHRED_CHECK.multipliedBy(3)).isLessThan(SubjectKeys.CACHE);
        assertThat(sealB.open(name)).as("on the other node, well within its cache time").isEqualTo(PersonalData.SHREDDED);
        assertThat(nodeB.state("case-7")).isEqualTo(SubjectKeys.State.SHREDDED);
        assertThat(forgotten).as("what keeps opened events on node B forgets them").hasValue(1);
        assertThat(sealB.open(other)).as("the other subject's key is read again, not lost").isEqualTo("陈示例");
        assertThat(nodeB.state("case-8")).isEqualTo(SubjectKeys.State.KEY);
    }

    @Test
    void the_node_that_deleted_a_key_forgets_what_it_kept_once_not_again_at_its_next_check() {
        SubjectKeys node = new SubjectKeys(mongo.database("keys"), clock);
        AtomicInteger forgotten = new AtomicInteger();
        node.onDelete(forgotten::incrementAndGet);
        PersonalDataSeal seal = new PersonalDataSeal(node);
        String name = seal.seal("case-11", "孙示例");
        String other = seal.seal("case-12", "周示例");

        node.delete("case-11");
        assertThat(forgotten).hasValue(1);
        advance(SubjectKeys.SHRED_CHECK.plusMillis(1));
        assertThat(seal.open(other)).isEqualTo("周示例");
        assertThat(seal.open(name)).isEqualTo(PersonalData.SHREDDED);
        assertThat(forgotten).as("its own deletion counted, the kept aggregates and shared reads are not emptied twice").hasValue(1);
    }

    @Test
    void a_key_deleted_elsewhere_before_this_node_first_asked_is_still_seen() {
        MongoDatabase shared = mongo.database("keys");
        SubjectKeys nodeA = new SubjectKeys(shared, clock);
        SubjectKeys nodeB = new SubjectKeys(shared, clock);
        assertThat(nodeA.delete("case-0")).as("an earlier deletion, counted before node B held any key").isFalse();
        String name = new PersonalDataSeal(nodeA).seal("case-9", "王示例");
        PersonalDataSeal sealB = new PersonalDataSeal(nodeB);
        assertThat(sealB.open(name)).isEqualTo("王示例"); // node B's first key: the count is taken before it

        nodeA.delete("case-9");
        advance(SubjectKeys.SHRED_CHECK.plusMillis(1));
        assertThat(sealB.open(name)).isEqualTo(PersonalData.SHREDDED);
    }

    @Test
    void within_a_shred_check_a_node_still_opens_with_the_key_it_holds_and_after_it_no_longer() {
        MongoDatabase shared = mongo.database("keys");
        SubjectKeys nodeA = new SubjectKeys(shared, clock);
        String name = new PersonalDataSeal(nodeA).seal("case-10", "赵示例");
        SubjectKeys nodeB = new SubjectKeys(shared, clock);
        PersonalDataSeal sealB = new PersonalDataSeal(nodeB);
        sealB.open(name);
        nodeA.delete("case-10");
        // within the check interval node B still holds the key it read, and asks nothing: the bound, one read by _id an interval
        advance(SubjectKeys.SHRED_CHECK.minusMillis(1));
        int sent = mongo.commandsSent();
        for (int i = 0; i < 100; i++) assertThat(sealB.open(name)).isEqualTo("赵示例");
        assertThat(mongo.commandsSent()).isEqualTo(sent);
        advance(Duration.ofMillis(2));
        assertThat(sealB.open(name)).isEqualTo(PersonalData.SHREDDED);
    }
}
