package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/** 听证申请 received within the window. */
public record HearingRequested(String caseId, LocalDate requestedOn) implements CaseEvent {}
