package org.gongshi.ledger.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Resident identity card number 居民身份证号码 (GB 11643-1999, check by ISO 7064 MOD 11-2).
 *
 * <p>Eighteen characters: address code (6 digits), date of birth {@code yyyyMMdd} (8 digits),
 * sequence (3 digits) and a check character (a digit or an uppercase {@code X}).
 * Messages never repeat the number itself.
 */
public final class ResidentIdNumber {

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int BIRTH_DATE_START = 6;
    private static final int BIRTH_DATE_END = 14;
    private static final int EARLIEST_BIRTH_YEAR = 1900;
    private static final int AGE_OF_MAJORITY = 18;

    private ResidentIdNumber() {
    }

    /** What is wrong with {@code id}, or empty when it is a valid resident ID number. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of("is required");
        }
        if (id.length() != LENGTH) {
            return Optional.of("must be " + LENGTH + " characters");
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return Optional.of("character '" + id.charAt(i) + "' at position " + (i + 1)
                        + " must be a digit (GB 11643)");
            }
        }
        char last = id.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of("character '" + last + "' at position 18 must be a digit or uppercase 'X' (GB 11643)");
        }
        if (!hasRealBirthDate(id)) {
            return Optional.of("positions 7-14 must be a real date of birth yyyyMMdd from "
                    + EARLIEST_BIRTH_YEAR + " on (GB 11643)");
        }
        char check = checkCharacter(id);
        if (last != check) {
            return Optional.of("check character must be '" + check + "' (GB 11643, ISO 7064 MOD 11-2)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /**
     * The number as it may be made public: digits 1-6 and 15-18 kept, the date of birth
     * (digits 7-14) replaced by {@code ********}.
     *
     * @throws IllegalArgumentException if {@code id} is not a valid resident ID number
     */
    public static String mask(String id) {
        requireValid(id);
        return id.substring(0, BIRTH_DATE_START)
                + "*".repeat(BIRTH_DATE_END - BIRTH_DATE_START)
                + id.substring(BIRTH_DATE_END);
    }

    /**
     * The date of birth the number carries (digits 7-14).
     *
     * @throws IllegalArgumentException if {@code id} is not a valid resident ID number
     */
    public static LocalDate birthDate(String id) {
        requireValid(id);
        return LocalDate.parse(id.substring(BIRTH_DATE_START, BIRTH_DATE_END), DateTimeFormatter.BASIC_ISO_DATE);
    }

    /**
     * Whether the holder of {@code id} is under {@value #AGE_OF_MAJORITY} 周岁 on {@code date}: the age is
     * reached the day after the 18th birthday (法释〔2006〕1号 Art 2 by analogy), so the birthday itself is still a minor's day.
     */
    public static boolean isMinorOn(String id, LocalDate date) {
        return !birthDate(id).plusYears(AGE_OF_MAJORITY).isBefore(date);
    }

    /** The first day the holder of {@code id} is {@value #AGE_OF_MAJORITY} 周岁: the day after the 18th birthday ({@link #isMinorOn}). */
    public static LocalDate adultFrom(String id) {
        return birthDate(id).plusYears(AGE_OF_MAJORITY).plusDays(1);
    }

    /**
     * The number whose first 17 digits are {@code first17}, its check character added (a generator's: synthetic ledgers).
     *
     * @throws IllegalArgumentException if the result is not a valid resident ID number (e.g. no real date of birth)
     */
    public static String complete(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) throw new IllegalArgumentException("17 digits are needed");
        String id = first17 + checkCharacter(first17 + '0');
        requireValid(id);
        return id;
    }

    private static void requireValid(String id) {
        problem(id).ifPresent(problem -> {
            throw new IllegalArgumentException("resident ID number " + problem);
        });
    }

    private static boolean hasRealBirthDate(String id) {
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        if (year < EARLIEST_BIRTH_YEAR) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    /** ISO 7064 MOD 11-2: "10X98765432"[Σ digit × weight mod 11]. */
    private static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
