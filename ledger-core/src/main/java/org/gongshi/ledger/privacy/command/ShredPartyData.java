package org.gongshi.ledger.privacy.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Shred the personal data of a case's party (the data subject whose id is the case id), recorded in the case's own stream:
 * a command on the case then either comes before the shredding or sees it, under the case's lock on one node and the event
 * store's sequence across nodes. Recorded in the data subject's own stream ({@link ShredSubject}) instead, a publication
 * racing it published the erased person's name after the erasure (a sweep from outside, stop 76). Shredding again changes
 * nothing, so a retried request is safe.
 */
public record ShredPartyData(@TargetAggregateIdentifier String caseId) {}
