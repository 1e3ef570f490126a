package org.gongshi.projections.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.StatementRecorded;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.disclosure.event.DisclosureCorrected;
import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Procedure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crypto-shredding: personal data is stored sealed with its subject's key, and unreadable everywhere once the key is deleted. */
class SealingSerializerTest {

    static final String ID_NUMBER = "440305198506123021";

    MongoServer server;
    MongoClient client;
    SubjectKeys keys;
    SealingSerializer serializer;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        keys = new SubjectKeys(client.getDatabase("keys-test"), Clock.systemUTC());
        serializer = new SealingSerializer(Jackson3Serializer.builder().build(), new PersonalDataSeal(keys));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    static CaseFiled filed(String caseId, Party party) {
        return new CaseFiled(caseId, "11110105MB0000000X", "北京市朝阳区市场监督管理局", "110105", LocalDate.of(2026, 2, 10), IpType.TRADEMARK,
                "销售侵权商品", Procedure.ORDINARY, "举报", party, new Deadline(LocalDate.of(2026, 5, 11), false), LocalDate.of(2026, 8, 9), "v");
    }

    @Test
    void a_natural_persons_name_and_id_number_are_stored_sealed_and_read_back_in_clear() {
        CaseFiled event = filed("case-1", new Party(PartyKind.NATURAL_PERSON, "刘示例", null, ID_NUMBER, null));
        byte[] stored = serializer.serialize(event, byte[].class).getData();
        String text = new String(stored, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("刘示例").doesNotContain(ID_NUMBER).doesNotContain("19850612")
                .contains(PersonalDataSeal.PREFIX + "case-1:").contains("销售侵权商品");

        CaseFiled read = serializer.deserialize(stored(stored, event));
        assertThat(read).isEqualTo(event);
    }

    @Test
    void an_organisations_name_is_not_personal_data_and_stays_in_clear() {
        CaseFiled event = filed("case-2", new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, "王示例"));
        String text = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(text).contains("北京示例商贸有限公司").doesNotContain(PersonalDataSeal.PREFIX);
        assertThat(keys.known("case-2")).as("no key is made for a subject without personal data").isFalse();
    }

    @Test
    void once_the_subjects_key_is_deleted_its_personal_data_reads_as_shredded_in_every_copy_while_the_stored_bytes_never_change() throws Exception {
        CaseFiled event = filed("case-3", new Party(PartyKind.NATURAL_PERSON, "刘示例", null, ID_NUMBER, null));
        DisclosureCorrected corrected = new DisclosureCorrected("case-3", "d-3", LocalDate.of(2026, 3, 9), "更正", null,
                List.of("张第三人", "深圳市南山区示例路88号"));
        byte[] stored = serializer.serialize(event, byte[].class).getData();
        byte[] backup = stored.clone(); // a backup of the event store
        byte[] storedCorrection = serializer.serialize(corrected, byte[].class).getData();
        assertThat(new String(storedCorrection, StandardCharsets.UTF_8)).doesNotContain("张第三人").doesNotContain("示例路");
        byte[] leafBefore = MessageDigest.getInstance("SHA-256").digest(stored);

        assertThat(keys.delete("case-3")).isTrue();

        CaseFiled read = serializer.deserialize(stored(backup, event));
        assertThat(read.party().name()).isEqualTo(PersonalData.SHREDDED);
        assertThat(read.party().idNumber()).isEqualTo(PersonalData.SHREDDED);
        assertThat(read.party().shredded()).isTrue();
        assertThat(read.violationType()).as("what is not personal stays readable").isEqualTo("销售侵权商品");
        DisclosureCorrected readCorrection = serializer.deserialize(stored(storedCorrection, corrected));
        assertThat(readCorrection.redactions()).containsOnly(PersonalData.SHREDDED);
        assertThat(MessageDigest.getInstance("SHA-256").digest(stored)).as("a hash over the stored bytes still holds").isEqualTo(leafBefore);

        // a fresh key store on the same database (another node, a restart) cannot open it either
        SealingSerializer elsewhere = new SealingSerializer(Jackson3Serializer.builder().build(),
                new PersonalDataSeal(new SubjectKeys(client.getDatabase("keys-test"), Clock.systemUTC())));
        assertThat(((CaseFiled) elsewhere.deserialize(stored(backup, event))).party().idNumber()).isEqualTo(PersonalData.SHREDDED);
        assertThatThrownBy(() -> serializer.serialize(event, byte[].class)).hasMessageContaining("shredded");
    }

