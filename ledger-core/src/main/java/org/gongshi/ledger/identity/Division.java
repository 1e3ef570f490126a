package org.gongshi.ledger.identity;

import java.util.Optional;

/**
 * An administrative division (GB/T 2260) as a code or a prefix of one: 1 to 6 ASCII digits. A
 * 6-digit code names a county-level division ({@code 110105}); a shorter prefix names every division
 * under it ({@code 11} is Beijing, {@code 1101} its districts), which is how supervisors read.
 *
 * <p>Validated on construction, so a division can go into a query (an anchored prefix) as it is.
 */
public record Division(String code) {

    public static final int MAX_DIGITS = 6;
    private static final String RULE = "must be an administrative division code or prefix of 1 to " + MAX_DIGITS + " digits (GB/T 2260)";

    public Division {
        problem(code).ifPresent(problem -> {
            throw new IllegalArgumentException("division " + problem);
        });
    }

    /** What is wrong with {@code code}, or empty when it is a division code or prefix. Never repeats the input. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty() || code.length() > MAX_DIGITS) return Optional.of(RULE);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') return Optional.of(RULE);
        }
        return Optional.empty();
    }

    /** Whether {@code code} is a whole county-level code of {@value #MAX_DIGITS} digits (a bureau's, as a token claims it), no prefix. */
    public static boolean isFullCode(String code) {
        return code != null && code.length() == MAX_DIGITS && problem(code).isEmpty();
    }

    /**
     * The division a request names, or empty when it names none (null or blank); surrounding spaces
     * are ignored.
     *
     * @throws IllegalArgumentException when {@code text} is given but is not a division code or prefix
     */
    public static Optional<Division> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(new Division(text.strip()));
    }

    /** Whether {@code other} is this division or lies under it (prefix match on the codes). */
    public boolean contains(Division other) {
        return other != null && other.code.startsWith(code);
    }

    /** Whether the division with code {@code divisionCode} (as recorded on a case, listing or entry) lies under this one. */
    public boolean contains(String divisionCode) {
        return divisionCode != null && divisionCode.startsWith(code);
    }

    /** The region this code stands for as a prefix: trailing {@code 00} pairs dropped (110000 → 11, 110100 → 1101). */
    public Division region() {
        String prefix = code;
        while (prefix.endsWith("00") && prefix.length() > 2) prefix = prefix.substring(0, prefix.length() - 2);
        return new Division(prefix);
    }

    @Override
    public String toString() {
        return code;
    }
}
