package org.gongshi.projections.query;

import com.mongodb.client.MongoCollection;
import org.gongshi.projections.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A gapless log's size and ranges, read by key lookups only, agree with the stored entries whatever was seen before. */
class GaplessLogTest {

    private InMemoryMongo mongo;
    private MongoCollection<Document> entries;
    private GaplessLog<Document> log;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        entries = mongo.database("gapless").getCollection("entries");
        log = new GaplessLog<>(entries);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private void append(long count) {
        long next = entries.countDocuments();
        List<Document> more = new ArrayList<>();
        for (long k = next; k < next + count; k++) more.add(new Document("_id", k).append("kind", k % 3 == 0 ? "a" : "b"));
        if (!more.isEmpty()) entries.insertMany(more);
    }

    @Test
    void the_size_of_a_gapless_log_is_one_more_than_its_last_key_at_every_length_and_after_it_is_emptied() {
        assertThat(log.size()).isZero();
        long length = 0;
        for (long grow : new long[]{1, 1, 2, 5, 57, 1, 700, 3}) {
            append(grow);
            length += grow;
            assertThat(log.size()).as("after %d entries", length).isEqualTo(length);
            assertThat(new GaplessLog<>(entries).size()).as("seen for the first time at %d", length).isEqualTo(length);
        }
        entries.deleteMany(new Document());
        assertThat(log.size()).as("emptied").isZero();
        append(4);
        assertThat(log.size()).isEqualTo(4);
        append(GaplessLog.WINDOW); // the whole window from the last key seen is present: it gallops on
        assertThat(log.size()).isEqualTo(GaplessLog.WINDOW + 4);
        entries.deleteMany(new Document());
        append(GaplessLog.WINDOW + 3); // emptied and refilled past what was seen, unseen in between
        assertThat(log.size()).isEqualTo(GaplessLog.WINDOW + 3);
        entries.deleteMany(new Document());
        append(2); // emptied and refilled to less than was seen
        assertThat(log.size()).isEqualTo(2);
    }

    @Test
    void a_range_reads_entries_in_key_order_filtered_and_limited_across_chunks() {
        append(GaplessLog.CHUNK * 2 + 10);
        List<Long> all = new ArrayList<>();
        log.forEach(5, GaplessLog.CHUNK + 20, null, null, Integer.MAX_VALUE, d -> all.add(d.getLong("_id")));
        assertThat(all).containsExactlyElementsOf(LongStream.range(5, GaplessLog.CHUNK + 20).boxed().toList());

        List<Long> filtered = new ArrayList<>();
        for (Document d : log.after(GaplessLog.CHUNK - 10, eq("kind", "a"), 20)) filtered.add(d.getLong("_id"));
        assertThat(filtered).hasSize(20).allMatch(k -> k % 3 == 0).isSorted().first().isEqualTo((long) GaplessLog.CHUNK - 8);

        assertThat(log.after(GaplessLog.CHUNK * 2L, null, 100)).extracting(d -> d.getLong("_id"))
                .containsExactlyElementsOf(LongStream.range(GaplessLog.CHUNK * 2L + 1, GaplessLog.CHUNK * 2L + 10).boxed().toList());
    }
}
