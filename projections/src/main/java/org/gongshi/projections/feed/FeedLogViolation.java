package org.gongshi.projections.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed projection would change, renumber or drop a published entry. The public log is a log of
 * record: nothing is written, the error is logged, and the feed processor stops on the event (it
 * retries, and health shows it stalled) until someone finds out why the code or the ledger no longer
 * reproduces what was published.
 */
public class FeedLogViolation extends IllegalStateException {

    private static final Logger log = LoggerFactory.getLogger(FeedLogViolation.class);

    public FeedLogViolation(String problem) {
        super("the public feed log is append-only and this replay does not reproduce it; nothing was written: " + problem);
        log.error("FEED LOG VIOLATION: {}", getMessage());
    }
}
