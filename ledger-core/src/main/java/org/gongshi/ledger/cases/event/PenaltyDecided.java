package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;
import java.util.List;

/** 作出行政处罚决定: records the deadline that applied, whether it was met, and the payment deadline. */
public record PenaltyDecided(@DataSubjectId String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, Procedure procedure, List<Penalty> penalties, @PersonalData(ifSubjectIsNaturalPerson = true) String legalBasis, @PersonalData(ifSubjectIsNaturalPerson = true) String facts, Deadline decisionDeadline, boolean decidedInTime, Deadline paymentDeadline, String policyVersion) implements CaseEvent {}
