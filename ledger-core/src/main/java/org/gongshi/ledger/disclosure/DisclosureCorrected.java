package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.CaseEvent;
import org.gongshi.ledger.cases.RevisionKind;

import java.time.LocalDate;
import java.util.List;

/** 更正: the public record was corrected; same record id, new content. */
public record DisclosureCorrected(String caseId, String recordId, LocalDate correctedOn, String reason, PublicRecord record) implements CaseEvent {}
