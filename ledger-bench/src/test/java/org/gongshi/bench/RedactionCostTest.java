package org.gongshi.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The redaction bench measures each of its texts beside its baseline, and its texts hold what the policy hides. */
class RedactionCostTest {

    @Test
    void every_text_is_measured_beside_its_baseline_and_its_people_are_hidden() throws Exception {
        List<RedactionCost.Figure> figures = RedactionCost.measure(1);
        assertThat(figures).extracting(RedactionCost.Figure::text).containsExactlyElementsOf(RedactionCost.TEXTS);
        for (RedactionCost.Figure f : figures) {
            assertThat(f.characters()).as(f.text()).isEqualTo(RedactionCost.text(f.text()).length());
            assertThat(f.scrubMicros()).as(f.text()).isPositive();
            assertThat(f.onePassMicros()).as(f.text()).isPositive();
            assertThat(f.ratio()).as(f.text()).isEqualTo(f.scrubMicros() / f.onePassMicros());
        }
        assertThat(figures.get(0).hidden()).as("an ordinary sentence keeps every word").isZero();
        assertThat(figures.get(1).hidden()).as("the trade-secret case names dozens of people and contacts").isGreaterThan(30);
        assertThat(figures.get(2).hidden()).as("the courier case's rows").isGreaterThan(10);
        assertThat(RedactionCost.summary(figures)).contains("| facts | 979 |");
    }
}
