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
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.gongshi.projections.writes.BatchedWrites;
import org.gongshi.projections.writes.ReadModelWrites;

import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.gongshi.projections.writes.ReadModelWrites.position;

/**
 * Builds {@link PenaltyHistory}: one document per case with the subject's USCC, and once a penalty
 * is decided, the decision and whether it still stands (a revocation or a confirmation of invalidity
 * ends it; a change leaves a penalty standing). Writes are conditional on the event's global
 * position, so a redelivery changes nothing. They read nothing back and are sent together at the end of a processor's
 * batch ({@link BatchedWrites}), in order: a replay made one round trip per event here (issue 13). A handler cannot fail
 * but at that end, which fails the batch; it is processed again.
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
        BatchedWrites.write(history, ReadModelWrites.creation(history, e.caseId(), new Document("uscc", e.party().uscc())
                .append(PenaltyHistory.PERSON, e.party().uscc() == null ? PenaltyHistory.person(e.party().idNumber()) : null)
                .append("subjectName", e.party().name())
                .append("bureau", e.bureau()).append("division", e.division()).append("standing", false)
                .append("ipType", e.ipType() == null ? null : e.ipType().name())
                .append("procedure", e.procedure() == null ? null : e.procedure().name()).append("violationType", e.violationType())
                .append(ReadModelWrites.LAST_GLOBAL_INDEX, position(token))));
    }

    @EventHandler
    void on(PenaltyDecided e, TrackingToken token) {
        apply(e.caseId(), token, set("decisionNumber", e.decisionNumber()),
                set("decidedOn", PenaltyHistory.date(e.decidedOn())), set("standing", true), set("penaltyTypes", types(e.penalties())));
    }

    private static List<String> types(List<Penalty> penalties) {
        return penalties == null ? List.of() : penalties.stream().map(p -> p.type().name()).toList();
    }

    @EventHandler
    void on(DecisionRevised e, TrackingToken token) {
        if (e.kind() == RevisionKind.CHANGED) {
            // the changed decision's penalties are the ones in force
            apply(e.caseId(), token, set("penaltyTypes", types(e.penalties())));
            return;
        }
        if (!e.kind().endsDecision()) return;
        apply(e.caseId(), token, set("standing", false), set("revokedOn", PenaltyHistory.date(e.effectiveOn())));
    }

    /**
     * A natural person's name (a party without a USCC) reads as shredded once the case's data subject was shredded, and their key
     * ({@link PenaltyHistory#person}) is gone with it.
     */
    @EventHandler
    void on(SubjectShredded e) {
        BatchedWrites.write(history, new UpdateOneModel<>(and(eq("_id", e.subjectId()), eq("uscc", null)),
                Updates.combine(set("subjectName", PersonalData.SHREDDED), Updates.unset(PenaltyHistory.PERSON))));
    }

    private void apply(String caseId, TrackingToken token, Bson... updates) {
        BatchedWrites.write(history, ReadModelWrites.application(caseId, position(token), updates));
    }

    @ResetHandler
    void reset() {
        history.deleteMany(new Document());
    }
}
