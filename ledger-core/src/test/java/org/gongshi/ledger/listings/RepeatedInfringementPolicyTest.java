package org.gongshi.ledger.listings;

import org.gongshi.ledger.listings.RepeatedInfringementPolicy.PenaltyFact;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 重复侵权 (Trademark Law Art 60): the one rule the aggregate, the API and the review queue apply. */
class RepeatedInfringementPolicyTest {

    static final String USCC = "91110000600037341L";
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    final RepeatedInfringementPolicy policy = RepeatedInfringementPolicy.of(Rulebook.defaults());

    @Test
    void the_policy_defaults_are_two_penalties_within_five_years() {
        assertThat(policy.penalties()).isEqualTo(2);
        assertThat(policy.windowYears()).isEqualTo(5);
        assertThat(policy.windowStart(AS_OF)).isEqualTo(LocalDate.of(2021, 11, 20));
    }

    @Test
    void a_penalty_qualifies_when_it_stands_is_against_the_subject_and_was_decided_after_the_window_start() {
        assertThat(policy.qualifies(new PenaltyFact("c1", USCC, LocalDate.of(2021, 11, 21), true), USCC, AS_OF)).isTrue();
        assertThat(policy.qualifies(new PenaltyFact("c2", USCC, LocalDate.of(2021, 11, 20), true), USCC, AS_OF))
                .as("decided on the window start: outside").isFalse();
        assertThat(policy.qualifies(new PenaltyFact("c3", USCC, LocalDate.of(2025, 1, 1), false), USCC, AS_OF))
                .as("revoked or confirmed invalid").isFalse();
        assertThat(policy.qualifies(new PenaltyFact("c4", "91310000MA1FL8KQ3D", LocalDate.of(2025, 1, 1), true), USCC, AS_OF))
                .as("against another subject").isFalse();
        assertThat(policy.qualifies(new PenaltyFact("c5", USCC, null, false), USCC, AS_OF)).as("filed, not decided").isFalse();
    }

    @Test
    void two_qualifying_penalties_make_a_candidate_and_a_case_counts_once() {
        PenaltyFact first = new PenaltyFact("c1", USCC, LocalDate.of(2024, 3, 1), true);
        PenaltyFact second = new PenaltyFact("c2", USCC, LocalDate.of(2026, 6, 1), true);
        PenaltyFact revoked = new PenaltyFact("c3", USCC, LocalDate.of(2026, 7, 1), false);
        assertThat(policy.isCandidate(USCC, List.of(first, second), AS_OF)).isTrue();
        assertThat(policy.isCandidate(USCC, List.of(first, first), AS_OF)).isFalse();
        assertThat(policy.isCandidate(USCC, List.of(first, revoked), AS_OF)).isFalse();
    }

    @Test
    void a_listing_names_enough_basis_cases_and_the_api_checks_they_qualify() {
        assertThatThrownBy(() -> policy.requireBasisNamed(List.of("c1", "c1")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.LISTING_CATEGORY))
                .hasMessageContaining("at least 2").hasMessageContaining("1 basis case named");
        assertThatCode(() -> policy.requireBasisNamed(List.of("c1", "c2"))).doesNotThrowAnyException();

        List<PenaltyFact> history = List.of(new PenaltyFact("c1", USCC, LocalDate.of(2024, 3, 1), true),
                new PenaltyFact("c2", USCC, LocalDate.of(2026, 6, 1), false));
        assertThatThrownBy(() -> policy.requireQualifyingBasis(USCC, List.of("c1", "c2"), history, AS_OF, Rule.LISTING_BASIS))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.LISTING_BASIS))
                .hasMessageContaining("only 1 qualify").hasMessageContaining("not qualifying: [c2]");
        List<PenaltyFact> standing = List.of(history.get(0), new PenaltyFact("c2", USCC, LocalDate.of(2026, 6, 1), true));
        assertThatCode(() -> policy.requireQualifyingBasis(USCC, List.of("c1", "c2"), standing, AS_OF, Rule.LISTING_BASIS)).doesNotThrowAnyException();
    }
}
