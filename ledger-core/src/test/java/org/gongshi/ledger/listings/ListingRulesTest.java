package org.gongshi.ledger.listings;

import org.gongshi.ledger.policy.LedgerTime;
import org.gongshi.ledger.policy.Recording;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.calendar.WorkingDayCalendar;
import org.gongshi.ledger.identity.Uscc;
import org.gongshi.ledger.policy.EnforcementPolicy;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.listings.command.ApplyForListingRepair;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.command.DecideListingRepair;
import org.gongshi.ledger.listings.command.ExpireListing;
import org.gongshi.ledger.listings.command.FlagListingBasisRevoked;
import org.gongshi.ledger.listings.command.ImposeSanction;
import org.gongshi.ledger.listings.command.LiftEndedSanctions;
import org.gongshi.ledger.listings.command.LiftSanction;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.command.RecordListingStatement;
import org.gongshi.ledger.listings.command.RemoveListing;
import org.gongshi.ledger.cases.BasisFacts;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.ListingFlaggedForRemoval;
import org.gongshi.ledger.listings.event.ListingNotAdded;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.event.ListingRepairApplied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gongshi.ledger.policy.Refusals.refused;

import org.gongshi.ledger.listings.event.ListingRepairGranted;
import org.gongshi.ledger.listings.event.ListingRepairRefused;
import org.gongshi.ledger.listings.event.ListingStatementRecorded;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.RepairRefusalGround;
import org.gongshi.ledger.listings.event.Sanction;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionLifted;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of DOMAIN.md, "Credit lists and sanctions", one test per rule, on the {@link Listing}
 * aggregate with {@link ListingProposals} creating it. Expected deadlines are counted by hand on the
 * official calendar (2025 off: 05-31..06-02, 10-01..10-08, make-up 09-28, 10-11; 2026 off: 06-19..21,
 * 10-01..07; 2027 has no notice yet). The day of the act is not counted; a month or year term ending
 * on a day off ends on the next working day. Every refusal is checked by the code of the rule it names.
 *
 * <p>The one-active-entry rule lives in {@link ListEntrySlot}; here a recording stand-in shows what
 * the listing asks of it, and {@link ListingProposalsTest} runs both aggregates together.
 */
class ListingRulesTest {

    private static final String LISTING_ID = "listing-2025-0001";
    private static final String BUREAU = "111101050000000191";
    private static final String OTHER_BUREAU = "310104-samr";
    private static final Map<String, String> AS_OWN_BUREAU = Map.of("bureau", BUREAU);
    private static final String VERSION = "CN-2026.1";

    private static final String USCC = "91110000600037341L";
    private static final Subject SUBJECT = new Subject("北京某某商标代理有限公司", USCC);
    private static final List<String> BASIS = List.of("case-2024-0107", "case-2024-0212");
    private static final String REASON = "恶意商标注册申请，经行政处罚后仍未改正";
    private static final String SLOT = "SEVERE_DISHONESTY:" + USCC;

    /** Monday 2025-03-03; 5 WD are 03-04, 05, 06, 07, 10. */
    private static final LocalDate PROPOSED = date("2025-03-03");
    private static final Deadline STATEMENT_DEADLINE = due("2025-03-10");
    /** Listed Tuesday 03-11: the term's last day is Wednesday 2026-03-11; repair after Thursday 2025-09-11. */
    private static final LocalDate LISTED = date("2025-03-11");
    private static final Deadline TERM_END = due("2026-03-11");
    private static final Deadline REPAIR_WAIT_END = due("2025-09-11");

