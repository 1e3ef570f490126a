package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * 涉嫌犯罪: the case's handlers report that its matter is suspected to be a crime (IP: reasonable suspicion suffices) on
 * {@code suspectedOn}, why in {@code reason}; the head's decision on its transfer is then due within 3 days (Decree 310 Art 5).
 */
public record RecordCrimeSuspicion(@TargetAggregateIdentifier String caseId, LocalDate suspectedOn, String reason) {}
