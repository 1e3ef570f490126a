package org.gongshi.api.problem;

import java.time.Duration;

/**
 * A read that asked for a ledger position its view has not passed in time: answered 503 with
 * {@code Retry-After}, never a 404 for something that is on its way.
 */
public class ViewBehind extends RuntimeException {

    private final long position;
    private final Duration retryAfter;

    public ViewBehind(String detail, long position, Duration retryAfter) {
        super(detail);
        this.position = position;
        this.retryAfter = retryAfter;
    }

    public long position() {
        return position;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
