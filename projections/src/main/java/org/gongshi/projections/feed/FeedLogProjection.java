package org.gongshi.projections.feed;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureCorrected;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureExpired;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.disclosure.event.PublicationTerminated;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionLifted;
import org.gongshi.projections.writes.Batches;
import org.gongshi.projections.writes.ReadModelWrites;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The public feed: one entry per public change, numbered 0, 1, 2, … in event order without gaps.
 * It runs as one segment so entries are written in order. The log is append-only: a redelivered or
 * replayed event finds its entry and must reproduce it byte for byte at the same number (every field
 * of a line comes from the event and the log before it), or the projection stops with a
 * {@link FeedLogViolation} and writes nothing. A reset never deletes what was published.
 */
@ProcessingGroup(FeedLogProjection.PROCESSING_GROUP)
public class FeedLogProjection {

    public static final String PROCESSING_GROUP = "public-feed";
    /** The suffix of the CloudEvent id of a correction's retraction entry. */
    public static final String RETRACTION = ":retraction";

    private final FeedLog log;
    private final String source;
    private final JsonMapper json = JsonMapper.builder().build();
    /** How far this run has reproduced the log, once known (after a reset: 0; after any entry: at least its number + 1). */
    private volatile Long expectedNext;

    public FeedLogProjection(FeedLog log, String source) {
        this.log = log;
        this.source = source;
    }

    @EventHandler
    void on(DisclosureDecided e, EventMessage<?> message, TrackingToken token) {
        if (e.action() != DisclosureAction.PUBLISH) return;
        Map<String, Object> data = dataOf(e.record());
        data.put("publishedOn", e.decidedOn());
        publish(message, token, FeedTypes.DISCLOSURE_PUBLISHED, RECORD, e.recordId(), (appending, seq) -> e.record().division(), data);
    }

    /**
     * A correction is two entries: a retraction naming the entry it takes back (its CloudEvent id is
     * the event's id with {@value #RETRACTION}), then the corrected record. A mirror drops the
     * retracted entry's content, so a correction that hides more (a later redaction) takes back what
     * the signed log already holds without rewriting it.
     */
    @EventHandler
    void on(DisclosureCorrected e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> retraction = new LinkedHashMap<>();
        retraction.put("recordId", e.recordId());
        retraction.put("retractedOn", e.correctedOn());
        retraction.put("reason", e.reason());
        retract(message.getIdentifier() + RETRACTION, message, token, FeedTypes.DISCLOSURE_RETRACTED, RECORD, e.recordId(), retraction);
        Map<String, Object> data = dataOf(e.record());
        // a correction recorded before the event carried it keeps its entry's bytes, so a rebuild of the feed gives the same log
        if (e.publishedOn() != null) data.put("publishedOn", e.publishedOn());
        data.put("correctedOn", e.correctedOn());
        data.put("correctionReason", e.reason());
        publish(message, token, FeedTypes.DISCLOSURE_CORRECTED, RECORD, e.recordId(), (appending, seq) -> e.record().division(), data);
    }

    @EventHandler
    void on(DisclosureWithdrawn e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", e.recordId());
        data.put("withdrawnOn", e.withdrawnOn());
        data.put("reason", e.reason());
        data.put("revisionKind", e.revisionKind());
        retract(message, token, FeedTypes.DISCLOSURE_WITHDRAWN, RECORD, e.recordId(), data);
    }

    @EventHandler
    void on(DisclosureExpired e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", e.recordId());
        data.put("publicUntil", e.publicUntil());
        data.put("expiredOn", e.expiredOn());
        retract(message, token, FeedTypes.DISCLOSURE_EXPIRED, RECORD, e.recordId(), data);
    }

    @EventHandler
    void on(PublicationTerminated e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", e.recordId());
        data.put("terminatedOn", e.terminatedOn());
        data.put("reason", e.reason());
        retract(message, token, FeedTypes.DISCLOSURE_TERMINATED, RECORD, e.recordId(), data);
    }

