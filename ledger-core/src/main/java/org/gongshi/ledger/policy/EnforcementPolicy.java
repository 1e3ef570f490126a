package org.gongshi.ledger.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Every number the legal rules use, in one versioned policy (DOMAIN.md). Each field left unset
 * (null) takes DOMAIN.md's default, so configuration only names what a jurisdiction changes.
 * Events record {@link #version()} and the deadlines computed from it, so a replay under a later
 * policy never rewrites history.
 */
public record EnforcementPolicy(String version, CaseHandling caseHandling, Disclosure disclosure, CreditListing creditListing, TimeBounds timeBounds) {

    public static final String DEFAULT_VERSION = "CN-2026.1";

    public EnforcementPolicy {
        version = version == null || version.isBlank() ? DEFAULT_VERSION : version;
        caseHandling = caseHandling == null ? new CaseHandling(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : caseHandling;
        disclosure = disclosure == null ? new Disclosure(null, null, null, null, null, null, null, null) : disclosure;
        creditListing = creditListing == null ? new CreditListing(null, null, null, null, null, null) : creditListing;
        timeBounds = timeBounds == null ? new TimeBounds(null, null, null) : timeBounds;
    }

    public static EnforcementPolicy defaults() {
        return new EnforcementPolicy(null, null, null, null, null);
    }

    /** Case handling (行政处罚法, SAMR 市场监督管理行政处罚程序规定, Decree 310). */
    public record CaseHandling(
            /** Art 60: decision within 90 calendar days of filing. */
            Integer decisionDays,
            /** SAMR rules: one extension of up to 30 calendar days with the head's approval. */
            Integer headExtensionDays,
            /** Art 64: a hearing must be requested within 5 working days of the notice. */
            Integer hearingRequestWorkingDays,
            /** Art 51: simple procedure fine limit for a natural person, yuan. */
            BigDecimal simpleFineLimitNaturalPerson,
            /** Art 51: simple procedure fine limit for an organisation, yuan. */
            BigDecimal simpleFineLimitOrganisation,
            /** Art 67: payment within 15 calendar days of receiving the decision. */
            Integer paymentDays,
            /** Art 72: late-payment penalty per day as a fraction of the fine (capped at the fine). */
            BigDecimal latePaymentDailyRate,
            /** Decree 310 Art 5: transfer approved within 3 days. */
            Integer transferApprovalDays,
            /** Project default: long-pending escalation report at 180 calendar days from filing. */
            Integer longPendingEscalationDays,
            /** Decree 310 Art 5: an approved transfer is sent within 24 hours. */
            Integer transferSendingHours,
            /** Arts 44-45; SAMR 程序规定 告知: the party states and defends within 5 working days of the notice. */
            Integer statementWorkingDays,
            /** Art 64: the hearing notice goes out 7 working days before the hearing. */
            Integer hearingNoticeWorkingDays,
            /** Art 63: a fine (or confiscation) of at least this much, yuan, is large for an organisation (per province; project default ¥100,000). */
            BigDecimal largeAmountOrganisation,
            /** Art 63: a fine (or confiscation) of at least this much, yuan, is large for a natural person (per province; project default ¥10,000). */
            BigDecimal largeAmountNaturalPerson,
            /**
             * Project bound: a suspension or restriction ends at most this many years after the act that imposes it (50: a
             * working life; a later date is a typing error such as 9999-12-31, and would be its public record's end).
             */
            Integer longestTermYears) {
        public CaseHandling {
            decisionDays = count("case-handling.decision-days", decisionDays, 90, 1);
            headExtensionDays = count("case-handling.head-extension-days", headExtensionDays, 30, 0);
            hearingRequestWorkingDays = count("case-handling.hearing-request-working-days", hearingRequestWorkingDays, 5, 1);
            simpleFineLimitNaturalPerson = amount("case-handling.simple-fine-limit-natural-person", simpleFineLimitNaturalPerson, "200");
            simpleFineLimitOrganisation = amount("case-handling.simple-fine-limit-organisation", simpleFineLimitOrganisation, "3000");
            paymentDays = count("case-handling.payment-days", paymentDays, 15, 1);
            latePaymentDailyRate = amount("case-handling.late-payment-daily-rate", latePaymentDailyRate, "0.03");
            transferApprovalDays = count("case-handling.transfer-approval-days", transferApprovalDays, 3, 1);
            longPendingEscalationDays = count("case-handling.long-pending-escalation-days", longPendingEscalationDays, 180, 1);
            transferSendingHours = count("case-handling.transfer-sending-hours", transferSendingHours, 24, 1);
            statementWorkingDays = count("case-handling.statement-working-days", statementWorkingDays, 5, 1);
            hearingNoticeWorkingDays = count("case-handling.hearing-notice-working-days", hearingNoticeWorkingDays, 7, 0);
            largeAmountOrganisation = amount("case-handling.large-amount-organisation", largeAmountOrganisation, "100000");
            largeAmountNaturalPerson = amount("case-handling.large-amount-natural-person", largeAmountNaturalPerson, "10000");
            longestTermYears = count("case-handling.longest-term-years", longestTermYears, 50, 1);
        }
    }

    /** Disclosure (SAMR Order 45, 双公示). */
    public record Disclosure(
            /** Order 45 Art 9: disclose within 20 working days of the decision. */
            Integer disclosureWorkingDays,
            /** Local 双公示 notices: 7 working days, reported as the stricter target. */
            Integer doublePublicityWorkingDays,
            /** Art 48 / Order 45 Art 11: withdraw within 3 working days of the revision. */
            Integer withdrawalWorkingDays,
            /** Order 45 Art 13: 3 months for circulated criticism or a lower-amount fine. */
            Integer shortPublicityMonths,
            /** Order 45 Art 13: 3 years otherwise. */
            Integer longPublicityYears,
            /** Order 45 Art 13: a fine below this (不含本数), yuan, is a lower amount for a natural person (per province; project default ¥10,000, Hubei). */
            BigDecimal lowerAmountFineNaturalPerson,
            /** Order 45 Art 13: a fine below this (不含本数), yuan, is a lower amount for an organisation (per province; project default ¥100,000, Hubei). */
            BigDecimal lowerAmountFineOrganisation,
            /** Order 45 Art 14 / 国市监信规〔2021〕3号: early end by credit repair after 6 months of publication. */
            Integer repairMinimumMonths) {
        public Disclosure {
            disclosureWorkingDays = count("disclosure.disclosure-working-days", disclosureWorkingDays, 20, 1);
            doublePublicityWorkingDays = count("disclosure.double-publicity-working-days", doublePublicityWorkingDays, 7, 1);
            withdrawalWorkingDays = count("disclosure.withdrawal-working-days", withdrawalWorkingDays, 3, 1);
            shortPublicityMonths = count("disclosure.short-publicity-months", shortPublicityMonths, 3, 1);
            longPublicityYears = count("disclosure.long-publicity-years", longPublicityYears, 3, 1);
            lowerAmountFineNaturalPerson = amount("disclosure.lower-amount-fine-natural-person", lowerAmountFineNaturalPerson, "10000");
            lowerAmountFineOrganisation = amount("disclosure.lower-amount-fine-organisation", lowerAmountFineOrganisation, "100000");
            repairMinimumMonths = count("disclosure.repair-minimum-months", repairMinimumMonths, 6, 0);
        }
    }

    /** Credit lists (CNIPA 2022 rule, Trademark Law Art 60). */
    public record CreditListing(
            /** Notice → 5 WD statement window → decision (Art 44 pattern). */
            Integer statementWorkingDays,
            /** Listing term: 1 year from listing. */
            Integer termYears,
            /** Repair may be applied for after 6 months. */
            Integer repairAfterMonths,
            /** At most one granted repair a year (of a subject's entries on one list; refused applications do not count). */
            Integer repairsPerYear,
            /** 2 or more effective infringement penalties ... */
            Integer repeatedInfringerPenalties,
            /** ... within 5 years make a repeated-infringer candidate. */
            Integer repeatedInfringerWindowYears) {
        public CreditListing {
            statementWorkingDays = count("credit-listing.statement-working-days", statementWorkingDays, 5, 1);
            termYears = count("credit-listing.term-years", termYears, 1, 1);
            repairAfterMonths = count("credit-listing.repair-after-months", repairAfterMonths, 6, 0);
            repairsPerYear = count("credit-listing.repairs-per-year", repairsPerYear, 1, 0);
            repeatedInfringerPenalties = count("credit-listing.repeated-infringer-penalties", repeatedInfringerPenalties, 2, 1);
            repeatedInfringerWindowYears = count("credit-listing.repeated-infringer-window-years", repeatedInfringerWindowYears, 5, 1);
        }
    }

    /** How the dates of legal acts relate to the day the ledger records them (DESIGN.md, Conventions, Time). */
    public record TimeBounds(
            /** Project default: a legal date may lie at most 30 CD before the day it is recorded (later only by historical import). */
            Integer backdatingToleranceDays,
            /** Project default: no legal date before 1996, when the Administrative Penalty Law took effect. */
            Integer earliestYear,
            /** Project default: a collective decision names a deadline at most 365 CD after the filing (the rules name no maximum). */
            Integer collectiveDeadlineMaxDaysAfterFiling) {
        public TimeBounds {
            backdatingToleranceDays = count("time-bounds.backdating-tolerance-days", backdatingToleranceDays, 30, 0);
            earliestYear = count("time-bounds.earliest-year", earliestYear, 1996, 1900);
            collectiveDeadlineMaxDaysAfterFiling = count("time-bounds.collective-deadline-max-days-after-filing", collectiveDeadlineMaxDaysAfterFiling, 365, 1);
        }
    }

    private static <T> T or(T value, T defaultValue) {
        return Objects.requireNonNullElse(value, defaultValue);
    }

    /**
     * A number of days, months, years, hours or times of the policy ({@code gongshi.policy.<property>}): its default when not
     * set, and a value below {@code least} refused naming the property (a sweep from outside, stop 72: decision-days=0 and a
     * negative backdating tolerance started a ledger that refused every same-day act).
     */
    private static Integer count(String property, Integer value, int defaultValue, int least) {
        int number = or(value, defaultValue);
        if (number < least) throw new IllegalArgumentException("gongshi.policy." + property + " is " + number + "; it must be at least " + least);
        return number;
    }

    /** An amount or a rate of the policy: its default when not set, a negative one refused naming the property. */
    private static BigDecimal amount(String property, BigDecimal value, String defaultValue) {
        BigDecimal amount = or(value, new BigDecimal(defaultValue));
        if (amount.signum() < 0) throw new IllegalArgumentException("gongshi.policy." + property + " is " + amount + "; it must not be negative");
        return amount;
    }
}
