package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 听证申请 received within the window. */
public record HearingRequested(String caseId, LocalDate requestedOn) implements CaseEvent {}
