package org.gongshi.api.audit;

import org.gongshi.ledger.policy.Rulebook;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.security.Access;
import org.gongshi.api.security.Caller;
import org.gongshi.api.web.CaseAnswers;
import org.gongshi.api.web.PublicAnswers;
import org.gongshi.api.web.TransparencyLog;
import org.gongshi.ledger.cases.DecisionNumberSlot;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.DecisionNumberTaken;
import org.gongshi.ledger.cases.event.NoPenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.listings.ListEntrySlot;
import org.gongshi.ledger.listings.event.ListEntrySlotOccupied;
import org.gongshi.ledger.listings.event.ListEntrySlotVacated;
import org.gongshi.ledger.privacy.command.ShredSubject;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.projections.cases.CaseView;
import org.gongshi.projections.cases.CaseViewReplay;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.feed.FeedLog;
import org.gongshi.projections.feed.PublicRecordHistory;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.gongshi.projections.ledger.LedgerLeaves;
import org.gongshi.projections.ledger.LedgerTree;
import org.gongshi.projections.ledger.StoredEvents;
import org.gongshi.projections.ledger.StoredForm;
import org.gongshi.projections.listings.ListingView;
import org.gongshi.projections.listings.ListingViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import org.gongshi.projections.privacy.PersonalDataSeal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What auditors read about one case, from the event store (never from the current case document):
 * every event of the case and of the listings resting on it, with its place in the ledger tree, and
 * the case and its public record as they stood at any instant.
 */
public class CaseHistories {

    /** Legal dates are days in Asia/Shanghai (DESIGN.md). */
    static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Shanghai");
    /** The most feed entries one record's public history reads. */
    static final int MAX_VERSIONS = 1000;

    private final EventStore eventStore;
    private final StoredForm storedForm;
    private final CaseViews caseViews;
    private final ListingViews listingViews;
    private final LedgerLeaves leaves;
    private final FeedLog feed;
    private final CaseViewReplay replay;
    private final JsonMapper json;
    private final Rulebook rules;

    public CaseHistories(EventStore eventStore, StoredForm storedForm, CaseViews caseViews, ListingViews listingViews,
                         LedgerTree ledgerTree, FeedLog feed, CaseViewReplay replay, JsonMapper json, Rulebook rules) {
        this.rules = rules;
        this.eventStore = eventStore;
        this.storedForm = storedForm;
        this.caseViews = caseViews;
        this.listingViews = listingViews;
        this.leaves = ledgerTree.leaves();
        this.feed = feed;
        this.replay = replay;
        this.json = json;
    }

    /**
     * The case, if the caller audits it: auditors and supervisors read every case in their division
     * and below, nobody else reads audit histories.
     *
     * @throws Forbidden for another role or a case outside the caller's division
     * @throws NotFound  for an unknown case
     */
    public CaseView audited(Caller caller, String caseId) {
        Access.requireAuditor(caller);
        CaseView view = caseViews.find(caseId).orElseThrow(() -> new NotFound("No case with id " + caseId
                + " (to read a case just filed, send the position its command answered: ?position=)"));
        Access.checkAudit(caller, "Case " + caseId, view.division());
        return view;
    }

    /** One event as the store holds it, with its leaf in the ledger tree if it has one yet. */
    record AuditedEvent(DomainEventMessage<?> message, LedgerLeaves.Leaf leaf) {
        long order() {
            return leaf == null ? Long.MAX_VALUE : leaf.globalIndex();
        }
    }

    /**
     * Every event of the case, of the listings resting on it and of the decision number its decision took ({@link
     * DecisionNumberSlot}: audit, those ledger entries were in no history), of its party's data subject (the erasure of the
     * personal data: when, by whom) and of the list-entry slots its listings took and left (a sweep from outside, stop 72: those
     * two were in no history), in global order (events not yet in the tree last).
     */
    public List<AuditedEvent> events(String caseId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(stream(caseId));
        messages.addAll(numbersTaken(caseId, messages));
        messages.addAll(stream(ShredSubject.aggregateId(caseId)));
        for (ListingView listing : listingViews.restingOn(caseId)) {
            messages.addAll(stream(listing.listingId()));
            if (listing.subject() != null && listing.subject().uscc() != null) {
                stream(ListEntrySlot.idOf(listing.listType(), listing.subject().uscc())).stream()
                        .filter(m -> listing.listingId().equals(slotListing(m.getPayload()))).forEach(messages::add);
            }
        }
        Map<String, LedgerLeaves.Leaf> found = leaves.forEvents(messages.stream().map(DomainEventMessage::getIdentifier).toList());
        return messages.stream().map(m -> new AuditedEvent(m, found.get(m.getIdentifier())))
                .sorted(Comparator.comparingLong(AuditedEvent::order).thenComparing(e -> e.message().getTimestamp()))
                .toList();
    }

