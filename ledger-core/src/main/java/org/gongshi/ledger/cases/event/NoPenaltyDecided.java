package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** 不予行政处罚. */
public record NoPenaltyDecided(String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, String legalBasis, String facts, Deadline decisionDeadline, boolean decidedInTime, String policyVersion) implements CaseEvent {}
