package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.vocabulary.RevisionKind;

import java.time.LocalDate;

/**
 * 撤回公示: the decision was changed, revoked, confirmed illegal or invalid, so its record was
 * withdrawn with the public reason; records the 3 WD deadline and whether it was met.
 */
public record DisclosureWithdrawn(String caseId, String recordId, LocalDate withdrawnOn, String reason, RevisionKind revisionKind, Deadline withdrawalDeadline, boolean withdrawnInTime, String policyVersion) implements DisclosureEvent {}
