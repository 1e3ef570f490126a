package org.gongshi.ledger.policy;

import org.axonframework.messaging.MetaData;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.calendar.LedgerClock;
import org.gongshi.ledger.vocabulary.MetadataKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * Who caused a command, when the ledger recorded it, and whether it is a historical import: what
 * every aggregate handler asks before it decides (DESIGN.md, Conventions, Time and Identity). Read
 * from the command's metadata ({@link RecordingParameterResolverFactory}); {@code recordedAt} is
 * stamped at dispatch by the ledger's clock, the identity comes from the token or is a named system
 * identity ({@code system:...}). A command without either is refused ({@link Rule#IDENTITY_REQUIRED}).
 *
 * @param actor            the token subject, or a system identity such as {@link #DEADLINES}
 * @param bureau           the acting bureau (null for a system identity)
 * @param recordedAt       when the ledger recorded the command
 * @param historicalImport an act of the past entered by the import path: any earlier date, never on time
 */
public record Recording(String actor, String bureau, Instant recordedAt, boolean historicalImport) {

    public static final String SYSTEM_PREFIX = "system:";
    /** The deadline mechanism: records missed deadlines, ends publicity periods and list terms. */
    public static final String DEADLINES = "system:deadlines";
    /** The process manager that removes a listing whose basis decision no longer stands. */
    public static final String LISTING_BASIS_WATCH = "system:listing-basis-watch";

    /** The recording as the command's metadata states it; missing parts stay null (and are refused when used). */
    public static Recording from(MetaData metaData) {
        String actor = text(metaData.get(MetadataKeys.ACTOR));
        String bureau = text(metaData.get(MetadataKeys.BUREAU));
        Instant recordedAt = null;
        String at = text(metaData.get(MetadataKeys.RECORDED_AT));
        if (at != null) {
            try {
                recordedAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                recordedAt = null;
            }
        }
        Object imported = metaData.get(MetadataKeys.HISTORICAL_IMPORT);
        return new Recording(actor, bureau, recordedAt, imported != null && Boolean.parseBoolean(imported.toString()));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** The metadata a command of {@code actor} (a bureau's officer, or a system identity with a null bureau) carries. */
    public static MetaData metaData(String actor, String bureau, Instant recordedAt) {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, actor).and(MetadataKeys.RECORDED_AT, recordedAt.toString());
        return bureau == null ? metaData : metaData.and(MetadataKeys.BUREAU, bureau);
    }

    public boolean isSystem() {
        return actor != null && actor.startsWith(SYSTEM_PREFIX);
    }

    /** Refuses a command that does not say who caused it and when it was recorded. */
    public void requireIdentity() {
        check(actor != null && (isSystem() || bureau != null), Rule.IDENTITY_REQUIRED,
                "the command names no " + (actor == null ? "actor" : "bureau")
                        + "; a bureau's officer acts with the subject and bureau of the token, an internal process with a system identity");
        check(recordedAt != null, Rule.IDENTITY_REQUIRED, "the command carries no recording time (recordedAt, stamped by the ledger's clock)");
    }

    /**
     * Refuses anyone but the bureau {@code owner} and the system identities in {@code systems}, each
     * of which acts here under a rule of its own (named where the handler calls this). {@code what}
     * names the object and how it came to the owner, e.g. "case c-1 was filed".
     */
    public void requireActingFor(String owner, String what, String... systems) {
        requireIdentity();
        if (isSystem()) {
            for (String system : systems) {
                if (system.equals(actor)) return;
            }
            throw new RuleViolation(Rule.IDENTITY_REQUIRED, actor + " has no rule that lets it act here (" + what + ")");
        }
        check(bureau.equals(owner), Rule.OWN_CASES_ONLY, what + " by another bureau; a bureau acts only on its own cases and listings");
    }

    /** The legal day the command is recorded on (Asia/Shanghai). */
    public LocalDate today() {
        requireIdentity();
        return LocalDate.ofInstant(recordedAt, LedgerClock.LEGAL_ZONE);
    }

    /**
     * The date of a legal act as the command states it: required, not after the recording day, in the
     * ledger's years, and before the recording day only within the policy's tolerance or by historical import.
     */
    public LocalDate requireLegalDate(LocalDate date, String act, Rulebook rules) {
        check(date != null, Rule.ACTS_IN_ORDER, "the date of " + act + " is required");
        LocalDate today = today();
        var bounds = rules.policy().timeBounds();
        check(date.getYear() >= bounds.earliestYear(), Rule.DATE_WITHIN_LEDGER_YEARS,
                "the date of " + act + " (" + date + ") is before " + bounds.earliestYear() + ", the earliest year the ledger holds");
        check(!date.isAfter(today), Rule.NOT_AFTER_RECORDING_DAY,
                "the date of " + act + " (" + date + ") is after " + today + ", the day the ledger records it; record an act on or after its day");
        long daysBack = ChronoUnit.DAYS.between(date, today);
        check(historicalImport || daysBack <= bounds.backdatingToleranceDays(), Rule.BACKDATING_TOLERANCE,
                "the date of " + act + " (" + date + ") is " + daysBack + " CD before " + today + ", the day the ledger records it; at most "
                        + bounds.backdatingToleranceDays() + " CD are accepted, earlier acts only through the historical import");
        return date;
    }

    /**
     * Publication, withdrawal and expiry take the recording day; a date the request gives must be that
     * day ({@link Rule#RECORDED_ON_ITS_DAY}). A historical import keeps the date it gives, within the
     * bounds of {@link #requireLegalDate}.
     */
    public LocalDate onItsDay(LocalDate given, String act, Rulebook rules) {
        LocalDate today = today();
        if (historicalImport && given != null) return requireLegalDate(given, act, rules);
        check(given == null || given.equals(today), Rule.RECORDED_ON_ITS_DAY,
                act + " takes the day the ledger records it, " + today + "; leave the date out or send that day, not " + given);
        return today;
    }

    /** An act recorded now meets {@code deadline}: compares the recording day, never a date the request gives; an import never does. */
    public boolean onTime(Deadline deadline) {
        return !historicalImport && deadline.metBy(today());
    }
}
