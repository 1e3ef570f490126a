package org.gongshi.ledger.disclosure.event;

import java.time.LocalDate;

/** 更正: the public record was corrected; same record id, new content. */
public record DisclosureCorrected(String caseId, String recordId, LocalDate correctedOn, String reason, PublicRecord record) implements DisclosureEvent {}
