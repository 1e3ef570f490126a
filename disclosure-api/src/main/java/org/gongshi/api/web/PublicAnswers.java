package org.gongshi.api.web;

import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the public API answers for one penalty record: the record (200) or why it is gone (410). One
 * home, so the audit's "as the public saw it" answers exactly as the public API did.
 */
public final class PublicAnswers {

    private PublicAnswers() {
    }

    /** A public record: the Credit China fields, with when it was published and any corrections. */
    public static Map<String, Object> record(PublicRecordView view, JsonMapper json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(view.record(), LinkedHashMap.class);
        body.put("publicUntilProvisional", Boolean.TRUE.equals(view.publicUntilProvisional()));
        body.put("publishedOn", view.publishedOn());
        body.put("corrections", view.corrections());
        return body;
    }

    /** The 410 problem of a record no longer public: withdrawn, expired or ended by credit repair. */
    public static ProblemDetail gone(PublicRecordView view) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.GONE);
        problem.setProperty("recordId", view.recordId());
        problem.setProperty("state", view.state());
        problem.setProperty("endedOn", view.endedOn());
        if (view.state() == RecordState.WITHDRAWN) {
            problem.setTitle("Record withdrawn");
            problem.setDetail("This penalty record was withdrawn on " + view.withdrawal().withdrawnOn()
                    + " because the decision was " + view.withdrawal().revisionKind() + ": " + view.withdrawal().reason());
            problem.setProperty("reason", view.withdrawal().reason());
            problem.setProperty("withdrawnOn", view.withdrawal().withdrawnOn());
        } else if (view.state() == RecordState.EXPIRED) {
            problem.setTitle("Publicity period ended");
            problem.setDetail("This penalty record was public until " + view.record().publicUntil() + " (SAMR Order 45 Art 13)");
        } else {
            problem.setTitle("Publication ended by credit repair");
            problem.setDetail("Publication of this record ended early on " + view.endedOn() + " after credit repair (SAMR Order 45 Art 14); the penalty itself stands");
        }
        return problem;
    }

}
