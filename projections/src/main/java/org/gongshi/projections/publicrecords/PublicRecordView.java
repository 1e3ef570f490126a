package org.gongshi.projections.publicrecords;

import org.bson.codecs.pojo.annotations.BsonId;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.gongshi.ledger.disclosure.RecordState;

import java.time.LocalDate;
import java.util.List;

/**
 * One public penalty record as the public sees it (or saw it, once it ended): the record as
 * published or last corrected, its state, and why it ended. {@code nameKeys} are the character
 * unigrams and bigrams of the subject name, the index behind Chinese substring search, and {@code regionNameKeys} the
 * same under each region of the division.
 */
public record PublicRecordView(
        @BsonId String recordId,
        String caseId,
        RecordState state,
        PublicRecord record,
        LocalDate publishedOn,
        List<String> nameKeys,
        List<Correction> corrections,
        Withdrawal withdrawal,
        LocalDate endedOn,
        Long lastGlobalIndex,
        /** The public-until date lies in a year whose holiday notice is not loaded yet, so it may still move. */
        Boolean publicUntilProvisional,
        /** The name keys under each region of the division ({@link NameKeys#inRegions}): a name searched within a region. */
        List<String> regionNameKeys) {

    public record Correction(LocalDate correctedOn, String reason) {}

    public record Withdrawal(LocalDate withdrawnOn, String reason, RevisionKind revisionKind) {}
}
