package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * 更正: the public record was corrected; same record id, new content. {@code reason} is public and
 * redacted; {@code redactions} are the terms hidden from the record by this correction and every act
 * before it (personal data, sealed in the event store), so a correction never un-hides a term.
 * {@code publishedOn} is the record's publication day, from which its publicity period runs, so the feed's
 * {@code disclosure.corrected} entry (the one a snapshot holds for the record) carries it as the published entry did; null
 * in a correction recorded before it was (a credit platform's sweep from outside, stop 76).
 */
public record DisclosureCorrected(@DataSubjectId String caseId, String recordId, LocalDate correctedOn, String reason, PublicRecord record,
                                  @PersonalData List<String> redactions, LocalDate publishedOn) implements DisclosureEvent {

    /** A correction that records no publication day (as one recorded before it was). */
    public DisclosureCorrected(String caseId, String recordId, LocalDate correctedOn, String reason, PublicRecord record, List<String> redactions) {
        this(caseId, recordId, correctedOn, reason, record, redactions, null);
    }
}
