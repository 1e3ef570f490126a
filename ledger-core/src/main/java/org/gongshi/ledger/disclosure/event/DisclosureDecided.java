package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.calendar.Deadline;

import java.time.LocalDate;

/**
 * 公示决定: the bureau decided to publish the decision (with the public record as published) or to
 * withhold it (with the legal ground). Records both deadlines (20 WD SAMR, 7 WD 双公示) and whether
 * each was met, and the publicity period.
 */
public record DisclosureDecided(String caseId, String decisionId, String recordId, DisclosureAction action, LocalDate decidedOn, String ground, Deadline disclosureDeadline, boolean disclosedInTime, Deadline doublePublicityDeadline, boolean doublePublicityInTime, Deadline publicUntil, PublicRecord record, String policyVersion) implements DisclosureEvent {}
