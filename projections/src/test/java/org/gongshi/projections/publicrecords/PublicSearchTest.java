package org.gongshi.projections.publicrecords;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.gongshi.ledger.identity.Division;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public search: a name's substring found through its character keys, and a count that stops at
 * {@link PublicRecords#COUNTED_UP_TO} and says there are more, with pages through that many.
 */
class PublicSearchTest {

    private MongoServer server;
    private MongoClient client;
    private PublicRecords records;
    private MongoCollection<Document> collection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        records = new PublicRecords(client.getDatabase("public-search-test"));
        records.ensureIndexes();
        collection = client.getDatabase("public-search-test").getCollection(PublicRecords.COLLECTION);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_name_of_one_or_two_characters_is_found_by_its_key_and_a_longer_one_only_where_it_stands_whole() {
        insert(0, "北京华信科技有限公司", "110105");
        insert(1, "上海信科华贸易有限公司", "310115"); // every bigram of 华信科 but 华信科 itself: 信科, and 华信 nowhere
        insert(2, "Hua Xin 华 信 Trading", "440305"); // spaces are no part of a name's keys
        insert(3, "深圳恒达电子有限公司", "440305");

        assertThat(ids(search("华信"))).containsExactly("r-0", "r-2");
        assertThat(ids(search("华"))).containsExactly("r-0", "r-1", "r-2");
        assertThat(ids(search(" 华 信 "))).containsExactly("r-0", "r-2");
        assertThat(ids(search("华信科"))).containsExactly("r-0");
        assertThat(ids(search("信科华"))).containsExactly("r-1");
        assertThat(ids(search("xin"))).containsExactly("r-2");
        assertThat(ids(search("有限责任"))).isEmpty();
        assertThat(NameKeys.keyIsTheQuery("华信")).isTrue();
        assertThat(NameKeys.keyIsTheQuery("华信科")).isFalse();
        assertThat(NameKeys.keyIsTheQuery("   ")).isFalse();
    }

    @Test
    void more_matches_than_are_counted_answer_the_count_as_a_lower_bound_and_page_through_that_many() {
        int more = PublicRecords.COUNTED_UP_TO + 5;
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < more; i++) documents.add(record(i, "华信科技有限公司第" + i + "分公司", i % 2 == 0 ? "110105" : "310115"));
        collection.insertMany(documents);

        PublicRecords.Page all = records.search(new PublicRecords.Search("华信", null, null, null, null, null), 0, 20);
        assertThat(all.total()).isEqualTo(PublicRecords.COUNTED_UP_TO);
        assertThat(all.totalIsLowerBound()).isTrue();
        assertThat(all.items()).hasSize(20);
        // newest decision first: the last inserted record was decided last
        assertThat(all.items().get(0).recordId()).isEqualTo("r-" + (more - 1));

        int lastPage = PublicRecords.COUNTED_UP_TO / 20 - 1;
        PublicRecords.Page last = records.search(new PublicRecords.Search("华信", null, null, null, null, null), lastPage, 20);
        assertThat(last.items()).hasSize(20);
        assertThat(records.search(new PublicRecords.Search("华信", null, null, null, null, null), lastPage + 1, 20).items()).isEmpty();
        // a page that straddles the last counted match stops at it
        assertThat(records.search(new PublicRecords.Search("华信", null, null, null, null, null), 0, 100).items()).hasSize(100);
        assertThat(records.search(new PublicRecords.Search("华信", null, null, null, null, null), 13, 75).items())
                .hasSize(PublicRecords.COUNTED_UP_TO - 13 * 75);

        // narrowed under the bound: the exact count
        PublicRecords.Page narrowed = records.search(new PublicRecords.Search("华信科技", null, new Division("11"), null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1).plusDays(99)), 0, 20);
        assertThat(narrowed.total()).isEqualTo(50);
        assertThat(narrowed.totalIsLowerBound()).isFalse();
    }

    @Test
    void a_count_that_reads_each_match_stops_sooner_and_says_more_and_its_pages_go_as_far_as_the_count() {
        int more = PublicRecords.READ_AND_COUNTED_UP_TO + 30;
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < more; i++) documents.add(record(i, "华信科技有限公司第" + i + "分公司", "110105"));
        collection.insertMany(documents);

        for (PublicRecords.Page first : List.of(search("华信科技"), search("华信科技", "11"))) {
            assertThat(first.total()).isEqualTo(PublicRecords.READ_AND_COUNTED_UP_TO);
            assertThat(first.totalIsLowerBound()).isTrue();
            assertThat(first.items()).hasSize(20);
            assertThat(first.items().get(0).recordId()).isEqualTo("r-" + (more - 1));
        }
        // the last page of the count is full, and none follows it: "more than 200, the first 200 shown" (a public pages sweep,
        // stop 79: page 10 of ten listed records 201-210)
        int lastOfTheCount = PublicRecords.READ_AND_COUNTED_UP_TO / 20 - 1;
        PublicRecords.Page last = records.search(new PublicRecords.Search("华信科技", null, null, null, null, null), lastOfTheCount, 20);
        assertThat(last.items()).extracting(PublicRecordView::recordId).first().isEqualTo("r-" + (more - 1 - lastOfTheCount * 20));
        assertThat(last.items()).hasSize(20);
        assertThat(records.search(new PublicRecords.Search("华信科技", null, null, null, null, null), lastOfTheCount + 1, 20).items()).isEmpty();
        // a name the index answers is counted in it, up to the larger bound
        assertThat(search("华信").total()).isEqualTo(more);
        assertThat(search("华信").totalIsLowerBound()).isFalse();
    }

    @Test
    void a_name_within_a_province_is_found_by_its_bigrams_under_the_province_and_within_any_other_prefix_as_before() {
        insert(0, "北京华信科技有限公司", "110105");
        insert(1, "北京华信贸易有限公司", "110108");
        insert(2, "天津华信科技有限公司", "120104");
        insert(3, "上海华信科技有限公司", "310115");

        assertThat(ids(search("华信", "11"))).containsExactly("r-0", "r-1");
        assertThat(ids(search("华信科技", "11"))).containsExactly("r-0");
        assertThat(ids(search("华信", "31"))).containsExactly("r-3");
        assertThat(ids(search("华信", "44"))).isEmpty();
        // a city, a county, a prefix of another length, one character: the name's keys and the division, as before
        assertThat(ids(search("华信", "1101"))).containsExactly("r-0", "r-1");
        assertThat(ids(search("华信", "110105"))).containsExactly("r-0");
        assertThat(ids(search("信科", "1"))).containsExactly("r-0", "r-2");
        assertThat(ids(search("华", "11"))).containsExactly("r-0", "r-1");
        assertThat(NameKeys.inProvince("华信华信", "110105")).containsExactly("11|华信", "11|信华");
        assertThat(NameKeys.queryInProvince("华", "11")).isEmpty();
        assertThat(NameKeys.queryInProvince("华信", "1101")).isEmpty();
    }

    @Test
    void records_written_before_they_had_province_keys_get_them_once_and_are_found_within_a_province() {
        List<Document> old = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) { // more than two of the migration's bulk writes
            Document written = record(i, (i < 3 ? "北京华信科技有限公司第" : "北京恒达电子有限公司第") + i + "分公司", "110105");
            written.remove(PublicRecords.PROVINCE_NAME_KEYS);
            written.remove(PublicRecords.SEARCH_NAME);
            old.add(written);
        }
        collection.insertMany(old);
        assertThat(search("华信", "11").items()).isEmpty();

        assertThat(records.addSearchNames()).isEqualTo(1_203);
        assertThat(ids(search("华信", "11"))).containsExactly("r-0", "r-1", "r-2");
        assertThat(search("恒达", "11").total()).isEqualTo(1_000);
        // once: a record that somehow lacks them later is not looked for at every start
        Document late = record(1_203, "北京华信商贸有限公司", "110105");
        late.remove(PublicRecords.PROVINCE_NAME_KEYS);
        late.remove(PublicRecords.SEARCH_NAME);
        collection.insertOne(late);
        assertThat(records.addSearchNames()).isZero();
    }

    /**
     * Audit: {@code q=０１} found nothing where {@code q=01号} found the record, and {@code 张<ZWSP>三} found 0 instead of 张三. A query
     * and the names it is matched against are normalised by the one function input text is ({@code VisibleText.of}: NFKC, without
     * zero-width and format characters), on both sides: a name stored with full-width digits or a zero-width space is found too.
     */
    @Test
    void a_query_and_the_names_meet_in_the_one_normalisation_of_input_text() {
        insert(0, "示例01号商店", "110105");
        insert(1, "示例０１号商店", "110105"); // stored as sent: full-width digits
        insert(2, "张\u200B三贸易有限公司", "310115"); // stored as sent: a zero-width space inside
        insert(3, "张三贸易有限公司", "310115");
        insert(4, "ＡＢＣ科技有限公司", "440305");

        assertThat(ids(search("０１"))).containsExactly("r-0", "r-1");
        assertThat(ids(search("01号"))).containsExactly("r-0", "r-1");
        assertThat(ids(search("示例０１号商"))).as("a longer query: the substring is matched on the normalised name").containsExactly("r-0", "r-1");
        assertThat(ids(search("张\u200B三"))).containsExactly("r-2", "r-3");
        assertThat(ids(search("张三贸\u200D易"))).containsExactly("r-2", "r-3");
        assertThat(ids(search("张\u200B三", "31"))).as("within a province").containsExactly("r-2", "r-3");
        assertThat(ids(search("abc科"))).containsExactly("r-4");
        assertThat(ids(search("\u200B")).size()).as("an invisible query is no query").isEqualTo(5);
        assertThat(NameKeys.normalise("Ａ\u200B０１\uFEFF 号")).isEqualTo(org.gongshi.ledger.text.VisibleText.of("a01号"));
    }

    @Test
    void records_written_before_they_had_a_search_name_get_it_and_their_keys_normalised_once() {
        List<Document> old = new ArrayList<>();
        for (int i = 0; i < 503; i++) { // more than one of the migration's bulk writes
            String name = (i < 2 ? "北京示例０１号商店第" : "北京恒达电子有限公司第") + i + "分公司";
            Document written = record(i, name, "110105");
            written.remove(PublicRecords.SEARCH_NAME);
            written.put("nameKeys", keysBeforeNormalising(name));
            written.put(PublicRecords.PROVINCE_NAME_KEYS, keysBeforeNormalising(name).stream().filter(k -> k.codePointCount(0, k.length()) == 2)
                    .map(k -> "11|" + k).toList());
            old.add(written);
        }
        collection.insertMany(old);
        assertThat(search("01号").items()).isEmpty();

        assertThat(records.addSearchNames()).isEqualTo(503);
        assertThat(ids(search("01号"))).containsExactly("r-0", "r-1");
        assertThat(ids(search("示例01号商店第1分"))).containsExactly("r-1");
        assertThat(ids(search("01号", "11"))).containsExactly("r-0", "r-1");
        assertThat(search("恒达", "11").total()).isEqualTo(501);
        assertThat(search("恒达电子", "11").total()).isEqualTo(PublicRecords.READ_AND_COUNTED_UP_TO); // each read: counted up to there
        assertThat(search("恒达电子", "11").totalIsLowerBound()).isTrue();
        Document late = record(503, "北京示例０１号商店", "110105");
        late.remove(PublicRecords.SEARCH_NAME);
        collection.insertOne(late);
        assertThat(records.addSearchNames()).as("once").isZero();
    }

    /**
     * A foreign or minority name's parts are written apart with a middle dot, whichever the clerk's input method gave
     * (· • ・ ‧ ∙ ⋅ ･); a member of the public types another, or none, or a space. Middle dots are left out of names and queries
     * alike, within a province too, and a record written before is given its keys without them once (the sweeps of stops 77
     * and 78 left it; a public pages sweep, stop 79, typed the name without its dot).
     */
    @Test
    void a_name_s_middle_dot_is_found_by_any_other_middle_dot_or_none() {
        insert(0, "约翰\u2022史密斯贸易有限公司", "110105");
        insert(1, "阿卜杜勒\u00B7卡迪尔商行", "650102");
        for (String dot : List.of("\u00B7", "\u2022", "\u30FB", "\uFF65", "\u2027", "\u2219", "\u22C5", "\u0387", "\u2E31", "\uA78F")) {
            assertThat(ids(search("约翰" + dot + "史密斯"))).as(dot).containsExactly("r-0");
            assertThat(ids(search("约翰" + dot))).as("two characters, the key itself: " + dot).containsExactly("r-0");
            assertThat(ids(search("约翰" + dot + "史密斯", "11"))).as("within a province: " + dot).containsExactly("r-0");
            assertThat(ids(search("杜勒" + dot + "卡"))).as(dot).containsExactly("r-1");
        }
        assertThat(ids(search("约翰史密斯"))).as("typed without its dot").containsExactly("r-0");
        assertThat(ids(search("约翰 史密斯", "11"))).as("with a space for it").containsExactly("r-0");
        assertThat(ids(search("约翰.史密斯"))).as("a full stop is a character of a name (Co., Ltd.)").isEmpty();

        // written before: each record's own dot in its search name and keys
        collection.insertOne(writtenWithItsDot(2, "玛丽\u30FB居里科技有限公司"));
        collection.insertOne(writtenWithItsDot(3, "皮埃尔\u00B7居里商行"));
        assertThat(search("玛丽\u00B7居里").items()).isEmpty();
        assertThat(search("埃尔居里").items()).isEmpty();
        assertThat(records.addSearchNames()).isEqualTo(2);
        assertThat(ids(search("玛丽\u00B7居里"))).containsExactly("r-2");
        assertThat(ids(search("埃尔居里"))).containsExactly("r-3");
        assertThat(ids(search("埃尔\u2022居里", "31"))).containsExactly("r-3");
        assertThat(ids(search("玛丽\u30FB居里", "31"))).containsExactly("r-2");
        assertThat(records.addSearchNames()).as("once").isZero();
    }

    private PublicRecords.Page search(String q, String division) {
        return records.search(new PublicRecords.Search(q, null, new Division(division), null, null, null), 0, 20);
    }

    private PublicRecords.Page search(String q) {
        return records.search(new PublicRecords.Search(q, null, null, null, null, null), 0, 20);
    }

    /**
     * A record is found while its publicity period lasts on the day searched, its end recorded or not (a sweep from outside,
     * stop 74: a historical import's record whose period ended in 2024 was public until the import's grace day had passed).
     */
    @Test
    void a_search_on_a_day_finds_the_records_whose_publicity_period_has_not_ended_before_it() {
        collection.insertOne(record(0, "北京历史有限公司", "110105").append("record", ((Document) record(0, "北京历史有限公司", "110105").get("record"))
                .append("publicUntil", Date.from(LocalDate.of(2024, 5, 6).atStartOfDay(ZoneOffset.UTC).toInstant()))));
        collection.insertOne(record(1, "北京现行有限公司", "110105").append("record", ((Document) record(1, "北京现行有限公司", "110105").get("record"))
                .append("publicUntil", Date.from(LocalDate.of(2029, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()))));
        insert(2, "北京无期有限公司", "110105");

        PublicRecords.Search inBeijing = new PublicRecords.Search("北京", null, null, null, null, null);
        assertThat(ids(records.search(inBeijing.publicOn(LocalDate.of(2024, 5, 6)), 0, 10))).containsExactly("r-0", "r-1", "r-2");
        assertThat(ids(records.search(inBeijing.publicOn(LocalDate.of(2024, 5, 7)), 0, 10))).containsExactly("r-1", "r-2");
        assertThat(records.search(inBeijing.publicOn(LocalDate.of(2024, 5, 7)), 0, 10).total()).isEqualTo(2);
        assertThat(ids(records.search(inBeijing, 0, 10))).as("on no day: every published record").containsExactly("r-0", "r-1", "r-2");
    }

    private static List<String> ids(PublicRecords.Page page) {
        return page.items().stream().map(PublicRecordView::recordId).sorted().toList();
    }

    private void insert(int i, String name, String division) {
        collection.insertOne(record(i, name, division));
    }

    /** A published record as the projection stores it, with only what a search reads: decided on day {@code i} of 2025. */
    private static Document record(int i, String name, String division) {
        Date decidedOn = Date.from(LocalDate.of(2025, 1, 1).plusDays(i).atStartOfDay(ZoneOffset.UTC).toInstant());
        return new Document("_id", "r-" + i).append("caseId", "case-" + i).append("state", "PUBLISHED")
                .append("record", new Document("recordId", "r-" + i).append("subjectName", name).append("division", division)
                        .append("decidedOn", decidedOn))
                .append("nameKeys", NameKeys.of(name)).append(PublicRecords.PROVINCE_NAME_KEYS, NameKeys.inProvince(name, division))
                .append(PublicRecords.SEARCH_NAME, NameKeys.normalise(name));
    }

    /** A record of division 310115 as written before middle dots were left out of search names and keys. */
    private static Document writtenWithItsDot(int i, String name) {
        String withDot = org.gongshi.ledger.text.VisibleText.of(name).toLowerCase(java.util.Locale.ROOT);
        Document written = record(i, name, "310115");
        written.put(PublicRecords.SEARCH_NAME, withDot);
        written.put("nameKeys", keysBeforeNormalising(withDot));
        written.put(PublicRecords.PROVINCE_NAME_KEYS, keysBeforeNormalising(withDot).stream()
                .filter(k -> k.codePointCount(0, k.length()) == 2).map(k -> "31|" + k).toList());
        return written;
    }

    /** The keys an earlier version wrote: blanks removed and lower-cased only, so a full-width digit or a zero-width space kept its place. */
    private static List<String> keysBeforeNormalising(String name) {
        String n = name.strip().replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        n.codePoints().forEach(c -> keys.add(new String(Character.toChars(c))));
        int[] cps = n.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) keys.add(new String(cps, i, 2));
        return List.copyOf(keys);
    }
}
