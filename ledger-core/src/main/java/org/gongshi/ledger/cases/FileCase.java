package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 立案: file a case. The bureau is the filing authority (处罚机关). */
public record FileCase(@TargetAggregateIdentifier String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, String source, Party party) {}
