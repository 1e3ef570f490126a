package org.gongshi.api.idempotency;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An attempt owns its key longer than a client waits for its answer, so a retry after a 503 never runs it a second time. */
class IdempotencySettingsTest {

    private static final Duration TTL = Duration.ofHours(24);

    @Test
    void a_lease_no_longer_than_the_wait_for_an_answer_is_refused_naming_both_settings() {
        for (Duration lease : new Duration[] {Duration.ofSeconds(5), Duration.ofSeconds(4)}) {
            assertThatThrownBy(() -> new IdempotentCommands.Settings(Duration.ofSeconds(5), lease, TTL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gongshi.idempotency.lease (" + lease + ")")
                    .hasMessageContaining("gongshi.commands.timeout (PT5S)");
        }
    }

    /** A wait or a keeping of no time stops the start, naming the property (a sweep from outside: a 0 s wait answered all 503). */
    @Test
    void a_wait_or_a_keeping_that_is_not_positive_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new IdempotentCommands.Settings(Duration.ZERO, Duration.ofSeconds(60), TTL))
                .hasMessageContaining("gongshi.commands.timeout (PT0S) must be a positive duration");
        assertThatThrownBy(() -> new IdempotentCommands.Settings(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(-1)))
                .hasMessageContaining("gongshi.idempotency.ttl (PT-1H) must be a positive duration");
    }

    @Test
    void a_lease_longer_than_the_wait_is_taken() {
        assertThatCode(() -> new IdempotentCommands.Settings(Duration.ofSeconds(30), Duration.ofSeconds(60), TTL)).doesNotThrowAnyException();
        assertThatCode(() -> new IdempotentCommands.Settings(Duration.ofSeconds(10), Duration.ofSeconds(20), TTL)).doesNotThrowAnyException();
    }
}
