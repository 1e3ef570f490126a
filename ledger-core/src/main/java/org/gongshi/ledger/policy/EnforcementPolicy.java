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
            decisionDays = or(decisionDays, 90);
            headExtensionDays = or(headExtensionDays, 30);
            hearingRequestWorkingDays = or(hearingRequestWorkingDays, 5);
            simpleFineLimitNaturalPerson = or(simpleFineLimitNaturalPerson, new BigDecimal("200"));
            simpleFineLimitOrganisation = or(simpleFineLimitOrganisation, new BigDecimal("3000"));
            paymentDays = or(paymentDays, 15);
            latePaymentDailyRate = or(latePaymentDailyRate, new BigDecimal("0.03"));
            transferApprovalDays = or(transferApprovalDays, 3);
            longPendingEscalationDays = or(longPendingEscalationDays, 180);
            transferSendingHours = or(transferSendingHours, 24);
            statementWorkingDays = or(statementWorkingDays, 5);
            hearingNoticeWorkingDays = or(hearingNoticeWorkingDays, 7);
            largeAmountOrganisation = or(largeAmountOrganisation, new BigDecimal("100000"));
            largeAmountNaturalPerson = or(largeAmountNaturalPerson, new BigDecimal("10000"));
            longestTermYears = or(longestTermYears, 50);
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
            disclosureWorkingDays = or(disclosureWorkingDays, 20);
            doublePublicityWorkingDays = or(doublePublicityWorkingDays, 7);
            withdrawalWorkingDays = or(withdrawalWorkingDays, 3);
            shortPublicityMonths = or(shortPublicityMonths, 3);
            longPublicityYears = or(longPublicityYears, 3);
            lowerAmountFineNaturalPerson = or(lowerAmountFineNaturalPerson, new BigDecimal("10000"));
            lowerAmountFineOrganisation = or(lowerAmountFineOrganisation, new BigDecimal("100000"));
            repairMinimumMonths = or(repairMinimumMonths, 6);
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
            statementWorkingDays = or(statementWorkingDays, 5);
            termYears = or(termYears, 1);
            repairAfterMonths = or(repairAfterMonths, 6);
            repairsPerYear = or(repairsPerYear, 1);
            repeatedInfringerPenalties = or(repeatedInfringerPenalties, 2);
            repeatedInfringerWindowYears = or(repeatedInfringerWindowYears, 5);
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
            backdatingToleranceDays = or(backdatingToleranceDays, 30);
            earliestYear = or(earliestYear, 1996);
            collectiveDeadlineMaxDaysAfterFiling = or(collectiveDeadlineMaxDaysAfterFiling, 365);
        }
    }

    private static <T> T or(T value, T defaultValue) {
        return Objects.requireNonNullElse(value, defaultValue);
    }
}
