package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** 移送司法机关. */
public record CaseTransferredToJudiciary(@DataSubjectId String caseId, LocalDate transferredOn, String judicialOrgan, @PersonalData(ifSubjectIsNaturalPerson = true) String reason, Deadline decisionDeadline, boolean transferredInTime, String policyVersion) implements CaseEvent {}
