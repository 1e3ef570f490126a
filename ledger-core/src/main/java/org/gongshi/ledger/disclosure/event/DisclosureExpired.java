package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.cases.event.CaseEvent;

import java.time.LocalDate;

/** 停止公示 (期满): the publicity period ended; the record stopped being public on {@code expiredOn}. */
public record DisclosureExpired(String caseId, String recordId, LocalDate publicUntil, LocalDate expiredOn) implements CaseEvent {}
