package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * The 3 WD withdrawal deadline (Art 48 / Order 45 Art 11) had passed when the revision reached the
 * ledger: the record stayed public past it. Recorded with the late withdrawal, on {@code recordedOn}.
 */
public record WithdrawalDeadlineMissed(String caseId, String recordId, Deadline deadline, LocalDate recordedOn, String policyVersion) implements DisclosureEvent {}
