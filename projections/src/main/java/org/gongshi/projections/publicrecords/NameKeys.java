package org.gongshi.projections.publicrecords;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Character n-gram keys for substring search over subject names (Chinese has no spaces to split
 * words on): a name is indexed by its unigrams and bigrams; a query of two or more characters must
 * have all its bigrams in a name, a one-character query its unigram. A multikey index on the keys
 * answers both at any size; the exact substring is then checked on the few candidates.
 */
public final class NameKeys {

    private NameKeys() {
    }

    public static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Every unigram and bigram of the name. */
    public static List<String> of(String name) {
        String n = normalise(name);
        Set<String> keys = new LinkedHashSet<>();
        n.codePoints().forEach(c -> keys.add(new String(Character.toChars(c))));
        keys.addAll(bigrams(n));
        return List.copyOf(keys);
    }

    /** The keys a query needs a name to have. */
    public static List<String> query(String q) {
        String n = normalise(q);
        if (n.codePointCount(0, n.length()) == 1) return List.of(n);
        return List.copyOf(new LinkedHashSet<>(bigrams(n)));
    }

    /**
     * Whether a name has the query's one key exactly when it holds the query (spaces aside, as in every key): a query of
     * one or two characters is its own key; a longer one's bigrams may each stand elsewhere in a name.
     */
    public static boolean keyIsTheQuery(String q) {
        String n = normalise(q);
        return !n.isEmpty() && n.codePointCount(0, n.length()) <= 2;
    }

    private static List<String> bigrams(String n) {
        int[] cps = n.codePoints().toArray();
        java.util.ArrayList<String> grams = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) grams.add(new String(cps, i, 2));
        return grams;
    }
}
