package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 陈述、申辩 received. */
public record StatementRecorded(String caseId, LocalDate receivedOn, String summary) implements CaseEvent {}
