package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * 更正: the public record was corrected; same record id, new content. {@code reason} is public and
 * redacted; {@code redactions} are the terms hidden from the record by this correction and every act
 * before it (personal data, sealed in the event store), so a correction never un-hides a term.
 */
public record DisclosureCorrected(@DataSubjectId String caseId, String recordId, LocalDate correctedOn, String reason, PublicRecord record,
                                  @PersonalData List<String> redactions) implements DisclosureEvent {}
