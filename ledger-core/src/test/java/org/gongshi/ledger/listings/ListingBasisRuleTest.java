package org.gongshi.ledger.listings;

import org.gongshi.ledger.cases.BasisFacts;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.Subject;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Rule#LISTING_BASIS}: every list type checks the cases it rests on, as their aggregates stand. */
class ListingBasisRuleTest {

    private static final String BUREAU = "111101050000000191";
    private static final String OTHER_BUREAU = "310104-samr";
    private static final String USCC = "91110000600037341L";
    private static final String OTHER_USCC = "91310000132200004B";
    private static final LocalDate PROPOSED = LocalDate.of(2026, 3, 2);
    private static final LocalDate RECENT = LocalDate.of(2025, 6, 1);

    private final ListingBasisRule rule = ListingBasisRule.of(Rulebook.defaults());
    private final KnownCases cases = new KnownCases()
            .penalty("own-1", BUREAU, USCC, RECENT).penalty("own-2", BUREAU, USCC, RECENT.plusMonths(2))
            .penalty("theirs-1", OTHER_BUREAU, USCC, RECENT);

    @ParameterizedTest
    @EnumSource(ListType.class)
    void every_list_refuses_a_basis_case_that_does_not_exist(ListType list) {
        refused(propose(list, List.of("own-1", "no-such-case")), "basis case no-such-case does not exist");
    }

    @ParameterizedTest
    @EnumSource(ListType.class)
    void every_list_rests_on_penalty_decisions_not_on_undecided_or_no_penalty_cases(ListType list) {
        cases.add(new BasisFacts("undecided", BUREAU, null, USCC, null, false, null, true, IpType.TRADEMARK, Procedure.ORDINARY, KnownCases.FINE, "销售侵犯注册商标专用权的商品", true, true));
        cases.add(new BasisFacts("no-penalty", BUREAU, null, USCC, null, false, RECENT, true, IpType.TRADEMARK, Procedure.ORDINARY, KnownCases.FINE, "销售侵犯注册商标专用权的商品", true, true));

        refused(propose(list, List.of("own-1", "undecided")), "basis case undecided has no penalty decision");
        refused(propose(list, List.of("own-1", "no-penalty")), "basis case no-penalty has no penalty decision");
    }

    @ParameterizedTest
    @EnumSource(ListType.class)
    void every_list_refuses_a_revoked_penalty_as_basis(ListType list) {
        cases.add(new BasisFacts("revoked", BUREAU, null, USCC, null, true, RECENT, false, IpType.TRADEMARK, Procedure.ORDINARY, KnownCases.FINE, "销售侵犯注册商标专用权的商品", true, true));

        refused(propose(list, List.of("own-1", "revoked")), "was revoked or confirmed invalid");
    }

