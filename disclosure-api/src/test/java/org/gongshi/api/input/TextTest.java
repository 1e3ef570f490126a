package org.gongshi.api.input;

import org.gongshi.api.limits.Bounds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as text (issue 11 item 5): visible after NFKC, without control characters. */
class TextTest {

    @Test
    void text_that_is_empty_after_normalisation_is_refused() {
        for (String invisible : new String[]{"\u200B", "\u200B\u200C\u200D\u2060", "\uFEFF", "\u00AD", "\u3000", "\u3164", "\uFFA0",
                "\u115F\u1160", "\uFE0F", " \t ", "\u2028", "\u034F", "\uDB40\uDD00"}) {
            assertThat(Text.problem(invisible)).as(invisible.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .hasValueSatisfying(p -> assertThat(p).contains("visible text"));
        }
    }

    /** Outside audit: a name of U+202E…U+202C showed reversed on the public record; names of only U+FFFF, U+E000 or U+2800 were filed. */
    @Test
    void bidirectional_controls_noncharacters_and_text_of_only_private_use_or_braille_blanks_are_refused() {
        for (String reordering : new String[]{"\u202E司公限有易贸真\u202C", "北京\u2067某\u2069公司", "\u202A示例", "示例\u202D"}) {
            assertThat(Text.problem(reordering)).as(reordering).hasValueSatisfying(p -> assertThat(p).contains("bidirectional"));
            assertThat(Text.queryProblem(reordering)).as(reordering).isPresent();
        }
        for (String nonCharacter : new String[]{"\uFFFF", "示例\uFDD0", "\uFFFE", "\uDBFF\uDFFF"}) {
            assertThat(Text.problem(nonCharacter)).as(nonCharacter).hasValueSatisfying(p -> assertThat(p).contains("noncharacter"));
        }
        for (String invisible : new String[]{"\uE000", "\u2800", "\u2800\uE001 "}) {
            assertThat(Text.problem(invisible)).as(invisible).hasValueSatisfying(p -> assertThat(p).contains("visible text"));
        }
        // a name written right to left needs no control; a private-use character beside visible text is kept (a rare character
        // a legacy system mapped there)
        for (String kept : new String[]{"\u0645\u062D\u0645\u062F", "\u200F\u0645\u062D", "张\uE000", "示例\u2800公司"}) {
            assertThat(Text.problem(kept)).as(kept).isEmpty();
        }
    }

    @Test
    void visible_text_passes_including_chinese_full_width_and_emoji() {
        for (String visible : new String[]{"北京某某科技有限公司", "１３７１２３４５６７８", "A\u200BB", "第一行\n第二行\t完", "😀", "x"}) {
            assertThat(Text.problem(visible)).as(visible).isEmpty();
        }
        assertThat(Text.problem("")).as("an empty string is left to each field's own rule").isEmpty();
    }

    @Test
    void control_characters_are_refused_in_bodies_except_tab_and_line_breaks_and_in_queries_always() {
        assertThat(Text.problem("a\u0000b")).hasValueSatisfying(p -> assertThat(p).contains("U+0000"));
        assertThat(Text.problem("a\u001Bb")).isPresent();
        assertThat(Text.problem("a\u0085b")).isPresent();
        assertThat(Text.problem("a\nb\r\tc")).isEmpty();
        assertThat(Text.queryProblem("a\nb")).isPresent();
        assertThat(Text.queryProblem("x".repeat(Bounds.QUERY_VALUE + 1))).hasValueSatisfying(p -> assertThat(p).contains("at most"));
        // every feed type's full name, comma-separated, is one types parameter a credit platform may send
        assertThat(Text.queryProblem(String.join(",", org.gongshi.projections.feed.FeedTypes.ALL))).isEmpty();
        assertThat(Text.queryProblem("示例商贸")).isEmpty();
        // %FF read as U+FFFD: not UTF-8 (outside audit: a 404 echoed the replacement character)
        assertThat(Text.queryProblem("\uFFFD")).hasValueSatisfying(p -> assertThat(p).contains("percent-encoded UTF-8"));
        assertThat(Text.formProblem("a\uFFFD")).isPresent();
    }

    /** A public page's form field of only blanks asks for nothing (the page reads it as absent); a control character is still refused. */
    @Test
    void a_form_field_of_only_blanks_is_no_problem_but_a_control_character_is() {
        for (String blank : new String[]{" ", "\u3000", "\u200B", "  \uFEFF"}) {
            assertThat(Text.formProblem(blank)).as(blank.codePoints().mapToObj(Integer::toHexString).toList().toString()).isEmpty();
            assertThat(Text.queryProblem(blank)).as("the API still refuses it").isPresent();
        }
        assertThat(Text.formProblem("\t")).hasValueSatisfying(p -> assertThat(p).contains("U+0009"));
        assertThat(Text.formProblem("a\u0000")).isPresent();
        assertThat(Text.formProblem("x".repeat(Bounds.QUERY_VALUE + 1))).hasValueSatisfying(p -> assertThat(p).contains("at most"));
        assertThat(Text.formProblem("示例商贸")).isEmpty();
    }

    /** The one normalisation: what the input rules and the public search share ({@code VisibleText}). */
    @Test
    void visible_is_nfkc_without_zero_width_format_and_blank_characters() {
        assertThat(Text.visible("０１号")).isEqualTo("01号");
        assertThat(Text.visible("张\u200B三 \uFEFF")).isEqualTo("张三");
        assertThat(Text.visible("张\u200B三")).isEqualTo(org.gongshi.ledger.text.VisibleText.of("张三"));
    }

    @Test
    void a_lone_surrogate_is_refused() {
        assertThat(Text.problem("a\uD800b")).hasValueSatisfying(p -> assertThat(p).contains("surrogate"));
    }
}
