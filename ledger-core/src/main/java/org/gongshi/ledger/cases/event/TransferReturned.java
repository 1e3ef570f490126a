package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/** 不予立案退回: the judiciary declined to file; the case is back with the bureau, which may decide it (Decree 310 Art 11). */
public record TransferReturned(@DataSubjectId String caseId, LocalDate returnedOn, @PersonalData(ifSubjectIsNaturalPerson = true) String reason) implements CaseEvent {}
