package org.gongshi.ledger.cases;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.eventhandling.GenericEventMessage;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Rule#DECISION_NUMBER_UNIQUE}: each decision number of a bureau belongs to one case, for good. */
class DecisionNumberSlotTest {

    private static final String BUREAU = "91110000600037341L";
    private static final String NUMBER = "京朝市监罚〔2026〕1号";

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final DecisionNumbers numbers = DecisionNumbers.backedBy(
            EventSourcingRepository.builder(DecisionNumberSlot.class).eventStore(eventStore).build());

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    private void take(String bureau, String number, String caseId) {
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("take")).execute(() -> numbers.take(bureau, number, caseId));
    }

    @Test
    void decision_number_unique_per_bureau() {
        take(BUREAU, NUMBER, "case-a");

        assertThatThrownBy(() -> take(BUREAU, " " + NUMBER + " ", "case-b"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DECISION_NUMBER_UNIQUE))
                .hasMessageContaining("already the number of case case-a");
        // the same number as a reader sees it: full-width digits, a zero-width space (audit: they took a given number again)
        assertThatThrownBy(() -> take(BUREAU, "京朝市监罚〔２０２６〕\u200B１号", "case-b"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DECISION_NUMBER_UNIQUE))
                .hasMessageContaining("already the number of case case-a");
        assertThatCode(() -> take(BUREAU, NUMBER, "case-a")).as("the same case taking its number again").doesNotThrowAnyException();
        assertThatCode(() -> take("91310000132200004B", NUMBER, "case-c")).as("another bureau's numbering").doesNotThrowAnyException();
        assertThat(eventStore.readEvents(DecisionNumberSlot.idOf(BUREAU, NUMBER)).asStream()).hasSize(1);
    }

    @Test
    void a_decision_carries_its_decision_number() {
        assertThatThrownBy(() -> take(BUREAU, " ", "case-a"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DECISION_NUMBER_UNIQUE));
    }
}
