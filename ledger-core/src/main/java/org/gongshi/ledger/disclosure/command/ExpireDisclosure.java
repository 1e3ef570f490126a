package org.gongshi.ledger.disclosure.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Issued by the deadline mechanism when a record falls due: its publicity period ended before the day
 * this is recorded, which is the day it expires. {@code asOf} is the day it fell due (informative). Idempotent.
 */
public record ExpireDisclosure(@TargetAggregateIdentifier String caseId, LocalDate asOf) {}
