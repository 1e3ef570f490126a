package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * 听证通知: the hearing notice went out on {@code notifiedOn} for a hearing on {@code hearingOn}; the
 * earliest day the hearing could be held, 7 WD after the notice (Art 64), is recorded with it.
 */
public record HearingScheduled(String caseId, LocalDate notifiedOn, LocalDate hearingOn, Deadline earliestHearingOn,
                               String policyVersion) implements CaseEvent {}
