package org.gongshi.api.input;

import org.gongshi.api.limits.Bounds;
import org.gongshi.ledger.text.VisibleText;
import java.util.Optional;

/**
 * What every text from outside must be (issue 11 item 5): no control characters except tab and line
 * breaks in bodies (none at all in query parameters), no bidirectional controls or noncharacters, and, when not empty,
 * something visible after Unicode NFKC normalisation with zero-width, format and filler characters removed.
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
        return undecodable(text).or(() -> problem(text, false));
    }

    /**
     * A path segment or query value that held bytes no UTF-8 reading decodes ({@code %ff}): the web layer reads each as U+FFFD,
     * so a 404 echoed the replacement character (outside audit); it is a 400 naming the field.
     */
    private static Optional<String> undecodable(String text) {
        return text.indexOf('\uFFFD') >= 0 ? Optional.of("must be percent-encoded UTF-8 (it holds bytes that are not, such as %FF)")
                : Optional.empty();
    }

    /**
     * Why a query parameter of a public page (a form's field) is refused, if it is: as {@link #queryProblem}, but a value of only
     * blank or invisible characters is no problem: a form field a member of the public left blank, or typed a space into, asks
     * for nothing (the page reads it as absent).
     */
    public static Optional<String> formProblem(String text) {
        if (text.length() > Bounds.QUERY_VALUE) return Optional.of("must be at most " + Bounds.QUERY_VALUE + " characters");
        return undecodable(text).or(() -> problem(text, false, false));
    }

    private static Optional<String> problem(String text, boolean lineBreaksAllowed) {
        return problem(text, lineBreaksAllowed, true);
    }

    private static Optional<String> problem(String text, boolean lineBreaksAllowed, boolean visibleRequired) {
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
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (bidiControl(cp)) {
                return Optional.of("must not contain bidirectional controls (found U+" + String.format("%04X", cp)
                        + "): they reorder how the text reads where it is shown");
            }
            if (nonCharacter(cp)) return Optional.of("must not contain Unicode noncharacters (found U+" + String.format("%04X", cp) + ")");
        }
        if (visibleRequired && !text.isEmpty() && visible(text).codePoints().allMatch(cp -> Character.getType(cp) == Character.PRIVATE_USE)) {
            return Optional.of("must contain visible text (it is empty after Unicode NFKC normalisation without zero-width,"
                    + " format and blank characters, or holds only private-use characters)");
        }
        return Optional.empty();
    }

    /**
     * The embeddings, overrides and isolates of the Unicode bidirectional algorithm (U+202A–U+202E, U+2066–U+2069): a name
     * holding U+202E showed reversed on the public record (outside audit; the "Trojan Source" characters, CVE-2021-42574).
     */
    static boolean bidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** U+FDD0–U+FDEF and the last two code points of every plane: never characters of a text (Unicode §23.7). */
    static boolean nonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /**
     * The text as a reader sees it: NFKC, without format (Cf), filler, variation-selector or blank characters
     * ({@link VisibleText#of}, the normalisation the public search applies to a query and to the names it indexes).
     */
    public static String visible(String text) {
        return VisibleText.of(text);
    }
}