    private AggregateTestFixture<Listing> fixture;
    private LedgerTime time;
    private RecordingListEntrySlots slots;
    /** The cases the listings rest on, as their aggregates stand. */
    private KnownCases cases;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(Rulebook.defaults());
    }

    private AggregateTestFixture<Listing> fixtureWith(Rulebook rules) {
        AggregateTestFixture<Listing> listingFixture = new AggregateTestFixture<>(Listing.class);
        slots = new RecordingListEntrySlots();
        listingFixture.registerInjectableResource(rules);
        time = LedgerTime.on(listingFixture);
        listingFixture.registerInjectableResource(slots);
        cases = new KnownCases();
        BASIS.forEach(id -> cases.penalty(id, BUREAU, USCC, LocalDate.of(2024, 6, 1)));
        listingFixture.registerInjectableResource(cases);
        standing = new LaterPenalties();
        listingFixture.registerInjectableResource(standing);
        listingFixture.registerAnnotatedCommandHandler(new ListingProposals(listingFixture.getRepository(), slots, cases));
        return listingFixture;
    }

    /**
     * Order 45 Art 6 through a listing: the second audit from outside found a basis record's listed 王建军 in the listing's
     * public reason. A listing's reason hides what its basis cases' records hid: the listed terms and the names found there.
     */
    @Test
    void a_listings_reason_hides_what_its_basis_records_hid() {
        cases.redacted(BASIS.get(0), List.of("王建军"), List.of("经查，证人王建国称当事人多次代理恶意申请。"));
        fixture.given(proposed(), new ListingStatementRecorded(LISTING_ID, date("2025-03-05"), "无异议"))
                .when(new DecideListing(LISTING_ID, date("2025-03-06"), true, List.of(noAwards()), null,
                        "王建军明知系恶意抢注仍代理申请；王建国亦知情。北京某某商标代理有限公司未改正。"), AS_OWN_BUREAU)
                .expectEvents(new ListingAdded(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                                SUBJECT, BASIS, "***明知系恶意抢注仍代理申请；***亦知情。北京某某商标代理有限公司未改正。", date("2025-03-06"),
                                due("2026-03-06"), due("2025-09-06"), STATEMENT_DEADLINE, true, VERSION),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-03-06"), date("2026-03-06")));
    }

    /**
     * A re-test from outside, stop 76: a basis record's hidden terms shredded with its key (an organisation's case) were
     * published in clear in a listing's reason resting on it. A reason resting on such a case is withheld: nothing can find
     * the terms in it any more.
     */
    @Test
    void a_listings_reason_resting_on_a_case_whose_hidden_terms_were_shredded_is_withheld() {
        cases.redacted(BASIS.get(0), List.of(org.gongshi.ledger.privacy.PersonalData.SHREDDED), List.of("当事人销售侵权商品，货源为***。"));
        fixture.given(proposed(), new ListingStatementRecorded(LISTING_ID, date("2025-03-05"), "无异议"))
                .when(new DecideListing(LISTING_ID, date("2025-03-06"), true, List.of(noAwards()), null,
                        "当事人长期从蓝鲸星河工作室购进侵权商品。"), AS_OWN_BUREAU)
                .expectEvents(new ListingAdded(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                                SUBJECT, BASIS, org.gongshi.ledger.disclosure.RedactionPolicy.WITHHELD_TEXT, date("2025-03-06"),
                                due("2026-03-06"), due("2025-09-06"), STATEMENT_DEADLINE, true, VERSION),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-03-06"), date("2026-03-06")));
    }

    /**
     * The entry records the listing bureau's name as its own basis case's filing recorded it (a credit platform's sweep, stop 74:
     * the feed's listing.added named the authority by its code only); another bureau's case never names it.
     */
    @Test
    void an_entry_names_its_authority_as_its_own_basis_case_was_filed() {
        BasisFacts own = cases.find(BASIS.get(1)).orElseThrow();
        cases.add(new BasisFacts(own.caseId(), own.bureau(), "北京市朝阳区市场监督管理局", own.uscc(), own.partyName(), own.penaltyDecided(),
                own.decidedOn(), own.standing(), own.ipType(), own.procedure(), own.penalties(), own.violationType(), own.monetaryPenalty(),
                own.executed()));
        fixture.given(proposed(), new ListingStatementRecorded(LISTING_ID, date("2025-03-05"), "无异议"))
                .when(new DecideListing(LISTING_ID, date("2025-03-06"), true, List.of(noAwards()), null, "经查实。"), AS_OWN_BUREAU)
                .expectEvents(new ListingAdded(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                                SUBJECT, BASIS, "经查实。", date("2025-03-06"), due("2026-03-06"), due("2025-09-06"), STATEMENT_DEADLINE, true,
                                VERSION, "北京市朝阳区市场监督管理局"),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-03-06"), date("2026-03-06")));
    }

    // ---- severe dishonesty (CNIPA 2022 rule) and repeated infringer (Trademark Law Art 60)

    @ParameterizedTest
    @EnumSource(ListingCategory.class)
    void severe_dishonesty_allows_only_the_seven_cnipa_categories(ListingCategory category) {
        ProposeListing proposal = propose(ListType.SEVERE_DISHONESTY, category, BASIS);
        if (category == ListingCategory.REPEATED_INFRINGEMENT) {
            refused(fixture.givenNoPriorActivity().when(proposal, AS_OWN_BUREAU),
                    "listing-category", "takes the seven CNIPA categories");
            assertThat(slots.calls).as("a refused proposal takes no place on the list").isEmpty();
        } else {
            fixture.givenNoPriorActivity()
                    .when(proposal, AS_OWN_BUREAU)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(LISTING_ID)
                    .expectEvents(proposed(ListType.SEVERE_DISHONESTY, category, BASIS));
        }
        assertThat(ListingCategory.cnipaDishonesty()).hasSize(7).doesNotContain(ListingCategory.REPEATED_INFRINGEMENT);
    }

    @Test
    void repeated_infringer_needs_repeated_infringement_on_two_effective_penalties() {
        // (refusals first: the fixture checks a refused creation against the aggregate a previous success created)
        // every list needs the cases the listing rests on
        refused(fixture.givenNoPriorActivity()
                .when(propose(ListType.SEVERE_DISHONESTY, ListingCategory.FALSE_MATERIALS, List.of()), AS_OWN_BUREAU),
                "listing-category", "names the cases it rests on");
        refused(fixture.givenNoPriorActivity()
                .when(propose(ListType.REPEATED_INFRINGER, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, BASIS), AS_OWN_BUREAU),
                "listing-category", "takes only REPEATED_INFRINGEMENT");

        refused(fixture.givenNoPriorActivity()
                .when(propose(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, List.of("case-2024-0107")), AS_OWN_BUREAU),
                "listing-category", "at least 2 effective infringement penalties within 5 years; 1 basis case named");
        // the same case twice is still one penalty
        refused(fixture.givenNoPriorActivity()
                .when(propose(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT,
                        List.of("case-2024-0107", "case-2024-0107")), AS_OWN_BUREAU),
                "listing-category", "1 basis case named");

        fixture.givenNoPriorActivity()
                .when(propose(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, BASIS), AS_OWN_BUREAU)
                .expectEvents(proposed(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, BASIS));
        assertThat(slots.calls).containsExactly("occupy REPEATED_INFRINGER:" + USCC + " by " + LISTING_ID + " on 2025-03-03");

        // the blacklist restricts no category
        fixture.givenNoPriorActivity()
                .when(propose(ListType.BLACKLIST, ListingCategory.OTHER, BASIS), AS_OWN_BUREAU)
                .expectEvents(proposed(ListType.BLACKLIST, ListingCategory.OTHER, BASIS));
    }

    // ---- listing procedure: notice with reasons → 5 WD statement window → decision

    @Test
    void notice_states_its_reasons_and_opens_a_five_working_day_statement_window() {
        refused(fixture.givenNoPriorActivity()
                .when(new ProposeListing(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                        SUBJECT, BASIS, " ", PROPOSED), AS_OWN_BUREAU),
                "listing-procedure", "states the reasons");

        // the subject is an organisation with a valid unified social credit code (check character L)
        refused(fixture.givenNoPriorActivity()
                .when(new ProposeListing(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                        new Subject("北京某某商标代理有限公司", "91110000600037341M"), BASIS, REASON, PROPOSED), AS_OWN_BUREAU),
                "valid-identifier", "subject.uscc: check character must be 'L'");

        fixture.givenNoPriorActivity()
                .when(propose(ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, BASIS), AS_OWN_BUREAU)
                .expectEvents(proposed());
        assertThat(slots.calls).containsExactly("occupy " + SLOT + " by " + LISTING_ID + " on 2025-03-03");

        // notice Friday 2025-09-26: 09-28 is a make-up working day, 10-01..08 are off: 09-28, 29, 30, 10-09, 10 -> Friday 10-10
        ProposeListing beforeNationalDay = new ProposeListing(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY,
                ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, SUBJECT, BASIS, REASON, date("2025-09-26"));
        fixture.givenNoPriorActivity()
                .when(beforeNationalDay, AS_OWN_BUREAU)
                .expectEvents(new ListingProposed(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                        SUBJECT, BASIS, REASON, date("2025-09-26"), due("2025-10-10"), VERSION));
    }

    @Test
    void statement_is_recorded_within_the_window() {
        fixture.given(proposed())
                .when(new RecordListingStatement(LISTING_ID, date("2025-03-10"), "申请人称已撤回全部恶意申请"), AS_OWN_BUREAU)
                .expectEvents(new ListingStatementRecorded(LISTING_ID, date("2025-03-10"), "申请人称已撤回全部恶意申请"));

        refused(fixture.given(proposed())
                .when(new RecordListingStatement(LISTING_ID, date("2025-03-11"), "逾期陈述"), AS_OWN_BUREAU),
                "listing-procedure", "came after the window closed on 2025-03-10 (5 WD from the notice)");

        refused(fixture.given(proposed(), added())
                .when(new RecordListingStatement(LISTING_ID, date("2025-03-12"), "列入后陈述"), AS_OWN_BUREAU),
                "listing-procedure", "is ACTIVE");
    }

    @Test
    void decision_waits_for_the_five_working_day_statement_window() {
        // on the window's last day the subject may still make its statement
        refused(fixture.given(proposed())
                .when(decide(date("2025-03-10"), List.of(noAwards())), AS_OWN_BUREAU),
                "listing-procedure", "may make a statement until 2025-03-10");

        fixture.given(proposed())
                .when(decide(LISTED, List.of(noAwards(), keySupervisionUntil(date("2025-12-31")))), AS_OWN_BUREAU)
                .expectEvents(added(),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, TERM_END.dueOn()),
                        new SanctionImposed(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, "商标代理业务双随机抽查",
                                LISTED, date("2025-12-31"), VERSION));
        assertThat(slots.calls).as("the place stays taken while the subject is on the list").isEmpty();

        // once the statement is in, the bureau need not wait for the window to close;
        // listed Thursday 03-06: the repair wait, a period of a burden, ends on Saturday 09-06 and is never rolled over
        fixture.given(proposed(), new ListingStatementRecorded(LISTING_ID, date("2025-03-05"), "无异议"))
                .when(decide(date("2025-03-06"), List.of(noAwards())), AS_OWN_BUREAU)
                .expectEvents(new ListingAdded(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                                SUBJECT, BASIS, REASON, date("2025-03-06"), due("2026-03-06"), due("2025-09-06"), STATEMENT_DEADLINE, true,
                                VERSION),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-03-06"), date("2026-03-06")));

        // deciding not to list favours the subject and need not wait; it frees the subject's place on the list
        fixture.given(proposed())
                .when(new DecideListing(LISTING_ID, date("2025-03-04"), false, null, null, "当事人已主动撤回全部申请"), AS_OWN_BUREAU)
                .expectEvents(new ListingNotAdded(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, date("2025-03-04"), "当事人已主动撤回全部申请",
                        VERSION));
        assertThat(slots.calls).containsExactly("vacate " + SLOT + " by " + LISTING_ID + " on 2025-03-04: listing not added");

        refused(fixture.given(proposed(), added())
                .when(decide(date("2025-03-12"), List.of(noAwards())), AS_OWN_BUREAU),
                "listing-procedure", "already decided (ACTIVE)");
        refused(fixture.given(proposed(), notAdded())
                .when(decide(date("2025-03-12"), List.of(noAwards())), AS_OWN_BUREAU),
                "listing-procedure", "already decided (NOT_ADDED)");
    }

    // ---- term: 1 year from listing

    @Test
    void term_is_one_year_from_listing() {
        fixture.given(proposed())
                .when(decide(LISTED, List.of(noAwards())), AS_OWN_BUREAU)
                .expectEvents(added(), imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, date("2026-03-11")));

        // listed Thursday 2025-06-19: a year on is Friday 2026-06-19, inside the Dragon Boat holiday; the term is a
        // burden and ends on that day, never rolled to Monday 06-22 (民法典 Art 202)
        fixture.given(proposed(), statementOn(date("2025-03-05")))
                .when(decide(date("2025-06-19"), List.of(noAwards())), AS_OWN_BUREAU)
                .expectEvents(addedOn(date("2025-06-19"), due("2026-06-19"), due("2025-12-19"), true),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-06-19"), date("2026-06-19")));

        // a term ending in a year without a holiday notice is provisional
        fixture.given(proposed(), statementOn(date("2025-03-05")))
                .when(decide(date("2026-03-02"), List.of(noAwards())), AS_OWN_BUREAU)
                .expectEvents(addedOn(date("2026-03-02"), new Deadline(date("2027-03-02"), true), due("2026-09-02"), true),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2026-03-02"), date("2027-03-02")));

        // a decision may name a shorter term, not a longer one
        fixture.given(proposed())
                .when(new DecideListing(LISTING_ID, LISTED, true, List.of(noAwards()), date("2025-12-31"), null), AS_OWN_BUREAU)
                .expectEvents(addedOn(LISTED, due("2025-12-31"), REPAIR_WAIT_END, false),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, date("2025-12-31")));
        refused(fixture.given(proposed())
                .when(new DecideListing(LISTING_ID, LISTED, true, List.of(noAwards()), date("2026-03-12"), null), AS_OWN_BUREAU),
                "listing-term", "at most 1 year(s) from listing on 2025-03-11, to 2026-03-11");
        refused(fixture.given(proposed())
                .when(new DecideListing(LISTING_ID, LISTED, true, List.of(noAwards()), LISTED, null), AS_OWN_BUREAU),
                "listing-term", "must end after the listing date");
        // a shorter term named to a day in a year without a holiday notice is provisional as the default term is (a credit-lists
        // sweep from outside, stop 85: the named one read final, the default to the same day 暂定)
        fixture.given(proposed(), statementOn(date("2025-03-05")))
                .when(new DecideListing(LISTING_ID, date("2026-03-02"), true, List.of(noAwards()), date("2027-01-15"), null), AS_OWN_BUREAU)
                .expectEvents(addedOn(date("2026-03-02"), new Deadline(date("2027-01-15"), true), due("2026-09-02"), true),
                        imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2026-03-02"), date("2027-01-15")));

        // once the term is over the entry takes no further acts but its removal
        refused(fixture.given(listedWithSanctions())
                .when(new ImposeSanction(LISTING_ID, null, SanctionMeasure.NO_CREDIT_COMMITMENT, null, null, date("2026-03-12")), AS_OWN_BUREAU),
                "listing-term", "the entry's term ended on 2026-03-11");
        refused(fixture.given(listedWithSanctions())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2026-03-12"), "已履行"), AS_OWN_BUREAU),
                "listing-term", "the entry's term ended on 2026-03-11");
    }

    // ---- sanctions: the six CNIPA measures, each with a scope and a term

    /**
     * Privacy audit from outside: the listing's reason hid 岳父邓建平, but a sanction's scope named 邓建平 in public (the list, its
     * page, the feed). A scope is published as the listing's other texts are: with the names found in its notice hidden too.
     */
    @Test
    void a_sanction_s_scope_hides_the_names_the_listing_s_notice_named() {
        Object imposed = onAListingWhoseNoticeNamesDengJianping(new ImposeSanction(LISTING_ID, null, SanctionMeasure.KEY_SUPERVISION,
                "对邓建平实际控制的其他企业一并重点监管", null, date("2025-04-01")));
        assertThat(((SanctionImposed) imposed).scope()).isEqualTo("对***实际控制的其他企业一并重点监管");
    }

    /** The first event {@code command} records on a listing, with a sanction, whose notice's reason names 邓建平. */
    private Object onAListingWhoseNoticeNamesDengJianping(Object command) {
        ListingProposed naming = new ListingProposed(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                SUBJECT, BASIS, "法定代表人的岳父邓建平实际控制当事人", PROPOSED, STATEMENT_DEADLINE, VERSION);
        List<Object> events = new java.util.ArrayList<>();
        fixture.given(naming, added(), imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, TERM_END.dueOn()))
                .when(command, AS_OWN_BUREAU)
                .expectEventsMatching(org.gongshi.ledger.policy.Refusals.captured(events));
        return events.get(0);
    }

    /**
     * Privacy sweep from outside (stop 71): a sanction's lifting reason went to the feed scrubbed by pattern only, naming
     * 邓建平, whom the listing's reason and its scopes hid. It is published as the listing's other texts are.
     */
    @Test
    void a_sanction_s_lifting_reason_hides_the_names_the_listing_s_notice_named() {
        Object lifted = onAListingWhoseNoticeNamesDengJianping(new LiftSanction(LISTING_ID, LISTING_ID + "/1", date("2025-05-06"),
                "邓建平已退出实际控制，整改到位"));
        assertThat(((SanctionLifted) lifted).reason()).isEqualTo("***已退出实际控制，整改到位");
    }

    @Test
    void sanctions_are_the_six_cnipa_measures_with_scope_and_term() {
        assertThat(SanctionMeasure.values()).extracting(Enum::name).containsExactly("FISCAL_PROJECT_REVIEW", "FEE_REDUCTION_REVIEW",
                "NO_AWARDS", "NO_DEMONSTRATION_APPLICATION", "KEY_SUPERVISION", "NO_CREDIT_COMMITMENT");

        // a sanction without scope or until applies the measure as the rule states it, to the end of the term
        fixture.given(listed())
                .when(new ImposeSanction(LISTING_ID, "s-fee", SanctionMeasure.FEE_REDUCTION_REVIEW, null, null, date("2025-04-01")), AS_OWN_BUREAU)
                .expectEvents(new SanctionImposed(LISTING_ID, "s-fee", USCC, SanctionMeasure.FEE_REDUCTION_REVIEW, "费用减缴、优先审查等优惠政策从严审查",
                        date("2025-04-01"), TERM_END.dueOn(), VERSION));
        fixture.given(listed())
                .when(new ImposeSanction(LISTING_ID, null, SanctionMeasure.FISCAL_PROJECT_REVIEW, "市级专利资助项目", date("2025-09-30"),
                        date("2025-04-01")), AS_OWN_BUREAU)
                .expectEvents(new SanctionImposed(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.FISCAL_PROJECT_REVIEW, "市级专利资助项目",
                        date("2025-04-01"), date("2025-09-30"), VERSION));

        refused(fixture.given(listed())
                .when(new ImposeSanction(LISTING_ID, "s-x", SanctionMeasure.NO_DEMONSTRATION_APPLICATION, null, date("2026-03-12"),
                        date("2025-04-01")), AS_OWN_BUREAU),
                "sanction-measures", "runs until 2026-03-12, after the entry's term ends on 2026-03-11");
        refused(fixture.given(proposed())
                .when(decide(LISTED, List.of(new Sanction(null, SanctionMeasure.NO_AWARDS, null, date("2026-04-30")))), AS_OWN_BUREAU),
                "sanction-measures", "after the entry's term ends on 2026-03-11");
        refused(fixture.given(listed())
                .when(new ImposeSanction(LISTING_ID, "s-x", null, "全部", null, date("2025-04-01")), AS_OWN_BUREAU),
                "sanction-measures", "name one of the six CNIPA measures");
        refused(fixture.given(listed())
                .when(new ImposeSanction(LISTING_ID, LISTING_ID + "/1", SanctionMeasure.KEY_SUPERVISION, null, null, date("2025-04-01")), AS_OWN_BUREAU),
                "sanction-measures", "already used");
        refused(fixture.given(proposed())
                .when(decide(LISTED, List.of()), AS_OWN_BUREAU),
                "sanction-measures", "names its measures");

        // only an entry on the list is sanctioned
        refused(fixture.given(proposed())
                .when(new ImposeSanction(LISTING_ID, "s-x", SanctionMeasure.NO_AWARDS, null, null, date("2025-03-04")), AS_OWN_BUREAU),
                "sanction-measures", "is PROPOSED");
        refused(fixture.given(listedWithSanctions())
                .andGiven(removedInError())
                .when(new ImposeSanction(LISTING_ID, "s-x", SanctionMeasure.NO_AWARDS, null, null, date("2025-06-01")), AS_OWN_BUREAU),
                "sanction-measures", "is REMOVED");

        fixture.given(listedWithSanctions())
                .when(new LiftSanction(LISTING_ID, LISTING_ID + "/2", date("2025-05-06"), "整改到位"), AS_OWN_BUREAU)
                .expectEvents(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-05-06"), "整改到位"));
        refused(fixture.given(listedWithSanctions())
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-05-06"), "整改到位"))
                .when(new LiftSanction(LISTING_ID, LISTING_ID + "/2", date("2025-05-07"), "重复"), AS_OWN_BUREAU),
                "sanction-measures", "already lifted");
        refused(fixture.given(listedWithSanctions())
                .when(new LiftSanction(LISTING_ID, "s-unknown", date("2025-05-06"), null), AS_OWN_BUREAU),
                "named-part-exists", "has no sanction s-unknown");
    }

    /**
     * A measure is imposed once while it is in force (audit: [NO_AWARDS, NO_AWARDS] gave two sanction.imposed entries): a
     * decision naming it twice is refused, and so is imposing it on an entry where it already applies; once lifted it may be
     * imposed again, with another scope or term.
     */
    @Test
    void a_measure_is_imposed_at_most_once_while_it_is_in_force() {
        refused(fixture.given(proposed())
                .when(decide(LISTED, List.of(noAwards(), keySupervisionUntil(date("2025-12-31")), noAwards())), AS_OWN_BUREAU),
                "sanction-measures", "names NO_AWARDS more than once");
        assertThat(slots.calls).isEmpty();

        refused(fixture.given(listedWithSanctions())
                .when(new ImposeSanction(LISTING_ID, null, SanctionMeasure.NO_AWARDS, "省级评优", null, date("2025-04-01")), AS_OWN_BUREAU),
                "sanction-measures", "NO_AWARDS is already in force on listing " + LISTING_ID + " as sanction " + LISTING_ID + "/1");

        // lifted, it is no longer in force: it may be imposed again
        fixture.given(listedWithSanctions())
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/1", USCC, SanctionMeasure.NO_AWARDS, date("2025-03-20"), "误加"))
                .when(new ImposeSanction(LISTING_ID, null, SanctionMeasure.NO_AWARDS, "省级评优", date("2025-12-31"), date("2025-04-01")),
                        AS_OWN_BUREAU)
                .expectEvents(new SanctionImposed(LISTING_ID, LISTING_ID + "/3", USCC, SanctionMeasure.NO_AWARDS, "省级评优",
                        date("2025-04-01"), date("2025-12-31"), VERSION));
    }

    /**
     * A sanction ends by itself after its last day ({@code until}), on the ledger's clock: the deadline mechanism sends
     * {@link LiftEndedSanctions} under {@code system:deadlines}, and every sanction whose last day is over is lifted on the
     * day that is recorded, naming the end of its term. Idempotent, like the term's expiry.
     */
    @Test
    void a_sanction_is_lifted_by_itself_the_day_after_its_until_date() {
        Object[] keySupervisionToJune = {proposed(), added(), imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, TERM_END.dueOn()),
            new SanctionImposed(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, "商标代理业务双随机抽查", LISTED,
                    date("2025-06-30"), VERSION)};

        time.on(date("2025-07-01"));
        fixture.given(keySupervisionToJune)
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-07-01")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-07-01"),
                        "term of the measure ended on 2025-06-30", true));
        assertThat(slots.calls).as("the entry stays on the list").isEmpty();

        // fired late (the ledger was down): lifted on the day that is recorded, every sanction whose last day is over
        time.on(date("2025-10-08"));
        fixture.given(keySupervisionToJune)
                .andGiven(new SanctionImposed(LISTING_ID, LISTING_ID + "/3", USCC, SanctionMeasure.FISCAL_PROJECT_REVIEW, "市级专利资助项目",
                        date("2025-04-01"), date("2025-09-30"), VERSION))
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-07-01")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectEvents(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-10-08"),
                                "term of the measure ended on 2025-06-30", true),
                        new SanctionLifted(LISTING_ID, LISTING_ID + "/3", USCC, SanctionMeasure.FISCAL_PROJECT_REVIEW, date("2025-10-08"),
                                "term of the measure ended on 2025-09-30", true));

        // on its last day the measure still applies; a second run, a sanction lifted by the bureau, an entry off the list: nothing
        time.on(date("2025-06-30"));
        fixture.given(keySupervisionToJune)
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-06-30")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        time.on(date("2025-07-02"));
        fixture.given(keySupervisionToJune)
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-07-01"),
                        "term of the measure ended on 2025-06-30", true))
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-07-01")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(keySupervisionToJune)
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-05-06"), "整改到位"))
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-07-01")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(listedWithSanctions())
                .andGiven(removedInError())
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-07-01")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        // once the entry's own term is over its expiry removes it with every sanction, whichever of the two fires first
        time.on(date("2026-03-12"));
        fixture.given(listedWithSanctions())
                .when(new LiftEndedSanctions(LISTING_ID, date("2026-03-12")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        // the measure's end is no act of the entry's procedure: an act dated before it, recorded after it, keeps its date (a sweep
        // from outside, stop 86: a repair applied for on the day before an automatic lift, recorded the day after, was refused)
        time.on(date("2025-07-02"));
        fixture.given(keySupervisionToJune)
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-07-01"),
                        "term of the measure ended on 2025-06-30", true))
                .when(new LiftSanction(LISTING_ID, LISTING_ID + "/1", date("2025-06-30"), "整改到位"), AS_OWN_BUREAU)
                .expectEvents(new SanctionLifted(LISTING_ID, LISTING_ID + "/1", USCC, SanctionMeasure.NO_AWARDS, date("2025-06-30"), "整改到位"));
        // but the measure lifted at its end was in force through its last day: imposed again dated on it, it would be in force twice
        // (a re-test from outside, stop 86); from the day after it (however late the lift was recorded) it may be imposed again
        refused(fixture.given(keySupervisionToJune)
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-07-01"),
                        "term of the measure ended on 2025-06-30", true))
                .when(new ImposeSanction(LISTING_ID, null, SanctionMeasure.KEY_SUPERVISION, "商标代理业务双随机抽查", date("2025-09-30"),
                        date("2025-06-30")), AS_OWN_BUREAU),
                "sanction-measures", "KEY_SUPERVISION was in force on listing " + LISTING_ID + " through 2025-06-30, its last day");
        fixture.given(keySupervisionToJune)
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-07-01"),
                        "term of the measure ended on 2025-06-30", true))
                .when(new ImposeSanction(LISTING_ID, null, SanctionMeasure.KEY_SUPERVISION, "商标代理业务双随机抽查", date("2025-09-30"),
                        date("2025-07-01")), AS_OWN_BUREAU)
                .expectSuccessfulHandlerExecution();
        time.on(date("2025-07-21")); // the lift recorded late (the ledger was down): the measure's own last day still decides
        fixture.given(keySupervisionToJune)
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-07-20"),
                        "term of the measure ended on 2025-06-30", true))
                .when(new ImposeSanction(LISTING_ID, null, SanctionMeasure.KEY_SUPERVISION, "商标代理业务双随机抽查", date("2025-09-30"),
                        date("2025-07-05")), AS_OWN_BUREAU)
                .expectSuccessfulHandlerExecution();
        time.on(date("2025-07-02"));

        // the system identity acts under this rule only; another bureau may not
        time.on(date("2025-07-01"));
        refused(fixture.given(keySupervisionToJune)
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-07-01")), Map.of("bureau", OTHER_BUREAU)),
                "own-cases-only", "proposed by another bureau");
        refused(fixture.given(keySupervisionToJune)
                .when(new LiftEndedSanctions(LISTING_ID, date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH)),
                "identity-required", "system:listing-basis-watch has no rule that lets it act here");
    }

    // ---- removal: term expired, repair granted, basis revoked, listed in error — each naming its reason

    @Test
    void removal_names_its_reason_and_lifts_sanctions() {
        fixture.given(listedWithSanctions())
                .andGiven(new SanctionLifted(LISTING_ID, LISTING_ID + "/2", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-05-06"), "整改到位"))
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), RemovalReason.LISTED_IN_ERROR, "当事人名称与代码对应错误"), AS_OWN_BUREAU)
                .expectEvents(new SanctionLifted(LISTING_ID, LISTING_ID + "/1", USCC, SanctionMeasure.NO_AWARDS, date("2025-06-03"),
                                "entry removed: LISTED_IN_ERROR"),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.LISTED_IN_ERROR, date("2025-06-03"),
                                "当事人名称与代码对应错误", VERSION));
        assertThat(slots.calls).containsExactly("vacate " + SLOT + " by " + LISTING_ID + " on 2025-06-03: listing removed: LISTED_IN_ERROR");

        // a basis revoked only in the request's words, while every basis decision still stands, is refused
        refused(fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), RemovalReason.BASIS_REVOKED, "京知复决〔2025〕3号撤销原处罚决定"), AS_OWN_BUREAU),
                "listing-removal", "still stands");
        BasisFacts standing = cases.find(BASIS.get(0)).orElseThrow();
        cases.add(new BasisFacts(standing.caseId(), standing.bureau(), standing.authorityName(), standing.uscc(), standing.partyName(), true, standing.decidedOn(), false,
                standing.ipType(), standing.procedure(), standing.penalties(), standing.violationType(), standing.monetaryPenalty(),
                standing.executed()));
        fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), RemovalReason.BASIS_REVOKED, "京知复决〔2025〕3号撤销原处罚决定"), AS_OWN_BUREAU)
                .expectEvents(lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-06-03"), RemovalReason.BASIS_REVOKED),
                        lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2025-06-03"), RemovalReason.BASIS_REVOKED),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.BASIS_REVOKED, date("2025-06-03"),
                                "京知复决〔2025〕3号撤销原处罚决定", VERSION));

        // the term expires after its last day
        refused(fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2026-03-11"), RemovalReason.TERM_EXPIRED, null), AS_OWN_BUREAU),
                "listing-removal", "the term runs until 2026-03-11");
        fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2026-03-12"), RemovalReason.TERM_EXPIRED, null), AS_OWN_BUREAU)
                .expectEvents(lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2026-03-12"), RemovalReason.TERM_EXPIRED),
                        lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2026-03-12"), RemovalReason.TERM_EXPIRED),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.TERM_EXPIRED, date("2026-03-12"),
                                null, VERSION));

        refused(fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2025-10-09"), RemovalReason.REPAIRED, "已修复"), AS_OWN_BUREAU),
                "listing-removal", "only by granting a repair application");
        refused(fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), null, "错误"), AS_OWN_BUREAU),
                "listing-removal", "name the reason");

        // an entry is removed once, and only an entry on the list
        refused(fixture.given(listedWithSanctions())
                .andGiven(removedInError())
                .when(new RemoveListing(LISTING_ID, date("2025-06-05"), RemovalReason.LISTED_IN_ERROR, "再次"), AS_OWN_BUREAU),
                "listing-removal", "already removed on 2025-06-03 (LISTED_IN_ERROR)");
        refused(fixture.given(proposed())
                .when(new RemoveListing(LISTING_ID, date("2025-03-05"), RemovalReason.LISTED_IN_ERROR, "错误"), AS_OWN_BUREAU),
                "listing-removal", "decide not to list it instead");
    }

    @Test
    void term_expiry_is_idempotent() {
        // the deadline fires on 03-20 (recorded then); the entry leaves the list on the day that is recorded
        time.on(date("2026-03-20"));
        fixture.given(listedWithSanctions())
                .when(new ExpireListing(LISTING_ID, date("2026-03-12")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2026-03-20"), RemovalReason.TERM_EXPIRED),
                        lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2026-03-20"), RemovalReason.TERM_EXPIRED),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.TERM_EXPIRED, date("2026-03-20"),
                                "term ended on 2026-03-11", VERSION));
        assertThat(slots.calls).containsExactly("vacate " + SLOT + " by " + LISTING_ID + " on 2026-03-20: listing removed: TERM_EXPIRED");

        // a second run, a removed entry, a term still running, or an entry never listed: nothing, quietly
        fixture.given(listedWithSanctions())
                .andGiven(expired())
                .when(new ExpireListing(LISTING_ID, date("2026-03-21")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(listedWithSanctions())
                .andGiven(removedInError())
                .when(new ExpireListing(LISTING_ID, date("2026-03-21")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        time.on(date("2026-03-11"));
        fixture.given(listedWithSanctions())
                .when(new ExpireListing(LISTING_ID, date("2026-03-11")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        time.on(date("2026-03-21"));
        fixture.given(proposed(), notAdded())
                .when(new ExpireListing(LISTING_ID, date("2026-03-21")), LedgerTime.asSystem(Recording.DEADLINES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(slots.calls).hasSize(1);
    }

    // ---- credit repair: after 6 months, at most one a year

    @Test
    void repair_may_be_applied_for_after_six_months() {
        refused(fixture.given(listedWithSanctions())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2025-09-11"), "已履行处罚决定"), AS_OWN_BUREAU),
                "listing-repair", "after 6 months from listing on 2025-03-11, that is from 2025-09-12");

        fixture.given(listedWithSanctions())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2025-09-12"), "已履行处罚决定"), AS_OWN_BUREAU)
                .expectEvents(new ListingRepairApplied(LISTING_ID, "repair-1", date("2025-09-12"), "已履行处罚决定", REPAIR_WAIT_END, VERSION));

        refused(fixture.given(proposed())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2025-09-12"), "已履行"), AS_OWN_BUREAU),
                "listing-repair", "only an entry on the list can be repaired");
    }

    /**
     * DOMAIN.md (list term): at most one granted repair a year. A refused application leaves the year's repair unused, so
     * the subject applies again; a repair granted on the subject's earlier entry on the list counts for a year.
     */
    @Test
    void at_most_one_granted_repair_a_year() {
        Object[] refusedOnce = {repairApplied("repair-1", date("2025-09-12")),
            new ListingRepairRefused(LISTING_ID, "repair-1", date("2025-09-30"), List.of(RepairRefusalGround.HARM_NOT_REMOVED), "影响未消除", VERSION)};

        fixture.given(listedWithSanctions())
                .andGiven(refusedOnce)
                .when(new ApplyForListingRepair(LISTING_ID, "repair-2", date("2025-10-15"), "已消除影响"), AS_OWN_BUREAU)
                .expectEvents(new ListingRepairApplied(LISTING_ID, "repair-2", date("2025-10-15"), "已消除影响", REPAIR_WAIT_END, VERSION));

        // a pending application blocks another
        refused(fixture.given(listedWithSanctions())
                .andGiven(repairApplied("repair-1", date("2025-09-12")))
                .when(new ApplyForListingRepair(LISTING_ID, "repair-2", date("2025-09-15"), "补充材料"), AS_OWN_BUREAU),
                "listing-repair", "repair-1 of 2025-09-12 is still undecided");

        // the subject's earlier entry on this list was repaired on 2024-11-20: that year ends on 2025-11-20 (DOMAIN.md
        // counting), so the next repair from 2025-11-21, as the repair wait runs from the day after its anniversary
        slots.repairs.put(SLOT, List.of(date("2024-11-20")));
        refused(fixture.given(listedWithSanctions())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2025-11-20"), "已履行处罚决定"), AS_OWN_BUREAU),
                "listing-repair", "at most 1 granted repair(s) a year on the SEVERE_DISHONESTY; repairs of " + USCC
                        + " were granted on [2024-11-20], so a repair may be applied for from 2025-11-21");
        fixture.given(listedWithSanctions())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2025-11-21"), "已履行处罚决定"), AS_OWN_BUREAU)
                .expectEvents(new ListingRepairApplied(LISTING_ID, "repair-1", date("2025-11-21"), "已履行处罚决定", REPAIR_WAIT_END, VERSION));

        // the number is the policy's: two a year allow a second granted repair
        AggregateTestFixture<Listing> twice = fixtureWith(rulebook(new EnforcementPolicy.CreditListing(null, null, null, 2, null, null)));
        slots.repairs.put(SLOT, List.of(date("2024-11-20")));
        twice.given(listedWithSanctions())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2025-09-12"), "已履行处罚决定"), AS_OWN_BUREAU)
                .expectEvents(new ListingRepairApplied(LISTING_ID, "repair-1", date("2025-09-12"), "已履行处罚决定", REPAIR_WAIT_END, "SH-2026.2"));
    }

    @Test
    void repair_is_granted_when_its_conditions_hold_and_a_refusal_names_the_failed_ones() {
        Object[] applied = {repairApplied("repair-1", date("2025-09-12"))};

        fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, null, "已履行义务、消除影响"), AS_OWN_BUREAU)
                .expectEvents(new ListingRepairGranted(LISTING_ID, "repair-1", date("2025-10-09"), "已履行义务、消除影响", VERSION),
                        lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-10-09"), RemovalReason.REPAIRED),
                        lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2025-10-09"), RemovalReason.REPAIRED),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.REPAIRED, date("2025-10-09"),
                                "repair application repair-1 granted", VERSION));
        assertThat(slots.calls).containsExactly("vacate " + SLOT + " by " + LISTING_ID + " on 2025-10-09: listing removed: REPAIRED");

        fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), false,
                        List.of(RepairRefusalGround.OBLIGATIONS_NOT_FULFILLED, RepairRefusalGround.HARM_NOT_REMOVED), "罚款未缴清"), AS_OWN_BUREAU)
                .expectEvents(new ListingRepairRefused(LISTING_ID, "repair-1", date("2025-10-09"),
                        List.of(RepairRefusalGround.OBLIGATIONS_NOT_FULFILLED, RepairRefusalGround.HARM_NOT_REMOVED), "罚款未缴清", VERSION));

        refused(fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), false, List.of(), "不予修复"), AS_OWN_BUREAU),
                "listing-repair", "a refusal names the conditions that failed");
        refused(fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, List.of(RepairRefusalGround.REPEAT_VIOLATION), null),
                        AS_OWN_BUREAU),
                "listing-repair", "cannot be granted while its conditions fail: [REPEAT_VIOLATION]");
        refused(fixture.given(listedWithSanctions())
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, null, null), AS_OWN_BUREAU),
                "listing-repair", "has no undecided repair application repair-1");
        // the entry removed with an application undecided: its removal is the reason (a credit listings sweep, stop 75)
        refused(fixture.given(listedWithSanctions())
                .andGiven(applied)
                .andGiven(new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.LISTED_IN_ERROR,
                        date("2025-10-08"), "误列", VERSION))
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, null, null), AS_OWN_BUREAU),
                "listing-repair", "is REMOVED since 2025-10-08 (LISTED_IN_ERROR): only an entry on the list takes a repair decision");
    }

    /**
     * DOMAIN.md (early end, obligations fulfilled: payment recorded in the ledger), read for a credit list as for a public
     * record: a repair is not granted while a fine of a basis penalty has no execution recorded (audit: a REFUSAL_TO_PERFORM
     * listing was repaired with its fine unpaid). The ledger checks the cases as their aggregates stand, never the request.
     */
    /** The ledger's later penalties of the subject, as a test sets them. */
    static final class LaterPenalties implements org.gongshi.ledger.disclosure.CreditStanding {
        final List<String> later = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public List<String> listsHolding(String uscc) {
            return List.of();
        }

        @Override
        public List<String> penalisedAfter(org.gongshi.ledger.vocabulary.Party subject, LocalDate after, String exceptCaseId) {
            asked.add(subject.uscc() + " after " + after);
            return List.copyOf(later);
        }
    }

    private LaterPenalties standing;

    /**
     * A repair is not granted to a subject penalised again since its listing, as the ledger knows it, never as the request says
     * (a sweep from outside, stop 72: a subject penalised by another bureau after its listing had its repair granted).
     */
    @Test
    void listing_repair_is_not_granted_to_a_subject_penalised_again_since_its_listing() {
        Object[] applied = {repairApplied("repair-1", date("2025-09-12"))};
        standing.later.add("case-2025-0901");
        refused(fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, null, "已整改"), AS_OWN_BUREAU),
                "listing-repair", "penalised again after it was listed on " + LISTED + " (1 later penalty decision in the ledger: REPEAT_VIOLATION)");
        assertThat(standing.asked).containsExactly(USCC + " after " + LISTED);
        assertThat(slots.calls).as("the entry stays on the list").isEmpty();
    }

    @Test
    void repair_is_not_granted_while_a_basis_penalty_is_unpaid() {
        Object[] applied = {repairApplied("repair-1", date("2025-09-12"))};
        cases.unpaid(BASIS.get(1));

        refused(fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, null, "当事人称已履行"), AS_OWN_BUREAU),
                "listing-repair", "obligations not fulfilled (OBLIGATIONS_NOT_FULFILLED): no execution is recorded of the penalty of basis case(s) ["
                        + BASIS.get(1) + "]");
        assertThat(slots.calls).as("the entry stays on the list").isEmpty();

        // the application is refused on that ground instead
        fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), false,
                        List.of(RepairRefusalGround.OBLIGATIONS_NOT_FULFILLED), "罚款未缴纳"), AS_OWN_BUREAU)
                .expectEvents(new ListingRepairRefused(LISTING_ID, "repair-1", date("2025-10-09"),
                        List.of(RepairRefusalGround.OBLIGATIONS_NOT_FULFILLED), "罚款未缴纳", VERSION));

        // a basis penalty that puts no sum on the party owes no payment; a decision no longer standing imposes nothing
        BasisFacts unpaid = cases.find(BASIS.get(1)).orElseThrow();
        cases.add(new BasisFacts(unpaid.caseId(), unpaid.bureau(), unpaid.authorityName(), unpaid.uscc(), unpaid.partyName(), true, unpaid.decidedOn(), true, unpaid.ipType(),
                unpaid.procedure(), List.of(new org.gongshi.ledger.vocabulary.Penalty(org.gongshi.ledger.vocabulary.PenaltyType.WARNING, null, null)),
                unpaid.violationType(), false, false));
        fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, null, "已消除影响"), AS_OWN_BUREAU)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ListingRepairGranted(LISTING_ID, "repair-1", date("2025-10-09"), "已消除影响", VERSION),
                        lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-10-09"), RemovalReason.REPAIRED),
                        lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2025-10-09"), RemovalReason.REPAIRED),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.REPAIRED, date("2025-10-09"),
                                "repair application repair-1 granted", VERSION));
        cases.add(new BasisFacts(unpaid.caseId(), unpaid.bureau(), unpaid.authorityName(), unpaid.uscc(), unpaid.partyName(), true, unpaid.decidedOn(), false, unpaid.ipType(),
                unpaid.procedure(), unpaid.penalties(), unpaid.violationType(), true, false));
        fixture.given(listedWithSanctions())
                .andGiven(applied)
                .when(new DecideListingRepair(LISTING_ID, "repair-1", date("2025-10-09"), true, null, "已消除影响"), AS_OWN_BUREAU)
                .expectSuccessfulHandlerExecution();
    }

    // ---- basis revoked (the saga's flag; see ListingBasisWatchTest for the revision side)

    @Test
    void revoked_basis_decision_removes_the_listing() {
        // a decision changed (or confirmed illegal) still stands: the flag leaves a severe-dishonesty entry listed
        fixture.given(listedWithSanctions())
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2024-0212", date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        revoke("case-2024-0212");
        revoke("case-2024-0107");
        fixture.given(listedWithSanctions())
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2024-0212", date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH))
                .expectEvents(new ListingFlaggedForRemoval(LISTING_ID, "case-2024-0212", date("2025-07-01")),
                        lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-07-01"), RemovalReason.BASIS_REVOKED),
                        lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2025-07-01"), RemovalReason.BASIS_REVOKED),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.BASIS_REVOKED, date("2025-07-01"),
                                "the decision of case case-2024-0212 no longer stands from 2025-07-01", VERSION));
        assertThat(slots.calls).containsExactly("vacate " + SLOT + " by " + LISTING_ID + " on 2025-07-01: listing removed: BASIS_REVOKED");

        // a revocation effective before the listing: the removal is recorded on the day the flag is
        time.on(LISTED);
        fixture.given(listed())
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2024-0107", date("2025-03-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH))
                .expectEvents(new ListingFlaggedForRemoval(LISTING_ID, "case-2024-0107", date("2025-03-01")),
                        lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, RemovalReason.BASIS_REVOKED),
                        new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.BASIS_REVOKED, LISTED,
                                "the decision of case case-2024-0107 no longer stands from 2025-03-01", VERSION));

        // an entry already off the list is left alone
        fixture.given(listedWithSanctions())
                .andGiven(removedInError())
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2024-0212", date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        refused(fixture.given(listedWithSanctions())
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2099-0001", date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH)),
                "listing-removal", "is not a basis of listing");
    }

    /**
     * A basis decision revoked between the proposal and the listing decision bears no listing: the decision to list is refused
     * naming the case, as the basis watch would remove the entry (a sweep from outside, stop 72: the entry was listed, published
     * with its sanctions and never removed, since the watch follows only entries already listed). Deciding not to list stays open.
     */
    @Test
    void listing_basis_a_decision_revoked_before_the_listing_decision_bears_no_listing() {
        revoke("case-2024-0212");
        refused(fixture.given(proposed())
                .when(decide(LISTED, List.of(noAwards())), AS_OWN_BUREAU),
                "listing-basis", "basis case case-2024-0212 was revoked or confirmed invalid since the proposal");
        fixture.given(proposed())
                .when(new DecideListing(LISTING_ID, LISTED, false, null, null, "原处罚决定已被撤销"), AS_OWN_BUREAU)
                .expectSuccessfulHandlerExecution();

        // a repeated infringer: the standing ones still making a candidate bear it, as they keep an entry listed
        List<String> three = List.of("case-2024-0107", "case-2024-0212", "case-2024-0330");
        cases.penalty("case-2024-0330", BUREAU, USCC, LocalDate.of(2024, 9, 2));
        fixture.given(proposed(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, three))
                .when(decide(LISTED, List.of(noAwards())), AS_OWN_BUREAU)
                .expectSuccessfulHandlerExecution();
        revoke("case-2024-0330");
        refused(fixture.given(proposed(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, three))
                .when(decide(LISTED, List.of(noAwards())), AS_OWN_BUREAU),
                "listing-basis", "no longer make " + USCC + " a repeated-infringer candidate");
    }

    /**
     * DOMAIN.md, repeated infringer: 2 or more standing ordinary-procedure infringement penalties of one IP type, decided within
     * the 5 years before the proposal, make a candidate. A revoked basis removes the entry (BASIS_REVOKED) only once the bases
     * still standing no longer do; by the bureau's removal and by the process manager's flag alike.
     */
    @Test
    void basis_revoked_removes_a_repeated_infringer_only_once_its_standing_penalties_no_longer_make_a_candidate() {
        List<String> basis = List.of("case-2024-0107", "case-2024-0212", "case-2024-0330");
        cases.penalty("case-2024-0330", BUREAU, USCC, LocalDate.of(2024, 9, 2));
        revoke("case-2024-0107");
        Object[] listed = repeatedInfringerListed(basis);
        String detail = "京知复决〔2025〕3号撤销原处罚决定";

        // two standing trademark infringement penalties within 5 years before the proposal still make a candidate
        refused(fixture.given(listed)
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), RemovalReason.BASIS_REVOKED, detail), AS_OWN_BUREAU),
                "listing-removal", "still make " + USCC + " a repeated-infringer candidate: [case-2024-0212, case-2024-0330]");
        fixture.given(listed)
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2024-0107", date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(slots.calls).as("the entry stays on the list").isEmpty();

        // penalties of different IP types are not counted together: one trademark penalty left is no candidate
        BasisFacts third = cases.find("case-2024-0330").orElseThrow();
        cases.add(new BasisFacts(third.caseId(), third.bureau(), third.authorityName(), third.uscc(), third.partyName(), true, third.decidedOn(), true, org.gongshi.ledger.vocabulary.IpType.PATENT,
                third.procedure(), third.penalties(), "侵犯专利权", third.monetaryPenalty(), third.executed()));
        fixture.given(listed)
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), RemovalReason.BASIS_REVOKED, detail), AS_OWN_BUREAU)
                .expectEvents(new SanctionLifted(LISTING_ID, LISTING_ID + "/1", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-06-03"),
                                "entry removed: BASIS_REVOKED"),
                        new ListingRemoved(LISTING_ID, ListType.REPEATED_INFRINGER, SUBJECT, LISTED, RemovalReason.BASIS_REVOKED, date("2025-06-03"),
                                detail, VERSION));

        // a penalty changed to a warning only still stands but no longer counts: the remaining one is no candidate, and the
        // entry goes, by the flag or by the bureau's removal (a sweep from outside, stop 72: "every decision still stands")
        cases.penalty("case-2024-0330", BUREAU, USCC, LocalDate.of(2024, 9, 2));
        BasisFacts warned = cases.find("case-2024-0212").orElseThrow();
        cases.add(new BasisFacts(warned.caseId(), warned.bureau(), warned.authorityName(), warned.uscc(), warned.partyName(), true, warned.decidedOn(), true, warned.ipType(),
                warned.procedure(), List.of(new org.gongshi.ledger.vocabulary.Penalty(org.gongshi.ledger.vocabulary.PenaltyType.WARNING, null, null, null)),
                warned.violationType(), false, warned.executed()));
        assertThat(cases.find("case-2024-0212").orElseThrow().standing()).isTrue();
        fixture.given(listed)
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), RemovalReason.BASIS_REVOKED, detail), AS_OWN_BUREAU)
                .expectSuccessfulHandlerExecution();
        fixture.given(listed)
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2024-0212", date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH))
                .expectEvents(repeatedInfringerRemovedByTheFlag("the decision of case case-2024-0212 was changed from 2025-07-01: the"
                        + " penalties that still count no longer make the subject a repeated infringer"));

        // a second revocation leaves one standing penalty: the flag removes the entry
        cases.penalty("case-2024-0330", BUREAU, USCC, LocalDate.of(2024, 9, 2));
        revoke("case-2024-0212");
        fixture.given(listed)
                .when(new FlagListingBasisRevoked(LISTING_ID, "case-2024-0212", date("2025-07-01")), LedgerTime.asSystem(Recording.LISTING_BASIS_WATCH))
                .expectEvents(repeatedInfringerRemovedByTheFlag("the decision of case case-2024-0212 no longer stands from 2025-07-01"));
    }

    /** What the basis watch's flag of case-2024-0212 on 2025-07-01 records on a repeated-infringer entry it removes. */
    private static Object[] repeatedInfringerRemovedByTheFlag(String detail) {
        return new Object[] {new ListingFlaggedForRemoval(LISTING_ID, "case-2024-0212", date("2025-07-01")),
            new SanctionLifted(LISTING_ID, LISTING_ID + "/1", USCC, SanctionMeasure.KEY_SUPERVISION, date("2025-07-01"), "entry removed: BASIS_REVOKED"),
            new ListingRemoved(LISTING_ID, ListType.REPEATED_INFRINGER, SUBJECT, LISTED, RemovalReason.BASIS_REVOKED, date("2025-07-01"), detail,
                    VERSION)};
    }

    /** Case {@code caseId} as it stands after its decision was revoked. */
    private void revoke(String caseId) {
        cases.revoked(caseId);
    }

    /** A repeated-infringer entry on {@code basis}, proposed on 2025-03-03 and listed on 2025-03-11 with KEY_SUPERVISION ({@code /1}). */
    private static Object[] repeatedInfringerListed(List<String> basis) {
        return new Object[] {proposed(ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, basis),
            new ListingAdded(LISTING_ID, BUREAU, "110105", ListType.REPEATED_INFRINGER, ListingCategory.REPEATED_INFRINGEMENT, SUBJECT, basis,
                    REASON, LISTED, TERM_END, REPAIR_WAIT_END, STATEMENT_DEADLINE, false, VERSION),
            imposed(LISTING_ID + "/1", SanctionMeasure.KEY_SUPERVISION, LISTED, TERM_END.dueOn())};
    }

    // ---- who may act, and in what order

    @Test
    void another_bureau_cannot_act_on_the_listing() {
        Map<String, String> asOtherBureau = Map.of("bureau", OTHER_BUREAU);
        refused(fixture.givenNoPriorActivity()
                .when(propose(ListType.SEVERE_DISHONESTY, ListingCategory.ILLEGAL_AGENCY, BASIS), asOtherBureau),
                "own-cases-only", "cannot propose for " + BUREAU);
        assertThat(slots.calls).isEmpty();
        refused(fixture.given(proposed())
                .when(new RecordListingStatement(LISTING_ID, date("2025-03-05"), "陈述"), asOtherBureau),
                "own-cases-only", "proposed by another bureau");
        refused(fixture.given(proposed())
                .when(decide(LISTED, List.of(noAwards())), asOtherBureau),
                "own-cases-only", "proposed by another bureau");
        refused(fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2025-06-03"), RemovalReason.LISTED_IN_ERROR, "错误"), asOtherBureau),
                "own-cases-only", "proposed by another bureau");
        refused(fixture.given(listedWithSanctions())
                .when(new ExpireListing(LISTING_ID, date("2026-03-20")), asOtherBureau),
                "own-cases-only", "proposed by another bureau");
        refused(fixture.given(listedWithSanctions())
                .when(new ApplyForListingRepair(LISTING_ID, "repair-1", date("2025-09-12"), "已履行"), asOtherBureau),
                "own-cases-only", "proposed by another bureau");
    }

    @Test
    void acts_are_not_dated_before_the_previous_act() {
        refused(fixture.given(proposed())
                .when(new RecordListingStatement(LISTING_ID, date("2025-03-02"), "陈述"), AS_OWN_BUREAU),
                "listing-procedure", "before the previous act on listing " + LISTING_ID + " on 2025-03-03");
        refused(fixture.given(listedWithSanctions())
                .when(new LiftSanction(LISTING_ID, LISTING_ID + "/1", date("2025-03-10"), "提前"), AS_OWN_BUREAU),
                "listing-procedure", "before the previous act");
        refused(fixture.given(listedWithSanctions())
                .when(new RemoveListing(LISTING_ID, date("2025-03-10"), RemovalReason.LISTED_IN_ERROR, "错误"), AS_OWN_BUREAU),
                "listing-procedure", "before the previous act");
    }

    @Test
    void events_record_policy_version_and_deadlines() {
        // another policy: 10 WD to make a statement, a 2-year term, repair after 12 months
        AggregateTestFixture<Listing> local = fixtureWith(rulebook(new EnforcementPolicy.CreditListing(10, 2, 12, null, null, null)));
        // 10 WD from Monday 03-03: 03-04..07, 03-10..14, 03-17 -> Monday 03-17
        local.givenNoPriorActivity()
                .when(propose(ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, BASIS), AS_OWN_BUREAU)
                .expectEvents(new ListingProposed(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                        SUBJECT, BASIS, REASON, PROPOSED, due("2025-03-17"), "SH-2026.2"));
        refused(local.given(new ListingProposed(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                        SUBJECT, BASIS, REASON, PROPOSED, due("2025-03-17"), "SH-2026.2"))
                .when(decide(date("2025-03-17"), List.of(noAwards())), AS_OWN_BUREAU),
                "listing-procedure", "until 2025-03-17 (10 WD from the notice)");
        // listed 03-18: 2 years on is Thursday 2027-03-18, in a year without a notice (provisional); repair after Wednesday 2026-03-18
        local.given(new ListingProposed(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                        SUBJECT, BASIS, REASON, PROPOSED, due("2025-03-17"), "SH-2026.2"))
                .when(decide(date("2025-03-18"), List.of(noAwards())), AS_OWN_BUREAU)
                .expectEvents(new ListingAdded(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION,
                                SUBJECT, BASIS, REASON, date("2025-03-18"), new Deadline(date("2027-03-18"), true), due("2026-03-18"),
                                due("2025-03-17"), false, "SH-2026.2"),
                        new SanctionImposed(LISTING_ID, LISTING_ID + "/1", USCC, SanctionMeasure.NO_AWARDS, SanctionMeasure.NO_AWARDS.defaultScope(),
                                date("2025-03-18"), date("2027-03-18"), "SH-2026.2"));
    }

    @Test
    void test_subjects_have_valid_unified_social_credit_codes() {
        assertThat(List.of(USCC, "91310000132200004B", "91440300192345678M")).allMatch(Uscc::isValid);
        assertThat(Arrays.stream(ListType.values()).filter(list -> list.allows(ListingCategory.REPEATED_INFRINGEMENT)))
                .containsExactly(ListType.REPEATED_INFRINGER, ListType.BLACKLIST);
    }

    // ---- helpers: commands

    private static ProposeListing propose(ListType listType, ListingCategory category, List<String> basis) {
        return new ProposeListing(LISTING_ID, BUREAU, "110105", listType, category, SUBJECT, basis, REASON, PROPOSED);
    }

    private static DecideListing decide(LocalDate decidedOn, List<Sanction> measures) {
        return new DecideListing(LISTING_ID, decidedOn, true, measures, null, null);
    }

    private static Sanction noAwards() {
        return new Sanction(null, SanctionMeasure.NO_AWARDS, null, null);
    }

    private static Sanction keySupervisionUntil(LocalDate until) {
        return new Sanction(null, SanctionMeasure.KEY_SUPERVISION, "商标代理业务双随机抽查", until);
    }

    // ---- helpers: events

    private static ListingProposed proposed() {
        return proposed(ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, BASIS);
    }

    private static ListingProposed proposed(ListType listType, ListingCategory category, List<String> basis) {
        return new ListingProposed(LISTING_ID, BUREAU, "110105", listType, category, SUBJECT, basis, REASON, PROPOSED, STATEMENT_DEADLINE, VERSION);
    }

    private static ListingStatementRecorded statementOn(LocalDate on) {
        return new ListingStatementRecorded(LISTING_ID, on, "无异议");
    }

    private static ListingAdded added() {
        return addedOn(LISTED, TERM_END, REPAIR_WAIT_END, false);
    }

    private static ListingAdded addedOn(LocalDate listedOn, Deadline termEnd, Deadline repairWaitEnd, boolean statementReceived) {
        return new ListingAdded(LISTING_ID, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.BAD_FAITH_TRADEMARK_APPLICATION, SUBJECT, BASIS,
                REASON, listedOn, termEnd, repairWaitEnd, STATEMENT_DEADLINE, statementReceived, VERSION);
    }

    private static ListingNotAdded notAdded() {
        return new ListingNotAdded(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, date("2025-03-11"), "陈述理由成立", VERSION);
    }

    private static SanctionImposed imposed(String sanctionId, SanctionMeasure measure, LocalDate imposedOn, LocalDate until) {
        return new SanctionImposed(LISTING_ID, sanctionId, USCC, measure, measure.defaultScope(), imposedOn, until, VERSION);
    }

    private static SanctionLifted lifted(String sanctionId, SanctionMeasure measure, LocalDate on, RemovalReason reason) {
        return new SanctionLifted(LISTING_ID, sanctionId, USCC, measure, on, "entry removed: " + reason);
    }

    /** Proposed, then listed on 2025-03-11 with NO_AWARDS ({@code listing/1}). */
    private static Object[] listed() {
        return new Object[] {proposed(), added(), imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, TERM_END.dueOn())};
    }

    /** Proposed, listed on 2025-03-11 with NO_AWARDS ({@code /1}) and KEY_SUPERVISION ({@code /2}) to the end of the term. */
    private static Object[] listedWithSanctions() {
        return new Object[] {proposed(), added(),
            imposed(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, LISTED, TERM_END.dueOn()),
            imposed(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, LISTED, TERM_END.dueOn())};
    }

    private static Object[] removedInError() {
        return new Object[] {lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2025-06-03"), RemovalReason.LISTED_IN_ERROR),
            lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2025-06-03"), RemovalReason.LISTED_IN_ERROR),
            new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.LISTED_IN_ERROR, date("2025-06-03"),
                    "当事人名称与代码对应错误", VERSION)};
    }

    private static Object[] expired() {
        return new Object[] {lifted(LISTING_ID + "/1", SanctionMeasure.NO_AWARDS, date("2026-03-12"), RemovalReason.TERM_EXPIRED),
            lifted(LISTING_ID + "/2", SanctionMeasure.KEY_SUPERVISION, date("2026-03-12"), RemovalReason.TERM_EXPIRED),
            new ListingRemoved(LISTING_ID, ListType.SEVERE_DISHONESTY, SUBJECT, LISTED, RemovalReason.TERM_EXPIRED, date("2026-03-12"),
                    "term ended on 2026-03-11", VERSION)};
    }

    private static ListingRepairApplied repairApplied(String applicationId, LocalDate on) {
        return new ListingRepairApplied(LISTING_ID, applicationId, on, "已履行处罚决定", REPAIR_WAIT_END, VERSION);
    }

    // ---- helpers: values

    private static Rulebook rulebook(EnforcementPolicy.CreditListing creditListing) {
        return new Rulebook(new EnforcementPolicy("SH-2026.2", null, null, creditListing, null), WorkingDayCalendar.official());
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Deadline due(String iso) {
        return new Deadline(LocalDate.parse(iso), false);
    }
}
