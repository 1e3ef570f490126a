package org.gongshi.ledger.policy;

import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.calendar.WorkingDayCalendar;

import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    /** Arts 44-45; SAMR 程序规定 告知: the party states and defends within 5 WD of the notice's service. */
    public Deadline statementDeadline(LocalDate servedOn) {
        return calendar.addWorkingDays(servedOn, policy.caseHandling().statementWorkingDays());
    }

    /** Art 64: the earliest day a hearing notified on {@code notifiedOn} is held, 7 WD later. */
    public Deadline earliestHearing(LocalDate notifiedOn) {
        return calendar.addWorkingDays(notifiedOn, policy.caseHandling().hearingNoticeWorkingDays());
    }

    /**
     * Art 51: the largest fine the simple procedure allows a party of {@code partyKind}. The article says 公民 (citizens) and
     * 法人或者其他组织; an individual business (个体工商户) answers as a citizen ({@link PartyKind#answersToNaturalPersonsAmounts}).
     */
    public BigDecimal simpleProcedureFineLimit(PartyKind partyKind) {
        var handling = policy.caseHandling();
        return partyKind.answersToNaturalPersonsAmounts() ? handling.simpleFineLimitNaturalPerson() : handling.simpleFineLimitOrganisation();
    }

    /**
     * Art 63: whether a proposed penalty gives the party a right to a hearing: a large fine or
     * confiscation (at least the province's large amount for the party's kind), a qualification
     * downgrade, a licence revocation, an order to suspend or close, or a practice restriction.
     */
    public boolean grantsHearingRight(List<Penalty> proposed, PartyKind partyKind) {
        var handling = policy.caseHandling();
        BigDecimal large = partyKind.answersToNaturalPersonsAmounts() ? handling.largeAmountNaturalPerson() : handling.largeAmountOrganisation();
        boolean largeAmount = Penalty.total(proposed, PenaltyType.FINE).compareTo(large) >= 0
                || Penalty.total(proposed, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS)
                .add(Penalty.total(proposed, PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY)).compareTo(large) >= 0;
        return largeAmount || proposed.stream().map(Penalty::type).anyMatch(type -> type == PenaltyType.QUALIFICATION_DOWNGRADE
                || type == PenaltyType.LICENSE_REVOCATION || type == PenaltyType.ORDER_TO_SUSPEND || type == PenaltyType.ORDER_TO_CLOSE
                || type == PenaltyType.PRACTICE_RESTRICTION);
    }

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

    /** Order 45 Art 9: disclose within 20 WD of the decision. */
    public Deadline disclosureDeadline(LocalDate decidedOn) {
        return calendar.addWorkingDays(decidedOn, policy.disclosure().disclosureWorkingDays());
    }

    /** 双公示: the stricter 7 WD target, reported beside the SAMR deadline. */
    public Deadline doublePublicityDeadline(LocalDate decidedOn) {
        return calendar.addWorkingDays(decidedOn, policy.disclosure().doublePublicityWorkingDays());
    }

    /** Art 48 / Order 45 Art 11: withdraw within 3 WD after the decision is revised. */
    public Deadline withdrawalDeadline(LocalDate revisedOn) {
        return calendar.addWorkingDays(revisedOn, policy.disclosure().withdrawalWorkingDays());
    }

    /**
     * Order 45 Art 13: 3 months from publication for circulated criticism or a lower-amount fine
     * (a warning beside them changes nothing), 3 years otherwise; the fine is the decision's, all its
     * fine lines together (outside audit: two fines of ¥60,000 were each lower-amount, the decision's
     * ¥120,000 is not, as the hearing right already counts it); a business or practice
     * restriction whose term ends later stays public until its term ends. Periods of a burden: never
     * rolled to a working day, provisional when the last day lies in a year without a notice.
     */
    public Deadline publicUntil(LocalDate publishedOn, List<Penalty> penalties, PartyKind partyKind) {
        var disclosure = policy.disclosure();
        boolean light = penalties.stream().allMatch(p -> p.type() == PenaltyType.WARNING
                || p.type() == PenaltyType.CIRCULATED_CRITICISM
                || (p.type() == PenaltyType.FINE && isLowerAmountFine(Penalty.total(penalties, PenaltyType.FINE), partyKind)));
        if (light) return calendar.addMonths(publishedOn, disclosure.shortPublicityMonths());
        Deadline threeYears = calendar.addYears(publishedOn, disclosure.longPublicityYears());
        return penalties.stream().filter(p -> p.type().isRestriction() && p.until() != null).map(Penalty::until)
                .filter(until -> until.isAfter(threeYears.dueOn())).max(LocalDate::compareTo)
                .map(calendar::periodEnd).orElse(threeYears);
    }

    /** Order 45 Art 13: a lower-amount fine is below the province's figure for the party's kind (不含本数: the figure itself is not lower). */
    public boolean isLowerAmountFine(BigDecimal amount, PartyKind partyKind) {
        var disclosure = policy.disclosure();
        BigDecimal threshold = partyKind.answersToNaturalPersonsAmounts()
                ? disclosure.lowerAmountFineNaturalPerson() : disclosure.lowerAmountFineOrganisation();
        return amount != null && amount.compareTo(threshold) < 0;
    }

    /**
     * Order 45 Art 14 / 国市监信规〔2021〕3号: credit repair may end publication from the day after the
     * 6-month anniversary of publication (「公示期满六个月」).
     */
    public LocalDate earliestRepair(LocalDate publishedOn) {
        return calendar.addMonths(publishedOn, policy.disclosure().repairMinimumMonths()).dueOn().plusDays(1);
    }

    /** Decree 310 Art 5: transfer approved within 3 days of finding a suspected crime. */
    public Deadline transferApprovalDeadline(LocalDate suspectedOn) {
        return calendar.addCalendarDays(suspectedOn, policy.caseHandling().transferApprovalDays());
    }

    /** Decree 310 Art 5: an approved transfer is sent within 24 hours; with dates, by the day after the approval at the latest. */
    public Deadline transferSendingDeadline(LocalDate approvedOn) {
        int hours = policy.caseHandling().transferSendingHours();
        return new Deadline(approvedOn.plusDays((hours + 23) / 24), false);
    }

    // ---- credit lists (CNIPA 2022 rule, Trademark Law Art 60)

    /** Listing procedure: the subject may make a statement within 5 WD of the notice of proposed listing. */
    public Deadline listingStatementDeadline(LocalDate noticeOn) {
        return calendar.addWorkingDays(noticeOn, policy.creditListing().statementWorkingDays());
    }

    /** Listing term: the last day of an entry listed on {@code listedOn}, 1 year on (the longest term a decision may set). */
    public Deadline listingTermEnd(LocalDate listedOn) {
        return calendar.addYears(listedOn, policy.creditListing().termYears());
    }

    /**
     * A shorter listing term a decision names, to {@code lastDay}: a period of a burden, marked as the default term is
     * (provisional in a year without a notice). It was never marked, so two entries listed the same day to the same last day
     * read one "暂定" and the other not (a credit-lists sweep from outside, stop 85).
     */
    public Deadline namedListingTermEnd(LocalDate lastDay) {
        return calendar.periodEnd(lastDay);
    }

    /** Credit repair: the last day of the minimum wait, 6 months from listing; an application may come after it. */
    public Deadline listingRepairWaitEnd(LocalDate listedOn) {
        return calendar.addMonths(listedOn, policy.creditListing().repairAfterMonths());
    }
}
