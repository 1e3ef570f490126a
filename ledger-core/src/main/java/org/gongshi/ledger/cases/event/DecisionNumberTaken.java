package org.gongshi.ledger.cases.event;

/** Decision number {@code decisionNumber} (文书号) of {@code bureau} is the number of case {@code caseId}'s decision (internal; not public). */
public record DecisionNumberTaken(String slotId, String bureau, String decisionNumber, String caseId) {}
