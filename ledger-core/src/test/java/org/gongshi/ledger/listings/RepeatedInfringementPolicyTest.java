package org.gongshi.ledger.listings;

import org.gongshi.ledger.listings.RepeatedInfringementPolicy.PenaltyFact;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;
import org.junit.jupiter.api.Test;

import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;

import java.math.BigDecimal;
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

    /** A trademark infringement penalty decided in the ordinary procedure. */
    static PenaltyFact fact(String caseId, String uscc, LocalDate decidedOn, boolean standing) {
        return new PenaltyFact(caseId, uscc, decidedOn, standing, IpType.TRADEMARK, true);
    }

    @Test
    void only_ordinary_procedure_infringement_penalties_of_one_ip_type_count_not_warnings_simple_procedure_or_other_violations() {
        var fine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("30000"), null));
        var warning = List.of(new Penalty(PenaltyType.WARNING, null, null));
        String infringing = "销售侵犯注册商标专用权的商品";
        assertThat(RepeatedInfringementPolicy.infringementPenalty(Procedure.ORDINARY, fine, infringing)).isTrue();
        assertThat(RepeatedInfringementPolicy.infringementPenalty(Procedure.ORDINARY, warning, infringing)).as("a warning only").isFalse();
        assertThat(RepeatedInfringementPolicy.infringementPenalty(Procedure.SIMPLE, fine, infringing)).as("simple procedure").isFalse();
        assertThat(RepeatedInfringementPolicy.infringementPenalty(Procedure.ORDINARY, fine, "假冒专利")).as("not an infringement").isFalse();
        // the probe: a trademark fine and a simple-procedure warning on a patent matter make no candidate
        PenaltyFact trademarkFine = fact("c1", USCC, LocalDate.of(2026, 3, 1), true);
        PenaltyFact patentWarning = new PenaltyFact("c2", USCC, LocalDate.of(2026, 4, 1), true, IpType.PATENT,
                RepeatedInfringementPolicy.infringementPenalty(Procedure.SIMPLE, warning, "侵犯专利权"));
        assertThat(policy.isCandidate(USCC, List.of(trademarkFine, patentWarning), AS_OF)).isFalse();
        // two infringement penalties, but of two IP types, are not counted together
        PenaltyFact patentFine = new PenaltyFact("c3", USCC, LocalDate.of(2026, 5, 1), true, IpType.PATENT, true);
        assertThat(policy.isCandidate(USCC, List.of(trademarkFine, patentFine), AS_OF)).isFalse();
        assertThat(policy.qualifying(USCC, List.of(trademarkFine, patentFine, fact("c4", USCC, LocalDate.of(2026, 6, 1), true)), AS_OF))
                .containsExactly("c1", "c4");
        PenaltyFact nonInfringement = new PenaltyFact("c5", USCC, LocalDate.of(2026, 6, 1), true, IpType.TRADEMARK, false);
        assertThat(policy.isCandidate(USCC, List.of(trademarkFine, nonInfringement), AS_OF)).isFalse();
    }

    /**
     * A sweep from outside, stop 87: two ordinary-procedure trademark fines whose violationType was Trademark Law Art 57(1) in
     * its own words (未经商标注册人的许可…) made no candidate, and the proposal's refusal named them "not qualifying" without a
     * reason. The laws' words for an infringing act count; a permission without a right holder, and passing off, do not; a
     * refusal says why each basis case does not qualify.
     */
    @Test
    void repeated_infringer_counts_an_infringement_in_the_laws_own_words_and_a_refusal_says_why_a_basis_case_does_not() {
        var fine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("50000"), null));
        for (String infringing : List.of("未经商标注册人的许可，在同一种商品上使用与其注册商标相同的商标",
                "未经商标注册人的许可，在类似商品上使用与其注册商标近似的商标，容易导致混淆", "未经专利权人许可，实施其专利",
                "未经著作权人许可，复制、发行其作品", "伪造、擅自制造他人注册商标标识", "销售伪造的注册商标标识",
                "未经商标注册人同意，更换其注册商标并将该更换商标的商品又投入市场", "销售侵犯注册商标专用权的商品",
                // its re-test: another's mark used in other words, and Art 57(7)
                "擅自使用与他人注册商标相同的商标", "给他人的注册商标专用权造成其他损害（商标法第五十七条第七项）")) {
            assertThat(RepeatedInfringementPolicy.infringementPenalty(Procedure.ORDINARY, fine, infringing)).as(infringing).isTrue();
        }
        for (String other : List.of("未经许可从事专利代理业务", "假冒专利", "提交虚假材料", "以欺骗手段申请商标注册", "未经核准擅自使用企业名称",
                "擅自制造", "未经登记，在商品上标注专利号",
                // its re-test: 侵权 named by what is no infringement (two such fines were listed as a repeated infringer)
                "提交虚假侵权投诉材料", "以侵权为由恶意投诉", "恶意申请注册他人商标")) {
            assertThat(RepeatedInfringementPolicy.infringementPenalty(Procedure.ORDINARY, fine, other)).as(other).isFalse();
        }
        PenaltyFact counted = fact("c1", USCC, LocalDate.of(2026, 3, 1), true);
        PenaltyFact noInfringement = new PenaltyFact("c2", USCC, LocalDate.of(2026, 4, 1), true, IpType.TRADEMARK, false);
        PenaltyFact revoked = fact("c3", USCC, LocalDate.of(2026, 5, 1), false);
        PenaltyFact old = fact("c4", USCC, LocalDate.of(2020, 5, 1), true);
        assertThatThrownBy(() -> policy.requireQualifyingBasis(USCC, List.of("c1", "c2", "c3", "c4", "c5"),
                List.of(counted, noInfringement, revoked, old), AS_OF, Rule.LISTING_BASIS))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("c2 (not counted as an infringement penalty: only an ordinary-procedure decision, with a penalty other than a warning, and").hasMessageContaining("未经商标注册人/专利权人/著作权人许可")
                .hasMessageContaining("c3 (its decision was revoked or confirmed invalid)")
                .hasMessageContaining("c4 (decided on 2020-05-01, outside the 5 years before 2026-11-20)")
                .hasMessageContaining("c5 (no decided case of that id)");
    }

    @Test
    void the_policy_defaults_are_two_penalties_within_five_years() {
        assertThat(policy.penalties()).isEqualTo(2);
        assertThat(policy.windowYears()).isEqualTo(5);
        assertThat(policy.windowStart(AS_OF)).isEqualTo(LocalDate.of(2021, 11, 20));
    }

    @Test
    void a_penalty_qualifies_when_it_stands_is_against_the_subject_and_was_decided_within_the_five_years_before() {
        assertThat(policy.qualifies(fact("c1", USCC, LocalDate.of(2021, 11, 21), true), USCC, AS_OF)).isTrue();
        // DOMAIN.md counting: a period in years ends on the corresponding day, so the 5 years before 2026-11-20 hold 2021-11-20
        assertThat(policy.qualifies(fact("c2", USCC, LocalDate.of(2021, 11, 20), true), USCC, AS_OF))
                .as("decided on the corresponding day five years before: inside").isTrue();
        assertThat(policy.qualifies(fact("c2", USCC, LocalDate.of(2021, 11, 19), true), USCC, AS_OF))
                .as("the day before: outside").isFalse();
        assertThat(policy.qualifies(fact("c3", USCC, LocalDate.of(2025, 1, 1), false), USCC, AS_OF))
                .as("revoked or confirmed invalid").isFalse();
        assertThat(policy.qualifies(fact("c4", "91310000MA1FL8KQ3D", LocalDate.of(2025, 1, 1), true), USCC, AS_OF))
                .as("against another subject").isFalse();
        assertThat(policy.qualifies(fact("c5", USCC, null, false), USCC, AS_OF)).as("filed, not decided").isFalse();
        assertThat(policy.qualifies(fact("c6", USCC, AS_OF, true), USCC, AS_OF)).as("decided on the day itself: before it").isTrue();
        assertThat(policy.qualifies(fact("c7", USCC, AS_OF.plusDays(1), true), USCC, AS_OF)).as("decided after the day: not before it").isFalse();
    }

    @Test
    void two_qualifying_penalties_make_a_candidate_and_a_case_counts_once() {
        PenaltyFact first = fact("c1", USCC, LocalDate.of(2024, 3, 1), true);
        PenaltyFact second = fact("c2", USCC, LocalDate.of(2026, 6, 1), true);
        PenaltyFact revoked = fact("c3", USCC, LocalDate.of(2026, 7, 1), false);
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

        List<PenaltyFact> history = List.of(fact("c1", USCC, LocalDate.of(2024, 3, 1), true),
                fact("c2", USCC, LocalDate.of(2026, 6, 1), false));
        assertThatThrownBy(() -> policy.requireQualifyingBasis(USCC, List.of("c1", "c2"), history, AS_OF, Rule.LISTING_BASIS))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.LISTING_BASIS))
                .hasMessageContaining("only 1 qualify").hasMessageContaining("not qualifying: c2 (its decision was revoked or confirmed invalid)");
        List<PenaltyFact> standing = List.of(history.get(0), fact("c2", USCC, LocalDate.of(2026, 6, 1), true));
        assertThatCode(() -> policy.requireQualifyingBasis(USCC, List.of("c1", "c2"), standing, AS_OF, Rule.LISTING_BASIS)).doesNotThrowAnyException();

        // a trademark and a patent penalty: the refusal says it is their IP types, not that one of them fails (outside sweep, stop 72:
        // "not qualifying: [the trademark case]" alone sent the bureau looking for a defect in a penalty that had none)
        List<PenaltyFact> mixed = List.of(history.get(0), new PenaltyFact("c4", USCC, LocalDate.of(2026, 5, 1), true, IpType.PATENT, true));
        assertThatThrownBy(() -> policy.requireQualifyingBasis(USCC, List.of("c1", "c4"), mixed, AS_OF, Rule.LISTING_BASIS))
                .hasMessageContaining("only 1 qualify")
                .hasMessageContaining("different IP types are not counted together: {PATENT=[c4], TRADEMARK=[c1]}");
    }
}
