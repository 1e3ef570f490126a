package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deadline mechanism ({@code system:deadlines}) when one of the case's deadlines fell due:
 * the case records each deadline that passed unmet by the recording day, and ends a public record
 * whose publicity period is over. Idempotent: a deadline is recorded as missed once.
 */
public record CheckDeadlines(@TargetAggregateIdentifier String caseId) {}
