package org.gongshi.projections.listings;

import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.ledger.privacy.event.SubjectShredded;

import com.mongodb.client.MongoCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.projections.writes.ReadModelWrites;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.gongshi.projections.writes.ReadModelWrites.apply;
import static org.gongshi.projections.writes.ReadModelWrites.create;
import static org.gongshi.projections.writes.ReadModelWrites.position;

/**
 * Builds {@link PenaltyHistory}: one document per case with the subject's USCC, and once a penalty
 * is decided, the decision and whether it still stands (a revocation or a confirmation of invalidity
 * ends it; a change leaves a penalty standing). Writes are conditional on the event's global
 * position, so a redelivery changes nothing.
 */
@ProcessingGroup(PenaltyHistoryProjection.PROCESSING_GROUP)
public class PenaltyHistoryProjection {

    public static final String PROCESSING_GROUP = "penalty-history";

    private final MongoCollection<Document> history;

    public PenaltyHistoryProjection(PenaltyHistory penaltyHistory) {
        this(penaltyHistory.collection());
    }

    /** Writing into {@code history}: the live collection, or a rebuild's. */
    public PenaltyHistoryProjection(MongoCollection<Document> history) {
        this.history = history;
    }

    @EventHandler
    void on(CaseFiled e, TrackingToken token) {
        create(history, e.caseId(), new Document("uscc", e.party().uscc())
                .append(PenaltyHistory.PERSON, e.party().uscc() == null ? PenaltyHistory.person(e.party().idNumber()) : null)
                .append("subjectName", e.party().name())
                .append("bureau", e.bureau()).append("division", e.division()).append("standing", false)
                .append("ipType", e.ipType() == null ? null : e.ipType().name())
                .append("procedure", e.procedure() == null ? null : e.procedure().name()).append("violationType", e.violationType())
                .append(ReadModelWrites.LAST_GLOBAL_INDEX, position(token)));
    }

    @EventHandler
    void on(PenaltyDecided e, TrackingToken token) {
        apply(history, e.caseId(), position(token), set("decisionNumber", e.decisionNumber()),
                set("decidedOn", PenaltyHistory.date(e.decidedOn())), set("standing", true), set("penaltyTypes", types(e.penalties())));
    }

    private static java.util.List<String> types(java.util.List<org.gongshi.ledger.vocabulary.Penalty> penalties) {
        return penalties == null ? java.util.List.of() : penalties.stream().map(p -> p.type().name()).toList();
    }

    @EventHandler
    void on(DecisionRevised e, TrackingToken token) {
        if (e.kind() == org.gongshi.ledger.vocabulary.RevisionKind.CHANGED) {
            // the changed decision's penalties are the ones in force
            apply(history, e.caseId(), position(token), set("penaltyTypes", types(e.penalties())));
            return;
        }
        if (!e.kind().endsDecision()) return;
        apply(history, e.caseId(), position(token), set("standing", false), set("revokedOn", PenaltyHistory.date(e.effectiveOn())));
    }

    /**
     * A natural person's name (a party without a USCC) reads as shredded once the case's data subject was shredded, and their key
     * ({@link PenaltyHistory#person}) is gone with it.
     */
    @EventHandler
    void on(SubjectShredded e) {
        history.updateOne(and(eq("_id", e.subjectId()), eq("uscc", null)),
                com.mongodb.client.model.Updates.combine(set("subjectName", PersonalData.SHREDDED), com.mongodb.client.model.Updates.unset(PenaltyHistory.PERSON)));
    }

    @ResetHandler
    void reset() {
        history.deleteMany(new Document());
    }
}
