package org.gongshi.api.security;

import org.gongshi.api.problem.Forbidden;
import org.gongshi.ledger.identity.Division;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whose data a list or figures read answers, by role and {@code ?division=} (README, "Who reads what"). */
class AccessTest {

    static final Caller OFFICER = new Caller("o1", "11110105MB00000009", "110105", Set.of("officer"));
    static final Caller SUPERVISOR = new Caller("s1", null, "110000", Set.of("supervisor"));

    @Test
    void a_bureau_reads_its_own_cases_never_labelled_with_a_wider_division_nor_another() {
        assertThat(Access.readScope(OFFICER, null)).isEqualTo(new Access.ReadScope(OFFICER.bureau(), null));
        // outside audit: ?division=11 answered the bureau's figures labelled "division":"11"
        assertThat(Access.readScope(OFFICER, new Division("11"))).isEqualTo(new Access.ReadScope(OFFICER.bureau(), null));
        assertThat(Access.readScope(OFFICER, new Division("110105"))).isEqualTo(new Access.ReadScope(OFFICER.bureau(), null));
        assertThatThrownBy(() -> Access.readScope(OFFICER, new Division("110106"))).isInstanceOf(Forbidden.class);
    }

    @Test
    void a_supervisor_reads_its_division_and_may_narrow_never_widen() {
        assertThat(Access.readScope(SUPERVISOR, null).divisionPrefix()).isEqualTo(SUPERVISOR.divisionPrefix());
        assertThat(Access.readScope(SUPERVISOR, new Division("1101")).divisionPrefix()).isEqualTo(new Division("1101"));
        assertThatThrownBy(() -> Access.readScope(SUPERVISOR, new Division("12"))).isInstanceOf(Forbidden.class);
    }
}
