package org.gongshi.ledger.text;

import java.text.Normalizer;

/**
 * Text as a reader sees it: Unicode NFKC, without format (Cf), control, filler, variation-selector or blank characters. The one
 * normalisation both sides of a comparison share: the API's input rules ({@code org.gongshi.api.input.Text}) ask whether anything
 * visible is left, and the public search normalises a query and the names it indexes with it, so {@code ０１} finds {@code 01}
 * and {@code 张<ZWSP>三} finds {@code 张三}; a decision number is unique as a reader sees it ({@code DecisionNumberSlot}).
 */
public final class VisibleText {

    private VisibleText() {
    }

    /**
     * The middle dots a foreign or minority name's parts are written apart with (约翰·史密斯, 阿卜杜拉·买买提), whichever the
     * writer's input method gave: U+00B7, the bullet U+2022, the hyphenation point U+2027, the bullet and dot operators U+2219
     * and U+22C5, the katakana middle dot U+30FB, the word separator U+2E31, the sinological dot U+A78F, and the forms NFKC makes
     * U+00B7 and U+30FB of (the Greek ano teleia U+0387, the half-width U+FF65). The one list the redaction policy finds dotted
     * names by and the public search leaves out of names and queries.
     */
    public static final String MIDDLE_DOTS = "\u00B7\u2022\u2027\u2219\u22C5\u30FB\u2E31\uA78F\u0387\uFF65";

    /** {@code text} in NFKC without invisible characters; "" for null. */
    public static String of(String text) {
        if (text == null) return "";
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            if (!invisible(cp)) b.appendCodePoint(cp);
        });
        return b.toString();
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || Character.isWhitespace(cp)
                || Character.isSpaceChar(cp) || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F
                || cp == 0x2800; // the braille blank: shown as a space (outside audit: a name of only U+2800 was accepted)
    }
}
