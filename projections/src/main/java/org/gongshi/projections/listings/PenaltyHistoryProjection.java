package org.gongshi.projections.listings;

import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.ledger.privacy.event.SubjectShredded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.PenaltyDecided;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

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
        this.history = penaltyHistory.collection();
    }

    @EventHandler
    void on(CaseFiled e, TrackingToken token) {
        long position = position(token);
        history.updateOne(eq("_id", e.caseId()), combine(setOnInsert("uscc", e.party().uscc()),
                setOnInsert("subjectName", e.party().name()), setOnInsert("bureau", e.bureau()), setOnInsert("division", e.division()),
                setOnInsert("standing", false), setOnInsert("lastGlobalIndex", position)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(PenaltyDecided e, TrackingToken token) {
        long position = position(token);
        history.updateOne(and(eq("_id", e.caseId()), lt("lastGlobalIndex", position)), combine(set("decisionNumber", e.decisionNumber()),
                set("decidedOn", PenaltyHistory.date(e.decidedOn())), set("standing", true), set("lastGlobalIndex", position)));
    }

    @EventHandler
    void on(DecisionRevised e, TrackingToken token) {
        if (!e.kind().endsDecision()) return;
        long position = position(token);
        history.updateOne(and(eq("_id", e.caseId()), lt("lastGlobalIndex", position)),
                combine(set("standing", false), set("revokedOn", PenaltyHistory.date(e.effectiveOn())), set("lastGlobalIndex", position)));
    }

    /** A natural person's name (a party without a USCC) reads as shredded once the case's data subject was shredded. */
    @EventHandler
    void on(SubjectShredded e) {
        history.updateOne(and(eq("_id", e.subjectId()), eq("uscc", null)), set("subjectName", PersonalData.SHREDDED));
    }

    @ResetHandler
    void reset() {
        history.deleteMany(new Document());
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position: " + token));
    }
}
