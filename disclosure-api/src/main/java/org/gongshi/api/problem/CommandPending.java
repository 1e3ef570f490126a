package org.gongshi.api.problem;

import java.time.Duration;

/**
 * A command the ledger has not answered in time, or one still running under the same
 * {@code Idempotency-Key}: it may yet be recorded, so the answer is 503 with {@code Retry-After},
 * and a retry with the same key gets the command's one outcome.
 */
public class CommandPending extends RuntimeException {

    private final Duration retryAfter;

    public CommandPending(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
