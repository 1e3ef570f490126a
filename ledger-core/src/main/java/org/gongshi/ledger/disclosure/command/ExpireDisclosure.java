package org.gongshi.ledger.disclosure.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Issued by the scheduler when a record falls due: the publicity period ended before {@code asOf}. Idempotent. */
public record ExpireDisclosure(@TargetAggregateIdentifier String caseId, LocalDate asOf) {}
