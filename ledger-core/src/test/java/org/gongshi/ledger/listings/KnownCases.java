package org.gongshi.ledger.listings;

import org.gongshi.ledger.cases.BasisFacts;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Case aggregates a listing test knows, as {@link BasisCases} reports them. */
final class KnownCases implements BasisCases {

    static final List<Penalty> FINE = List.of(new Penalty(PenaltyType.FINE, new java.math.BigDecimal("30000"), null));

    private final Map<String, BasisFacts> cases = new HashMap<>();

    /** A standing penalty decision of {@code bureau} against {@code uscc}, decided on {@code decidedOn}: a fine, paid (its execution recorded). */
    KnownCases penalty(String caseId, String bureau, String uscc, LocalDate decidedOn) {
        return add(new BasisFacts(caseId, bureau, null, uscc, null, true, decidedOn, true, IpType.TRADEMARK, Procedure.ORDINARY, FINE,
                "销售侵犯注册商标专用权的商品", true, true));
    }

    /** Case {@code caseId} as it stands, but with no execution of its penalty recorded: the fine is unpaid. */
    KnownCases unpaid(String caseId) {
        BasisFacts paid = cases.get(caseId);
        return add(new BasisFacts(paid.caseId(), paid.bureau(), paid.authorityName(), paid.uscc(), paid.partyName(), paid.penaltyDecided(), paid.decidedOn(), paid.standing(),
                paid.ipType(), paid.procedure(), paid.penalties(), paid.violationType(), paid.monetaryPenalty(), false));
    }

    /** Case {@code caseId} as it stands after its decision was revoked. */
    KnownCases revoked(String caseId) {
        BasisFacts standing = cases.get(caseId);
        return add(new BasisFacts(standing.caseId(), standing.bureau(), standing.authorityName(), standing.uscc(), standing.partyName(), true, standing.decidedOn(), false,
                standing.ipType(), standing.procedure(), standing.penalties(), standing.violationType(), standing.monetaryPenalty(),
                standing.executed()));
    }

    KnownCases add(BasisFacts facts) {
        cases.put(facts.caseId(), facts);
        return this;
    }

    @Override
    public Optional<BasisFacts> find(String caseId) {
        return Optional.ofNullable(cases.get(caseId));
    }

    private final Map<String, org.gongshi.ledger.disclosure.RecordRedactions> hidden = new HashMap<>();

    /** Case {@code caseId}'s public record hid {@code terms} (its bureau listed them) and read {@code texts}. */
    KnownCases redacted(String caseId, List<String> terms, List<String> texts) {
        hidden.put(caseId, new org.gongshi.ledger.disclosure.RecordRedactions(terms, texts));
        return this;
    }

    @Override
    public org.gongshi.ledger.disclosure.RecordRedactions recordRedactions(String caseId) {
        return hidden.getOrDefault(caseId, org.gongshi.ledger.disclosure.RecordRedactions.NONE);
    }
}
