package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * Decree 310 Art 5, recorded with a transfer: the head approves within 3 days of the report of a
 * suspected crime, and the approved transfer is sent within 24 hours (by the day after the approval,
 * as the ledger keeps dates); whether each was met.
 */
public record TransferDeadlines(String caseId, LocalDate suspectedOn, LocalDate approvedOn, Deadline approvalDeadline,
                                boolean approvedInTime, Deadline sendingDeadline, boolean sentInTime, String policyVersion)
        implements CaseEvent {}
