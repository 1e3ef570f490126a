package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/** 听证 held. */
public record HearingConcluded(String caseId, LocalDate heldOn, String outcome) implements CaseEvent {}
