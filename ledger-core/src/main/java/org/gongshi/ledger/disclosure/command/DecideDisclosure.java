package org.gongshi.ledger.disclosure.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.WithholdingGround;

import java.time.LocalDate;
import java.util.List;

/**
 * 公示决定: publish the penalty decision (with the terms to hide) or withhold it on an enumerated legal
 * ground, with free text only as its explanation. It takes the day the ledger records it: {@code decidedOn}
 * may be left out (null); if given it must be that day.
 */
public record DecideDisclosure(@TargetAggregateIdentifier String caseId, DisclosureAction action, LocalDate decidedOn, WithholdingGround ground, String explanation, List<String> redactions) {}