    /**
     * The bureau's free texts about the subject (a statement's summary here) are sealed when the subject is a natural
     * person, stay in clear for an organisation (no key is made for it), and are not stored at all once the subject was
     * shredded (audit: facts kept a shredded person's name and ID number in clear).
     */
    @Test
    void free_texts_are_sealed_for_a_natural_person_kept_in_clear_for_an_organisation_and_not_stored_after_shredding() {
        // the filing's own free text (its source) is sealed with the key its party's name makes in the same event
        byte[] filing = serializer.serialize(filed("case-6", new Party(PartyKind.NATURAL_PERSON, "刘示例", null, ID_NUMBER, null)), byte[].class)
                .getData();
        assertThat(new String(filing, StandardCharsets.UTF_8)).doesNotContain("举报");
        // a penalty's description inside a decision's list of penalties too
        PenaltyDecided decided = new PenaltyDecided("case-6", "d-6", "京罚〔2026〕6号", LocalDate.of(2026, 3, 10), Procedure.ORDINARY,
                List.of(new Penalty(PenaltyType.FINE, new java.math.BigDecimal("5000"), "刘示例系孕妇，从轻处罚")), "商标法第六十条", "刘示例销售侵权商品",
                new Deadline(LocalDate.of(2026, 5, 11), false), true, null, "v");
        byte[] sealedDecision = serializer.serialize(decided, byte[].class).getData();
        // its legal basis too: a bureau's free text, which may name a witness and a phone number (a sweep from outside, stop 71:
        // in clear after shredding, in the case view and the audit history)
        assertThat(new String(sealedDecision, StandardCharsets.UTF_8)).doesNotContain("刘示例").doesNotContain("孕妇").doesNotContain("商标法第六十条");
        assertThat((PenaltyDecided) serializer.deserialize(stored(sealedDecision, decided))).isEqualTo(decided);
        // and a withholding's explanation, which is never public and may say why in a person's own particulars
        var withheld = new org.gongshi.ledger.disclosure.event.DisclosureDecided("case-6", "d-6", null,
                org.gongshi.ledger.disclosure.event.DisclosureAction.WITHHOLD, LocalDate.of(2026, 3, 11), "STATE_SECRET",
                new Deadline(LocalDate.of(2026, 4, 8), false), true, new Deadline(LocalDate.of(2026, 3, 19), false), true, null, null, "v",
                List.of(), "刘示例住院治疗期间");
        byte[] sealedWithholding = serializer.serialize(withheld, byte[].class).getData();
        assertThat(new String(sealedWithholding, StandardCharsets.UTF_8)).doesNotContain("刘示例").contains("STATE_SECRET");
        assertThat((org.gongshi.ledger.disclosure.event.DisclosureDecided) serializer.deserialize(stored(sealedWithholding, withheld)))
                .isEqualTo(withheld);
        StatementRecorded personal = new StatementRecorded("case-6", LocalDate.of(2026, 3, 2), "刘示例称其身份证号" + ID_NUMBER + "，不知情");
        byte[] sealed = serializer.serialize(personal, byte[].class).getData();
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("刘示例").doesNotContain(ID_NUMBER).contains(PersonalDataSeal.PREFIX + "case-6:");
        assertThat((StatementRecorded) serializer.deserialize(stored(sealed, personal))).isEqualTo(personal);

        serializer.serialize(filed("case-7", new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, "王示例")), byte[].class);
        StatementRecorded organisation = new StatementRecorded("case-7", LocalDate.of(2026, 3, 2), "该公司称已整改");
        assertThat(new String(serializer.serialize(organisation, byte[].class).getData(), StandardCharsets.UTF_8)).contains("该公司称已整改")
                .doesNotContain(PersonalDataSeal.PREFIX);
        assertThat(keys.known("case-7")).isFalse();
        // an organisation's decision, penalties' descriptions and all, is stored exactly as the plain serializer writes it
        PenaltyDecided organisationDecided = new PenaltyDecided("case-7", "d-7", "京罚〔2026〕7号", LocalDate.of(2026, 3, 10), Procedure.ORDINARY,
                List.of(new Penalty(PenaltyType.FINE, new java.math.BigDecimal("5000"), "罚款")), "商标法第六十条", "销售侵权商品",
                new Deadline(LocalDate.of(2026, 5, 11), false), true, null, "v");
        assertThat(serializer.serialize(organisationDecided, byte[].class).getData())
                .isEqualTo(Jackson3Serializer.builder().build().serialize(organisationDecided, byte[].class).getData());
        assertThat(keys.state("case-7")).as("known from its filing, without a query").isEqualTo(SubjectKeys.State.NONE);
        keys.rememberNoKey("case-6");
        assertThat(keys.state("case-6")).as("a key known stays known").isEqualTo(SubjectKeys.State.KEY);

