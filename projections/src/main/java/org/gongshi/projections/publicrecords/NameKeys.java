package org.gongshi.projections.publicrecords;

import org.gongshi.ledger.text.VisibleText;

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

    /**
     * A name or a query as the search compares them: {@link VisibleText#of} (the one normalisation of input text: NFKC, without
     * zero-width, format and blank characters), lower-cased, without middle dots ({@link #MIDDLE_DOTS}). Both sides meet in it: a record's keys and {@code searchName} are
     * its name's, a query's keys and the substring it must match are the query's.
     */
    public static String normalise(String text) {
        String n = VisibleText.of(text).toLowerCase(Locale.ROOT);
        return n.chars().anyMatch(c -> MIDDLE_DOTS.indexOf(c) >= 0) ? withoutMiddleDots(n) : n;
    }

    /** The middle dots left out of names and queries alike ({@link VisibleText#MIDDLE_DOTS}): a member of the public types another, or none. */
    public static final String MIDDLE_DOTS = VisibleText.MIDDLE_DOTS;

    private static String withoutMiddleDots(String n) {
        StringBuilder without = new StringBuilder(n.length());
        n.chars().filter(c -> MIDDLE_DOTS.indexOf(c) < 0).forEach(c -> without.append((char) c));
        return without.toString();
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

    /** The division prefix a name is searched within through keys of its own: the province (省级, 2 digits). */
    private static final int PROVINCE_DIGITS = 2;

    /**
     * The name's bigrams under its division's province ({@code 11|华信}): one multikey index then answers a name of two or more
     * characters in a province as it answers a name (a page in order, a count without reading a record), where the name's
     * and the division's indexes each read every match of their own half (issue 13: a common word in a province, tens of
     * thousands of records at a million). One array, as MongoDB indexes one array per index. Bigrams of the province only:
     * every key costs each insert an index entry and the embedded store's file its pages (with the unigrams and the city
     * and county as well, inserts ran three times slower and the file grew threefold); a single character, or a name in a
     * city or county, is read through the name's keys and the division.
     */
    public static List<String> inProvince(String name, String division) {
        if (division == null || division.length() < PROVINCE_DIGITS) return List.of();
        String province = division.substring(0, PROVINCE_DIGITS);
        return bigrams(normalise(name)).stream().distinct().map(bigram -> province + "|" + bigram).toList();
    }

    /** The keys a query of two or more characters needs a name to have within province {@code prefix}; empty for any other query or prefix. */
    public static java.util.Optional<List<String>> queryInProvince(String q, String prefix) {
        String n = normalise(q);
        if (prefix.length() != PROVINCE_DIGITS || n.codePointCount(0, n.length()) < 2) return java.util.Optional.empty();
        return java.util.Optional.of(query(q).stream().map(key -> prefix + "|" + key).toList());
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
