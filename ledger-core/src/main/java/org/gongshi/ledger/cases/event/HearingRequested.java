package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/**
 * 听证申请 received within the window. {@code requestedInTime}: the ledger recorded it by the window's last day (a request dated
 * within the window but recorded after it is accepted, and does not meet the deadline as recorded); null in events stored
 * before it existed.
 */
public record HearingRequested(String caseId, LocalDate requestedOn, Boolean requestedInTime) implements CaseEvent {}