    /** The listing a list-entry slot's event names, or null. */
    private static String slotListing(Object payload) {
        if (payload instanceof ListEntrySlotOccupied occupied) return occupied.listingId();
        if (payload instanceof ListEntrySlotVacated vacated) return vacated.listingId();
        return null;
    }

    /** The events by which the case's decision took its number, read from the number's own stream. */
    private List<DomainEventMessage<?>> numbersTaken(String caseId, List<DomainEventMessage<?>> caseEvents) {
        String bureau = null;
        List<String> numbers = new ArrayList<>();
        for (DomainEventMessage<?> m : caseEvents) {
            Object payload = m.getPayload();
            if (payload instanceof CaseFiled filed) bureau = filed.bureau();
            if (payload instanceof PenaltyDecided decided) numbers.add(decided.decisionNumber());
            if (payload instanceof NoPenaltyDecided decided) numbers.add(decided.decisionNumber());
        }
        if (bureau == null) return List.of();
        List<DomainEventMessage<?>> taken = new ArrayList<>();
        for (String number : numbers) {
            stream(DecisionNumberSlot.idOf(bureau, number)).stream()
                    .filter(m -> m.getPayload() instanceof DecisionNumberTaken t && caseId.equals(t.caseId()))
                    .forEach(taken::add);
        }
        return taken;
    }

    private List<DomainEventMessage<?>> stream(String aggregateId) {
        List<DomainEventMessage<?>> list = new ArrayList<>();
        eventStore.readEvents(aggregateId).asStream().forEach(list::add);
        return list;
    }

    /** An event as the history shows it; {@code leafMatches} says whether the stored event still encodes to its leaf. */
    public Map<String, Object> present(AuditedEvent event) {
        DomainEventMessage<?> m = event.message();
        Recording recording = StoredEvents.recording(m);
        Map<String, Object> body = new LinkedHashMap<>();
        LedgerLeaves.Leaf leaf = event.leaf();
        body.put("globalIndex", leaf == null ? null : leaf.globalIndex());
        body.put("leafIndex", leaf == null ? null : leaf.leafIndex());
        body.put("leafHash", leaf == null ? null : TransparencyLog.b64(leaf.leafHash()));
        body.put("eventId", m.getIdentifier());
        body.put("aggregateType", m.getType());
        body.put("aggregateId", m.getAggregateIdentifier());
        body.put("sequence", m.getSequenceNumber());
        body.put("type", m.getPayloadType().getName());
        body.put("recordedAt", recording.recordedAt().toString());
        body.put("actor", recording.actor());
        // as the ledger leaf holds it ("" for a system identity), so an auditor recomputes the leaf hash from this answer
        body.put("bureau", recording.bureau() == null ? "" : recording.bureau());
        if (recording.historicalImport()) body.put("historicalImport", true);
        JsonNode payload = null;
        try {
            payload = StoredEvents.payload(m, storedForm);
        } catch (IllegalArgumentException e) {
            body.put("payloadError", e.getMessage());
        }
        String policy = payload == null ? null : payload.path("policyVersion").asString(null);
        body.put("policyVersion", policy != null ? policy : StoredEvents.metadata(m, "policyVersion"));
        body.put("payload", payload);
        // the stored payload holds personal data sealed (as its leaf hashes it); what the ledger reads is beside it: opened,
        // or "shredded" once the subject's key was deleted (audit: the history showed only the sealed strings)
        if (payload != null && payload.toString().contains(PersonalDataSeal.PREFIX)) {
            try {
                body.put("payloadOpened", json.valueToTree(m.getPayload()));
            } catch (RuntimeException e) {
                body.put("payloadError", e.getMessage());
            }
        }
        if (leaf != null) {
            body.put("leafMatches", payload != null
                    && Arrays.equals(leaf.leafHash(), StoredEvents.leafOf(m, leaf.globalIndex(), storedForm).leafHash()));
        }
        return body;
    }

