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
 * unigrams and bigrams of the subject name, the index behind Chinese substring search, and {@code provinceNameKeys} its
 * bigrams under the division's province; {@code searchName} is the name normalised as a query is ({@link NameKeys#normalise}).
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
        /** The name's bigrams under the division's province ({@link NameKeys#inProvince}): a name searched within a province. */
        List<String> provinceNameKeys,
        /** The name as the search compares it ({@link NameKeys#normalise}): what a query of three or more characters must be a substring of. */
        String searchName) {

    /**
     * This record as it stands on {@code today}: one published whose publicity period ended before it is expired, whether or
     * not its end is recorded yet (a historical import's record whose period ended years ago is recorded expired a day after
     * the import: a sweep from outside, stop 74).
     */
    public PublicRecordView asOn(LocalDate today) {
        LocalDate until = record == null ? null : record.publicUntil();
        if (state != RecordState.PUBLISHED || until == null || !until.isBefore(today)) return this;
        return new PublicRecordView(recordId, caseId, RecordState.EXPIRED, record, publishedOn, nameKeys, corrections, withdrawal,
                until.plusDays(1), lastGlobalIndex, publicUntilProvisional, provinceNameKeys, searchName);
    }

    public record Correction(LocalDate correctedOn, String reason) {}

    public record Withdrawal(LocalDate withdrawnOn, String reason, RevisionKind revisionKind) {}
}
