package org.gongshi.ledger.privacy.event;

import java.time.Instant;

/**
 * A data subject's personal data was shredded: its key is deleted, so every sealed field of it reads
 * as shredded, in every copy of the event store. Carries no personal data: only the subject's id.
 */
public record SubjectShredded(String subjectId, Instant shreddedAt) {}
