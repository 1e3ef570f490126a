package org.gongshi.projections.publicrecords;

import com.mongodb.client.MongoCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureCorrected;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureExpired;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.disclosure.event.PublicationTerminated;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import org.gongshi.projections.writes.BatchedWrites;
import org.gongshi.projections.writes.ReadModelWrites;
import org.gongshi.projections.publicrecords.PublicRecordView.Correction;
import org.gongshi.projections.publicrecords.PublicRecordView.Withdrawal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.gongshi.projections.writes.ReadModelWrites.position;

/**
 * Builds the public penalty records from disclosure events. Writes are conditional on the event's
 * global position, so redelivery changes nothing and a rebuild gives the same documents. They read nothing back and are
 * sent together at the end of a processor's batch ({@link BatchedWrites}), in order: a replay made one round trip per
 * event here (issue 13).
 */
@ProcessingGroup(PublicRecordProjection.PROCESSING_GROUP)
public class PublicRecordProjection {

    public static final String PROCESSING_GROUP = "public-records";

    private final MongoCollection<PublicRecordView> records;

    public PublicRecordProjection(PublicRecords publicRecords) {
        this(publicRecords.collection());
    }

    /** Writing into {@code records}: the live collection, or a rebuild's. */
    public PublicRecordProjection(MongoCollection<PublicRecordView> records) {
        this.records = records;
    }

    /**
     * A record published. A historical import's record whose period ended before the day the import recorded it was never
     * public on the ledger: it stands expired from the start ({@link PublicRecordView#asOn}), out of every search and its count,
     * where the deadline mechanism records its end only a day on, after the import's later acts (two sweeps from outside, stop
     * 76: a search answered {@code total: 1} with no record for that day).
     */
    @EventHandler
    void on(DisclosureDecided e, TrackingToken token, @Timestamp Instant recordedAt, @MetaDataValue(MetadataKeys.HISTORICAL_IMPORT) String imported) {
        if (e.action() != DisclosureAction.PUBLISH) return;
        PublicRecordView published = new PublicRecordView(e.recordId(), e.caseId(), RecordState.PUBLISHED, e.record(), e.decidedOn(),
                NameKeys.of(e.record().subjectName()), List.of(), null, null, position(token),
                e.publicUntil() != null && e.publicUntil().provisional(), NameKeys.inProvince(e.record().subjectName(), e.record().division()),
                NameKeys.normalise(e.record().subjectName()));
        if ("true".equals(imported) && recordedAt != null) published = published.asOn(LocalDate.ofInstant(recordedAt, LedgerClock.LEGAL_ZONE));
        BatchedWrites.write(records, ReadModelWrites.creation(records, e.recordId(), published));
    }

    @EventHandler
    void on(DisclosureCorrected e, TrackingToken token) {
        apply(e.recordId(), token, set("record", e.record()), set("nameKeys", NameKeys.of(e.record().subjectName())),
                set(PublicRecords.PROVINCE_NAME_KEYS, NameKeys.inProvince(e.record().subjectName(), e.record().division())),
                set(PublicRecords.SEARCH_NAME, NameKeys.normalise(e.record().subjectName())),
                push("corrections", new Correction(e.correctedOn(), e.reason())));
    }

    @EventHandler
    void on(DisclosureWithdrawn e, TrackingToken token) {
        apply(e.recordId(), token, set("state", RecordState.WITHDRAWN), set("endedOn", e.withdrawnOn()),
                set("withdrawal", new Withdrawal(e.withdrawnOn(), e.reason(), e.revisionKind())));
    }

    @EventHandler
    void on(DisclosureExpired e, TrackingToken token) {
        apply(e.recordId(), token, set("state", RecordState.EXPIRED), set("endedOn", e.expiredOn()));
    }

    @EventHandler
    void on(PublicationTerminated e, TrackingToken token) {
        apply(e.recordId(), token, set("state", RecordState.TERMINATED), set("endedOn", e.terminatedOn()));
    }

    @ResetHandler
    void reset() {
        records.deleteMany(new Document());
    }

    private void apply(String recordId, TrackingToken token, Bson... updates) {
        BatchedWrites.write(records, ReadModelWrites.application(recordId, position(token), updates));
    }
}
