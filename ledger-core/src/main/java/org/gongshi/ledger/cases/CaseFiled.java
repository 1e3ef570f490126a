package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 立案: the case was filed; records the decision deadline that applied and the policy version. */
public record CaseFiled(String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, String source, Party party, Deadline decisionDeadline, LocalDate escalationDueOn, String policyVersion) implements CaseEvent {}
