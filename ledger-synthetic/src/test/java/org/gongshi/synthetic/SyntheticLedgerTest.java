package org.gongshi.synthetic;

import org.gongshi.ledger.identity.ResidentIdNumber;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic ledger dates every act where the ledger accepts it. */
class SyntheticLedgerTest {

    @Test
    void a_listing_is_decided_after_the_subjects_statement_window_also_across_the_spring_festival() {
        SyntheticLedger.CasePlan plan = plan(LocalDate.of(2025, 1, 4)); // decided 2025-01-25, listing proposed Monday 2025-01-27
        assertThat(plan.listingProposedOn()).isEqualTo(LocalDate.of(2025, 1, 27));
        // 5 WD on the official calendar: 28 Jan - 4 Feb off, Saturday 8 Feb worked: 5, 6, 7, 8, 10 Feb
        assertThat(plan.listingDecidedOn()).isEqualTo(LocalDate.of(2025, 2, 11));
        // two weeks, the bench's old gap, fell inside the window there: 23 of 100,000 cases were refused
        assertThat(plan.listingProposedOn().plusDays(14)).isBefore(plan.listingDecidedOn());
    }

    /**
     * The ledger refuses a second severe-dishonesty proposal for a subject that holds an active entry (409,
     * {@code one-active-entry-per-list}): a 3,000-case run had 4 such refusals where two listed cases drew one subject.
     */
    @Test
    void no_two_listed_cases_share_a_subject_and_unlisted_cases_repeat_subjects() {
        SyntheticLedger ledger = new SyntheticLedger(1, 30_000);
        java.util.Map<String, Integer> listed = new java.util.HashMap<>();
        java.util.Set<String> unlisted = new java.util.HashSet<>();
        int unlistedCases = 0;
        for (int i = 0; i < 30_000; i++) {
            SyntheticLedger.CasePlan plan = ledger.plan(i);
            if (plan.list()) listed.merge(plan.subject().identifier(), 1, Integer::sum);
            else {
                unlisted.add(plan.subject().identifier());
                unlistedCases++;
            }
        }
        assertThat(listed).hasSizeGreaterThan(100).allSatisfy((uscc, cases) -> assertThat(cases).as(uscc).isEqualTo(1));
        assertThat(listed.keySet()).doesNotContainAnyElementsOf(unlisted);
        assertThat(unlisted.size()).as("repeat infringers").isLessThan(unlistedCases / 2);
    }

    /**
     * Parties of every kind the ledger knows, each with the identifier its kind requires and nothing else, a natural
     * person an adult; a simple procedure's fine within the party kind's limit (Art 51: ¥200 for a natural person and an
     * individual business, where an organisation's ¥3,000 was refused), and the hearing right at the party kind's large amount (Art 63; an individual business's is a natural person's).
     */
    @Test
    void parties_of_every_kind_with_valid_identifiers_and_fines_within_their_kinds_limits() {
        SyntheticLedger ledger = new SyntheticLedger(1, 30_000);
        java.util.Map<PartyKind, Integer> kinds = new java.util.EnumMap<>(PartyKind.class);
        for (int i = 0; i < 30_000; i++) {
            SyntheticLedger.CasePlan plan = ledger.plan(i);
            SyntheticLedger.Subject subject = plan.subject();
            kinds.merge(subject.kind(), 1, Integer::sum);
            Party party = new Party(subject.kind(), subject.name(), subject.uscc(), subject.idNumber(), subject.representative());
            assertThat(party.problems()).as(subject.toString()).isEmpty();
            if (subject.kind() == PartyKind.NATURAL_PERSON) {
                assertThat(ResidentIdNumber.isMinorOn(subject.idNumber(), plan.filedOn())).as(subject.idNumber()).isFalse();
            }
            boolean citizen = subject.kind() == PartyKind.NATURAL_PERSON || subject.kind() == PartyKind.INDIVIDUAL_BUSINESS;
            if (!plan.ordinary()) assertThat(plan.fine()).as(subject.kind().name()).isBetween(50L, citizen ? 200L : 3_000L);
            // an individual business answers to a natural person's large amount too (民法典 Art 54; stop 71)
            boolean large = plan.fine() >= (citizen ? 10_000 : 100_000);
            assertThat(plan.hearingRight()).as("fine %d, %s", plan.fine(), subject.kind()).isEqualTo(large);
        }
        assertThat(kinds.get(PartyKind.LEGAL_PERSON)).isBetween(15_000, 19_000);
        assertThat(kinds.get(PartyKind.INDIVIDUAL_BUSINESS)).isBetween(7_000, 10_000);
        assertThat(kinds.get(PartyKind.NATURAL_PERSON)).isBetween(2_700, 4_500);
        assertThat(kinds.get(PartyKind.OTHER_ORGANIZATION)).isBetween(500, 1_500);
    }

    private static SyntheticLedger.CasePlan plan(LocalDate filedOn) {
        SyntheticLedger.Bureau bureau = new SyntheticLedger.Bureau("110105", "北京市朝阳区市场监督管理局", "11110105000000000X");
        return new SyntheticLedger.CasePlan(1, bureau, new SyntheticLedger.Subject(PartyKind.LEGAL_PERSON, "北京华信科技有限公司", "91110105000000000X", null, "张伟"),
                "PATENT", "PASSING_OFF", "专利法第六十八条", "事实", true, filedOn, true, true, 10_000, false, false, false, true, true, false);
    }
}
