package org.gongshi.ledger.disclosure.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** 更正: correct the public record; it keeps its id and history. Null fields stay as they are. */
public record CorrectDisclosure(@TargetAggregateIdentifier String caseId, LocalDate correctedOn, String reason, String violationType, String facts, String legalBasis, String legalRepresentative, List<String> redactions) {}
