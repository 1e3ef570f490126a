package org.gongshi.api.security;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md, public fields: the authority's name comes from the bureau's registration. */
class BureauRegistryTest {

    @Test
    void the_authority_name_is_the_registered_name_and_an_unregistered_bureau_has_none() {
        BureauRegistry registry = new BureauRegistry(Map.of("111101050000000191", "北京市朝阳区市场监督管理局"), null);
        assertThat(registry.authorityName("111101050000000191")).contains("北京市朝阳区市场监督管理局");
        assertThat(registry.authorityName("91310000132200004B")).isEmpty();
        assertThat(registry.authorityName(null)).isEmpty();
    }

    @Test
    void a_stand_in_pattern_names_unregistered_bureaus_where_one_is_configured() {
        BureauRegistry registry = new BureauRegistry(Map.of("111101050000000191", "北京市朝阳区市场监督管理局"), "未登记机关（开发用，{bureau}）");
        assertThat(registry.authorityName("111101050000000191")).contains("北京市朝阳区市场监督管理局");
        assertThat(registry.authorityName("91310000132200004B")).contains("未登记机关（开发用，91310000132200004B）");
        assertThat(new BureauRegistry(Map.of(), " ").authorityName("91310000132200004B")).isEmpty();
    }

    /** A registration that would break filings later stops the start, naming the property (a sweep from outside, stop 72). */
    @Test
    void a_registration_without_a_name_or_under_no_valid_code_is_refused_naming_the_property() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BureauRegistry(Map.of("111101050000000191", " "), null))
                .hasMessageContaining("gongshi.bureaus.registered.111101050000000191 is empty");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BureauRegistry(Map.of("NOTAUSCC", "某局"), null))
                .hasMessageContaining("gongshi.bureaus.registered.NOTAUSCC: the key is a bureau's unified social credit code");
    }

    /**
     * A registered bureau acts and reads in the division its code was issued in, or one within it (a sweep from outside, stop
     * 84: an officer of 110105 whose token claimed 310115 filed a case into Shanghai's view and figures).
     */
    @Test
    void a_registered_bureaus_token_acts_only_in_the_division_its_code_was_issued_in() {
        BureauRegistry registry = new BureauRegistry(Map.of("111101050000000191", "北京市朝阳区市场监督管理局",
                "114403000000000359", "深圳市市场监督管理局"), "未登记机关（{bureau}）");
        assertThat(registry.divisionProblem(officer("111101050000000191", "110105"))).isEmpty();
        assertThat(registry.divisionProblem(officer("114403000000000359", "440304"))).isEmpty();
        assertThat(registry.divisionProblem(officer("111101050000000191", "310115"))).hasValueSatisfying(problem -> assertThat(problem)
                .contains("division 310115 lies outside bureau 111101050000000191's").contains("issued in division 110105"));
        assertThat(registry.divisionProblem(officer("111101050000000191", "110108"))).isPresent();
        assertThat(registry.divisionProblem(officer("114403000000000359", "440000"))).isPresent();
        assertThat(registry.divisionProblem(officer("91310000132200004B", "110105"))).as("not registered").isEmpty();
        assertThat(registry.divisionProblem(officer("111101050000000191", null))).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("The token has no division claim").contains("110105").doesNotContain("null"));
        assertThat(registry.registeredIn("91310000132200004B")).isEmpty();
        assertThat(registry.registeredIn("114403000000000359")).map(Object::toString).contains("4403");
    }

    private static Caller officer(String bureau, String division) {
        return new Caller("officer", bureau, division, java.util.Set.of("officer"));
    }
}
