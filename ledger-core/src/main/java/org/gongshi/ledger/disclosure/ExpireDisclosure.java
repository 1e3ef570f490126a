package org.gongshi.ledger.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Issued by the scheduler when a record falls due: the publicity period ended before {@code asOf}. Idempotent. */
public record ExpireDisclosure(@TargetAggregateIdentifier String caseId, LocalDate asOf) {}
