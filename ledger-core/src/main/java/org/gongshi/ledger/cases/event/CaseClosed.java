package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/** 结案. */
public record CaseClosed(@DataSubjectId String caseId, LocalDate closedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String outcome) implements CaseEvent {}
