package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.CaseEvent;
import org.gongshi.ledger.cases.RevisionKind;

import java.time.LocalDate;
import java.util.List;

/** 停止公示 (期满): the publicity period ended; the record stopped being public on {@code expiredOn}. */
public record DisclosureExpired(String caseId, String recordId, LocalDate publicUntil, LocalDate expiredOn) implements CaseEvent {}