    /** Outside audit: a listing proposed on 10-08 rested on a decision of 11-06, its term and repair wait starting a month early. */
    @ParameterizedTest
    @EnumSource(ListType.class)
    void every_list_rests_on_decisions_made_on_or_before_the_day_it_is_proposed(ListType list) {
        cases.penalty("later", BUREAU, USCC, PROPOSED.plusDays(1)).penalty("same-day", BUREAU, USCC, PROPOSED);

        refused(propose(list, List.of("own-1", "later")), "basis case later was made on " + PROPOSED.plusDays(1) + ", after the proposal's date " + PROPOSED);
        assertThatCode(() -> rule.require(propose(list, List.of("own-1", "same-day")), cases)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(ListType.class)
    void every_list_refuses_a_basis_case_against_another_party(ListType list) {
        cases.penalty("other-party", BUREAU, OTHER_USCC, RECENT);

        refused(propose(list, List.of("own-1", "other-party")), "is against another party");
    }

    @Test
    void severe_dishonesty_and_blacklist_rest_on_the_proposing_bureaus_own_cases() {
        for (ListType list : List.of(ListType.SEVERE_DISHONESTY, ListType.BLACKLIST)) {
            refused(propose(list, List.of("own-1", "theirs-1")), "basis case theirs-1 was filed by another bureau");
            assertThatCode(() -> rule.require(propose(list, List.of("own-1", "own-2")), cases)).doesNotThrowAnyException();
        }
    }

    @Test
    void repeated_infringer_may_rest_on_any_bureaus_penalties_against_the_subject() {
        assertThatCode(() -> rule.require(propose(ListType.REPEATED_INFRINGER, List.of("own-1", "theirs-1")), cases))
                .doesNotThrowAnyException();
    }

    /** A sweep from outside, stop 74: a bureau with no penalty of its own listed a subject on another bureau's two cases. */
    @Test
    void repeated_infringer_rests_on_at_least_one_of_the_proposing_bureaus_own_penalties() {
        cases.penalty("theirs-2", OTHER_BUREAU, USCC, RECENT.plusMonths(3));

        refused(propose(ListType.REPEATED_INFRINGER, List.of("theirs-1", "theirs-2")), "none of the basis cases was filed by the proposing bureau");
    }

    @Test
    void repeated_infringer_rests_on_enough_standing_penalties_within_the_window() {
        // the window holds the 5 years before the proposal, down to the corresponding day (DOMAIN.md counting): not the day before
        cases.penalty("old", BUREAU, USCC, PROPOSED.minusYears(5).minusDays(1));

        refused(propose(ListType.REPEATED_INFRINGER, List.of("own-1", "old")), "only 1 qualify");
        assertThatCode(() -> rule.require(propose(ListType.REPEATED_INFRINGER, List.of("own-1", "own-2", "old")), cases))
                .doesNotThrowAnyException();
    }

    /**
     * A credit listings sweep from outside, stop 75: a listing named its subject 别的公司 beside the credit code of the
     * company its basis penalty named, and the public list and the feed published it so.
     */
    @ParameterizedTest
    @EnumSource(ListType.class)
    void every_list_names_its_subject_as_a_basis_penalty_names_the_party(ListType list) {
        cases.add(new BasisFacts("named", BUREAU, null, USCC, "北京某某商标代理有限公司", true, RECENT, true, IpType.TRADEMARK, Procedure.ORDINARY,
                KnownCases.FINE, "销售侵犯注册商标专用权的商品", true, true));
        cases.add(new BasisFacts("renamed", BUREAU, null, USCC, "北京某某知识产权代理有限公司", true, RECENT, true, IpType.TRADEMARK, Procedure.ORDINARY,
                KnownCases.FINE, "销售侵犯注册商标专用权的商品", true, true));
        ProposeListing otherName = new ProposeListing("listing-1", BUREAU, "110105", list, propose(list, List.of()).category(),
                new Subject("别的公司", USCC), List.of("own-1", "named"), "经查实", PROPOSED);

        refused(otherName, "the subject is named 别的公司, but your basis penalty names the party 北京某某商标代理有限公司");
        assertThatCode(() -> rule.require(propose(list, List.of("own-1", "named")), cases)).doesNotThrowAnyException();
        // a company renamed since: any name a basis penalty gave it
        assertThatCode(() -> rule.require(propose(list, List.of("named", "renamed")), cases)).doesNotThrowAnyException();
        // another bureau's filing is not read out to the proposing bureau
        cases.add(new BasisFacts("theirs-named", OTHER_BUREAU, null, USCC, "上海他局所记名称有限公司", true, RECENT, true, IpType.TRADEMARK,
                Procedure.ORDINARY, KnownCases.FINE, "销售侵犯注册商标专用权的商品", true, true));
        if (list == ListType.REPEATED_INFRINGER) {
            ProposeListing onTheirs = new ProposeListing("listing-1", BUREAU, "110105", list, otherName.category(), new Subject("别的公司", USCC),
                    List.of("named", "theirs-named"), "经查实", PROPOSED);
            assertThatThrownBy(() -> rule.require(onTheirs, cases)).hasMessageContaining("your basis penalty names the party 北京某某商标代理有限公司")
                    .hasMessageNotContaining("上海他局所记名称有限公司");
            // nor is a guess of it confirmed by accepting it
            ProposeListing theirName = new ProposeListing("listing-1", BUREAU, "110105", list, otherName.category(),
                    new Subject("上海他局所记名称有限公司", USCC), List.of("named", "theirs-named"), "经查实", PROPOSED);
            assertThatThrownBy(() -> rule.require(theirName, cases)).hasMessageContaining("your basis penalty names the party 北京某某商标代理有限公司");
        }
    }

    private void refused(ProposeListing proposal, String detail) {
        assertThatThrownBy(() -> rule.require(proposal, cases))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.LISTING_BASIS))
                .hasMessageContaining(detail);
    }

    private static ProposeListing propose(ListType list, List<String> basis) {
        ListingCategory category = list == ListType.REPEATED_INFRINGER ? ListingCategory.REPEATED_INFRINGEMENT : ListingCategory.FALSE_MATERIALS;
        return new ProposeListing("listing-1", BUREAU, "110105", list, category, new Subject("北京某某商标代理有限公司", USCC), basis,
                "经查实", PROPOSED);
    }
}
