package org.gongshi.projections.writes;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.gongshi.projections.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A batch's blind writes wait for its end, go in the order they were made, and are dropped with a batch that fails. */
class BatchedWritesTest {

    private InMemoryMongo mongo;
    private MongoCollection<Document> leaves;
    private MongoCollection<Document> deadlines;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        leaves = mongo.database("batched").getCollection("leaves");
        deadlines = mongo.database("batched").getCollection("deadlines");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static UnitOfWork<?> batch() {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
    }

    @Test
    void outside_a_batch_a_write_is_made_at_once() {
        BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", 0L)));
        assertThat(leaves.countDocuments()).isEqualTo(1);
    }

    @Test
    void a_batchs_writes_wait_until_it_commits_and_then_are_made_in_the_order_they_were_made() {
        UnitOfWork<?> batch = batch();
        BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", 0L)));
        BatchedWrites.write(deadlines, new UpdateOneModel<>(eq("_id", "d"), Updates.set("state", "PENDING"), new UpdateOptions().upsert(true)));
        BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", 1L)));
        BatchedWrites.write(deadlines, new UpdateOneModel<>(eq("_id", "d"), Updates.set("state", "DONE"), new UpdateOptions().upsert(true)));
        assertThat(leaves.countDocuments() + deadlines.countDocuments()).as("nothing written before the end of the batch").isZero();

        batch.commit();

        assertThat(leaves.find().into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactly(0L, 1L);
        assertThat(deadlines.find(eq("_id", "d")).first().getString("state")).as("the later write last").isEqualTo("DONE");
    }

    @Test
    void a_flush_sends_what_waits_once_and_the_commit_then_sends_nothing_again() {
        UnitOfWork<?> batch = batch();
        List<Long> seenAtFlush = new ArrayList<>();
        BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", 0L)));
        BatchedWrites.flush(); // what a token store does before it stores the batch's token
        seenAtFlush.add(leaves.countDocuments());
        batch.commit(); // an insert sent twice would fail on its key

        assertThat(seenAtFlush).containsExactly(1L);
        assertThat(leaves.countDocuments()).isEqualTo(1);
    }

    @Test
    void a_batch_that_fails_writes_nothing() {
        UnitOfWork<?> batch = batch();
        BatchedWrites.write(leaves, new InsertOneModel<>(new Document("_id", 0L)));
        batch.rollback(new IllegalStateException("a handler failed"));

        assertThat(leaves.countDocuments()).isZero();
        BatchedWrites.flush(); // no batch any more: nothing waits
        assertThat(leaves.countDocuments()).isZero();
    }

    /**
     * A long run of writes goes as several ordered bulk writes of at most {@value BatchedWrites#MOST_IN_ONE_COMMAND}, one
     * after the other (one long command held up every other connection on its thread of the embedded MongoDB), and a
     * failing write stops the rest: what was made is a prefix, as with one ordered bulk write.
     */
    @Test
    void a_long_run_of_writes_goes_in_commands_of_bounded_size_and_a_failure_leaves_a_prefix() {
        int writes = 2 * BatchedWrites.MOST_IN_ONE_COMMAND + 10;
        List<InsertOneModel<Document>> inserts = new ArrayList<>();
        for (long i = 0; i < writes; i++) inserts.add(new InsertOneModel<>(new Document("_id", i)));
        int before = mongo.commandsSent();
        UnitOfWork<?> batch = batch();
        inserts.forEach(insert -> BatchedWrites.write(leaves, insert));
        batch.commit();
        assertThat(mongo.commandsSent() - before).as("bulk writes for %d writes", writes).isEqualTo(3);
        assertThat(leaves.find().into(new ArrayList<>())).extracting(d -> d.get("_id")).hasSize(writes);

        List<InsertOneModel<Document>> again = new ArrayList<>();
        for (long i = writes; i < writes + BatchedWrites.MOST_IN_ONE_COMMAND + 5; i++) again.add(new InsertOneModel<>(new Document("_id", i)));
        again.add(BatchedWrites.MOST_IN_ONE_COMMAND + 5, new InsertOneModel<>(new Document("_id", 0L))); // a duplicate key in the second command
        again.add(new InsertOneModel<>(new Document("_id", -1L))); // after it: never made
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchedWrites.inOrder(leaves, again))
                .isInstanceOf(com.mongodb.MongoBulkWriteException.class);
        assertThat(leaves.countDocuments()).as("the writes before the failing one").isEqualTo(writes + BatchedWrites.MOST_IN_ONE_COMMAND + 5);
        assertThat(leaves.find(eq("_id", -1L)).first()).isNull();
    }
}