    @EventHandler
    void on(ListingAdded e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("listingId", e.listingId());
        data.put("listType", e.listType());
        data.put("category", e.category());
        data.put("subject", e.subject());
        data.put("listedOn", e.listedOn());
        data.put("termEnd", e.termEnd().dueOn());
        data.put("reason", e.reason());
        // only where recorded: an entry listed before keeps its bytes when the feed is built again
        if (e.authorityName() != null) data.put("authorityName", e.authorityName());
        data.put("authorityUscc", e.bureau());
        data.put("division", e.division());
        publish(message, token, FeedTypes.LISTING_ADDED, LISTING, e.listingId(), (appending, seq) -> e.division(), data);
    }

    @EventHandler
    void on(ListingRemoved e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("listingId", e.listingId());
        data.put("listType", e.listType());
        data.put("subject", e.subject());
        data.put("removedOn", e.removedOn());
        data.put("reason", e.reason());
        retract(message, token, FeedTypes.LISTING_REMOVED, LISTING, e.listingId(), data);
    }

    @EventHandler
    void on(SanctionImposed e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sanctionId", e.sanctionId());
        data.put("listingId", e.listingId());
        data.put("uscc", e.uscc());
        data.put("measure", e.measure());
        data.put("scope", e.scope());
        data.put("imposedOn", e.imposedOn());
        data.put("until", e.until());
        // a sanction is public in the division of the list entry it belongs to, as the log stood then
        publish(message, token, FeedTypes.SANCTION_IMPOSED, SANCTION, e.sanctionId(),
                (appending, seq) -> LISTING.publicBefore(appending, e.listingId(), seq).map(FeedLog.Current::division).orElse(null), data);
    }

    @EventHandler
    void on(SanctionLifted e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sanctionId", e.sanctionId());
        data.put("listingId", e.listingId());
        data.put("uscc", e.uscc());
        data.put("measure", e.measure());
        data.put("liftedOn", e.liftedOn());
        data.put("reason", e.reason());
        retract(message, token, FeedTypes.SANCTION_LIFTED, SANCTION, e.sanctionId(), data);
    }

    /**
     * A replay (a reset, a rebuild) never clears the published log under its readers: it starts
     * checking, from entry 0, that every event reproduces its stored entry byte for byte.
     */
    @ResetHandler
    void reset() {
        expectedNext = 0L;
        log.replaying();
    }

    /** What a subject's entries make public: a key in {@code feed_current}, and the types that publish and retract it. */
    record Kind(String prefix, List<String> publishing, List<String> retracting) {
        Optional<FeedLog.Current> publicBefore(FeedLog.Appending appending, String id, long seq) {
            return appending.publicBefore(id, publishing, retracting, seq);
        }
    }

    static final Kind RECORD = new Kind("record:", List.of(FeedTypes.DISCLOSURE_PUBLISHED, FeedTypes.DISCLOSURE_CORRECTED),
            List.of(FeedTypes.DISCLOSURE_RETRACTED, FeedTypes.DISCLOSURE_WITHDRAWN, FeedTypes.DISCLOSURE_EXPIRED, FeedTypes.DISCLOSURE_TERMINATED));
    static final Kind LISTING = new Kind("listing:", List.of(FeedTypes.LISTING_ADDED), List.of(FeedTypes.LISTING_REMOVED));
    static final Kind SANCTION = new Kind("sanction:", List.of(FeedTypes.SANCTION_IMPOSED), List.of(FeedTypes.SANCTION_LIFTED));

    static final List<Kind> KINDS = List.of(RECORD, LISTING, SANCTION);

    /** The kind whose key {@code key} is ({@code record:…}, {@code listing:…}, {@code sanction:…}). */
    static Kind ofKey(String key) {
        return KINDS.stream().filter(k -> key.startsWith(k.prefix())).findFirst()
                .orElseThrow(() -> new IllegalStateException("feed_current holds a key of no kind: " + key));
    }

