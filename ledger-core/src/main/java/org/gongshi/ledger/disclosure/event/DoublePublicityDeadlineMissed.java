package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/** The stricter 7 WD 双公示 deadline of a disclosable decision passed with no disclosure decided: recorded by the deadline mechanism, once. */
public record DoublePublicityDeadlineMissed(String caseId, String decisionId, Deadline deadline, LocalDate recordedOn, String policyVersion) implements DisclosureEvent {}
