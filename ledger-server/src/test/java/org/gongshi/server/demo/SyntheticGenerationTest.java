package org.gongshi.server.demo;

import org.gongshi.ledger.cases.command.CloseCase;
import org.gongshi.ledger.cases.command.DecidePenalty;
import org.gongshi.ledger.cases.command.FileCase;
import org.gongshi.ledger.cases.command.RecordExecution;
import org.gongshi.ledger.cases.command.ReviseDecision;
import org.gongshi.ledger.cases.command.ServeDecision;
import org.gongshi.ledger.cases.command.ServePenaltyNotice;
import org.gongshi.ledger.disclosure.command.CorrectDisclosure;
import org.gongshi.ledger.disclosure.command.DecideDisclosure;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.synthetic.SyntheticLedger;
import org.gongshi.synthetic.SyntheticLedger.CasePlan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process generation's acts (the whole-ledger equivalence with the API's is BenchSmokeTest's, through the jar), and
 * the cache it keeps aggregates in.
 */
class SyntheticGenerationTest {

    private static SyntheticGeneration generation(long seed) {
        return new SyntheticGeneration(null, null, null, null, null, null, 10, seed, true, SyntheticGeneration.BATCH,
                SyntheticGeneration.THREADS);
    }

    @Test
    void a_plan_with_every_act_becomes_the_commands_the_api_sends_in_date_order_with_ids_fixed_by_seed_and_index() {
        SyntheticLedger.Bureau bureau = new SyntheticLedger.Bureau("110105", "北京市朝阳区市场监督管理局", "11110105000000000X");
        CasePlan plan = new CasePlan(7, bureau, new SyntheticLedger.Subject(PartyKind.LEGAL_PERSON, "北京华信科技有限公司", "91110105000000000X", null, "张伟"), "TRADEMARK",
                "侵犯注册商标专用权", "《商标法》第六十条第二款", "销售侵犯注册商标专用权的商品。", true, LocalDate.of(2025, 3, 3), true, true,
                120_000, false, true, true, true, true, false);
        List<SyntheticGeneration.Act> acts = generation(1).acts(plan);
        assertThat(acts).extracting(a -> (Object) a.command().getClass()).containsExactly(FileCase.class, ServePenaltyNotice.class,
                DecidePenalty.class, DecideDisclosure.class, CorrectDisclosure.class, ProposeListing.class, DecideListing.class,
                ServeDecision.class, RecordExecution.class, CloseCase.class, ReviseDecision.class);
        // in the order of the plan (the generation plays them by day): none before the filing, the listing decided after its
        // proposal's statement window, the closure after the execution
        assertThat(acts).allSatisfy(a -> assertThat(a.on()).isAfterOrEqualTo(plan.filedOn()));
        assertThat(acts.get(6).on()).isAfter(acts.get(5).on());
        assertThat(acts.get(9).on()).isAfter(acts.get(8).on());
        String caseId = ((FileCase) acts.get(0).command()).caseId();
        assertThat(((ServePenaltyNotice) acts.get(1).command()).hearingRightGranted()).as("a fine of 100,000 or more").isTrue();
        assertThat(((FileCase) generation(1).acts(plan).get(0).command()).caseId()).isEqualTo(caseId);
        assertThat(((FileCase) generation(2).acts(plan).get(0).command()).caseId()).as("another seed, another ledger").isNotEqualTo(caseId);
    }

    @Test
    void a_natural_persons_case_is_filed_with_their_id_number_and_a_hearing_granted_at_their_kinds_large_amount() {
        SyntheticLedger.Bureau bureau = new SyntheticLedger.Bureau("110105", "北京市朝阳区市场监督管理局", "11110105000000000X");
        SyntheticLedger.Subject person = new SyntheticLedger.Subject(PartyKind.NATURAL_PERSON, "王秀英", null, "11010519491231002X", null);
        CasePlan plan = new CasePlan(8, bureau, person, "TRADEMARK", "侵犯注册商标专用权", "《商标法》第六十条第二款",
                "销售侵犯注册商标专用权的商品。", true, LocalDate.of(2025, 3, 3), true, true, 20_000, false, false, false, false, false, false);
        List<SyntheticGeneration.Act> acts = generation(1).acts(plan);
        Party party = ((FileCase) acts.get(0).command()).party();
        assertThat(party).isEqualTo(new Party(PartyKind.NATURAL_PERSON, "王秀英", null, "11010519491231002X", null));
        assertThat(party.problems()).isEmpty();
        assertThat(((ServePenaltyNotice) acts.get(1).command()).hearingRightGranted()).as("¥20,000: at least a natural person's ¥10,000")
                .isTrue();
    }

    @Test
    void an_undecided_plan_is_only_filed() {
        CasePlan undecided = new SyntheticLedger(1, 1000).plan(0);
        for (int i = 1; undecided.decided(); i++) undecided = new SyntheticLedger(1, 1000).plan(i);
        assertThat(generation(1).acts(undecided)).extracting(a -> (Object) a.command().getClass()).containsExactly(FileCase.class);
    }

}
