package org.gongshi.ledger.cases.event;

import java.time.LocalDate;

/**
 * 复议/诉讼: challenge {@code number} (1, 2, ... in the case) against the decision is pending from
 * {@code filedOn}; while it is, the late-payment penalty does not accrue (行政处罚法 Art 73).
 */
public record ChallengeFiled(String caseId, int number, ChallengeKind kind, LocalDate filedOn) implements CaseEvent {}
