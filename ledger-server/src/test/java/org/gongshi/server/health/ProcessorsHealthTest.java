package org.gongshi.server.health;

import org.gongshi.server.ops.Processors.ProcessorState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's sweep, stop 74: readiness answered 503 while a rebuild switched its view in, which the README says runs while
 * the live view serves, and health's reason named no rebuild.
 */
class ProcessorsHealthTest {

    @Test
    void a_processor_stopped_while_its_rebuild_switches_in_leaves_the_node_up_and_is_named() {
        List<ProcessorState> states = List.of(new ProcessorState("case-views", "STOPPED", 0L, 0, List.of()),
                new ProcessorState("public-records", "STALLED", 3L, 0, List.of()),
                new ProcessorState("public-feed", "RUNNING", 0L, 0, List.of()),
                new ProcessorState("penalty-history", "STOPPED", 0L, 0, List.of()));
        List<String> switching = new ArrayList<>();
        List<String> stalled = LedgerHealth.stalled(states, "case-views"::equals, switching);
        assertThat(stalled).containsExactly("public-records STALLED", "penalty-history STOPPED");
        assertThat(switching).containsExactly("case-views stopped while its rebuild switches in");
    }
}
