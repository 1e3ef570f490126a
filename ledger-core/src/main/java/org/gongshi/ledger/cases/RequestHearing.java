package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 听证申请: the party requests a hearing. */
public record RequestHearing(@TargetAggregateIdentifier String caseId, LocalDate requestedOn) {}
