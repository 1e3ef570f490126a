package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;

/** 立案: the case was filed; records the decision deadline that applied and the policy version. The party is the data subject. */
public record CaseFiled(@DataSubjectId String caseId, String bureau, String authorityName, String division, LocalDate filedOn, IpType ipType, String violationType, Procedure procedure, @PersonalData(ifSubjectIsNaturalPerson = true) String source, Party party, Deadline decisionDeadline, LocalDate escalationDueOn, String policyVersion) implements CaseEvent {}