    /** The kind an entry of {@code type} speaks for. */
    static Kind ofType(String type) {
        return KINDS.stream().filter(k -> k.publishing().contains(type) || k.retracting().contains(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a feed entry of no kind: " + type));
    }

    /** A retraction names the entry it retracts: the one that last made the subject public before it. */
    private void retract(EventMessage<?> message, TrackingToken token, String type, Kind kind, String subject, Map<String, Object> data) {
        retract(message.getIdentifier(), message, token, type, kind, subject, data);
    }

    private void retract(String entryId, EventMessage<?> message, TrackingToken token, String type, Kind kind, String subject,
                         Map<String, Object> data) {
        write(entryId, message, token, type, kind, subject, false, (appending, seq) -> {
            var retracted = kind.publicBefore(appending, subject, seq);
            data.put("retracts", retracted.map(FeedLog.Current::seq).orElse(null));
            return retracted.map(FeedLog.Current::division).orElse(null);
        }, data);
    }

    private void publish(EventMessage<?> message, TrackingToken token, String type, Kind kind, String subject,
                         DivisionAt divisionAt, Map<String, Object> data) {
        write(message.getIdentifier(), message, token, type, kind, subject, true, divisionAt, data);
    }

    /**
     * Appends the entry {@code eventId} (the event's identifier, or derived from it), or, if it exists already (a redelivery, a replay), checks
     * that it reproduces it byte for byte at the expected number. Everything in an entry is computed
     * from the event and the log before it, so the answer is the same live and in a replay.
     */
    private void write(String eventId, EventMessage<?> message, TrackingToken token, String type, Kind kind, String subject, boolean makesPublic,
                       DivisionAt divisionAt, Map<String, Object> data) {
        // a redelivery is recognised by the event's identifier: a gap-aware token's position is the
        // highest index seen, which an event committed late shares with the one read before it
        long globalIndex = ReadModelWrites.position(token);
        // which of the batch's events have entries, and the log's size, asked once a batch
        FeedLog.Appending appending = Batches.state(FeedLog.Appending.class, this::appending);
        Optional<FeedEntry> stored = appending.appendedFor(eventId);
        long seq = stored.map(FeedEntry::seq).orElseGet(appending::next);
        String division = divisionAt.at(appending, seq);
        String line = line(eventId, type, subject, message.getTimestamp(), seq, data);
        FeedEntry entry;
        if (stored.isPresent()) {
            entry = log.verify(stored.get(), line, expectedNext);
        } else {
            if (expectedNext != null && seq != expectedNext) {
                throw new FeedLogViolation("the replay reached a new event at entry " + expectedNext + " but the log holds " + seq
                        + " entries: entries " + expectedNext + ".." + (seq - 1) + " were not reproduced");
            }
            entry = appending.append(seq, eventId, globalIndex, type, subject, division, message.getTimestamp(), line);
        }
        expectedNext = expectedNext == null ? entry.seq() + 1 : Math.max(expectedNext, entry.seq() + 1);
        appending.publicNow(kind.prefix() + subject, entry, makesPublic);
    }

    /** The division an entry at {@code seq} is public in, as the log stands before it (with what the batch appended). */
    @FunctionalInterface
    private interface DivisionAt {
        String at(FeedLog.Appending appending, long seq);
    }

    /**
     * The batch's appending ({@link FeedLog#appending}). Its entries are written when it ends: should it fail, how far
     * this run has reproduced the log goes back to where it stood before the batch, as the log does.
     */
    private FeedLog.Appending appending(List<String> eventIds) {
        if (CurrentUnitOfWork.isStarted()) {
            Long before = expectedNext;
            CurrentUnitOfWork.get().root().onRollback(u -> expectedNext = before);
        }
        return log.appending(eventIds);
    }

    /** One CloudEvent 1.0 in JSON, attributes in a fixed order. */
    private String line(String id, String type, String subject, Instant time, long seq, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", source);
        event.put("type", type);
        event.put("time", time.toString());
        event.put("subject", subject);
        event.put("datacontenttype", "application/json");
        event.put("sequence", seq);
        event.put("data", data);
        return json.writeValueAsString(event);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dataOf(Object record) {
        return json.convertValue(record, LinkedHashMap.class);
    }
}
