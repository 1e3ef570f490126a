package org.gongshi.projections.feed;

import org.gongshi.ledger.calendar.WorkingDayCalendar;

import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.gongshi.projections.publicrecords.PublicRecordView.Correction;
import org.gongshi.projections.publicrecords.PublicRecordView.Withdrawal;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A public penalty record as the public saw it over time, folded from the feed's entries about it
 * (the feed is the log of what was made public, in order): one version per entry, each the record
 * as it stood after that entry. What the public saw once some of the ledger's events were recorded is
 * the fold of the entries those events made (an entry names its {@code eventId}); nothing before the
 * publication.
 */
public final class PublicRecordHistory {

    /** Decimals keep their digits and scale, as the feed line wrote them (the public API's amounts). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The record after feed entry {@code sequence} of {@code type}, recorded at {@code time}. */
    public record Version(long sequence, String type, Instant time, PublicRecordView view) {}

    private PublicRecordHistory() {
    }

    /** Folds the entries about one record, in feed order. */
    public static List<Version> fold(List<FeedEntry> entries) {
        List<Version> versions = new ArrayList<>();
        PublicRecordView view = null;
        for (FeedEntry entry : entries) {
            JsonNode data = JSON.readTree(entry.line()).path("data");
            view = apply(view, entry, data);
            if (view != null) versions.add(new Version(entry.seq(), entry.type(), entry.time(), view));
        }
        return versions;
    }

    private static PublicRecordView apply(PublicRecordView v, FeedEntry entry, JsonNode data) {
        String type = entry.type();
        if (type.equals(FeedTypes.DISCLOSURE_PUBLISHED)) {
            PublicRecord record = record(data);
            return new PublicRecordView(entry.subject(), null, RecordState.PUBLISHED, record, date(data, "publishedOn"),
                    null, List.of(), null, null, entry.globalIndex(), provisional(record), null, null);
        }
        if (v == null) return null; // nothing public yet to change
        if (type.equals(FeedTypes.DISCLOSURE_CORRECTED)) {
            List<Correction> corrections = new ArrayList<>(v.corrections());
            corrections.add(new Correction(date(data, "correctedOn"), data.path("correctionReason").asString(null)));
            PublicRecord record = record(data);
            return new PublicRecordView(v.recordId(), v.caseId(), v.state(), record, v.publishedOn(), null, corrections,
                    v.withdrawal(), v.endedOn(), entry.globalIndex(), provisional(record), null, null);
        }
        if (type.equals(FeedTypes.DISCLOSURE_WITHDRAWN)) {
            LocalDate on = date(data, "withdrawnOn");
            String kind = data.path("revisionKind").asString(null);
            return new PublicRecordView(v.recordId(), v.caseId(), RecordState.WITHDRAWN, v.record(), v.publishedOn(), null, v.corrections(),
                    new Withdrawal(on, data.path("reason").asString(null), kind == null ? null : RevisionKind.valueOf(kind)),
                    on, entry.globalIndex(), v.publicUntilProvisional(), null, null);
        }
        if (type.equals(FeedTypes.DISCLOSURE_EXPIRED)) {
            return ended(v, RecordState.EXPIRED, date(data, "expiredOn"), entry);
        }
        if (type.equals(FeedTypes.DISCLOSURE_TERMINATED)) {
            return ended(v, RecordState.TERMINATED, date(data, "terminatedOn"), entry);
        }
        return v;
    }

    private static PublicRecordView ended(PublicRecordView v, RecordState state, LocalDate on, FeedEntry entry) {
        return new PublicRecordView(v.recordId(), v.caseId(), state, v.record(), v.publishedOn(), null, v.corrections(), v.withdrawal(),
                on, entry.globalIndex(), v.publicUntilProvisional(), null, null);
    }

    /**
     * Whether the record's public-until date lay in a year without a loaded holiday notice (the feed
     * entry does not carry the flag; the official calendar decides, as it did for the projection unless
     * an operator loaded a notice of that year from a file).
     */
    private static Boolean provisional(PublicRecord record) {
        return record != null && record.publicUntil() != null
                && !WorkingDayCalendar.official().isPublished(record.publicUntil().getYear());
    }

    /** The record fields of a published or corrected entry (its data without the entry's own dates). */
    private static PublicRecord record(JsonNode data) {
        ObjectNode fields = ((ObjectNode) data).deepCopy();
        fields.remove(List.of("publishedOn", "correctedOn", "correctionReason"));
        return JSON.treeToValue(fields, PublicRecord.class);
    }

    private static LocalDate date(JsonNode data, String field) {
        String value = data.path(field).asString(null);
        return value == null ? null : LocalDate.parse(value);
    }
}
