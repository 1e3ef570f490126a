package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.ViewBehind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read with a position: a position beyond the ledger's head is refused at once, not after the whole wait (a sweep from
 * outside, stop 71: every such read polled the views for 3 s before its 400). The wait here is an hour, so a read that waited
 * it out would fail the block's bound.
 */
class ViewReadsTest {

    /** A ledger whose head is 97 and whose view is at 90, counting its polls. */
    static final class Ledger extends LedgerPositions {
        final AtomicInteger polls = new AtomicInteger();

        Ledger() {
            super(null, null, null);
        }

        @Override
        public long head() {
            return 97;
        }

        @Override
        public boolean passed(String processor, long position) {
            polls.incrementAndGet();
            return position <= 90;
        }

        @Override
        public long at(String processor) {
            return 90;
        }
    }

    @Test
    void a_position_beyond_the_head_is_refused_at_once_and_one_behind_it_is_waited_for() {
        Ledger ledger = new Ledger();
        ViewReads reads = new ViewReads(ledger, Duration.ofHours(1), Duration.ofMillis(10));
        assertThatThrownBy(() -> reads.await(Long.valueOf(98), "case-views")
                .block(Duration.ofSeconds(30))).isInstanceOf(InvalidRequest.class).hasMessageContaining("position");
        assertThat(ledger.polls).as("one poll, then the head").hasValue(1);
        reads.await(Long.valueOf(90), "case-views").block(Duration.ofSeconds(30));

        // a position the head has reached but the view has not: polled until the wait ends, then 503 (ViewBehind)
        ViewReads brief = new ViewReads(ledger, Duration.ofMillis(200), Duration.ofMillis(10));
        assertThatThrownBy(() -> brief.await(Long.valueOf(95), "case-views")
                .block(Duration.ofSeconds(30))).isInstanceOf(ViewBehind.class);
        assertThat(ledger.polls.get()).as("polled more than once").isGreaterThan(3);
    }
}
