package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** 移送司法机关. */
public record CaseTransferredToJudiciary(String caseId, LocalDate transferredOn, String judicialOrgan, String reason, Deadline decisionDeadline, boolean transferredInTime, String policyVersion) implements CaseEvent {}
