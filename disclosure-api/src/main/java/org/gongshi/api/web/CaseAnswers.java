package org.gongshi.api.web;

import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.projections.cases.CaseView;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a case read answers: the case view plus what depends on the day it is read for. One home for the case reads and the audit's as-of answers. */
public final class CaseAnswers {

    private CaseAnswers() {
    }

    /**
     * The view plus, as of {@code today}: whether the case is overdue (its decision deadline, or a disclosure deadline its
     * decision passed undisclosed) and escalation due; and the disclosure deadlines its decision still awaits ({@code
     * disclosureDue}, on {@code rules}' calendar; null when none), so a bureau sees them before they are met or missed.
     */
    public static Map<String, Object> present(CaseView view, LocalDate today, JsonMapper json, Rulebook rules) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(view, LinkedHashMap.class);
        boolean open = !Boolean.TRUE.equals(view.disposed());
        body.put("overdue", view.overdueOn(today));
        body.put("escalationDue", open && view.escalationDueOn() != null && !today.isBefore(view.escalationDueOn()));
        body.put("disclosureDue", json.convertValue(view.disclosureDue(rules), LinkedHashMap.class));
        body.remove("lastGlobalIndex");
        return body;
    }
}
