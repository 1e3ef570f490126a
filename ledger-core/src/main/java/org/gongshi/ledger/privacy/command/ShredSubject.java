package org.gongshi.ledger.privacy.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Shred a data subject's personal data: its key is deleted, so every sealed field of it reads as shredded. No longer sent
 * since stop 76 ({@link ShredPartyData} records the shredding in the case's own stream); the streams it recorded are read.
 */
public record ShredSubject(String subjectId) {

    /** The data subject's aggregate: its own identifier, apart from the case whose party it is (the event store keys both by id). */
    @TargetAggregateIdentifier
    public String dataSubject() {
        return aggregateId(subjectId);
    }

    public static String aggregateId(String subjectId) {
        return "data-subject:" + subjectId;
    }
}
