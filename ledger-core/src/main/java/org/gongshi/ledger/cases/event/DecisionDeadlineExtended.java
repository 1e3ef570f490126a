package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * 延期: the decision deadline was extended, by the head ({@code days}) or by a collective decision
 * ({@code namedDeadline}); records the deadline that now applies.
 */
public record DecisionDeadlineExtended(@DataSubjectId String caseId, ExtensionApproval approval, LocalDate approvedOn, int days, LocalDate namedDeadline, @PersonalData(ifSubjectIsNaturalPerson = true) String reason, Deadline decisionDeadline, String policyVersion) implements CaseEvent {}
