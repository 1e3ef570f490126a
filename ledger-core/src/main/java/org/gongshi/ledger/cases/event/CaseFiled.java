package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;

/**
 * 立案: the case was filed; records the decision deadline that applied and the policy version. The party is the data subject.
 * {@code actOn}: the day of the act when the bureau recorded it (null in filings without it, and in those recorded before it was kept).
 */
public record CaseFiled(@DataSubjectId String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, @PersonalData(ifSubjectIsNaturalPerson = true) String source, Party party, Deadline decisionDeadline, LocalDate escalationDueOn, String policyVersion, LocalDate actOn) implements CaseEvent {

    /** A filing that records no day of the act. */
    public CaseFiled(String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, String source, Party party, Deadline decisionDeadline, LocalDate escalationDueOn, String policyVersion) {
        this(caseId, bureau, authorityName, division, filedOn, ipType, violationType, procedure, source, party, decisionDeadline, escalationDueOn, policyVersion, null);
    }
}
