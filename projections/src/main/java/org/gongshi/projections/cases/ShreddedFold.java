package org.gongshi.projections.cases;

import java.util.Optional;

/**
 * A case's view as a rebuild folds it once its data subject's key is deleted: the case-view projection run over the case's
 * stored events with every value sealed for the subject read as shredded. An organisation's free texts are sealed only
 * once it has a key (made for its first redaction terms, and seen by another node within the key store's cache), so which
 * of them a deleted key shreds is known only from the stored events; the live view learns it from this fold when the
 * erasure is recorded (a sweep from outside, stop 76: an organisation's view kept them in clear until a rebuild).
 */
@FunctionalInterface
public interface ShreddedFold {

    /** The view of {@code caseId} folded from its stored events with its subject's sealed values shredded; empty if not filed. */
    Optional<CaseView> fold(String caseId);
}
