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
}
