package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/** 复议/诉讼终结: challenge {@code number} is no longer pending from the day after {@code endedOn}. */
public record ChallengeEnded(@DataSubjectId String caseId, int number, LocalDate endedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String outcome) implements CaseEvent {}
