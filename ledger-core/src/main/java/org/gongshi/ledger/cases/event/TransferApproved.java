package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * 批准移送: the head approved the transfer on {@code approvedOn}, by {@code approvalDeadline} or not as the ledger recorded it
 * ({@code approvedInTime}); the transfer is sent by {@code sendingDeadline} (24 hours, Decree 310 Art 5).
 */
public record TransferApproved(String caseId, LocalDate approvedOn, Deadline approvalDeadline, boolean approvedInTime,
                               Deadline sendingDeadline, String policyVersion) implements CaseEvent {}
