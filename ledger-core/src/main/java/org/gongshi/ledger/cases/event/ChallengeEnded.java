package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/** 复议/诉讼终结: challenge {@code number} is no longer pending from the day after {@code endedOn}. */
public record ChallengeEnded(String caseId, int number, LocalDate endedOn, String outcome) implements CaseEvent {}
