package org.gongshi.server.embedded;

import com.mongodb.client.MongoDatabase;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.gongshi.ledger.listings.ListingBasisWatch;
import org.gongshi.server.axon.KeyedSagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process managers' store answers every read with a key lookup on the embedded MongoDB (no scan of the sagas, however
 * many listings there are), with what Axon's own Mongo saga store answered, and takes over the sagas that store wrote.
 */
class KeyedSagaStoreTest {

    private static final Jackson3Serializer SERIALIZER = Jackson3Serializer.builder().build();

    @TempDir
    Path dir;

    private ServedStore mongo;
    private MongoDatabase database;
    private KeyedSagaStore store;

    @BeforeEach
    void start() {
        mongo = ServedStore.open(dir.resolve("readmodels.mv"), Duration.ofSeconds(1));
        database = mongo.client().getDatabase("gongshi");
        store = new KeyedSagaStore(database, SERIALIZER);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static ListingBasisWatch watch(String listingId) {
        ListingBasisWatch watch = new ListingBasisWatch();
        watch.setListingId(listingId);
        return watch;
    }

    private static AssociationValue listing(String id) {
        return new AssociationValue("listingId", id);
    }

    private static AssociationValue basis(String caseId) {
        return new AssociationValue("caseId", caseId);
    }

    @Test
    void a_saga_is_found_by_each_association_loaded_by_its_identifier_and_gone_once_deleted_without_a_scan() {
        for (int i = 0; i < 300; i++) { // other listings: a scan would read them
            store.insertSaga(ListingBasisWatch.class, "saga-" + i, watch("listing-" + i), Set.of(listing("listing-" + i), basis("case-" + i)));
        }
        long scans = mongo.backend().fullScans();

        store.insertSaga(ListingBasisWatch.class, "watch-a", watch("listing-a"), Set.of(listing("listing-a"), basis("case-1"), basis("case-x")));
        assertThat(store.findSagas(ListingBasisWatch.class, basis("case-1"))).as("two listings rest on case-1")
                .containsExactly("saga-1", "watch-a");
        assertThat(store.findSagas(ListingBasisWatch.class, listing("listing-a"))).containsExactly("watch-a");
        assertThat(store.findSagas(ListingBasisWatch.class, basis("case-none"))).isEmpty();
        SagaStore.Entry<ListingBasisWatch> loaded = store.loadSaga(ListingBasisWatch.class, "watch-a");
        assertThat(loaded.saga().getListingId()).isEqualTo("listing-a");
        assertThat(loaded.associationValues()).containsExactlyInAnyOrder(listing("listing-a"), basis("case-1"), basis("case-x"));

        // an update that drops one basis and adds another
        AssociationValuesImpl values = new AssociationValuesImpl(loaded.associationValues());
        values.remove(basis("case-x"));
        values.add(basis("case-y"));
        store.updateSaga(ListingBasisWatch.class, "watch-a", watch("listing-a2"), values);
        assertThat(store.findSagas(ListingBasisWatch.class, basis("case-x"))).isEmpty();
        assertThat(store.findSagas(ListingBasisWatch.class, basis("case-y"))).containsExactly("watch-a");
        assertThat(store.loadSaga(ListingBasisWatch.class, "watch-a").saga().getListingId()).isEqualTo("listing-a2");

        store.deleteSaga(ListingBasisWatch.class, "watch-a", values.asSet());
        assertThat(store.loadSaga(ListingBasisWatch.class, "watch-a")).isNull();
        assertThat(store.findSagas(ListingBasisWatch.class, basis("case-1"))).containsExactly("saga-1");
        assertThat(store.findSagas(ListingBasisWatch.class, basis("case-y"))).isEmpty();
        assertThat(mongo.backend().fullScans() - scans).as("scans of a collection for the store's reads and writes").isZero();
        assertThat(database.getCollection(KeyedSagaStore.ASSOCIATIONS).countDocuments())
                .as("no association left without a saga: the 300 others' two each").isEqualTo(600);
    }

    @Test
    void the_sagas_axons_store_wrote_are_taken_over_with_their_associations() {
        MongoSagaStore axons = MongoSagaStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build()).serializer(SERIALIZER).build();
        axons.insertSaga(ListingBasisWatch.class, "old-1", watch("listing-1"), Set.of(listing("listing-1"), basis("case-1")));
        axons.insertSaga(ListingBasisWatch.class, "old-2", watch("listing-2"), Set.of(listing("listing-2"), basis("case-1")));
        store.insertSaga(ListingBasisWatch.class, "new-3", watch("listing-3"), Set.of(listing("listing-3"), basis("case-1")));

        assertThat(store.adoptAxonEntries()).isEqualTo(2);
        assertThat(store.adoptAxonEntries()).as("once").isZero();

        assertThat(store.findSagas(ListingBasisWatch.class, basis("case-1"))).containsExactly("new-3", "old-1", "old-2");
        assertThat(store.findSagas(ListingBasisWatch.class, listing("listing-2")))
                .isEqualTo(axons.findSagas(ListingBasisWatch.class, listing("listing-2"))).containsExactly("old-2");
        assertThat(store.loadSaga(ListingBasisWatch.class, "old-1").saga().getListingId()).isEqualTo("listing-1");
        assertThat(database.getCollection(KeyedSagaStore.SAGAS).countDocuments()).isEqualTo(3);
    }
}
