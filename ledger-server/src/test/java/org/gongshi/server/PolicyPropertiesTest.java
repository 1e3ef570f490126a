package org.gongshi.server;

import org.gongshi.ledger.policy.EnforcementPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One policy holds every number: DOMAIN.md's defaults, overridden per deployment by properties. */
class PolicyPropertiesTest {

    private static EnforcementPolicy bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("gongshi.policy", EnforcementPolicy.class).orElseGet(EnforcementPolicy::defaults);
    }

    @Test
    void without_properties_the_policy_has_domain_defaults() {
        EnforcementPolicy policy = bind(Map.of());
        assertThat(policy.version()).isEqualTo(EnforcementPolicy.DEFAULT_VERSION);
        assertThat(policy.caseHandling().decisionDays()).isEqualTo(90);
        assertThat(policy.caseHandling().headExtensionDays()).isEqualTo(30);
        assertThat(policy.disclosure().disclosureWorkingDays()).isEqualTo(20);
        assertThat(policy.disclosure().doublePublicityWorkingDays()).isEqualTo(7);
        assertThat(policy.disclosure().lowerAmountFineNaturalPerson()).isEqualByComparingTo("10000");
        assertThat(policy.disclosure().lowerAmountFineOrganisation()).isEqualByComparingTo("100000");
        assertThat(policy.caseHandling().statementWorkingDays()).isEqualTo(5);
        assertThat(policy.caseHandling().hearingNoticeWorkingDays()).isEqualTo(7);
        assertThat(policy.caseHandling().largeAmountOrganisation()).isEqualByComparingTo("100000");
        assertThat(policy.caseHandling().largeAmountNaturalPerson()).isEqualByComparingTo("10000");
        assertThat(policy.creditListing().repeatedInfringerPenalties()).isEqualTo(2);
    }

    @Test
    void a_property_overrides_one_number_and_keeps_the_other_defaults() {
        EnforcementPolicy policy = bind(Map.of(
                "gongshi.policy.version", "GD-2026.1",
                "gongshi.policy.disclosure.lower-amount-fine-natural-person", "20000",
                "gongshi.policy.case-handling.decision-days", "60"));
        assertThat(policy.version()).isEqualTo("GD-2026.1");
        assertThat(policy.disclosure().lowerAmountFineNaturalPerson()).isEqualByComparingTo("20000");
        assertThat(policy.disclosure().lowerAmountFineOrganisation()).isEqualByComparingTo("100000");
        assertThat(policy.disclosure().disclosureWorkingDays()).isEqualTo(20);
        assertThat(policy.caseHandling().decisionDays()).isEqualTo(60);
        assertThat(policy.caseHandling().paymentDays()).isEqualTo(15);
    }

    @Test
    void the_time_bounds_are_policy_numbers_too() {
        assertThat(EnforcementPolicy.defaults().timeBounds().backdatingToleranceDays()).isEqualTo(30);
        assertThat(EnforcementPolicy.defaults().timeBounds().collectiveDeadlineMaxDaysAfterFiling()).isEqualTo(365);
        EnforcementPolicy policy = bind(Map.of("gongshi.policy.time-bounds.backdating-tolerance-days", "7",
                "gongshi.policy.time-bounds.earliest-year", "2000"));
        assertThat(policy.timeBounds().backdatingToleranceDays()).isEqualTo(7);
        assertThat(policy.timeBounds().earliestYear()).isEqualTo(2000);
        assertThat(policy.timeBounds().collectiveDeadlineMaxDaysAfterFiling()).isEqualTo(365);
    }

    /** A number no ledger can run with stops the start naming its property (a sweep from outside: decision-days=0 started). */
    @Test
    void a_number_out_of_its_range_is_refused_naming_the_property() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("gongshi.policy.case-handling.decision-days", "0")))
                .hasStackTraceContaining("gongshi.policy.case-handling.decision-days is 0; it must be at least 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("gongshi.policy.time-bounds.backdating-tolerance-days", "-5")))
                .hasStackTraceContaining("gongshi.policy.time-bounds.backdating-tolerance-days is -5; it must be at least 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("gongshi.policy.disclosure.lower-amount-fine-organisation", "-1")))
                .hasStackTraceContaining("gongshi.policy.disclosure.lower-amount-fine-organisation is -1; it must not be negative");
        assertThat(bind(Map.of("gongshi.policy.time-bounds.backdating-tolerance-days", "0")).timeBounds().backdatingToleranceDays())
                .as("same-day acts only").isZero();
    }
}
