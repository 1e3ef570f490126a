package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.CaseEvent;
import org.gongshi.ledger.cases.RevisionKind;

import java.time.LocalDate;
import java.util.List;

/** 信用修复 → 提前终止公示: publication ended early; the penalty itself stands. */
public record PublicationTerminated(String caseId, String recordId, LocalDate terminatedOn, String reason, String policyVersion) implements CaseEvent {}
