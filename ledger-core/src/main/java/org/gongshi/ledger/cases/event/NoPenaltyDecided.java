package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** 不予行政处罚. */
public record NoPenaltyDecided(@DataSubjectId String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String legalBasis, @PersonalData(ifSubjectIsNaturalPerson = true) String facts, Deadline decisionDeadline, boolean decidedInTime, String policyVersion) implements CaseEvent {}
