package org.gongshi.api.web;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When a view has passed a ledger position, judged from its processor's token alone. */
class LedgerPositionsTest {

    @Test
    void a_view_has_passed_a_position_once_its_token_is_at_or_after_it() {
        var at5 = GapAwareTrackingToken.newInstance(5, Set.of());
        assertThat(LedgerPositions.covers(at5, 4)).isTrue();
        assertThat(LedgerPositions.covers(at5, 5)).isTrue();
        assertThat(LedgerPositions.covers(at5, 6)).isFalse();
    }

    @Test
    void a_position_the_token_still_holds_as_a_gap_is_not_passed() {
        var at5WithGap3 = GapAwareTrackingToken.newInstance(5, List.of(3L));
        assertThat(LedgerPositions.covers(at5WithGap3, 3)).isFalse();
        assertThat(LedgerPositions.covers(at5WithGap3, 4)).isTrue();
    }

    @Test
    void a_view_being_rebuilt_has_passed_only_what_the_replay_has_reached() {
        var replaying = new ReplayToken(GapAwareTrackingToken.newInstance(10, Set.of()), GapAwareTrackingToken.newInstance(2, Set.of()));
        assertThat(LedgerPositions.covers(replaying, 2)).isTrue();
        assertThat(LedgerPositions.covers(replaying, 3)).isFalse();
        assertThat(LedgerPositions.position(replaying)).isEqualTo(2);
        var justReset = new ReplayToken(GapAwareTrackingToken.newInstance(10, Set.of()), null);
        assertThat(LedgerPositions.covers(justReset, 0)).isFalse();
    }

    @Test
    void axon_servers_positions_start_at_0_and_a_processor_that_never_ran_has_passed_nothing() {
        assertThat(LedgerPositions.covers(new GlobalSequenceTrackingToken(0), 0)).isTrue();
        assertThat(LedgerPositions.covers(new GlobalSequenceTrackingToken(0), 1)).isFalse();
        assertThat(LedgerPositions.covers(null, 0)).isFalse();
        assertThat(LedgerPositions.position(null)).isEqualTo(-1);
    }
}
