package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * A transfer's step ({@code step}) not taken by its {@code deadline}: recorded by the deadline mechanism on {@code recordedOn},
 * once per step, while the suspicion waits for the head's decision or the approved transfer for its sending.
 */
public record TransferDeadlineMissed(String caseId, TransferStep step, Deadline deadline, LocalDate recordedOn, String policyVersion)
        implements CaseEvent {}
