package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Query parameters the reads share; a bad one is a 400 that names it and says what it must be. */
public final class Params {

    private Params() {
    }

    /** A division code or prefix of 1 to 6 digits, or null for all. */
    public static String division(String division) {
        if (division == null || division.isBlank()) return null;
        if (!division.strip().matches("\\d{1,6}")) {
            throw InvalidRequest.of("division", "must be an administrative division code or prefix of 1 to 6 digits (GB/T 2260)");
        }
        return division.strip();
    }

    /** An ISO date, or {@code fallback} when the parameter is absent. */
    public static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(field, "must be a date like 2026-03-14");
        }
    }

    /** One of the constants of {@code type} by its exact name, or null when the parameter is absent. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
