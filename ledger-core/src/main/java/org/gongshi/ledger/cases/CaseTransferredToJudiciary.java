package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 移送司法机关. */
public record CaseTransferredToJudiciary(String caseId, LocalDate transferredOn, String judicialOrgan, String reason, Deadline decisionDeadline, boolean transferredInTime, String policyVersion) implements CaseEvent {}
