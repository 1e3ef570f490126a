package org.gongshi.ledger.cases.event;

import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.PersonalData;

import java.time.LocalDate;

/** The clock stopped for a period that does not count towards the decision deadline. */
public record CaseClockPaused(@DataSubjectId String caseId, LocalDate pausedOn, PauseReason reason, @PersonalData(ifSubjectIsNaturalPerson = true) String note) implements CaseEvent {}
