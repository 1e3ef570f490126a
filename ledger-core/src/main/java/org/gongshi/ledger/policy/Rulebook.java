package org.gongshi.ledger.policy;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The policy numbers applied on the official calendar: every deadline the ledger records is
 * computed here, and nowhere else.
 */
public record Rulebook(EnforcementPolicy policy, WorkingDayCalendar calendar) {

    public static Rulebook defaults() {
        return new Rulebook(EnforcementPolicy.defaults(), WorkingDayCalendar.official());
    }

    public String version() { return policy.version(); }

    /**
     * Art 60 deadline: filing + 90 CD + approved head extensions, or the date a collective decision
     * named, then moved on by the days the clock was paused; ending on a day off it moves to the
     * next working day (民法典 Art 203).
     */
    public Deadline decisionDeadline(LocalDate filedOn, int headExtensionDays, LocalDate collectiveDate, long pausedDays) {
        long base = collectiveDate != null
                ? ChronoUnit.DAYS.between(filedOn, collectiveDate)
                : policy.caseHandling().decisionDays() + headExtensionDays;
        return calendar.addCalendarDays(filedOn, Math.toIntExact(base + pausedDays));
    }

    public int headExtensionDays() { return policy.caseHandling().headExtensionDays(); }

    /** Art 64: 5 WD after the notice. */
    public Deadline hearingRequestDeadline(LocalDate servedOn) {
        return calendar.addWorkingDays(servedOn, policy.caseHandling().hearingRequestWorkingDays());
    }

    /** Art 67: 15 CD after receipt of the decision. */
    public Deadline paymentDeadline(LocalDate receivedOn) {
        return calendar.addCalendarDays(receivedOn, policy.caseHandling().paymentDays());
    }

    /** Project default: long-pending escalation report at 180 CD from filing. */
    public LocalDate escalationDueOn(LocalDate filedOn) {
        return filedOn.plusDays(policy.caseHandling().longPendingEscalationDays());
    }

    /** Decree 310 Art 5: transfer approved within 3 days of finding a suspected crime. */
    public Deadline transferApprovalDeadline(LocalDate suspectedOn) {
        return calendar.addCalendarDays(suspectedOn, policy.caseHandling().transferApprovalDays());
    }
}
