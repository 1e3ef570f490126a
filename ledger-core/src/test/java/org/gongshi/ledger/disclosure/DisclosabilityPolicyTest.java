package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Order 45 Arts 2, 5: the one answer to "is this decision disclosed", for the ledger and the statistics alike. */
class DisclosabilityPolicyTest {

    static final Penalty WARNING = new Penalty(PenaltyType.WARNING, null, "警告");
    static final Penalty FINE = new Penalty(PenaltyType.FINE, new BigDecimal("5000"), "罚款");
    static final Party COMPANY = new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, "王示例");
    static final Party MINOR = new Party(PartyKind.NATURAL_PERSON, "未成年示例", null, "110101201003075218", null);

    @Test
    void only_ordinary_procedure_decisions_with_more_than_a_warning_are_disclosable() {
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, List.of(FINE))).isTrue();
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, List.of(WARNING, FINE))).isTrue();
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, List.of(WARNING))).isFalse();
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, List.of())).isFalse();
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, null)).isFalse();
        assertThat(DisclosabilityPolicy.disclosable(Procedure.SIMPLE, List.of(FINE))).isFalse();
    }

    @Test
    void publishing_is_refused_for_exactly_what_is_not_disclosable_and_for_minors() {
        LocalDate decided = LocalDate.of(2026, 2, 10), filed = decided.minusDays(20);
        assertThatCode(() -> DisclosabilityPolicy.requirePublishable(Procedure.ORDINARY, List.of(FINE), COMPANY, filed, decided))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DisclosabilityPolicy.requirePublishable(Procedure.SIMPLE, List.of(FINE), COMPANY, filed, decided))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DISCLOSURE_SCOPE))
                .hasMessageContaining("simple-procedure");
        assertThatThrownBy(() -> DisclosabilityPolicy.requirePublishable(Procedure.ORDINARY, List.of(WARNING), COMPANY, filed, decided))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DISCLOSURE_SCOPE))
                .hasMessageContaining("warning-only");
        assertThatThrownBy(() -> DisclosabilityPolicy.requirePublishable(Procedure.ORDINARY, List.of(FINE), MINOR, filed, decided))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DISCLOSURE_SCOPE))
                .hasMessageContaining("minor");
    }

    /**
     * DOMAIN.md: minors (under 18 周岁 on the day of the act or of the decision; 18 周岁 is reached the day after the 18th
     * birthday) are never disclosed. The ledger records no day of the act, which came before the filing: a party who was
     * 17 on the filing day and 18 on the decision day is not disclosed; one who was 18 on both is.
     */
    @Test
    void a_party_who_was_a_minor_when_the_case_was_filed_is_never_disclosed_though_of_age_on_the_decision_day() {
        Party bornOn20070314 = new Party(PartyKind.NATURAL_PERSON, "示例", null, "110101200703140012", null);
        LocalDate ofAge = LocalDate.of(2025, 3, 15); // the day after the 18th birthday
        assertThatThrownBy(() -> DisclosabilityPolicy.requirePublishable(Procedure.ORDINARY, List.of(FINE), bornOn20070314,
                LocalDate.of(2025, 3, 10), ofAge))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DISCLOSURE_SCOPE))
                .hasMessageContaining("minor on the filing day 2025-03-10");
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, List.of(FINE), bornOn20070314, LocalDate.of(2025, 3, 14), ofAge))
                .as("the 18th birthday itself is still 17").isFalse();
        assertThat(DisclosabilityPolicy.disclosable(Procedure.ORDINARY, List.of(FINE), bornOn20070314, ofAge, ofAge)).isTrue();
    }
}
