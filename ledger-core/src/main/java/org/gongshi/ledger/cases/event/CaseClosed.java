package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/** 结案. */
public record CaseClosed(String caseId, LocalDate closedOn, String outcome) implements CaseEvent {}
