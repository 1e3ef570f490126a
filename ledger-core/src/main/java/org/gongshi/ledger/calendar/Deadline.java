package org.gongshi.ledger.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The last day on which an act is on time.
 *
 * @param dueOn       the last day of the term
 * @param provisional true when the term reached into a year whose holiday notice is not loaded,
 *                    so the date may still move once it is
 */
public record Deadline(LocalDate dueOn, boolean provisional) {

    public Deadline {
        Objects.requireNonNull(dueOn, "dueOn");
    }

    /** An act done on {@code actOn} meets the deadline when it is not after the last day. */
    public boolean metBy(LocalDate actOn) {
        return !actOn.isAfter(dueOn);
    }
}
