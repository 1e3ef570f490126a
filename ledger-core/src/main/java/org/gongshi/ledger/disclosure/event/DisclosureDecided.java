package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.calendar.Deadline;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * 公示决定: the bureau decided to publish the decision (with the public record as published) or to
 * withhold it (with the legal ground, a {@link WithholdingGround} name, and its explanation). Records both
 * deadlines (20 WD SAMR, 7 WD 双公示) and whether each was met, and the publicity period. {@code redactions}
 * are the terms the bureau had hidden from the record (personal data, sealed in the event store): every
 * later correction hides them too.
 */
public record DisclosureDecided(@DataSubjectId String caseId, String decisionId, String recordId, DisclosureAction action, LocalDate decidedOn, String ground, Deadline disclosureDeadline, boolean disclosedInTime, Deadline doublePublicityDeadline, boolean doublePublicityInTime, Deadline publicUntil, PublicRecord record, String policyVersion,
                                @PersonalData List<String> redactions, @PersonalData(ifSubjectIsNaturalPerson = true) String groundExplanation) implements DisclosureEvent {}
