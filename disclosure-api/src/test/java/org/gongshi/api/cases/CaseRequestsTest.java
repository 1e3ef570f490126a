package org.gongshi.api.cases;

import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRequestsTest {

    /** A re-test from outside, stop 75: " 北京空格有限公司 " was filed and published with its spaces. */
    @Test
    void a_partys_names_are_taken_without_the_spaces_at_their_ends() {
        Party party = new CaseRequests.PartyRequest(PartyKind.LEGAL_PERSON, " 北京空格有限公司 ", "91110000600037341L", null, "\u3000张三 ").toParty();
        assertThat(party.name()).isEqualTo("北京空格有限公司");
        assertThat(party.legalRepresentative()).isEqualTo("张三");
    }
}
