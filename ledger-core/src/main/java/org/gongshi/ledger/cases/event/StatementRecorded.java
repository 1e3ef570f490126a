package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/** 陈述、申辩 received. */
public record StatementRecorded(String caseId, LocalDate receivedOn, String summary) implements CaseEvent {}
