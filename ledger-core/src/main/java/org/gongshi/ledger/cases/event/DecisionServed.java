package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.privacy.DataSubjectId;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * 送达: the party received the decision (Art 61). Periods that run from receipt start the next day:
 * the 15 CD to pay (Art 67) are recorded here.
 */
public record DecisionServed(@DataSubjectId String caseId, String decisionId, LocalDate receivedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String method, Deadline paymentDeadline,
                             String policyVersion) implements CaseEvent {}
