package org.gongshi.ledger.disclosure.event;

import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.vocabulary.PenaltyType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The public administrative-penalty record, in the Credit China field set (双公示 data standard),
 * as it is published: built once by the {@link org.gongshi.ledger.disclosure.RedactionPolicy}, and recorded in the event that
 * published (or corrected) it, so what the public saw can always be shown again.
 */
public record PublicRecord(
        String recordId,
        String subjectName,
        PartyKind subjectKind,
        String uscc,
        String legalRepresentative,
        String idNumberMasked,
        String decisionNumber,
        String violationType,
        String facts,
        String legalBasis,
        List<PenaltyType> penaltyTypes,
        String penaltyContent,
        BigDecimal fineAmountTenThousandYuan,
        BigDecimal confiscatedAmountTenThousandYuan,
        LocalDate decidedOn,
        LocalDate publicUntil,
        String authorityName,
        String authorityUscc,
        IpType ipType,
        String division) {

    /**
     * This record with new public texts (更正): same id, subject, decision, amounts and period. The
     * texts must already be redacted; {@code RedactionPolicy.corrected} is the one caller.
     */
    public PublicRecord withTexts(String legalRepresentative, String violationType, String facts, String legalBasis,
                                  String penaltyContent) {
        return new PublicRecord(recordId, subjectName, subjectKind, uscc, legalRepresentative, idNumberMasked, decisionNumber,
                violationType, facts, legalBasis, penaltyTypes, penaltyContent, fineAmountTenThousandYuan,
                confiscatedAmountTenThousandYuan, decidedOn, publicUntil, authorityName, authorityUscc, ipType, division);
    }
}
