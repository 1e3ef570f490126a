package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 结案. */
public record CaseClosed(String caseId, LocalDate closedOn, String outcome) implements CaseEvent {}
