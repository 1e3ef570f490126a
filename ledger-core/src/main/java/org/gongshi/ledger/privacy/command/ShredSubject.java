package org.gongshi.ledger.privacy.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Shred a data subject's personal data: its key is deleted, so every sealed field of it reads as shredded. */
public record ShredSubject(@TargetAggregateIdentifier String subjectId) {}
