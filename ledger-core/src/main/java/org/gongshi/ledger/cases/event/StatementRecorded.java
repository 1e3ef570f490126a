package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/** 陈述、申辩 received. */
public record StatementRecorded(@DataSubjectId String caseId, LocalDate receivedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String summary) implements CaseEvent {}
