package org.gongshi.api.publicsite;

import org.gongshi.ledger.cases.IpType;
import org.gongshi.ledger.cases.PartyKind;
import org.gongshi.ledger.cases.PenaltyType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of the domain's codes, for the public pages. */
public final class Labels {

    public static final Map<IpType, String> IP_TYPES = new LinkedHashMap<>();
    public static final Map<PartyKind, String> SUBJECT_KINDS = Map.of(
            PartyKind.LEGAL_PERSON, "法人", PartyKind.OTHER_ORGANIZATION, "非法人组织",
            PartyKind.INDIVIDUAL_BUSINESS, "个体工商户", PartyKind.NATURAL_PERSON, "自然人");

    static {
        IP_TYPES.put(IpType.PATENT, "专利");
        IP_TYPES.put(IpType.TRADEMARK, "商标");
        IP_TYPES.put(IpType.COPYRIGHT, "著作权");
        IP_TYPES.put(IpType.GEOGRAPHICAL_INDICATION, "地理标志");
        IP_TYPES.put(IpType.TRADE_SECRET, "商业秘密");
        IP_TYPES.put(IpType.PLANT_VARIETY, "植物新品种");
        IP_TYPES.put(IpType.IC_LAYOUT, "集成电路布图设计");
        IP_TYPES.put(IpType.OTHER, "其他");
    }

    public Map<IpType, String> ipTypes() {
        return IP_TYPES;
    }

    public String ipType(IpType type) {
        return type == null ? "" : IP_TYPES.get(type);
    }

    public String subjectKind(PartyKind kind) {
        return kind == null ? "" : SUBJECT_KINDS.get(kind);
    }

    public String penaltyType(PenaltyType type) {
        return type == null ? "" : type.label();
    }

    /** 万元 amounts as people write them: 5.000000 → 5, 0.120050 → 0.12005. */
    public String tenThousandYuan(BigDecimal amount) {
        return amount == null ? "—" : amount.stripTrailingZeros().toPlainString();
    }
}
