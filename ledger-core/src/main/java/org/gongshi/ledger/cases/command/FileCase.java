package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;

/** 立案: file a case. The bureau is the filing authority (处罚机关). */
public record FileCase(@TargetAggregateIdentifier String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, String source, Party party) {}
