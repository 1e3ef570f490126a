package org.gongshi.projections.listings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.calendar.WorkingDayCalendar;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingAdded;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.event.ListingRemoved;
import org.gongshi.ledger.listings.ListingStatus;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.SanctionImposed;
import org.gongshi.ledger.listings.event.SanctionLifted;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.gongshi.ledger.policy.EnforcementPolicy;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.identity.Division;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The listing read model and the repeated-infringer review queue, under redelivery and rebuild. */
class ListingProjectionsTest {

    private static final String BUREAU = "91110000600037341L";
    private static final String SUBJECT = "91310000132200004B";
    private static final String V = "CN-2026.1";

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ListingViews views;
    private PenaltyHistory history;
    private AnnotationEventHandlerAdapter listingProjection;
    private AnnotationEventHandlerAdapter historyProjection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        database = client.getDatabase("listing-test");
        views = new ListingViews(database);
        history = new PenaltyHistory(database, views, new Rulebook(EnforcementPolicy.defaults(), WorkingDayCalendar.official()));
        listingProjection = new AnnotationEventHandlerAdapter(new ListingViewProjection(views));
        historyProjection = new AnnotationEventHandlerAdapter(new PenaltyHistoryProjection(history));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private List<Object> listingLifecycle(String listingId) {
        Subject subject = new Subject("上海某某医疗器械有限公司", SUBJECT);
        return List.of(
                new ListingProposed(listingId, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.FALSE_MATERIALS, subject,
                        List.of("case-1"), "提交虚假材料", LocalDate.of(2026, 4, 1), new Deadline(LocalDate.of(2026, 4, 9), false), V),
                new ListingAdded(listingId, BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.FALSE_MATERIALS, subject,
                        List.of("case-1"), "提交虚假材料", LocalDate.of(2026, 4, 15), new Deadline(LocalDate.of(2027, 4, 15), false),
                        new Deadline(LocalDate.of(2026, 10, 15), false), new Deadline(LocalDate.of(2026, 4, 9), false), false, V),
                new SanctionImposed(listingId, listingId + "/1", SUBJECT, SanctionMeasure.NO_AWARDS, SanctionMeasure.NO_AWARDS.defaultScope(),
                        LocalDate.of(2026, 4, 15), LocalDate.of(2027, 4, 15), V),
                new SanctionImposed(listingId, listingId + "/2", SUBJECT, SanctionMeasure.KEY_SUPERVISION, "每季度检查",
                        LocalDate.of(2026, 4, 15), LocalDate.of(2027, 4, 15), V),
                new SanctionLifted(listingId, listingId + "/2", SUBJECT, SanctionMeasure.KEY_SUPERVISION, LocalDate.of(2026, 6, 1), "检查完毕"));
    }

