package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.privacy.DataSubjectId;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.vocabulary.Penalty;

import java.time.LocalDate;
import java.util.List;

/** 事先告知: the notice of the proposed penalty was served; records the hearing request deadline. */
public record PenaltyNoticeServed(@DataSubjectId String caseId, LocalDate servedOn, List<Penalty> proposedPenalties, boolean hearingRightGranted, boolean rightsWaived, Deadline hearingRequestDeadline, String policyVersion) implements CaseEvent {}