    /**
     * The case and its public record as they stood at {@code asOf}: the case folded by the case-view
     * projection from the events recorded up to then, its deadlines judged on that day, and the
     * public record folded from the feed entries up to then, answered exactly as the public API did.
     */
    public Map<String, Object> asOf(String caseId, Instant asOf) {
        List<DomainEventMessage<?>> known = knownAt(stream(caseId), asOf);
        CaseView view = replay.replay(caseId, known).orElseThrow(() -> new NotFound("Case " + caseId + " had not been filed by " + asOf));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("asOf", asOf.toString());
        DomainEventMessage<?> last = known.get(known.size() - 1);
        body.put("knownThrough", Map.of("sequence", last.getSequenceNumber(), "recordedAt", StoredEvents.recording(last).recordedAt().toString()));
        LocalDate day = LocalDate.ofInstant(asOf, LEGAL_ZONE);
        body.put("case", CaseAnswers.present(view, day, json, rules));
        Set<String> knownIds = known.stream().map(DomainEventMessage::getIdentifier).collect(Collectors.toSet());
        String recordId = view.disclosure() == null ? null : view.disclosure().recordId();
        // a changed decision withheld has no record of its own: the record the public last had, withdrawn, answers as the public
        // API answers it (410), not "none of it had been published" (a sweep from outside, stop 76)
        if (recordId == null && view.withdrawals() != null && !view.withdrawals().isEmpty()) {
            recordId = view.withdrawals().get(view.withdrawals().size() - 1).recordId();
        }
        body.put("publicRecord", publicRecord(recordId, knownIds, day));
        // a decision changed after its publication is published again as a new record: the first one, withdrawn, as it
        // stood too (outside audit: the state showed only the new one)
        String firstId = view.firstPublication() == null ? null : view.firstPublication().recordId();
        if (firstId != null && !firstId.equals(recordId)) body.put("firstPublicRecord", publicRecord(firstId, knownIds, day));
        return body;
    }

    /**
     * The events of a case's stream recorded by {@code asOf} by the ledger's clock (the deadline mechanism's events, missed
     * deadlines and expiry, included): the stream up to the first event recorded after {@code asOf}, never a selection from
     * beyond it. An event's time is taken as its command is sent, before the case is locked, so of two commands sent to a
     * case at once the later-stamped may be stored first; the one after it was stored later still, so the case never stood
     * with it and without the one before (a sweep from outside, stop 72: a state held sequence 6 and not 5).
     */
    static List<DomainEventMessage<?>> knownAt(List<DomainEventMessage<?>> stream, Instant asOf) {
        return stream.stream().takeWhile(m -> !StoredEvents.recording(m).recordedAt().isAfter(asOf)).toList();
    }

    /**
     * {@code {recordId, status, body, versions}}: what {@code GET /api/v1/public/penalties/{recordId}} answered
     * once the {@code known} events had been recorded, on {@code day}: the record folded from the feed entries those events
     * made, judged on that day as the public API judges it on its own (a record whose period ended before the day is gone,
     * its end recorded or not: a sweep from outside, stop 76, found a historical import's record ended years before shown
     * as public (200) where the public API answered 410); each version on the day its entry was made.
     */
    private Map<String, Object> publicRecord(String recordId, Set<String> known, LocalDate day) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recordId", recordId);
        List<PublicRecordHistory.Version> versions = recordId == null ? List.of()
                : PublicRecordHistory.fold(feed.ofSubject(recordId, MAX_VERSIONS).stream().filter(e -> known.contains(e.eventId())).toList());
        PublicRecordHistory.Version current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (current == null) {
            // before its disclosure was decided a case has no record id: "No public penalty record null" (outside audit)
            ProblemDetail none = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, recordId == null
                    ? "The case had no public penalty record then: none of it had been published" : "No public penalty record " + recordId);
            none.setTitle("Not found");
            if (recordId != null) none.setInstance(publicPath(recordId));
            answer.put("status", 404);
            answer.put("body", none);
        } else {
            answer.putAll(answerOf(current.view().asOn(day)));
        }
        answer.put("versions", versions.stream().map(v -> {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("sequence", v.sequence());
            version.put("type", v.type());
            version.put("time", v.time().toString());
            version.putAll(answerOf(v.view().asOn(LocalDate.ofInstant(v.time(), LEGAL_ZONE))));
            return version;
        }).toList());
        return answer;
    }

    private Map<String, Object> answerOf(PublicRecordView view) {
        boolean published = view.state() == RecordState.PUBLISHED;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", published ? 200 : 410);
        if (published) {
            answer.put("body", PublicAnswers.record(view, json));
        } else {
            ProblemDetail gone = PublicAnswers.gone(view);
            gone.setInstance(publicPath(view.recordId()));
            answer.put("body", gone);
        }
        return answer;
    }

    /** The public API's path of a record, the {@code instance} of its problems. */
    private static java.net.URI publicPath(String recordId) {
        return java.net.URI.create("/api/v1/public/penalties/" + recordId);
    }
}
