package org.gongshi.ledger.cases.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;

/**
 * 立案: file a case. The bureau is the filing authority (处罚机关). {@code actOn}: the day of the act, when the bureau knows it
 * (a party under 18 周岁 that day is never disclosed, DOMAIN.md); null when not recorded.
 */
public record FileCase(@TargetAggregateIdentifier String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, String source, Party party, LocalDate actOn) {

    /** A filing that records no day of the act. */
    public FileCase(String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, String source, Party party) {
        this(caseId, bureau, authorityName, division, filedOn, ipType, violationType, procedure, source, party, null);
    }
}
