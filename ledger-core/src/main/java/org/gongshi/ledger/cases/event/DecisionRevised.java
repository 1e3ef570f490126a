package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.RevisionKind;

import java.time.LocalDate;
import java.util.List;

/** 变更/撤销/确认违法/确认无效: the decision was revised. */
public record DecisionRevised(@DataSubjectId String caseId, String decisionId, RevisionKind kind, RevisionBy by, String documentNumber, LocalDate effectiveOn, @PersonalData(ifSubjectIsNaturalPerson = true) String reason, List<Penalty> penalties, String policyVersion) implements CaseEvent {}
