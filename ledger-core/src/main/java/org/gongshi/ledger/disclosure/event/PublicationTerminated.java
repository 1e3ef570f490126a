package org.gongshi.ledger.disclosure.event;

import java.time.LocalDate;

/** 信用修复 → 提前终止公示: publication ended early; the penalty itself stands. */
public record PublicationTerminated(String caseId, String recordId, LocalDate terminatedOn, String reason, String policyVersion) implements DisclosureEvent {}
