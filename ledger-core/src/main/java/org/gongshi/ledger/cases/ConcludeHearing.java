package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 听证: record the hearing held and its outcome. */
public record ConcludeHearing(@TargetAggregateIdentifier String caseId, LocalDate heldOn, String outcome) {}