    private void deliver(AnnotationEventHandlerAdapter projection, List<Object> events, long firstIndex) throws Exception {
        long index = firstIndex;
        for (Object event : events) {
            projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index++), GenericEventMessage.asEventMessage(event)));
        }
    }

    private List<Document> documents(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** The ledger's day the lists are read on in these tests: within every entry's term. */
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 1);

    /** A statement window counted into a year without a calendar notice is marked so (a credit listings sweep, stop 75). */
    @Test
    void a_statement_window_into_a_year_without_a_calendar_is_provisional() throws Exception {
        deliver(listingProjection, List.of(new ListingProposed("l-27", BUREAU, "110105", ListType.SEVERE_DISHONESTY,
                ListingCategory.FALSE_MATERIALS, new Subject("上海某某医疗器械有限公司", SUBJECT), List.of("case-1"), "提交虚假材料",
                LocalDate.of(2027, 3, 31), new Deadline(LocalDate.of(2027, 4, 7), true), V)), 1);
        assertThat(views.find("l-27").orElseThrow().statementDueProvisional()).isTrue();
    }

    @Test
    void an_active_entry_is_on_the_public_list_with_its_sanctions_until_it_is_removed() throws Exception {
        deliver(listingProjection, listingLifecycle("l-1"), 1);

        ListingView view = views.find("l-1").orElseThrow();
        assertThat(view.status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(view.termEnd()).isEqualTo(LocalDate.of(2027, 4, 15));
        assertThat(view.termEndProvisional()).as("the flag of the event's term deadline").isFalse();
        assertThat(view.statementDueOn()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(view.statementDueProvisional()).as("the flag of the event's statement deadline").isFalse();
        assertThat(view.sanctions()).hasSize(2);
        assertThat(view.activeSanctions()).extracting(ListingView.SanctionView::measure).containsExactly(SanctionMeasure.NO_AWARDS);
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, TODAY, 0, 10).items()).extracting(ListingView::listingId).containsExactly("l-1");
        // looked up by a part of its name or by its code (a sweep from outside, stop 76)
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, "医疗器械", null, TODAY, 0, 10).total()).isOne();
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, null, SUBJECT, TODAY, 0, 10).total()).isOne();
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, "上海某某", SUBJECT, TODAY, 0, 10).total()).isOne();
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, "北京", null, TODAY, 0, 10).total()).isZero();
        // as the public search reads a query: zero-width and blank characters dropped (the re-test of the mend)
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, "医疗\u200B器械", null, TODAY, 0, 10).total()).isOne();
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, "医 疗", null, TODAY, 0, 10).total()).isOne();
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, "医疗.*", null, TODAY, 0, 10).total()).as("a name's part, not a pattern").isZero();
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, null, "91110000600037341L", TODAY, 0, 10).total()).isZero();
        // a name's middle dot as any other or none, and a character as its full-width form, as the public search reads them
        // (a public pages sweep, stop 79: ＸＹＺ贸易 and ABC科技（北京） were not found by their own names)
        assertThat(ListingViews.namePart("约翰\u30FB史密斯").matcher("约翰\u2022史密斯贸易有限公司").find()).isTrue();
        assertThat(ListingViews.namePart("约翰\u00B7史").matcher("约翰\u00B7史密斯").find()).isTrue();
        assertThat(ListingViews.namePart("约翰史密").matcher("约翰\u00B7史密斯").find()).isTrue();
        assertThat(ListingViews.namePart("约翰\u00B7史").matcher("约翰.史密斯").find()).isFalse();
        for (String[] typedAndListed : new String[][]{{"ＸＹＺ贸易", "ＸＹＺ贸易有限公司"}, {"xyz", "ＸＹＺ贸易有限公司"}, {"XYZ", "xyz贸易有限公司"},
                {"（北京）", "ABC科技（北京）有限公司"}, {"(北京)", "ABC科技（北京）有限公司"}, {"ABC科技（北京）", "ABC科技(北京)有限公司"},
                {"[a]", "［Ａ］商行"}, {"\\", "反斜线＼商行"}}) {
            assertThat(ListingViews.namePart(typedAndListed[0]).matcher(typedAndListed[1]).find()).as(typedAndListed[0]).isTrue();
        }
        assertThat(ListingViews.namePart("xyz").matcher("xy贸易").find()).isFalse();
        assertThat(views.activeOf(SUBJECT, TODAY)).hasSize(1);
        // on the list through its term's last day, and off it after, its end recorded or not (a sweep from outside, stop 74)
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, LocalDate.of(2027, 4, 15), 0, 10).total()).isOne();
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, LocalDate.of(2027, 4, 16), 0, 10).total()).isZero();
        assertThat(views.activeOf(SUBJECT, LocalDate.of(2027, 4, 16))).isEmpty();

        deliver(listingProjection, List.of(new ListingRemoved("l-1", ListType.SEVERE_DISHONESTY, view.subject(), view.listedOn(),
                RemovalReason.LISTED_IN_ERROR, LocalDate.of(2026, 7, 1), "误列", V)), 10);
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, TODAY, 0, 10).total()).isZero();
        assertThat(views.activeOf(SUBJECT, TODAY)).isEmpty();
        assertThat(views.find("l-1").orElseThrow().removal().reason()).as("the history keeps the entry").isEqualTo(RemovalReason.LISTED_IN_ERROR);
    }

    /**
     * An entry on the list is named as its listing names it publicly (the event's subject, scrubbed by the ledger), not as the
     * proposal wrote it: the public list, the subject page and the feed read the same name (a sweep from outside, stop 72: the
     * lists showed the proposal's contact person and phone number, which the feed had hidden).
     */
    @Test
    void an_entry_on_the_list_is_named_as_its_listing_publishes_it() throws Exception {
        Subject written = new Subject("上海某某医疗器械有限公司 联系人王五13911112222", SUBJECT);
        Subject published = new Subject("上海某某医疗器械有限公司 联系人******", SUBJECT);
        deliver(listingProjection, List.of(
                new ListingProposed("l-9", BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.FALSE_MATERIALS, written,
                        List.of("case-1"), "提交虚假材料", LocalDate.of(2026, 4, 1), new Deadline(LocalDate.of(2026, 4, 9), false), V),
                new ListingAdded("l-9", BUREAU, "110105", ListType.SEVERE_DISHONESTY, ListingCategory.FALSE_MATERIALS, published,
                        List.of("case-1"), "提交虚假材料", LocalDate.of(2026, 4, 15), new Deadline(LocalDate.of(2027, 4, 15), false),
                        new Deadline(LocalDate.of(2026, 10, 15), false), new Deadline(LocalDate.of(2026, 4, 9), false), false, V)), 1);
        assertThat(views.onList(ListType.SEVERE_DISHONESTY, null, TODAY, 0, 10).items()).extracting(v -> v.subject().name())
                .containsExactly("上海某某医疗器械有限公司 联系人******");
        assertThat(views.activeOf(SUBJECT, TODAY)).extracting(v -> v.subject().name()).containsExactly("上海某某医疗器械有限公司 联系人******");
    }

    @Test
    void redelivered_listing_events_change_nothing_and_a_rebuild_gives_the_same_documents() throws Exception {
        deliver(listingProjection, listingLifecycle("l-1"), 1);
        List<Document> once = documents(ListingViews.COLLECTION);

        deliver(listingProjection, listingLifecycle("l-1"), 1);
        deliver(listingProjection, listingLifecycle("l-1").subList(2, 5), 3);
        assertThat(documents(ListingViews.COLLECTION)).isEqualTo(once);

        listingProjection.prepareReset(null);
        assertThat(documents(ListingViews.COLLECTION)).isEmpty();
        deliver(listingProjection, listingLifecycle("l-1"), 1);
        assertThat(documents(ListingViews.COLLECTION)).isEqualTo(once);
    }

    @Test
    void repeated_infringer_candidates_need_two_standing_penalties_within_five_years() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 22);
        List<Object> events = new ArrayList<>();
        events.addAll(penalty("c-1", SUBJECT, LocalDate.of(2022, 1, 10)));  // within 5 years of 2026-11-22
        events.addAll(penalty("c-2", SUBJECT, LocalDate.of(2026, 3, 10)));
        events.addAll(penalty("c-3", BUREAU, LocalDate.of(2021, 6, 1)));    // outside the window
        events.addAll(penalty("c-4", BUREAU, LocalDate.of(2026, 3, 10)));
        events.addAll(penalty("c-5", "91110108MA01234565", LocalDate.of(2026, 1, 10)));
        events.addAll(penalty("c-6", "91110108MA01234565", LocalDate.of(2026, 2, 10)));
        events.add(new DecisionRevised("c-6", "d-c-6", RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2026)京0105行初1号",
                LocalDate.of(2026, 5, 1), "撤销", List.of(), V));
        deliver(historyProjection, events, 1);

        var page = history.candidates(asOf, null, 0, 10);
        assertThat(page.items()).extracting(PenaltyHistory.Candidate::uscc).as("only the subject with two standing penalties in the window")
                .containsExactly(SUBJECT);
        assertThat(page.items().get(0).count()).isEqualTo(2);
        assertThat(page.threshold()).isEqualTo(2);
        assertThat(page.windowYears()).isEqualTo(5);
        assertThat(history.candidates(asOf, new Division("3101"), 0, 10).items()).as("no penalty decided in division 3101").isEmpty();

        // redelivery changes nothing
        List<Document> once = documents(PenaltyHistory.COLLECTION);
        deliver(historyProjection, events, 1);
        assertThat(documents(PenaltyHistory.COLLECTION)).isEqualTo(once);

        // a subject already proposed for the list leaves the queue
        deliver(listingProjection, List.of(new ListingProposed("l-9", BUREAU, "110105", ListType.REPEATED_INFRINGER,
                ListingCategory.REPEATED_INFRINGEMENT, new Subject("上海某某医疗器械有限公司", SUBJECT), List.of("c-1", "c-2"), "重复侵权",
                LocalDate.of(2026, 11, 20), new Deadline(LocalDate.of(2026, 11, 27), false), V)), 100);
        assertThat(history.candidates(asOf, null, 0, 10).items()).isEmpty();
    }

    /**
     * A candidate shows the penalties that make it one (Trademark Law Art 60: infringements of one IP type), and their
     * number: a 假冒专利 decision (not an infringement) and an infringement of another IP type are in the subject's
     * history but neither in its count, nor in its penalties, nor a reason to show it to another division.
     */
    @Test
    void a_repeated_infringer_candidate_shows_only_the_infringement_penalties_of_one_ip_type_that_make_it_one() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 22);
        List<Object> events = new ArrayList<>();
        events.addAll(penalty("t-1", SUBJECT, LocalDate.of(2025, 1, 10)));
        events.addAll(penalty("t-2", SUBJECT, LocalDate.of(2026, 3, 10)));
        events.addAll(penalty("p-1", SUBJECT, LocalDate.of(2026, 4, 10), IpType.PATENT, "假冒专利", "310115"));
        events.addAll(penalty("c-1", SUBJECT, LocalDate.of(2026, 5, 10), IpType.COPYRIGHT, "侵犯著作权", "440300"));
        CaseFiled copyright = (CaseFiled) events.get(6); // the latest case on the code names the subject otherwise
        events.set(6, new CaseFiled(copyright.caseId(), copyright.bureau(), copyright.authorityName(), copyright.division(), copyright.filedOn(),
                copyright.ipType(), copyright.violationType(), copyright.procedure(), copyright.source(),
                new Party(PartyKind.LEGAL_PERSON, "另一名称有限公司", SUBJECT, null, null), copyright.decisionDeadline(),
                copyright.escalationDueOn(), copyright.policyVersion()));
        deliver(historyProjection, events, 1);

        var candidate = history.candidates(asOf, null, 0, 10).items();
        assertThat(candidate).extracting(PenaltyHistory.Candidate::uscc).containsExactly(SUBJECT);
        assertThat(candidate.get(0).count()).isEqualTo(2);
        assertThat(candidate.get(0).penalties()).extracting(PenaltyHistory.PenaltyRef::caseId).containsExactly("t-1", "t-2");
        // the IP type that makes it a candidate is said (outside audit: it was not), on it and on each penalty
        assertThat(candidate.get(0).ipType()).isEqualTo("TRADEMARK");
        assertThat(PenaltyHistory.Candidate.nameIn(candidate.get(0).penalties())).as("as its latest qualifying penalty names it").isEqualTo("某某公司" + SUBJECT);
        assertThat(candidate.get(0).penalties()).extracting(PenaltyHistory.PenaltyRef::ipType).containsOnly("TRADEMARK");
        assertThat(history.candidates(asOf, new Division("3101"), 0, 10).items()).as("only the patent case was decided there").isEmpty();
        assertThat(history.candidates(asOf, new Division("4403"), 0, 10).items()).as("only the copyright case was decided there").isEmpty();
        assertThat(history.candidates(asOf, new Division("1101"), 0, 10).items()).hasSize(1);
    }

    /** The 5 years before a day hold the decision of the corresponding day five years earlier (DOMAIN.md counting), not the day before. */
    @Test
    void a_penalty_of_the_corresponding_day_five_years_before_still_counts_towards_a_candidate() throws Exception {
        List<Object> events = new ArrayList<>();
        events.addAll(penalty("edge", SUBJECT, LocalDate.of(2021, 11, 22)));
        events.addAll(penalty("recent", SUBJECT, LocalDate.of(2026, 1, 10)));
        deliver(historyProjection, events, 1);

        assertThat(history.candidates(LocalDate.of(2026, 11, 22), null, 0, 10).items()).extracting(PenaltyHistory.Candidate::uscc)
                .containsExactly(SUBJECT);
        assertThat(history.candidates(LocalDate.of(2026, 11, 23), null, 0, 10).items()).isEmpty();
    }

    /**
     * Credit repair's repeat check: a natural person's later penalty is found by the ID number (outside audit: by USCC alone, a
     * person penalised again had the first record ended early); the history keeps a hash of the number, gone when shredded.
     */
    @Test
    void a_natural_persons_later_penalty_is_found_by_the_id_number_until_the_subject_is_shredded() throws Exception {
        Party person = new Party(PartyKind.NATURAL_PERSON, "赵大", null, "11010119900101123x", null);
        List<Object> events = new ArrayList<>();
        events.addAll(penaltyOn("first", person, LocalDate.of(2026, 2, 10)));
        events.addAll(penaltyOn("again", person, LocalDate.of(2026, 2, 11)));
        events.addAll(penaltyOn("other", new Party(PartyKind.NATURAL_PERSON, "赵大", null, "110101199001011237", null), LocalDate.of(2026, 3, 1)));
        deliver(historyProjection, events, 1);

        assertThat(history.penalisedAfter(person, LocalDate.of(2026, 2, 10), "first")).containsExactly("again");
        assertThat(history.penalisedAfter(new Party(PartyKind.NATURAL_PERSON, "赵大", null, "11010119900101123X", null),
                LocalDate.of(2026, 2, 10), "first")).as("the check character in either case").containsExactly("again");
        assertThat(history.penalisedAfter(person, LocalDate.of(2026, 2, 11), "first")).isEmpty();
        assertThat(documents(PenaltyHistory.COLLECTION).toString()).doesNotContain("11010119900101123");

        deliver(historyProjection, List.of(new org.gongshi.ledger.privacy.event.SubjectShredded("again", java.time.Instant.parse("2026-06-01T00:00:00Z"))), 7);
        assertThat(history.penalisedAfter(person, LocalDate.of(2026, 2, 10), "first")).isEmpty();
    }

    /**
     * A processor's batch sends the history's writes together at its end, in the order they were made: a case filed,
     * decided, changed, revoked and its natural person shredded within one batch ends as when each event was written alone.
     */
    @Test
    void penalty_history_written_at_a_batchs_end_is_what_writing_each_event_alone_makes() throws Exception {
        Party person = new Party(PartyKind.NATURAL_PERSON, "赵大", null, "11010119900101123x", null);
        List<Object> events = new ArrayList<>(penaltyOn("c-1", person, LocalDate.of(2026, 2, 10)));
        events.addAll(penalty("c-2", SUBJECT, LocalDate.of(2026, 3, 1)));
        var changed = List.of(new Penalty(PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY, null, "没收侵权商品"));
        events.add(new DecisionRevised("c-2", "d-c-2", RevisionKind.CHANGED, RevisionBy.RECONSIDERATION, "京复〔2026〕1号",
                LocalDate.of(2026, 5, 1), "复议变更", changed, V));
        events.add(new DecisionRevised("c-1", "d-c-1", RevisionKind.REVOKED, RevisionBy.LITIGATION, "(2026)京0105行初2号",
                LocalDate.of(2026, 6, 1), "判决撤销", null, V));
        events.add(new org.gongshi.ledger.privacy.event.SubjectShredded("c-1", java.time.Instant.parse("2026-07-01T00:00:00Z")));
        deliver(historyProjection, events, 1);
        List<Document> alone = documents(PenaltyHistory.COLLECTION);
        assertThat(alone).extracting(d -> d.get("subjectName"), d -> d.get("standing"), d -> d.get("penaltyTypes"))
                .containsExactly(tuple(org.gongshi.ledger.privacy.PersonalData.SHREDDED, false, List.of("FINE")),
                        tuple("某某公司" + SUBJECT, true, List.of("CONFISCATION_OF_ILLEGAL_PROPERTY")));

        historyProjection.prepareReset(null);
        List<org.axonframework.eventhandling.EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            batch.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i + 1), GenericEventMessage.asEventMessage(events.get(i))));
        }
        org.gongshi.projections.writes.BatchedWrites.handleAsOneBatch(batch, historyProjection);
        assertThat(documents(PenaltyHistory.COLLECTION)).isEqualTo(alone);
    }

    private static List<Object> penalty(String caseId, String uscc, LocalDate decidedOn) {
        return penalty(caseId, uscc, decidedOn, IpType.TRADEMARK, "商标侵权", "110105");
    }

    private static List<Object> penalty(String caseId, String uscc, LocalDate decidedOn, IpType ipType, String violationType, String division) {
        return penaltyOn(caseId, new Party(PartyKind.LEGAL_PERSON, "某某公司" + uscc, uscc, null, null), decidedOn, ipType, violationType, division);
    }

    private static List<Object> penaltyOn(String caseId, Party party, LocalDate decidedOn) {
        return penaltyOn(caseId, party, decidedOn, IpType.TRADEMARK, "商标侵权", "110105");
    }

    private static List<Object> penaltyOn(String caseId, Party party, LocalDate decidedOn, IpType ipType, String violationType, String division) {
        LocalDate filed = decidedOn.minusDays(30);
        var fine = List.of(new Penalty(PenaltyType.FINE, new BigDecimal("10000.00"), null));
        return List.of(
                new CaseFiled(caseId, BUREAU, null, division, filed, ipType, violationType, Procedure.ORDINARY, "投诉",
                        party, new Deadline(filed.plusDays(90), false), filed.plusDays(180), V),
                new PenaltyDecided(caseId, "d-" + caseId, "京朝知罚〔2026〕" + caseId + "号", decidedOn, Procedure.ORDINARY, fine,
                        "商标法第六十条", "销售侵权商品", new Deadline(filed.plusDays(90), false), true,
                        new Deadline(decidedOn.plusDays(15), false), V));
    }
}
