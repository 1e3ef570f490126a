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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>And it keeps the claims of a running batch: Axon's tracking processor writes its claim only between batches, and a
 * batch of a thousand events catching up can run longer than the claim timeout (10–60 s against the embedded store at
 * 100,000 cases). Another node would then take the segment and handle the same batch, and the first node's token write
 * at its end would fail and throw its batch away: with batches always longer than the timeout, the nodes could take the
 * segment from each other forever. A keeper looks four times per third of the timeout and extends each claim held here
 * that was last written a third of the timeout ago or more, so a claim is about 5/12 of the timeout old at most plus
 * the machine's delays (looking once per third let it reach 2/3 by design: 5.4–8.1 s measured during a catch-up of
 * 20,000 cases, and once 11.8 s, stop 48), and whose processor was
 * last heard from (a claim, a token, an idle extension) less than {@code longestBatch} ago, the processors' batch
 * timeout, after which Axon interrupts the batch anyway; a processor stuck for longer lets its claim run out.
 */
public final class ThrottledClaimExtensions implements TokenStore, AutoCloseable {

    private record Claim(String processor, int segment) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ThrottledClaimExtensions.class);

    private final TokenStore delegate;
    private final Duration every;
    private final Clock clock;
    private final Duration longestBatch;
    /** How often the keeper looks per {@code every}: a claim is extended at most {@code every / KEEPER_LOOKS_PER_EXTENSION} late. */
    static final int KEEPER_LOOKS_PER_EXTENSION = 4;
    private final Map<Claim, Instant> lastWritten = new ConcurrentHashMap<>();
    private final Map<Claim, Instant> lastHeard = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keeper;

    /** Extensions written once per {@code every}; claims of running batches kept by no keeper (a single node's tests). */
    ThrottledClaimExtensions(TokenStore delegate, Duration every, Clock clock) {
        this(delegate, every, Duration.ZERO, clock, false);
    }

    /**
     * Extensions written once per {@code every}, and, with {@code keep}, a keeper that looks
     * {@value #KEEPER_LOOKS_PER_EXTENSION} times per {@code every} for claims to keep ({@link #keepRunningBatchesClaimed}).
     */
    ThrottledClaimExtensions(TokenStore delegate, Duration every, Duration longestBatch, Clock clock, boolean keep) {
        this.delegate = delegate;
        this.every = every;
        this.longestBatch = longestBatch;
        this.clock = clock;
        this.keeper = keep ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-claim-keeper");
            t.setDaemon(true);
            return t;
        }) : null;
        long look = Math.max(1, every.toMillis() / KEEPER_LOOKS_PER_EXTENSION);
        if (keeper != null) keeper.scheduleWithFixedDelay(this::keepRunningBatchesClaimed, look, look, TimeUnit.MILLISECONDS);
    }

    /**
     * Extends each claim held here that was last written {@code every} or more ago and whose processor was heard from
     * less than {@code longestBatch} ago; a claim another node took meanwhile, or released meanwhile, is left alone.
     */
    void keepRunningBatchesClaimed() {
        Instant now = clock.instant();
        for (Map.Entry<Claim, Instant> heard : lastHeard.entrySet()) {
            Claim claim = heard.getKey();
            Instant written = lastWritten.get(claim);
            if (!now.isBefore(heard.getValue().plus(longestBatch)) || (written != null && now.isBefore(written.plus(every)))) continue;
            try {
                delegate.extendClaim(claim.processor(), claim.segment());
                lastWritten.put(claim, now);
            } catch (UnableToClaimTokenException lost) {
                // released or taken by another node meanwhile: not tried again; the processor's own next write finds out
                lastHeard.remove(claim, heard.getValue());
                log.debug("claim of {} segment {} not extended, not held: {}", claim.processor(), claim.segment(), lost.toString());
            } catch (RuntimeException unreachable) {
                // the store did not answer: tried again at the next look
                log.debug("claim of {} segment {} not extended: {}", claim.processor(), claim.segment(), unreachable.toString());
            }
        }
    }

    @Override
    public void close() {
        if (keeper != null) keeper.shutdown(); // not shutdownNow: an interrupt could close a connection in use
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
        lastHeard.put(claim, now);
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
        forget(new Claim(processorName, segment));
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        forget(new Claim(processorName, segment));
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
        Claim claim = new Claim(processorName, segment);
        Instant now = clock.instant();
        lastWritten.put(claim, now);
        lastHeard.put(claim, now);
    }

    private void forget(Claim claim) {
        lastHeard.remove(claim);
        lastWritten.remove(claim);
    }
}
