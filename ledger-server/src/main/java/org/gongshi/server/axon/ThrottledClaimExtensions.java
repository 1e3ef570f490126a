package org.gongshi.server.axon;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.gongshi.projections.writes.BatchedWrites;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token store that writes a claim's extension only when the claim was last written more than {@code every} ago.
 *
 * <p>An idle tracking processor extends its claim each time it has waited a second for events (Axon 4.13's
 * {@code TrackingEventProcessor.processBatch}): eight processors made eight MongoDB writes a second at rest, and each
 * write a read-model checkpoint (issue 13, the idle cost). A claim runs out only after the store's claim timeout, so
 * extending it every third of that keeps it as safe as every second; a claim another node took (after this one let it
 * run out) is still found at the next write, which every token store fails for a claim it does not hold.
 *
 * <p>It also keeps a processor's token behind its documents: before a token is stored, the read-model writes its batch
 * holds back ({@link BatchedWrites}) are sent. Axon's tracking processor stores the token in the first step of its
 * batch's commit, before any step a handler can add, so this is the one place that runs first.
 */
public final class ThrottledClaimExtensions implements TokenStore {

    private record Claim(String processor, int segment) {}

    private final TokenStore delegate;
    private final Duration every;
    private final Clock clock;
    private final Map<Claim, Instant> lastWritten = new ConcurrentHashMap<>();

    ThrottledClaimExtensions(TokenStore delegate, Duration every, Clock clock) {
        this.delegate = delegate;
        this.every = every;
        this.clock = clock;
    }

    /** The store written to. */
    public TokenStore delegate() {
        return delegate;
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Claim claim = new Claim(processorName, segment);
        Instant last = lastWritten.get(claim);
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(every))) return;
        delegate.extendClaim(processorName, segment);
        lastWritten.put(claim, now);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        BatchedWrites.flush();
        delegate.storeToken(token, processorName, segment);
        written(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        written(processorName, segment);
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        written(processorName, segment.getSegmentId());
        return token;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        lastWritten.remove(new Claim(processorName, segment));
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        lastWritten.remove(new Claim(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }

    private void written(String processorName, int segment) {
        lastWritten.put(new Claim(processorName, segment), clock.instant());
    }
}
