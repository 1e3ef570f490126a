package org.gongshi.api.listings;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a listing request must say before the ledger sees it: a wrong request is bad input (400 naming the field);
 * whether the ledger's rules allow the act is the ledger's answer (409 naming the rule).
 */
class ListingRequestsTest {

    private static final LocalDate ON = LocalDate.parse("2026-04-15");

    /** A re-test from outside, stop 75: names were stored and published with the spaces at their ends. */
    @Test
    void names_are_taken_without_the_spaces_at_their_ends() {
        assertThat(new ListingRequests.SubjectRequest(" 北京寅卯有限公司\u3000", "91110000600037341L").toSubject().name()).isEqualTo("北京寅卯有限公司");
    }

    @Test
    void a_decision_names_each_measure_once() {
        var twice = new ListingRequests.DecisionRequest(ON, true, List.of(measure(SanctionMeasure.NO_AWARDS), measure(SanctionMeasure.KEY_SUPERVISION),
                measure(SanctionMeasure.NO_AWARDS)), null, null);
        assertThatThrownBy(twice::check).isInstanceOfSatisfying(InvalidRequest.class, invalid -> assertThat(invalid.errors())
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("measures");
                    assertThat(error.message()).contains("[NO_AWARDS] named more than once");
                }));

        assertThatCode(new ListingRequests.DecisionRequest(ON, true, List.of(measure(SanctionMeasure.NO_AWARDS),
                measure(SanctionMeasure.KEY_SUPERVISION)), null, null)::check).doesNotThrowAnyException();
    }


    @org.junit.jupiter.api.Test
    void an_empty_removal_detail_is_none() {
        assertThat(new ListingRequests.RemovalRequest(ON, org.gongshi.ledger.listings.event.RemovalReason.LISTED_IN_ERROR, "").detail()).isNull();
        assertThat(new ListingRequests.RemovalRequest(ON, org.gongshi.ledger.listings.event.RemovalReason.LISTED_IN_ERROR, "主体识别错误").detail())
                .isEqualTo("主体识别错误");
    }

    private static ListingRequests.MeasureRequest measure(SanctionMeasure type) {
        return new ListingRequests.MeasureRequest(type, null, null);
    }
}
