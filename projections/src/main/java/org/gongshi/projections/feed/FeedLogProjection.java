package org.gongshi.projections.feed;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.gongshi.ledger.disclosure.DisclosureAction;
import org.gongshi.ledger.disclosure.DisclosureCorrected;
import org.gongshi.ledger.disclosure.DisclosureDecided;
import org.gongshi.ledger.disclosure.DisclosureExpired;
import org.gongshi.ledger.disclosure.DisclosureWithdrawn;
import org.gongshi.ledger.disclosure.PublicationTerminated;
import org.gongshi.ledger.listings.ListingAdded;
import org.gongshi.ledger.listings.ListingRemoved;
import org.gongshi.ledger.listings.SanctionImposed;
import org.gongshi.ledger.listings.SanctionLifted;
import org.gongshi.projections.ReadModelWrites;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public feed: one entry per public change, numbered 0, 1, 2, … in event order without gaps.
 * It runs as one segment so entries are written in order; a redelivered event finds its entry
 * already appended and adds nothing; a rebuild produces the same numbers and the same bytes (every
 * field of a line comes from the event: its identifier, its timestamp, its payload).
 */
@ProcessingGroup(FeedLogProjection.PROCESSING_GROUP)
public class FeedLogProjection {

    public static final String PROCESSING_GROUP = "public-feed";

    private final FeedLog log;
    private final String source;
    private final JsonMapper json = JsonMapper.builder().build();

    public FeedLogProjection(FeedLog log, String source) {
        this.log = log;
        this.source = source;
    }

    @EventHandler
    void on(DisclosureDecided e, EventMessage<?> message, TrackingToken token) {
        if (e.action() != DisclosureAction.PUBLISH) return;
        Map<String, Object> data = dataOf(e.record());
        data.put("publishedOn", e.decidedOn());
        append(message, token, FeedTypes.DISCLOSURE_PUBLISHED, e.recordId(), e.record().division(), data, "record:" + e.recordId(), true);
    }

    @EventHandler
    void on(DisclosureCorrected e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = dataOf(e.record());
        data.put("correctedOn", e.correctedOn());
        data.put("correctionReason", e.reason());
        append(message, token, FeedTypes.DISCLOSURE_CORRECTED, e.recordId(), e.record().division(), data, "record:" + e.recordId(), true);
    }

    @EventHandler
    void on(DisclosureWithdrawn e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", e.recordId());
        data.put("withdrawnOn", e.withdrawnOn());
        data.put("reason", e.reason());
        data.put("revisionKind", e.revisionKind());
        retract(message, token, FeedTypes.DISCLOSURE_WITHDRAWN, e.recordId(), "record:" + e.recordId(), data);
    }

    @EventHandler
    void on(DisclosureExpired e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", e.recordId());
        data.put("publicUntil", e.publicUntil());
        data.put("expiredOn", e.expiredOn());
        retract(message, token, FeedTypes.DISCLOSURE_EXPIRED, e.recordId(), "record:" + e.recordId(), data);
    }

    @EventHandler
    void on(PublicationTerminated e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", e.recordId());
        data.put("terminatedOn", e.terminatedOn());
        data.put("reason", e.reason());
        retract(message, token, FeedTypes.DISCLOSURE_TERMINATED, e.recordId(), "record:" + e.recordId(), data);
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
        data.put("authorityUscc", e.bureau());
        data.put("division", e.division());
        append(message, token, FeedTypes.LISTING_ADDED, e.listingId(), e.division(), data, "listing:" + e.listingId(), true);
    }

    @EventHandler
    void on(ListingRemoved e, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("listingId", e.listingId());
        data.put("listType", e.listType());
        data.put("subject", e.subject());
        data.put("removedOn", e.removedOn());
        data.put("reason", e.reason());
        retract(message, token, FeedTypes.LISTING_REMOVED, e.listingId(), "listing:" + e.listingId(), data);
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
        // a sanction is public in the division of the entry it belongs to
        String division = log.current("listing:" + e.listingId()).map(FeedLog.Current::division).orElse(null);
        append(message, token, FeedTypes.SANCTION_IMPOSED, e.sanctionId(), division, data, "sanction:" + e.sanctionId(), true);
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
        retract(message, token, FeedTypes.SANCTION_LIFTED, e.sanctionId(), "sanction:" + e.sanctionId(), data);
    }

    @ResetHandler
    void reset() {
        log.clear();
    }

    /** A retraction names the entry it retracts: the one that last made the key public. */
    private void retract(EventMessage<?> message, TrackingToken token, String type, String subject, String key, Map<String, Object> data) {
        var retracted = log.current(key);
        data.put("retracts", retracted.map(FeedLog.Current::seq).orElse(null));
        append(message, token, type, subject, retracted.map(FeedLog.Current::division).orElse(null), data, key, false);
    }

    private void append(EventMessage<?> message, TrackingToken token, String type, String subject, String division,
                        Map<String, Object> data, String key, boolean makesPublic) {
        // a redelivery is recognised by the event's identifier: a gap-aware token's position is the
        // highest index seen, which an event committed late shares with the one read before it
        long globalIndex = ReadModelWrites.position(token);
        FeedEntry entry = log.appendedFor(message.getIdentifier()).orElseGet(() -> log.append(message.getIdentifier(), globalIndex, type, subject, division,
                message.getTimestamp(), seq -> line(message.getIdentifier(), type, subject, message.getTimestamp(), seq, data)));
        if (makesPublic) log.putCurrent(key, entry);
        else log.removeCurrent(key, entry.seq());
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
