package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 不予行政处罚. */
public record NoPenaltyDecided(String caseId, String decisionId, String decisionNumber, LocalDate decidedOn, String legalBasis, String facts, Deadline decisionDeadline, boolean decidedInTime, String policyVersion) implements CaseEvent {}
