package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 结案. */
public record CloseCase(@TargetAggregateIdentifier String caseId, LocalDate closedOn, String outcome) {}
