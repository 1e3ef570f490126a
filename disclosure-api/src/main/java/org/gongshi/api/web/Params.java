package org.gongshi.api.web;

import org.gongshi.api.input.Text;
import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.identity.Division;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Query parameters the reads share; a bad one is a 400 that names it and says what it must be. */
public final class Params {

    private Params() {
    }

    /**
     * The division (GB/T 2260 code or prefix) a request names, as the region it stands for, or null when it names none: a
     * province's or a city's own code reads as its prefix (110000 → 11, 110100 → 1101), as a token's division does
     * ({@code Caller}), so {@code division=110000} finds Beijing's records rather than none.
     */
    public static Division division(String division) {
        if (absent(division)) return null;
        String code = division.strip();
        Division.problem(code).ifPresent(problem -> {
            throw InvalidRequest.of("division", problem);
        });
        return new Division(code).region();
    }

    /**
     * An id a path names (a case, listing, record, sanction or data subject): at most {@link Bounds#ID} characters, as every id
     * the ledger hands out is; a longer one is a 400 naming the parameter and its bound, never a search for what cannot exist.
     */
    public static String id(String field, String value) {
        if (value != null && value.length() > Bounds.ID) {
            throw InvalidRequest.of(field, "must be at most " + Bounds.ID + " characters (an id the ledger handed out)");
        }
        return value;
    }

    /**
     * A filter's flag: {@code true} or {@code false} exactly, each a filter; absent as null, no filter (outside audit: yes, 1 and 0
     * were read as flags; a sweep: false was read as absent).
     */
    public static Boolean flag(String field, String value) {
        if (absent(value)) return null;
        if ("false".equals(value.strip())) return false;
        if ("true".equals(value.strip())) return true;
        throw org.gongshi.api.problem.InvalidRequest.of(field, "must be true or false");
    }

    /**
     * Whether a parameter asks for nothing: absent, empty, or only blank or invisible characters ({@link Text#visible}); the API
     * refuses the last before a controller sees it ({@link org.gongshi.api.input.QueryGuard}), a public page's form reads it as
     * a field left blank.
     */
    public static boolean absent(String value) {
        return value == null || Text.visible(value).isEmpty();
    }

    /** The shape of a date a request sends: four digits of the year, as a body's dates ({@code StrictJson}). */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * An ISO date of four-digit year ({@code 2026-03-14}), or {@code fallback} when the parameter is absent. ISO's expanded
     * years ({@code +99999-01-01}) are refused, as in a body (a sweep from outside, stop 84: a search to that day answered
     * every record, the page keeping the value without a word).
     */
    public static LocalDate date(String field, String value, LocalDate fallback) {
        if (absent(value)) return fallback;
        String text = value.strip();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // no day of the calendar (2026-02-30): refused below
            }
        }
        throw InvalidRequest.of(field, "must be a date like 2026-03-14");
    }

    /** One of the constants of {@code type} by its exact name, or null when the parameter is absent. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        if (absent(value)) return null;
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
