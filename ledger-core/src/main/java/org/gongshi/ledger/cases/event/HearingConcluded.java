package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/** 听证 held. */
public record HearingConcluded(@DataSubjectId String caseId, LocalDate heldOn, @PersonalData(ifSubjectIsNaturalPerson = true) String outcome) implements CaseEvent {}
