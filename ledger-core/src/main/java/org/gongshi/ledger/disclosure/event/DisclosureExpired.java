package org.gongshi.ledger.disclosure.event;

import java.time.LocalDate;

/** 停止公示 (期满): the publicity period ended; the record stopped being public on {@code expiredOn}. */
public record DisclosureExpired(String caseId, String recordId, LocalDate publicUntil, LocalDate expiredOn) implements DisclosureEvent {}
