package org.gongshi.ledger.disclosure;

import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Order 45 Art 6: what the redaction policy lets into a public record of a natural person. */
class RedactionPolicyTest {

    /** Private data a decision about a natural person may contain; none of it may become public. */
    public static final String ID_NUMBER = "440305198506123021";
    public static final List<String> SECRETS = List.of(
            "198506", "13912345678", "0755-83456789", "6222021234567890123", "liu.shili@example.com",
            "深圳市南山区示例路88号3栋1201", "患有糖尿病", "张第三人");

    public static final String LEAKY_FACTS = "当事人刘示例（身份证号" + ID_NUMBER + "，住深圳市南山区示例路88号3栋1201，"
            + "电话13912345678，座机0755-83456789，邮箱liu.shili@example.com）通过网店销售侵权手提包15个，"
            + "货款经银行账户6222021234567890123收取；其同住人张第三人协助发货；当事人自述患有糖尿病。";

    public static PublicRecord leakyRecord() {
        Party person = new Party(PartyKind.NATURAL_PERSON, "刘示例", null, ID_NUMBER, null);
        return RedactionPolicy.publicRecord("r-1", person, "深市监罚〔2026〕233号", "销售侵犯注册商标专用权的商品", LEAKY_FACTS,
                "《商标法》第六十条第二款", List.of(new Penalty(PenaltyType.FINE, new BigDecimal("8000.00"), "联系电话13912345678")),
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1), "深圳市市场监督管理局", "114403000000000359", IpType.TRADEMARK,
                "440300", List.of("深圳市南山区示例路88号3栋1201", "张第三人", "患有糖尿病"));
    }

    @Test
    void natural_persons_id_number_shows_digits_1_to_6_and_15_to_18_only() {
        PublicRecord record = leakyRecord();
        assertThat(record.idNumberMasked()).isEqualTo("440305********3021");
        assertThat(record.uscc()).isNull();
        assertThat(record.facts()).contains("440305********3021").doesNotContain(ID_NUMBER);
    }

    @Test
    void address_contact_details_bank_accounts_health_data_and_third_parties_never_become_public() {
        PublicRecord record = leakyRecord();
        String everything = record.toString();
        for (String secret : SECRETS) {
            assertThat(everything).as("public record leaks %s", secret).doesNotContain(secret);
        }
        assertThat(record.facts()).contains("通过网店销售侵权手提包15个");
        assertThat(record.subjectName()).isEqualTo("刘示例");
    }

    @Test
    void organisations_keep_their_code_and_legal_representative() {
        Party company = new Party(PartyKind.LEGAL_PERSON, "示例公司", "91110000600037341L", null, "王示例");
        PublicRecord record = RedactionPolicy.publicRecord("r-2", company, "n", "v", "f", "b",
                List.of(new Penalty(PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS, new BigDecimal("1200.50"), null)),
                LocalDate.of(2026, 7, 1), LocalDate.of(2029, 7, 1), "a", "114403000000000359", IpType.PATENT, "440300", null);
        assertThat(record.uscc()).isEqualTo("91110000600037341L");
        assertThat(record.legalRepresentative()).isEqualTo("王示例");
        assertThat(record.idNumberMasked()).isNull();
        assertThat(record.confiscatedAmountTenThousandYuan()).isEqualByComparingTo("0.12005");
        assertThat(record.fineAmountTenThousandYuan()).isNull();
    }

    @Test
    void scrubbing_is_idempotent_so_a_corrected_record_stays_redacted() {
        String once = RedactionPolicy.scrub(LEAKY_FACTS, List.of("张第三人"));
        assertThat(RedactionPolicy.scrub(once, List.of())).isEqualTo(once);
    }
}
