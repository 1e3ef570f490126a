package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 陈述、申辩: record the party's statement or defence. */
public record RecordStatement(@TargetAggregateIdentifier String caseId, LocalDate receivedOn, String summary) {}
