package org.gongshi.api.cases;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseRequestsTest {

    /** A re-test from outside, stop 75: " 北京空格有限公司 " was filed and published with its spaces. */
    @Test
    void a_partys_names_are_taken_without_the_spaces_at_their_ends() {
        Party party = new CaseRequests.PartyRequest(PartyKind.LEGAL_PERSON, " 北京空格有限公司 ", "91110000600037341L", null, "\u3000张三 ").toParty();
        assertThat(party.name()).isEqualTo("北京空格有限公司");
        assertThat(party.legalRepresentative()).isEqualTo("张三");
    }

    /**
     * API.md names {@code until} beside the penalties (a sweep from outside, stop 78: an integrator sent it there and was
     * refused): it is the term of every suspension and restriction that names none of its own.
     */
    @Test
    void until_beside_the_penalties_is_the_term_of_each_that_names_none() {
        LocalDate until = LocalDate.of(2026, 9, 30);
        var fine = new CaseRequests.PenaltyRequest(PenaltyType.FINE, new BigDecimal("5000"), null, null);
        var suspension = new CaseRequests.PenaltyRequest(PenaltyType.LICENSE_SUSPENSION, null, "暂扣许可证", null);
        var restriction = new CaseRequests.PenaltyRequest(PenaltyType.BUSINESS_RESTRICTION, null, null, until);
        assertThat(CaseRequests.penalties("penalties", List.of(fine, suspension, restriction), until)).extracting(Penalty::until)
                .containsExactly(null, until, until);
        // each in its own penalty, as before
        assertThat(CaseRequests.penalties("penalties", List.of(restriction), null)).extracting(Penalty::until).containsExactly(until);

        assertThatThrownBy(() -> CaseRequests.penalties("penalties", List.of(suspension), null)).isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).errors()).extracting(InvalidRequest.FieldProblem::field).containsExactly("penalties[0].until"));
        assertThatThrownBy(() -> CaseRequests.penalties("proposedPenalties", List.of(fine), until)).isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).errors()).extracting(InvalidRequest.FieldProblem::field).containsExactly("until"));
        assertThatThrownBy(() -> CaseRequests.penalties("penalties", List.of(restriction), until.plusDays(1))).isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).errors()).extracting(InvalidRequest.FieldProblem::field).containsExactly("penalties[0].until"));
    }
}
