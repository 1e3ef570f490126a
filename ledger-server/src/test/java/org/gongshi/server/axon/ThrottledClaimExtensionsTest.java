package org.gongshi.server.axon;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.gongshi.ledger.calendar.LedgerClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An idle processor's claim is written once per third of the claim timeout, not each second it waits. */
class ThrottledClaimExtensionsTest {

    /** Records every extension that reaches the store. */
    static final class CountingStore extends InMemoryTokenStore {
        final List<String> extensions = new ArrayList<>();

        @Override
        public void extendClaim(String processorName, int segment) {
            extensions.add(processorName + "/" + segment);
            super.extendClaim(processorName, segment);
        }
    }

    @Test
    void a_claim_written_less_than_a_third_of_the_claim_timeout_ago_is_not_written_again() {
        CountingStore store = new CountingStore();
        LedgerClock clock = LedgerClock.settable(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC), Duration.ZERO);
        ThrottledClaimExtensions tokens = new ThrottledClaimExtensions(store, Duration.ofSeconds(3), clock);
        tokens.initializeTokenSegments("case-views", 1);
        tokens.fetchToken("case-views", 0); // claims it: a write

        for (int second = 1; second <= 10; second++) { // an idle processor: an extension each second
            clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(1)));
            tokens.extendClaim("case-views", 0);
        }
        assertThat(store.extensions).as("written at 3, 6 and 9 s").hasSize(3);

        tokens.storeToken(new GlobalSequenceTrackingToken(5), "case-views", 0); // a batch handled: the token write claims too
        clock.moveForwardTo(clock.instant().plus(Duration.ofSeconds(2)));
        tokens.extendClaim("case-views", 0);
        assertThat(store.extensions).hasSize(3);

        tokens.releaseClaim("case-views", 0); // released: the next extension (after a new claim) is written
        tokens.extendClaim("case-views", 0);
        assertThat(store.extensions).hasSize(4);
        assertThat(tokens.fetchToken("case-views", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }
}
