package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** The 20 WD disclosure deadline (SAMR Order 45 Art 9) of a disclosable decision passed with no disclosure decided: recorded by the deadline mechanism, once. */
public record DisclosureDeadlineMissed(String caseId, String decisionId, Deadline deadline, LocalDate recordedOn, String policyVersion) implements DisclosureEvent {}
