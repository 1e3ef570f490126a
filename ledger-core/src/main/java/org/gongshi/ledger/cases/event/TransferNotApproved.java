package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/**
 * 不予批准移送: the head decided on {@code decidedOn} not to transfer the suspected crime, for {@code reason} (recorded in the
 * file, Decree 310 Art 5), by {@code approvalDeadline} or not as the ledger recorded it; the bureau goes on with the case.
 */
public record TransferNotApproved(@DataSubjectId String caseId, LocalDate decidedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String reason,
                                  Deadline approvalDeadline, boolean decidedInTime, String policyVersion) implements CaseEvent {}
