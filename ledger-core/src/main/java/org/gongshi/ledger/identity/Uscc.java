package org.gongshi.ledger.identity;

import java.util.Optional;

/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015).
 *
 * <p>Eighteen characters: registration authority (1), entity type (1), division code (6),
 * organisation code (9, itself a GB 11714 code with its own check) and a check character (1).
 * Input is validated as given: it is neither trimmed nor upper-cased.
 */
public final class Uscc {

    private static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String ALPHABET_RULE = "GB 32100: 0-9 and A-Z except I, O, S, V, Z";
    private static final int[] WEIGHTS =
            {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Positions 9-17 (1-based): the GB 11714 organisation code, eight characters and a check. */
    private static final int ORGANISATION_CODE_START = 8;
    private static final int ORGANISATION_CODE_END = 17;
    private static final int ORGANISATION_CODE_BODY = 8;
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private Uscc() {
    }

    /** What is wrong with {@code code}, or empty when it is a valid USCC. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("is required");
        }
        if (code.length() != LENGTH) {
            return Optional.of("must be " + LENGTH + " characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.of(forbiddenCharacter(c, i + 1));
            }
        }
        String organisationCode = code.substring(ORGANISATION_CODE_START, ORGANISATION_CODE_END);
        char organisationCheck = organisationCodeCheck(organisationCode.substring(0, ORGANISATION_CODE_BODY));
        if (organisationCode.charAt(ORGANISATION_CODE_BODY) != organisationCheck) {
            return Optional.of("positions 9-17 are not a valid organisation code: check must be '"
                    + organisationCheck + "' (GB 11714)");
        }
        char check = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != check) {
            return Optional.of("check character must be '" + check + "' (GB 32100)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /**
     * The code whose first 16 characters are {@code first16} (authority, kind, division and the organisation code's eight
     * characters), the GB 11714 and GB 32100 checks added (a generator's: synthetic ledgers).
     *
     * @throws IllegalArgumentException if the result is not a valid USCC (a character outside the alphabet, a wrong length)
     */
    public static String complete(String first16) {
        if (first16 == null || first16.length() != ORGANISATION_CODE_START + ORGANISATION_CODE_BODY) {
            throw new IllegalArgumentException("16 characters are needed");
        }
        String first17 = first16 + organisationCodeCheck(first16.substring(ORGANISATION_CODE_START));
        String code = first17 + checkCharacter(first17);
        problem(code).ifPresent(problem -> {
            throw new IllegalArgumentException("USCC " + problem);
        });
        return code;
    }

    private static String forbiddenCharacter(char c, int position) {
        String what = Character.isLowerCase(c) ? "lowercase character" : "character";
        return what + " '" + c + "' at position " + position + " is not allowed (" + ALPHABET_RULE + ")";
    }

    /** GB 32100: (31 - Σ value × weight mod 31) mod 31, written back in the code alphabet. */
    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714: 11 - Σ value × weight mod 11, where 10 is written 'X' and 11 is written '0'. */
    private static char organisationCodeCheck(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += Character.digit(body.charAt(i), 36) * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + check);
        };
    }
}
