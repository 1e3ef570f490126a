package org.gongshi.projections.cases;

/**
 * What else follows a case as its view changes, in the same processor and order as the view (the target
 * figures' counters): told after every event applied to a case, and when the view is reset.
 */
public interface CaseChanges {

    /** {@code view} as it stands after the event at {@code position} (which may have been applied before: redelivery). */
    void changed(CaseView view, long position);

    /** The case views are being rebuilt from nothing. */
    void reset();
}
