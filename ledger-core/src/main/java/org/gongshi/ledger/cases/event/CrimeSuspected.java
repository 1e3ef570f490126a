package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/**
 * 涉嫌犯罪: a crime suspected in the case's matter on {@code suspectedOn}; the head decides on its transfer by
 * {@code approvalDeadline} (Decree 310 Art 5), which the deadline mechanism records missed when it passes undecided.
 */
public record CrimeSuspected(@DataSubjectId String caseId, LocalDate suspectedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String reason,
                             Deadline approvalDeadline, String policyVersion) implements CaseEvent {}
