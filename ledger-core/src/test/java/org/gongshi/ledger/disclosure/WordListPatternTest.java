package org.gongshi.ledger.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redaction policy's word lists compiled as trees of their shared beginnings ({@code RedactionPolicy.anyOf}) match what
 * the plain alternation of the list matched, in the same order: at every position of random texts, case-sensitive and not,
 * followed by nothing, by the text's end, by a character and by a refusal of one, so that a word the continuation refuses
 * gives way to the next one as the list orders them.
 */
class WordListPatternTest {

    private static final String ALPHABET = "经理人王aA.(";
    private static final List<String> CONTINUATIONS = List.of("", "$", "人", "(?!人)", "王?a");

    @Test
    void a_word_list_as_a_tree_matches_as_its_alternation_in_the_lists_order() {
        Random random = new Random(88);
        int trees = 0;
        for (int round = 0; round < 3_000; round++) {
            List<String> words = new ArrayList<>();
            for (int w = 1 + random.nextInt(6); w > 0; w--) words.add(word(random, 1 + random.nextInt(3)));
            String tree = RedactionPolicy.anyOf(words);
            String alternation = words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
            if (!tree.equals(alternation)) trees++;
            for (String continuation : CONTINUATIONS) {
                for (int flags : new int[]{0, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE}) {
                    Matcher asTree = Pattern.compile(tree + continuation, flags).matcher("");
                    Matcher asList = Pattern.compile(alternation + continuation, flags).matcher("");
                    for (int t = 0; t < 5; t++) {
                        String text = word(random, random.nextInt(8));
                        for (int at = 0; at <= text.length(); at++) {
                            asTree.reset(text).region(at, text.length());
                            asList.reset(text).region(at, text.length());
                            boolean matched = asList.lookingAt();
                            assertThat(asTree.lookingAt()).as("%s%s on %s at %d", words, continuation, text, at).isEqualTo(matched);
                            if (matched) assertThat(asTree.end()).as("%s%s on %s at %d", words, continuation, text, at).isEqualTo(asList.end());
                        }
                    }
                }
            }
        }
        // the check compared trees, not only the alternations it falls back to
        assertThat(trees).isGreaterThan(1_000);
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return word.toString();
    }
}