        assertThat(keys.delete("case-6")).isTrue();
        assertThat(((StatementRecorded) serializer.deserialize(stored(sealed, personal))).summary()).isEqualTo(PersonalData.SHREDDED);
        byte[] after = serializer.serialize(new StatementRecorded("case-6", LocalDate.of(2026, 3, 3), "刘示例又称"), byte[].class).getData();
        assertThat(new String(after, StandardCharsets.UTF_8)).doesNotContain("刘示例").contains(PersonalData.SHREDDED);
    }

    /**
     * An organisation's case is known to have no key from its filing; a correction's redaction terms then make one on
     * another node: this node opens them at once, never reading them as shredded for as long as it took the subject to be
     * keyless.
     */
    @Test
    void a_key_made_on_another_node_for_a_subject_taken_as_keyless_opens_at_once() {
        serializer.serialize(filed("case-8", new Party(PartyKind.LEGAL_PERSON, "北京示例商贸有限公司", "91110000600037341L", null, "王示例")), byte[].class);
        assertThat(keys.state("case-8")).isEqualTo(SubjectKeys.State.NONE);
        SealingSerializer elsewhere = new SealingSerializer(Jackson3Serializer.builder().build(),
                new PersonalDataSeal(new SubjectKeys(client.getDatabase("keys-test"), Clock.systemUTC())));
        DisclosureCorrected corrected = new DisclosureCorrected("case-8", "d-8", LocalDate.of(2026, 3, 9), "更正", null, List.of("张第三人"));
        byte[] stored = elsewhere.serialize(corrected, byte[].class).getData();

        assertThat(((DisclosureCorrected) serializer.deserialize(stored(stored, corrected))).redactions()).containsExactly("张第三人");
    }

    @Test
    void a_sealed_value_moved_to_another_subject_does_not_open() {
        byte[] stored = serializer.serialize(filed("case-4", new Party(PartyKind.NATURAL_PERSON, "刘示例", null, ID_NUMBER, null)), byte[].class)
                .getData();
        serializer.serialize(filed("case-5", new Party(PartyKind.NATURAL_PERSON, "李示例", null, "110101199003074477", null)), byte[].class);
        String moved = new String(stored, StandardCharsets.UTF_8).replace(PersonalDataSeal.PREFIX + "case-4:", PersonalDataSeal.PREFIX + "case-5:");
        assertThatThrownBy(() -> serializer.deserialize(stored(moved.getBytes(StandardCharsets.UTF_8), filed("x", null))))
                .hasMessageContaining("does not open");
    }

    private SerializedObject<byte[]> stored(byte[] data, Object event) {
        return new SimpleSerializedObject<>(data, byte[].class, serializer.typeForClass(event.getClass()));
    }
}
