package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.privacy.DataSubjectId;

import org.gongshi.ledger.calendar.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 执行: the penalty was paid or enforced; records the payment deadline and any late-payment penalty (Art 72). */
public record PenaltyExecuted(@DataSubjectId String caseId, LocalDate executedOn, BigDecimal paidAmount, @PersonalData(ifSubjectIsNaturalPerson = true) String method, Deadline paymentDeadline, boolean paidInTime, BigDecimal latePaymentPenalty, String policyVersion) implements CaseEvent {}
