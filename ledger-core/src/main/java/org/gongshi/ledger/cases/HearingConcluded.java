package org.gongshi.ledger.cases;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 听证 held. */
public record HearingConcluded(String caseId, LocalDate heldOn, String outcome) implements CaseEvent {}
