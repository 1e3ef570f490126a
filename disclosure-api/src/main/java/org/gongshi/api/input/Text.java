package org.gongshi.api.input;

import org.gongshi.api.limits.Bounds;
import java.text.Normalizer;
import java.util.Optional;

/**
 * What every text from outside must be (issue 11 item 5): no control characters except tab and line
 * breaks in bodies (none at all in query parameters), and, when not empty, something visible after
 * Unicode NFKC normalisation with zero-width, format and filler characters removed.
 */
public final class Text {

    private Text() {
    }

    /** Why a body text is refused, if it is. */
    public static Optional<String> problem(String text) {
        return problem(text, true);
    }

    /** Why a query parameter is refused, if it is: no control character at all. */
    public static Optional<String> queryProblem(String text) {
        if (text.length() > Bounds.QUERY_VALUE) return Optional.of("must be at most " + Bounds.QUERY_VALUE + " characters");
        return problem(text, false);
    }

    private static Optional<String> problem(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t');
            if (Character.getType(c) == Character.CONTROL && !allowed) {
                return Optional.of("must not contain control characters (found U+" + String.format("%04X", (int) c) + ")");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of("must be well-formed Unicode (found a lone surrogate)");
            }
        }
        if (!text.isEmpty() && visible(text).isEmpty()) {
            return Optional.of("must contain visible text (it is empty after Unicode NFKC normalisation without zero-width,"
                    + " format and blank characters)");
        }
        return Optional.empty();
    }

    /** The text as a reader sees it: NFKC, without format (Cf), filler, variation-selector or blank characters. */
    public static String visible(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = type == Character.FORMAT || type == Character.CONTROL || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp) || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
                    || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F;
            if (!invisible) b.appendCodePoint(cp);
        });
        return b.toString();
    }
}
