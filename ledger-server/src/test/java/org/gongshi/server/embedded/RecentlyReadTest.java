package org.gongshi.server.embedded;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyReadTest {

    private final RecentlyRead recentlyRead = new RecentlyRead();

    private static TrackedEventMessage<?> read(long globalIndex, GenericDomainEventMessage<?> event) {
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySortedSet()), event);
    }

    @Test
    void a_second_reader_of_an_event_gets_the_first_reader_s_message_with_its_own_token() {
        var event = new GenericDomainEventMessage<>("Case", "case-1", 0, "filed");
        TrackedEventMessage<?> first = recentlyRead.share(read(7, event));
        var token = new GlobalSequenceTrackingToken(7);
        TrackedEventMessage<?> second = recentlyRead.share(new GenericTrackedDomainEventMessage<>(token, event));

        assertThat(second.trackingToken()).isSameAs(token);
        assertThat(second.getPayload()).isSameAs(first.getPayload());
        assertThat(second.getIdentifier()).isEqualTo(first.getIdentifier());
        assertThat(recentlyRead.shared()).isEqualTo(1);
        assertThat(recentlyRead.reads()).isEqualTo(2);
    }

    @Test
    void an_event_whose_slot_a_later_event_took_is_read_again_and_another_event_at_the_same_position_is_never_mistaken() {
        var early = new GenericDomainEventMessage<>("Case", "case-1", 0, "filed");
        var late = new GenericDomainEventMessage<>("Case", "case-2", 0, "filed");
        recentlyRead.share(read(3, early));
        recentlyRead.share(read(3 + RecentlyRead.EVENTS, late)); // the same slot
        TrackedEventMessage<?> again = read(3, early);
        assertThat(recentlyRead.share(again)).as("read again: its slot holds a later event").isSameAs(again);

        TrackedEventMessage<?> other = read(3, new GenericDomainEventMessage<>("Case", "case-3", 0, "filed"));
        assertThat(recentlyRead.share(other)).as("another event at that position (not this store's)").isSameAs(other);
        assertThat(recentlyRead.shared()).isZero();
    }

    @Test
    void once_cleared_nothing_read_before_is_handed_out_again() {
        var event = new GenericDomainEventMessage<>("Case", "case-1", 0, "filed");
        recentlyRead.share(read(5, event));
        recentlyRead.clear(); // a data subject's key was deleted
        TrackedEventMessage<?> again = read(5, event);
        assertThat(recentlyRead.share(again)).isSameAs(again);
        assertThat(recentlyRead.shared()).isZero();
    }
}
