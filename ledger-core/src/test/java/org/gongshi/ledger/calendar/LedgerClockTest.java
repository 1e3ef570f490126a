package org.gongshi.ledger.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An instant for the ledger's clock, as people write it, within the four-digit years (a sweep from outside, stop 71: year
 * +999999999 was taken, and every day's arithmetic overflowed from then on, after a restart too).
 */
class LedgerClockTest {

    @Test
    void an_instant_is_read_with_an_offset_or_in_utc() {
        assertThat(LedgerClock.parseInstant("2026-02-10T09:00:00+08:00")).isEqualTo(Instant.parse("2026-02-10T01:00:00Z"));
        assertThat(LedgerClock.parseInstant("2026-02-10T01:00:00Z")).isEqualTo(Instant.parse("2026-02-10T01:00:00Z"));
        assertThatThrownBy(() -> LedgerClock.parseInstant("2026-02-10")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an ISO instant with offset");
    }

    @Test
    void the_clock_takes_no_instant_after_the_last_four_digit_year() {
        assertThat(LedgerClock.parseInstant("9999-12-31T23:59:59+08:00")).isEqualTo(LedgerClock.LATEST);
        for (String late : new String[]{"+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "9999-12-31T16:00:00Z"}) {
            assertThatThrownBy(() -> LedgerClock.parseInstant(late)).as(late).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the latest instant the ledger's clock takes");
        }
    }
}
