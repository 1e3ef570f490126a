package org.gongshi.ledger.vocabulary;

import java.text.Normalizer;

/**
 * A text as a reader sees it: Unicode NFKC (full-width digits and letters as ASCII), without format (Cf, e.g. zero-width),
 * control, blank, filler or variation-selector characters. Two texts that read the same have the same visible form: what
 * a key of something a person types is made from (a decision number, a search query), so that "１号" and "1号" are one.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static String of(String text) {
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
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F;
    }
}
